import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The bot never diagnoses, rates or scores. Every sentence it can say (locale files and the
// knowledge base's labels, explanations and answers) is scanned for these phrasings.
// What people type (knowledge/data: replies, the matcher's patterns) is not scanned: it is never said.

const DIAGNOSTIC_PHRASINGS: { language: string; pattern: RegExp }[] = [
  // English
  { language: 'en', pattern: /\b(you|your child|they|he|she|the person)\b[^.]{0,20}\b(have|has|had|got)\s+(acute lymphocytic |acute lymphoblastic )?(leukemia|ALL\b|cancer)/i },
  { language: 'en', pattern: /\b(may|might|could|probably|likely|possibly) (have|has) (leukemia|ALL\b|cancer)/i },
  { language: 'en', pattern: /\b(high|higher|low|lower|increased|elevated|moderate|significant) risk\b/i },
  { language: 'en', pattern: /\brisk (level|score|rating)\b/i },
  { language: 'en', pattern: /\byou are at risk\b/i },
  { language: 'en', pattern: /\d\s*%|\bpercent\b|% chance/i },
  { language: 'en', pattern: /\bprobability\b|\blikelihood\b/i },
  { language: 'en', pattern: /\bconsistent with\b|\bsuggestive of\b|\bindicative of\b|\bsigns point to\b/i },
  { language: 'en', pattern: /\b(you|your child|they|he|she)('re| are| were| have been| has been| is| was)? diagnosed with\b/i },
  { language: 'en', pattern: /\bsounds like (leukemia|ALL\b|cancer)/i },
  { language: 'en', pattern: /\b(your )?score\b/i },
  // Spanish
  { language: 'es', pattern: /\b(usted|su hijo|su hija|él|ella)\b[^.]{0,20}\b(tiene|tenga|podría tener|puede tener|pueda tener|tendría|probablemente tiene)\s+(leucemia|LLA\b|cáncer)/i },
  { language: 'es', pattern: /\b(podría|puede|probablemente|posiblemente) tener (leucemia|LLA\b|cáncer)/i },
  { language: 'es', pattern: /\briesgo (alto|bajo|elevado|mayor|menor|moderado)\b|\b(alto|bajo|mayor|menor|elevado) riesgo\b/i },
  { language: 'es', pattern: /\bnivel de riesgo\b|\bpuntuaci[oó]n\b|\bpuntaje\b/i },
  { language: 'es', pattern: /\bprobabilidad(es)?\b/i },
  { language: 'es', pattern: /\bcompatible con\b|\bconsistente con\b|\bindica (que tiene|leucemia)\b/i },
  { language: 'es', pattern: /\b(le|lo|la) diagnosticaron\b|\bdiagnosticad[oa] con\b/i },
];

const ROOT = join(__dirname, '../..');
const json = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

/** Every string in a value, optionally only under keys in `fields`. */
function strings(value: unknown, fields?: Set<string>, key = ''): string[] {
  if (typeof value === 'string') return !fields || fields.has(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => strings(item, fields, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([childKey, child]) => strings(child, fields, childKey));
  return [];
}

const SAID_FIELDS = new Set(['label', 'explain', 'answer']);
const sources: [string, string[]][] = [
  ...['en', 'es'].flatMap((locale) =>
    readdirSync(join(ROOT, 'locales', locale))
      .filter((name) => name.endsWith('.json'))
      .map((name): [string, string[]] => [`locales/${locale}/${name}`, strings(json(`locales/${locale}/${name}`))]),
  ),
  ...readdirSync(join(ROOT, 'knowledge/data'))
    .filter((name) => name.endsWith('.json'))
    .map((name): [string, string[]] => [`knowledge/data/${name}`, strings(json(`knowledge/data/${name}`), SAID_FIELDS)]),
];

it('scans the locale files and the knowledge base', () => {
  expect(sources.map(([path]) => path)).toEqual(expect.arrayContaining(['locales/en/translation.json', 'locales/es/translation.json']));
  expect(sources.reduce((count, [, texts]) => count + texts.length, 0)).toBeGreaterThan(100);
});

describe.each(sources)('%s', (path, texts) => {
  it('states or rates no diagnosis', () => {
    const found = texts.flatMap((text) =>
      DIAGNOSTIC_PHRASINGS.filter(({ pattern }) => pattern.test(text)).map(({ pattern }) => `${pattern}: "${text}"`),
    );
    expect(found).toEqual([]);
  });
});

describe('the phrasing list catches what it should', () => {
  it.each([
    'You may have leukemia.',
    'Your child likely has ALL.',
    'This puts you at a high risk.',
    'There is a 40% chance.',
    'Your answers are consistent with leukemia.',
    'Usted podría tener leucemia.',
    'Su hijo tiene un riesgo alto.',
    'La probabilidad es baja.',
  ])('%j', (text) => expect(DIAGNOSTIC_PHRASINGS.some(({ pattern }) => pattern.test(text))).toBe(true));

  it.each(['Only a doctor can tell what is going on.', 'Esta revisión no es un diagnóstico.', 'Has your child had any of these?'])(
    'not %j',
    (text) => expect(DIAGNOSTIC_PHRASINGS.some(({ pattern }) => pattern.test(text))).toBe(false),
  );
});
