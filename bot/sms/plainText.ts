import { isHorizontalRule, isTableRow, isTableRule, tableRowAsLine } from '../crossChannel/markdownBlocks';

// Bot replies are written in the markdown Web Chat and Teams show; a phone shows every character
// as typed, so the markup goes and what it pointed to stays readable.

const HTML_ENTITIES: Readonly<Record<string, string>> = Object.freeze({
  '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&nbsp;': ' ',
});

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** How a link reads in plain text: a tel: link becomes its number, a web link its address. */
export function linkToPlain(label: string, target: string): string {
  const scheme = /^(tel|sms|mailto):/i.exec(target)?.[1]?.toLowerCase();
  if (scheme) {
    const address = decodeURIComponent(target.slice(scheme.length + 1)).split('?')[0] ?? '';
    // "Call [1-888-663-3488](tel:+18886633488)": the label is already the number.
    const labelHasAddress = scheme === 'mailto' ? label.includes(address) : digitsOf(address).endsWith(digitsOf(label)) && digitsOf(label).length >= 7;
    return labelHasAddress || label === '' ? label || address : `${label} (${address})`;
  }
  const bare = target.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  if (label === '' || label === target || label.replace(/\/$/, '') === bare) return target;
  return `${label} (${target})`;
}

/** Markdown (and the little HTML some cards carry) to text a phone shows as it is. */
export function markdownToPlain(markdown: string): string {
  let text = markdown.replace(/\r\n?/g, '\n');
  text = text.replace(/^\s*```.*$/gm, '');
  text = text.replace(/!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, (_match, alt: string) => alt);
  text = text.replace(/\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, (_match, label: string, target: string) => linkToPlain(label, target));
  text = text.replace(/<((?:https?|tel|mailto):[^>\s]+)>/gi, (_match, target: string) => linkToPlain('', target));
  text = text.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>\s*<p[^>]*>/gi, '\n\n').replace(/<\/?[a-z][^>]*>/gi, '');
  text = text.replace(/&(?:amp|lt|gt|quot|#39|apos|nbsp);/g, (entity) => HTML_ENTITIES[entity] ?? entity);
  text = text.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2');
  text = text.replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2');
  text = text.replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1$2');
  text = text.replace(/~~(.+?)~~/g, '$1').replace(/`([^`]*)`/g, '$1');
  text = text
    .split('\n')
    .map((line) => {
      if (isHorizontalRule(line) || isTableRule(line)) return '';
      if (isTableRow(line)) return tableRowAsLine(line);
      // Indents cost characters and a phone shows no nesting; ChoiceFactory.list indents its items.
      return line.trim().replace(/^#{1,6}\s+/, '').replace(/^>\s?/, '').replace(/^[*+]\s+/, '- ');
    })
    .join('\n');
  return text.replace(/\n{3,}/g, '\n\n').trim();
}
