import { ITEM_IDS, itemLabel, LOCALES, type ItemId } from '../knowledge';
import { translate } from '../locales/i18n';
import { normalise, type Normalised } from './keywords';
import { CHOICE_KEYS, CLOSING_CHOICE_KEYS, OLD_CHOICE_KEYS, signKey } from './questions';
import { SCREEN_SIGNS, type ScreenSign } from './screen';

// Our own buttons, matched exactly and in both languages: a tap never depends on the free-text
// matcher, and a stale button from before a language switch still works.

export type ButtonKey = (typeof CHOICE_KEYS)[keyof typeof CHOICE_KEYS][number] | (typeof OLD_CHOICE_KEYS)[number] | (typeof CLOSING_CHOICE_KEYS)[number] | ReturnType<typeof signKey>;

let buttonWords: Map<ButtonKey, Set<Normalised>> | undefined;
/** Each button's words, normalised, in both languages: built on first use, once. */
function buttons(): Map<ButtonKey, Set<Normalised>> {
  buttonWords ??= new Map(
    [...Object.values(CHOICE_KEYS).flat(), ...OLD_CHOICE_KEYS, ...CLOSING_CHOICE_KEYS, ...SCREEN_SIGNS.map(signKey)].map((key) => [key, new Set(LOCALES.map((locale) => normalise(translate(locale)(key))))]),
  );
  return buttonWords;
}

let itemsByLabel: Map<Normalised, ItemId> | undefined;
/** Item labels, normalised, in both languages. Built on first use, once. */
function itemLabels(): Map<Normalised, ItemId> {
  itemsByLabel ??= new Map(ITEM_IDS.flatMap((id) => LOCALES.map((locale) => [normalise(itemLabel(id, locale)), id] as const)));
  return itemsByLabel;
}

/** The screen sign whose button this is, in either language. */
export const signByLabel = (normalised: Normalised): ScreenSign | undefined => SCREEN_SIGNS.find((sign) => isLabel(normalised, signKey(sign)));

/** Whether the message is the text of this button, in either language. */
export const isLabel = (normalised: Normalised, key: ButtonKey): boolean => buttons().get(key)!.has(normalised);

/** The item whose button label this is, in either language. */
export const itemByLabel = (normalised: Normalised): ItemId | undefined => itemLabels().get(normalised);

/**
 * Whether the message is one of our own buttons. The interrupt check skips the free-text matcher
 * for these: a tapped "Shortness of breath" is an answer, not a cry for help.
 */
export function isButtonText(normalised: Normalised): boolean {
  return itemByLabel(normalised) !== undefined || [...buttons().values()].some((words) => words.has(normalised));
}
