/*
 * Stands in for postcss (56 KB): sanitize-html parses style attributes with it, and Web Chat's
 * markdown allows no style attribute on any element, so it is never called. Were it called,
 * sanitize-html catches the error and drops the attribute, the safe outcome.
 */
export function parse() {
  throw new Error('no CSS parser in this Web Chat bundle');
}

export default { parse };
