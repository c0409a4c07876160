import type { ItemId, Locale } from './ids';
import { knowledgeData } from './load';

// Read-only views of the knowledge base's wording for the dialogs.

function item(id: ItemId) {
  const found = knowledgeData().items.find((entry) => entry.id === id);
  if (!found) throw new Error(`unknown item ${id}`);
  return found;
}

/** A short plain name: "Easy bruising". */
export const itemLabel = (id: ItemId, locale: Locale): string => item(id)[locale].label;

/** One sentence on what the item means: "Petechiae are tiny red or purple dots…". */
export const itemExplanation = (id: ItemId, locale: Locale): string => item(id)[locale].explain;

export const faqIds = (): string[] => knowledgeData().faq.map((entry) => entry.id);

/**
 * An FAQ answer, with `{{phone}}` filled in: the appointment line is configuration, not data,
 * so "Who do I call?" gives the number the centre set.
 */
export function faqAnswer(faqId: string, locale: Locale, phone: string): string {
  const found = knowledgeData().faq.find((entry) => entry.id === faqId);
  if (!found) throw new Error(`unknown FAQ ${faqId}`);
  return found[locale].answer.replaceAll('{{phone}}', phone);
}

/** A short plain name of a thing outside the list ("Night sweats"), for "also mentioned". */
export function unlistedLabel(unlistedId: string, locale: Locale): string {
  const found = knowledgeData().unlisted.find((entry) => entry.id === unlistedId);
  if (!found) throw new Error(`unknown unlisted thing ${unlistedId}`);
  return found[locale].label;
}

export const unlistedIds = (): string[] => knowledgeData().unlisted.map((entry) => entry.id);
