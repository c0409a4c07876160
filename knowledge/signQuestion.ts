import type { ItemId, Locale } from './ids';
import { understand } from './understand';

// "Are night sweats a sign?", "¿los moretones son un síntoma?": a question about one thing being a
// sign of ALL. The thing is read as if said plainly, so the same vocabulary that reads a report
// names it: an item on our list, or something outside it.

/** What a "sign of ALL?" question asks about, if it names one thing. */
export type SignAsked = { item: ItemId } | { unlisted: string };

// The word that makes it a question about signs, and the words around what is asked about. Only
// the frame is here; what is asked about is read by the knowledge base.
const SIGN_WORD: Record<Locale, RegExp> = {
  en: /\b(?:an?\s+)?(?:early\s+|common\s+|warning\s+)?(?:signs?|symptoms?)\b/i,
  es: /\b(?:(?:un|una)\s+)?(?:señal|señales|signo|signos|síntoma|síntomas|sintoma|sintomas)\b/i,
};
const OF_ALL: Record<Locale, RegExp> = {
  en: /^\s*(?:of|for)\s+(?:leukemia|leukaemia|all|cancer|blood cancer)\b/i,
  es: /^\s*(?:de|para)\s+(?:la\s+)?(?:leucemia|lla|cáncer|cancer)\b/i,
};
const FRAME: Record<Locale, { before: RegExp; after: RegExp }> = {
  en: { before: /^\s*(?:so\s+|and\s+|but\s+)?(?:is|are|could|can|would|might|do|does|isn'?t|aren'?t)\s+/i, after: /\s+(?:be|is|are|mean|count\s+as|considered)\s*$/i },
  es: { before: /^\s*¿?\s*(?:y\s+|pero\s+)?(?:es|son|será|serán|puede\s+ser|pueden\s+ser)?\s*/i, after: /\s+(?:es|son|será|serán|puede\s+ser|pueden\s+ser|cuenta\s+como)\s*$/i },
};

export function signAskedAbout(text: string, locale: Locale): SignAsked | null {
  const sign = SIGN_WORD[locale].exec(text);
  if (!sign) return null;
  const before = text.slice(0, sign.index).replace(/[¿?¡!]/g, ' ').replace(FRAME[locale].before, '').replace(FRAME[locale].after, '').trim();
  // "¿es señal el cansancio?": the thing after the sign word, less "of leukemia".
  const after = text.slice(sign.index + sign[0].length).replace(/[¿?¡!]/g, ' ').replace(OF_ALL[locale], '').trim();
  const asked = before !== '' ? before : after;
  if (asked === '') return null;
  const read = understand(asked, locale);
  const items = [...read.present, ...read.unsure];
  if (items.length === 1 && read.unlisted.length === 0) return { item: items[0]! };
  if (items.length === 0 && read.unlisted.length === 1) return { unlisted: read.unlisted[0]! };
  return null;
}
