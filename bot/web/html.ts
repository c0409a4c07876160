const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);

/**
 * JSON that is safe inside <script type="application/json"> or a script body: `<` cannot close
 * the element and U+2028/2029 cannot end a line in older JavaScript engines.
 */
export const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** Up to two initials for the avatar: "Symptom Check" → "SC". */
export function initials(name: string): string {
  const words = name.split(/[\s\-_]+/).filter((word) => /\p{L}|\p{N}/u.test(word));
  const letters = words.map((word) => Array.from(word).find((char) => /\p{L}|\p{N}/u.test(char)) ?? '');
  return (letters.length > 1 ? letters[0]! + letters[letters.length - 1]! : Array.from(words[0] ?? '?').slice(0, 2).join('')).toUpperCase();
}
