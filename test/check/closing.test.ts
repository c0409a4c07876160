import { closingMessage, emergencyMessage, telUri } from '../../check/closing';
import { summaryMessage } from '../../check/summary';
import { ITEM_IDS, type Locale } from '../../knowledge';
import { translate } from '../../locales/i18n';

const appointment = { phone: '1-888-663-3488', organization: 'Moffitt Cancer Center' };

it.each([
  ['1-888-663-3488', 'tel:+18886633488'],
  ['(813) 555-0100', 'tel:+18135550100'],
  ['+1 813 555 0100', 'tel:+18135550100'],
  ['+34 912 345 678', 'tel:+34912345678'],
  ['(813) 745-4673', 'tel:+18137454673'],
  ['813.745.4673', 'tel:+18137454673'],
  ['+1 888 663 3488', 'tel:+18886633488'],
  ['+34 91 123 4567', 'tel:+34911234567'],
  ['911', 'tel:911'],
  ['5551234', 'tel:5551234'],
])('telUri(%j) → %j', (phone, uri) => expect(telUri(phone)).toBe(uri));

describe.each(['en', 'es'] as Locale[])('closingMessage in %s', (locale) => {
  it('has the appointment line as a tel: link and the organization', () => {
    const text = closingMessage({ appointment }, locale, 'completed');
    expect(text).toContain('[1-888-663-3488](tel:+18886633488)');
    expect(text).toContain('Moffitt Cancer Center');
    expect(text.startsWith(translate(locale)('closing.lead.completed'))).toBe(true);
  });

  it('adds the online link and phone hours only when configured', () => {
    const bare = closingMessage({ appointment }, locale, 'quit');
    expect(bare).not.toContain('https://');
    const full = closingMessage({ appointment: { ...appointment, url: 'https://example.org/appt', hours: 'Mon–Fri 8–5' } }, locale, 'quit');
    expect(full).toContain('https://example.org/appt');
    expect(full).toContain('Mon–Fri 8–5');
  });

  it('gives the crisis line with a possible flag of no kind (the learned model cannot tell self-harm from other signs)', () => {
    expect(emergencyMessage(locale, null, 'possible')).toContain(translate(locale)('emergency.selfHarm'));
    expect(emergencyMessage(locale, 'breathing', 'possible')).not.toContain(translate(locale)('emergency.selfHarm'));
    expect(emergencyMessage(locale, 'self_harm', 'possible')).toContain(translate(locale)('emergency.selfHarm'));
  });

  it.each(['completed', 'quit', 'human', 'emergency', 'not_understood', 'error'] as const)('has a lead for %s', (reason) => {
    expect(closingMessage({ appointment }, locale, reason)).toContain(translate(locale)(`closing.lead.${reason}`));
  });

  it('emergency advice says 911, and 988 for self-harm', () => {
    expect(emergencyMessage(locale, 'breathing')).toContain('911');
    expect(emergencyMessage(locale, 'breathing')).not.toContain('988');
    expect(emergencyMessage(locale, 'self_harm')).toContain('988');
    expect(emergencyMessage(locale, 'self_harm', 'possible')).toContain('988');
  });

  it('clear advice starts with the action; a fever on treatment names the care team; possible says "if this is happening now"', () => {
    const t = translate(locale);
    expect(emergencyMessage(locale, 'breathing')).toMatch(/^(Call 911 now\.|Llame al 911 ahora\.)/);
    expect(emergencyMessage(locale, 'fever_on_treatment')).toBe(t('emergency.feverOnTreatment'));
    expect(emergencyMessage(locale, 'overdose', 'possible')).toBe(t('emergency.possible'));
  });
});

describe('summaryMessage restates answers without counting or scoring', () => {
  const allNo = Object.fromEntries(ITEM_IDS.map((id) => [id, 'no']));
  it.each([
    ['en', { ...allNo, fever: 'yes', easy_bruising: 'yes', sibling_with_all: 'unsure' }, ['Yes: Fever and Easy bruising.', 'Not sure: A brother or sister with ALL.', 'No to everything else I asked about.']],
    ['en', allNo, ['No to everything I asked about.']],
    ['es', { ...allNo, fever: 'yes' }, ['Tiene: Fiebre.', 'No a todo lo demás que le pregunté.']],
  ] as const)('%s %j', (locale, notes, lines) => {
    const text = summaryMessage(notes, 'self', locale);
    for (const line of lines) expect(text).toContain(line);
    expect(text).not.toMatch(/\d/);
  });

  it('names things outside the list as "also mentioned"', () => {
    expect(summaryMessage({ fever: 'yes' }, 'self', 'en', ['night_sweats'])).toContain('Also mentioned: Night sweats.');
    expect(summaryMessage({ fever: 'yes' }, 'self', 'es', ['night_sweats'])).toContain('También mencionó: Sudores nocturnos.');
  });

  it('lists denials when not everything was asked', () => {
    expect(summaryMessage({ fever: 'no' }, 'child', 'en')).toContain('No: Fever.');
    expect(summaryMessage({ fever: 'no' }, 'child', 'en')).toContain(translate('en')('summary.intro.child'));
  });
});
