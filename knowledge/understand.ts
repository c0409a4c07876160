import type { Locale } from './ids';
import type { Understanding } from './types';

// TEMPORARY STUB while the matcher is written (issue 2): returns an empty understanding.
export function understand(_text: string, _locale: Locale): Understanding {
  return { present: [], absent: [], emergency: false, emergencyKind: null, answer: null, faq: null, explain: null };
}
