import type { ItemId, Locale } from './ids';

// TEMPORARY STUB while the knowledge base is written (issue 2).
export function itemLabel(id: ItemId, _locale: Locale): string {
  return id.replace(/_/g, ' ');
}
export function itemExplanation(id: ItemId, _locale: Locale): string {
  return id.replace(/_/g, ' ');
}
export function faqAnswer(faqId: string, _locale: Locale): string {
  return faqId;
}
export function faqIds(): string[] {
  return [];
}
