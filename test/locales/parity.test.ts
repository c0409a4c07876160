import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Every locale file of every language: same keys, no empty sentence, same {{placeholders}}.
// Runs over whatever JSON files locales/en holds, so a new namespace is checked without edits.

const LOCALES_DIR = join(__dirname, '../../locales');
const files = readdirSync(join(LOCALES_DIR, 'en')).filter((name) => name.endsWith('.json'));
const load = (locale: string, file: string): unknown => JSON.parse(readFileSync(join(LOCALES_DIR, locale, file), 'utf8'));

/** Leaf paths with their values; arrays (keyword lists) are leaves, compared by presence only. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  }
  return [[path, value]];
}

const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1]).sort();

it('locales/en has files', () => expect(files).toContain('translation.json'));

describe.each(files)('%s', (file) => {
  const en = new Map(leaves(load('en', file)));
  const es = new Map(leaves(load('es', file)));

  it('has the same keys in en and es', () => {
    expect([...es.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('has no empty sentence or list', () => {
    for (const [path, value] of [...en, ...es]) {
      const empty = Array.isArray(value) ? value.length === 0 && !path.endsWith('.contains') : String(value).trim() === '';
      if (empty) throw new Error(`${file}: ${path} is empty`);
    }
  });

  it('uses the same {{placeholders}} in en and es', () => {
    for (const [path, value] of en) {
      if (typeof value === 'string') expect([path, placeholders(es.get(path))]).toEqual([path, placeholders(value)]);
    }
  });
});
