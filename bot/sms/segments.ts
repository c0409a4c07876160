import { gsm7Septets } from './gsm7';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSize {
  encoding: SmsEncoding;
  /** Septets for GSM-7 (extension characters count two), UTF-16 code units for UCS-2. */
  units: number;
  /** Segments the carrier bills; 0 for empty text, which is never sent. */
  segments: number;
}

// A single SMS holds 140 bytes; a concatenated one spends 6 of them on its header.
const LIMITS: Readonly<Record<SmsEncoding, { single: number; perSegment: number }>> = Object.freeze({
  'GSM-7': { single: 160, perSegment: 153 },
  'UCS-2': { single: 70, perSegment: 67 },
});

/** How many segments `text` costs as it is (call toGsm7 first to avoid UCS-2). */
export function smsSegments(text: string): SmsSize {
  const chars = [...text];
  const septets = chars.map(gsm7Septets);
  const gsm = septets.every((count) => count !== undefined);
  const encoding: SmsEncoding = gsm ? 'GSM-7' : 'UCS-2';
  // Neither an escape pair nor a surrogate pair may be cut between two segments.
  const sizes = gsm ? (septets as number[]) : chars.map((char) => char.length);
  const units = sizes.reduce((sum, size) => sum + size, 0);
  const { single, perSegment } = LIMITS[encoding];
  if (units === 0) return { encoding, units, segments: 0 };
  if (units <= single) return { encoding, units, segments: 1 };
  let segments = 1;
  let filled = 0;
  for (const size of sizes) {
    if (filled + size > perSegment) {
      segments += 1;
      filled = 0;
    }
    filled += size;
  }
  return { encoding, units, segments };
}

/** Twilio refuses a message body longer than this many characters. */
export const MAX_MESSAGE_CHARS = 1600;

// From the widest cut to the narrowest: a paragraph, a line, a sentence, a word. Each cuts after
// the whitespace, so the pieces put back together are the text.
const BOUNDARIES: readonly RegExp[] = [/(?<=\n\n)/, /(?<=\n)/, /(?<=[.!?…]\s+)/, /(?<=\s)/];

/** Splits text into messages of at most `max` characters, cutting at the widest boundary that fits. */
export function splitMessage(text: string, max: number = MAX_MESSAGE_CHARS): string[] {
  return pack(text.trim(), max, 0).map((part) => part.trim()).filter((part) => part !== '');
}

function pack(text: string, max: number, level: number): string[] {
  if ([...text].length <= max) return [text];
  const boundary = BOUNDARIES[level];
  if (!boundary) return hardCut(text, max);
  const pieces = text.split(boundary).flatMap((piece) => pack(piece, max, level + 1));
  const messages: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const joined = current + piece;
    if ([...joined].length <= max) {
      current = joined;
    } else {
      messages.push(current);
      current = piece;
    }
  }
  if (current !== '') messages.push(current);
  return messages;
}

function hardCut(text: string, max: number): string[] {
  const chars = [...text];
  const parts: string[] = [];
  for (let start = 0; start < chars.length; start += max) parts.push(chars.slice(start, start + max).join(''));
  return parts;
}
