import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Locale } from '../knowledge';
import { translate, type Translate } from '../locales/i18n';
import { localeFromTag } from '../locales/locale';
import { MAX_DETOURS, type ClosingReason } from '../check/check';
import type { Reply } from '../check/replies';

/** A possible red flag waiting for "Is this happening right now?": its kind, never the words. */
export interface PendingEmergency {
  emergencyKind: string | null;
  locale: Locale;
  /** Asked again once already. */
  retried: boolean;
  /**
   * What the message that raised the flag answered to the question on screen, as item ids and
   * answers ("me salen moretones... se tomó muchas pastillas"): kept so that "no, not now" goes
   * on with it instead of losing it.
   */
  deferred?: Extract<Reply, { kind: 'notes' }>;
}

/** Per conversation: counters and ids, nothing the person typed. */
export interface CheckFlags {
  /**
   * The language asked for in this conversation ("español", "hola"). Kept per conversation, never
   * per person: a new conversation starts in its own activity's (or page's) language.
   */
  locale?: Locale;
  detours: number;
  pendingEmergency?: PendingEmergency;
  /** How the last check closed, while no new one has begun: thanks or "ok" get a short answer. */
  ended?: ClosingReason;
  /** The 911 advice closed the check, which waits on its question for "I'm safe, back to my check". */
  paused?: boolean;
  /** Ids of things outside the list the person mentioned (knowledge/data/unlisted.json). */
  mentioned?: string[];
}

export interface SessionDeps {
  flags: StatePropertyAccessor<CheckFlags>;
  defaultLocale: Locale;
}

// The language is asked for several times a turn (interrupts, prompt, replies); it is worked out
// once per turn and kept in turn state.
const TURN_LOCALE = Symbol('locale');

/**
 * The little the dialogs keep outside their own dialog state, all of it per conversation. The
 * accessor is made once by bot/checkBot.ts; the bot saves the state once at the end of each turn.
 */
export class Session {
  constructor(private readonly deps: SessionDeps) {}

  /** The language asked for in this conversation, else the channel's (Web Chat sends "es-MX"), else the configured one. */
  async locale(context: TurnContext): Promise<Locale> {
    const known = context.turnState.get(TURN_LOCALE) as Locale | undefined;
    if (known) return known;
    const chosen = (await this.flags(context)).locale;
    const locale = chosen ?? localeFromTag(context.activity.locale) ?? this.deps.defaultLocale;
    context.turnState.set(TURN_LOCALE, locale);
    return locale;
  }

  /** The language worked out this turn, if it was: for the error handler, which must not read a failing store again. */
  localeKnownThisTurn(context: TurnContext): Locale | undefined {
    return context.turnState.get(TURN_LOCALE) as Locale | undefined;
  }

  /** The words of the conversation's language this turn. */
  async translator(context: TurnContext): Promise<Translate> {
    return translate(await this.locale(context));
  }

  async chooseLocale(context: TurnContext, locale: Locale): Promise<void> {
    await this.update(context, { locale });
    context.turnState.set(TURN_LOCALE, locale);
  }

  /** A new check starts with no detours, even in a conversation that had one before; its language stays. */
  async startCheck(context: TurnContext): Promise<void> {
    const { locale } = await this.flags(context);
    await this.deps.flags.set(context, { detours: 0, ...(locale ? { locale } : {}) });
  }

  async flags(context: TurnContext): Promise<CheckFlags> {
    return this.deps.flags.get(context, { detours: 0 });
  }

  private async update(context: TurnContext, change: Partial<CheckFlags>): Promise<void> {
    await this.deps.flags.set(context, { ...(await this.flags(context)), ...change });
  }

  /** Counts a message that did not move the check on; true once there have been too many. */
  async detour(context: TurnContext): Promise<boolean> {
    const detours = (await this.flags(context)).detours + 1;
    await this.update(context, { detours });
    return detours > MAX_DETOURS;
  }

  async setPendingEmergency(context: TurnContext, pending: PendingEmergency | undefined): Promise<void> {
    await this.update(context, { pendingEmergency: pending });
  }

  async markEnded(context: TurnContext, reason: ClosingReason | undefined): Promise<void> {
    await this.update(context, { ended: reason, pendingEmergency: undefined, paused: undefined });
  }

  /** After the 911 advice: the check's dialogs stay where they were, waiting for the way back. */
  async pause(context: TurnContext): Promise<void> {
    await this.update(context, { paused: true });
  }

  /** Back to the paused check: no longer ended. */
  async resume(context: TurnContext): Promise<void> {
    await this.update(context, { paused: undefined, ended: undefined });
  }

  /** Records things outside the list; returns those not mentioned before (acknowledged once). */
  async mention(context: TurnContext, unlistedIds: readonly string[]): Promise<string[]> {
    const mentioned = (await this.flags(context)).mentioned ?? [];
    const fresh = unlistedIds.filter((id) => !mentioned.includes(id));
    if (fresh.length > 0) await this.update(context, { mentioned: [...mentioned, ...fresh] });
    return fresh;
  }
}
