import { escapeHtml, initials, scriptJson } from '../../bot/web/html';

describe('escapeHtml', () => {
  it.each([
    ['Symptom Check', 'Symptom Check'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"quoted" & 'single'`, '&quot;quoted&quot; &amp; &#39;single&#39;'],
    ['Revisión de síntomas', 'Revisión de síntomas'],
  ])('%s → %s', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });
});

describe('scriptJson', () => {
  it.each<[unknown, string]>([
    [{ name: '</script><script>x()</script>' }, '{"name":"\\u003c/script>\\u003cscript>x()\\u003c/script>"}'],
    [{ text: 'a\u2028b\u2029c' }, '{"text":"a\\u2028b\\u2029c"}'],
  ])('%p cannot end its script element', (value, expected) => {
    const json = scriptJson(value);
    expect(json).toBe(expected);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('initials', () => {
  it.each([
    ['Symptom Check', 'SC'],
    ['Moffitt ALL Symptom Check', 'MC'],
    ['Helper', 'HE'],
    ['señal', 'SE'],
    ['  Ana - Bot ', 'AB'],
    ['', '?'],
  ])('%p → %p', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
