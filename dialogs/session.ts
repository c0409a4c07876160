import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Locale } from '../knowledge';
import { localeFromTag, translate, type Translate } from '../locales/i18n';
import { MAX_DETOURS } from './check';

/** Per conversation: a counter, nothing the person typed. */
export interface CheckFlags {
  detours: number;
}

/** Per person: the language they asked for, kept for their next check too. */
export interface Profile {
  locale?: Locale;
}

export interface SessionDeps {
  flags: StatePropertyAccessor<CheckFlags>;
  profile: StatePropertyAccessor<Profile>;
  defaultLocale: Locale;
}

// The language is asked for several times a turn (interrupts, prompt, replies); it is worked out
// once per turn and kept in turn state.
const TURN_LOCALE = Symbol('locale');

/**
 * The little the dialogs keep outside their own dialog state. The accessors are made once by
 * bot/app.ts; the bot saves both states once at the end of each turn.
 */
export class Session {
  constructor(private readonly deps: SessionDeps) {}

  /** The language asked for, else the channel's (Web Chat sends "es-MX"), else the configured one. */
  async locale(context: TurnContext): Promise<Locale> {
    const known = context.turnState.get(TURN_LOCALE) as Locale | undefined;
    if (known) return known;
    const profile = await this.deps.profile.get(context);
    const locale = profile?.locale ?? localeFromTag(context.activity.locale) ?? this.deps.defaultLocale;
    context.turnState.set(TURN_LOCALE, locale);
    return locale;
  }

  /** The words of the conversation's language this turn. */
  async translator(context: TurnContext): Promise<Translate> {
    return translate(await this.locale(context));
  }

  async chooseLocale(context: TurnContext, locale: Locale): Promise<void> {
    await this.deps.profile.set(context, { locale });
    context.turnState.set(TURN_LOCALE, locale);
  }

  /** A new check starts with no detours, even in a conversation that had one before. */
  async startCheck(context: TurnContext): Promise<void> {
    await this.deps.flags.set(context, { detours: 0 });
  }

  /** Counts a message that did not move the check on; true once there have been too many. */
  async detour(context: TurnContext): Promise<boolean> {
    const flags = await this.deps.flags.get(context, { detours: 0 });
    const detours = flags.detours + 1;
    await this.deps.flags.set(context, { detours });
    return detours > MAX_DETOURS;
  }
}
