import { ITEM_IDS, itemLabel, LOCALES, understand } from '../../knowledge';
import { translate } from '../../locales/i18n';
import { isButtonText } from '../../check/buttons';
import { normalise } from '../../check/keywords';
import { CHOICE_KEYS, OLD_CHOICE_KEYS } from '../../check/questions';

// Every button the check shows, in both languages. A tapped button is read as a button and never
// as free text; that is safe only while no button's words mean something to understand() on
// their own: no red flag, and nothing outside the list to acknowledge.

const buttonTexts = LOCALES.flatMap((locale) => [
  ...[...Object.values(CHOICE_KEYS).flat(), ...OLD_CHOICE_KEYS].map((key) => translate(locale)(key)),
  ...ITEM_IDS.map((id) => itemLabel(id, locale)),
]);

describe('our buttons', () => {
  it('are many (the list is built from the right place)', () => {
    expect(buttonTexts.length).toBeGreaterThan(40);
  });

  it.each(buttonTexts)('%j is recognised as a button', (text) => {
    expect(isButtonText(normalise(text))).toBe(true);
  });

  it.each(buttonTexts)('%j names no red flag and nothing outside the list, in either language', (text) => {
    for (const locale of LOCALES) {
      const understood = understand(text, locale);
      expect({ emergency: understood.emergency, unlisted: understood.unlisted }).toEqual({ emergency: false, unlisted: [] });
    }
  });
});
