import { Activity, ActivityTypes, InputHints, MemoryStorage, TestAdapter, type Middleware } from 'botbuilder';
import { createCheckBot } from '../../bot/checkBot';
import type { Config } from '../../bot/config';
import type { ClosingReason } from '../../check/check';

// Drives the whole bot (state, dialogs, turn error handler) through botbuilder's TestAdapter.
// One harness is one conversation; `storage` can be copied to branch it (see the dialog walk).

export const TEST_CONFIG: Pick<Config, 'appointment' | 'defaultLocale'> = {
  appointment: { phone: '1-888-663-3488', organization: 'Moffitt Cancer Center' },
  defaultLocale: 'en',
};

export interface HarnessOptions {
  /** Web Chat and Direct Line show suggested actions; "sms" gets numbered lists. */
  channelId?: string;
  /** The activity's locale, as a channel would send it ("es-MX"). */
  locale?: string;
  storage?: MemoryStorage;
  /** Another conversation on the same storage (the same person, from the same user id). */
  conversationId?: string;
  config?: Pick<Config, 'appointment' | 'defaultLocale'>;
  /** Channel edges to run before the bot, as bot/app.ts registers them (card submits, Teams). */
  middleware?: Middleware[];
}

export interface Harness {
  /** Sends a message (or any activity) and returns the bot's replies of that turn. */
  say(input: string | Partial<Activity>): Promise<Partial<Activity>[]>;
  /** A person joining, as Web Chat and the Emulator announce it. */
  join(): Promise<Partial<Activity>[]>;
  storage: MemoryStorage;
  ended: ClosingReason[];
  errors: unknown[];
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const storage = options.storage ?? new MemoryStorage();
  const ended: ClosingReason[] = [];
  const errors: unknown[] = [];
  const { bot, onTurnError } = createCheckBot({
    config: options.config ?? TEST_CONFIG,
    storage,
    logger: { error: (details) => errors.push(details) },
    onCheckEnded: (reason) => ended.push(reason),
  });
  const adapter = new TestAdapter((context) => bot.run(context), {
    channelId: options.channelId ?? 'directline',
    locale: options.locale,
    ...(options.conversationId ? { conversation: { id: options.conversationId, isGroup: false, conversationType: 'personal', name: options.conversationId } } : {}),
  });
  adapter.onTurnError = onTurnError;
  for (const middleware of options.middleware ?? []) adapter.use(middleware);

  const turn = async (activity: Partial<Activity>) => {
    await adapter.receiveActivity(activity);
    return adapter.activeQueue.splice(0, adapter.activeQueue.length);
  };
  return {
    say: (input) => turn(typeof input === 'string' ? { type: ActivityTypes.Message, text: input } : input),
    join: () =>
      turn({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'user', name: 'User' }], recipient: { id: 'bot', name: 'Bot' } }),
    storage,
    ended,
    errors,
  };
}

/** The buttons a reply offers, whichever way the channel shows them. */
export function offeredChoices(reply: Partial<Activity> | undefined): string[] {
  const suggested = reply?.suggestedActions?.actions.map((action) => String(action.value)) ?? [];
  const onCards = (reply?.attachments ?? []).flatMap(
    (attachment) => (attachment.content as { buttons?: { value: unknown }[] } | undefined)?.buttons?.map((b) => String(b.value)) ?? [],
  );
  return [...suggested, ...onCards];
}

export const isPrompt = (reply: Partial<Activity> | undefined) => reply?.inputHint === InputHints.ExpectingInput;

/** The text a person would see: the message text, or a hero card's text. */
export function shownText(reply: Partial<Activity>): string {
  const cardTexts = (reply.attachments ?? []).map((attachment) => (attachment.content as { text?: string } | undefined)?.text ?? '');
  return [reply.text ?? '', ...cardTexts].filter(Boolean).join('\n');
}

/**
 * Answers "Who is this check for?" and then the red-flag screen with "None of these"; returns
 * the replies to the screen's answer (the open question), for tests about what comes after.
 */
export async function pastScreen(harness: Pick<Harness, 'say'>, t: (key: 'who.choices.self' | 'who.choices.child' | 'who.choices.someone' | 'screen.choices.none') => string, who: 'self' | 'child' | 'someone' = 'self') {
  await harness.say(t(`who.choices.${who}`));
  return harness.say(t('screen.choices.none'));
}
