import type { Activity, CardAction } from 'botbuilder';

export const TEAMS_BOT = { id: '28:6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f', name: 'ALL Symptom Check' };
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** What a person can press in a reply, as the activity Teams would send back for it. */
export interface Offer {
  title: string;
  /** The next activity's text (imBack) or value (card submit). */
  text?: string;
  value?: unknown;
}

/** Plays Microsoft Teams in a personal chat: posts expectReplies activities to /api/messages (auth off). */
export class FakeTeams {
  private sequence = 0;
  readonly user: { id: string; name: string; aadObjectId: string };
  readonly conversationId: string;

  constructor(
    private readonly baseUrl: string,
    userNumber = 1,
  ) {
    this.user = { id: `29:user-${userNumber}`, name: `Test User ${userNumber}`, aadObjectId: `00000000-0000-4000-8000-00000000000${userNumber}` };
    this.conversationId = `a:personal-chat-${userNumber}-${Date.now()}`;
  }

  private activity(fields: Partial<Activity>): Partial<Activity> {
    this.sequence += 1;
    return {
      id: `1700000000${String(this.sequence).padStart(3, '0')}`,
      timestamp: new Date(),
      channelId: 'msteams',
      // Replies are buffered (expectReplies), so this is never called; it must still be a URL.
      serviceUrl: 'http://127.0.0.1:9/teams/',
      from: this.user,
      recipient: TEAMS_BOT,
      conversation: { id: this.conversationId, conversationType: 'personal', tenantId: TENANT_ID, isGroup: false, name: '' },
      channelData: { tenant: { id: TENANT_ID } },
      locale: 'en-US',
      ...fields,
    };
  }

  async post(fields: Partial<Activity>): Promise<{ status: number; replies: Partial<Activity>[] }> {
    const response = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...this.activity(fields), deliveryMode: 'expectReplies' }),
    });
    const body = response.status === 200 ? ((await response.json()) as { activities?: Partial<Activity>[] }) : {};
    return { status: response.status, replies: body.activities ?? [] };
  }

  /** The app is installed in personal scope: Teams' documented event lists the bot and the person. */
  install(): Promise<{ status: number; replies: Partial<Activity>[] }> {
    return this.post({ type: 'conversationUpdate', membersAdded: [{ id: TEAMS_BOT.id, name: '' }, { id: this.user.id, name: '', aadObjectId: this.user.aadObjectId }] });
  }

  say(text: string) {
    return this.post({ type: 'message', text });
  }

  /** An Adaptive Card Action.Submit: Teams sends the data as value, with no text. */
  submit(value: unknown) {
    return this.post({ type: 'message', text: '', value });
  }

  /** Presses an offer the way Teams sends it. */
  press(offer: Offer) {
    return offer.text !== undefined ? this.say(offer.text) : this.submit(offer.value);
  }
}

const fromCardAction = (action: Partial<CardAction>): Offer | undefined => {
  const title = action.title ?? '';
  if (action.type === 'imBack') return { title, text: String(action.value ?? title) };
  if (action.type === 'messageBack') return action.text ? { title, text: action.text } : { title, value: action.value };
  return undefined;
};

interface AdaptiveNode {
  type?: string;
  title?: string;
  data?: unknown;
  [key: string]: unknown;
}

function adaptiveSubmits(node: unknown): Offer[] {
  if (Array.isArray(node)) return node.flatMap(adaptiveSubmits);
  if (!node || typeof node !== 'object') return [];
  const element = node as AdaptiveNode;
  const own: Offer[] = element.type === 'Action.Submit' ? [{ title: element.title ?? '', value: element.data }] : [];
  return [...own, ...Object.values(element).flatMap(adaptiveSubmits)];
}

/** Every button in a turn's replies: suggested actions, hero card buttons, Adaptive Card submits. */
export function offersIn(replies: readonly Partial<Activity>[]): Offer[] {
  return replies.flatMap((reply) => [
    ...(reply.suggestedActions?.actions ?? []).map(fromCardAction),
    ...(reply.attachments ?? []).flatMap((attachment) =>
      attachment.contentType === 'application/vnd.microsoft.card.adaptive'
        ? adaptiveSubmits(attachment.content)
        : ((attachment.content as { buttons?: Partial<CardAction>[] } | undefined)?.buttons ?? []).map(fromCardAction),
    ),
  ]).filter((offer): offer is Offer => offer !== undefined);
}

/** All the words a turn's replies show: texts and card texts. */
export function textOf(replies: readonly Partial<Activity>[]): string {
  return replies
    .flatMap((reply) => [reply.text ?? '', ...(reply.attachments ?? []).map((attachment) => JSON.stringify(attachment.content ?? ''))])
    .join('\n');
}
