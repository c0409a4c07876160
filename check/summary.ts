import { ITEM_IDS, itemLabel, unlistedLabel, type Locale } from '../knowledge';
import { translate } from '../locales/i18n';
import type { Answer, Notes, Subject } from './check';

// Building an Intl.ListFormat is far dearer than using one; one per language, made on first use.
const listFormats = new Map<Locale, Intl.ListFormat>();
export const listFormat = (locale: Locale): Intl.ListFormat => {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return format;
};

/**
 * What the person reported and denied, to read to the scheduler: no count, no score, no reading
 * of what it might mean.
 */
export function summaryMessage(notes: Notes, subject: Subject, locale: Locale, mentioned: readonly string[] = []): string {
  const t = translate(locale);
  const list = listFormat(locale);
  const labelled = (answer: Answer) => ITEM_IDS.filter((id) => notes[id] === answer).map((id) => itemLabel(id, locale));
  const [yes, unsure, no] = [labelled('yes'), labelled('unsure'), labelled('no')];
  const lines = [t(`summary.intro.${subject}`)];
  if (yes.length > 0) lines.push(t('summary.has', { items: list.format(yes) }));
  if (unsure.length > 0) lines.push(t('summary.unsure', { items: list.format(unsure) }));
  const allAnswered = ITEM_IDS.every((id) => notes[id] !== undefined);
  if (no.length > 0 && !allAnswered) lines.push(t('summary.hasNot', { items: list.format(no) }));
  // Every item asked and the rest denied: one short line instead of a long list to read out.
  else if (no.length > 0) lines.push(t(yes.length + unsure.length > 0 ? 'summary.noToRest' : 'summary.noToAll'));
  // Things outside the list, so the team hears of them too (labels from knowledge, never typed text).
  if (mentioned.length > 0) lines.push(t('summary.alsoMentioned', { things: list.format(mentioned.map((id) => unlistedLabel(id, locale))) }));
  return lines.join('\n\n');
}
