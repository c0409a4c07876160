/*
 * markdown-it asks Node's punycode for link host names; browsers have no such module. The URL
 * parser does the same IDNA conversion (toASCII). toUnicode only prettifies a link's shown text, so
 * it shows the host as written.
 */
export function toASCII(host) {
  return new URL(`http://${host}`).hostname;
}

export function toUnicode(host) {
  return host;
}

export default { toASCII, toUnicode };
