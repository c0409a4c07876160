import { LOCALES } from '../../knowledge/ids';
import en from '../../locales/en/web.json';
import es from '../../locales/es/web.json';
import { webStrings } from '../../bot/web/strings';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the page’s words (locales/*/web.json)', () => {
  const english = en as Record<string, string>;
  const spanish = es as Record<string, string>;

  it('has the same keys in both languages', () => {
    expect(Object.keys(spanish).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(Object.keys(english))('%s: both languages say something, with the same placeholders', (key) => {
    expect(english[key]?.trim()).toBeTruthy();
    expect(spanish[key]?.trim()).toBeTruthy();
    expect(placeholders(spanish[key] ?? '')).toEqual(placeholders(english[key] ?? ''));
  });

  it.each(LOCALES)('fills placeholders (%s)', (lang) => {
    expect(webStrings(lang)('loadFailed', { phone: '1-888-663-3488' })).toContain('1-888-663-3488');
  });
});
