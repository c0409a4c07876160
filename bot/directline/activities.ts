import type { Activity } from 'botbuilder';
import { z } from 'zod';

/** Who is in one local Direct Line conversation, and where the bot thinks it is. */
export interface ConversationAddress {
  conversationId: string;
  userId: string;
  botId: string;
  botName: string;
}

// Web Chat speaks for itself as channel "webchat"; the bot sees the same id whether the page
// talks to Azure Direct Line or to our local endpoint.
export const CHANNEL_ID = 'webchat';
// Replies are buffered (expectReplies), so nothing is ever sent to this URL; the connector
// only needs a well-formed one.
const LOCAL_SERVICE_URL = 'http://localhost/v3/directline';

const locale = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/);

/** What we accept from a browser: the fields Web Chat sends for typed text and button clicks. */
export const clientActivitySchema = z.object({
  type: z.enum(['message', 'event']),
  text: z.string().max(4_000).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  value: z.unknown().optional(),
  name: z.string().max(200).optional(),
  locale: locale.optional(),
  localTimestamp: z.string().max(64).optional(),
  localTimezone: z.string().max(64).optional(),
  // Keeps clientActivityID, which Web Chat needs in the echo to mark a message as sent.
  channelData: z.record(z.unknown()).optional(),
  entities: z.array(z.record(z.unknown())).max(10).optional(),
  from: z.object({ name: z.string().max(100).optional() }).optional(),
});
export type ClientActivity = z.infer<typeof clientActivitySchema>;

export const startConversationSchema = z
  .object({ locale: locale.optional() })
  .passthrough()
  .optional();

const botAccount = (address: ConversationAddress) => ({ id: address.botId, name: address.botName, role: 'bot' });

function commonFields(address: ConversationAddress) {
  return {
    channelId: CHANNEL_ID,
    serviceUrl: LOCAL_SERVICE_URL,
    conversation: { id: address.conversationId, isGroup: false, conversationType: 'personal', name: '' },
  };
}

/** The person's activity as the bot receives it and as it is echoed to the page. */
export function userActivity(client: ClientActivity, address: ConversationAddress, fallbackLocale: string | undefined): Partial<Activity> {
  return {
    ...client,
    ...commonFields(address),
    // The token decides who is speaking; a name or id in the body cannot change it.
    from: { id: address.userId, name: client.from?.name ?? '', role: 'user' },
    recipient: botAccount(address),
    locale: client.locale ?? fallbackLocale,
  } as Partial<Activity>;
}

/** Tells the bot the person joined, so it greets them before they type anything. */
export function conversationStart(address: ConversationAddress, locale: string | undefined): Partial<Activity> {
  return {
    type: 'conversationUpdate',
    ...commonFields(address),
    from: { id: address.userId, name: '', role: 'user' },
    recipient: botAccount(address),
    membersAdded: [{ id: address.userId, name: '', role: 'user' }],
    locale,
    timestamp: new Date(),
  } as Partial<Activity>;
}

// Trace and invoke responses are for the Emulator and callers, never for the person.
const HIDDEN_TYPES = new Set(['trace', 'invokeResponse', 'delay']);

export const isForThePerson = (reply: Partial<Activity>) => !HIDDEN_TYPES.has(reply.type ?? '');

/** A bot reply as the page reads it: addressed to the person, from the bot's display name. */
export function botActivity(reply: Partial<Activity>, address: ConversationAddress): Partial<Activity> {
  const { id: _ignoredId, ...rest } = reply;
  return {
    ...rest,
    ...commonFields(address),
    from: botAccount(address),
    recipient: { id: address.userId, name: '', role: 'user' },
  } as Partial<Activity>;
}
