import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { knowledgeData } from '../../knowledge/load';
import { normalizeText, tokenize, isMarker } from '../../knowledge/normalize';

// Patterns are general word sets, never a sentence copied from an evaluation file: a pattern
// that equals a case's normalised text would score that case without understanding anything.
const evalFiles = ['dev.json', 'dev2.json'].map((name) => join(__dirname, '../../../shared/eval', name));
const normal = (text: string) => tokenize(normalizeText(text)).filter((word) => !isMarker(word)).join(' ');

describe('patterns are not evaluation sentences', () => {
  const caseTexts = new Set<string>();
  for (const file of evalFiles) {
    const { cases } = JSON.parse(readFileSync(file, 'utf8')) as { cases: { text: string }[] };
    for (const entry of cases) caseTexts.add(normal(entry.text));
  }
  const data = knowledgeData();
  const patterns: [string, string][] = [];
  for (const locale of ['en', 'es'] as const) {
    for (const item of data.items) for (const p of [...item[locale].patterns, ...item[locale].deny]) patterns.push([`items ${item.id}`, p]);
    for (const flag of data.redFlags.kinds) {
      for (const group of [flag[locale], ...flag[locale].groups]) for (const p of [...group.patterns, ...group.possible, ...group.unless]) patterns.push([`redflags ${flag.id}`, p]);
      for (const p of flag[locale].withItem) patterns.push([`redflags ${flag.id}`, p]);
    }
    const words = data.redFlags[locale];
    for (const p of [...words.past, ...words.now, ...words.over, ...words.elsewhere, ...words.almost, ...words.urgency, ...words.deciding]) patterns.push(['redflags context', p]);
    for (const faq of data.faq) for (const p of faq[locale].patterns) patterns.push([`faq ${faq.id}`, p]);
    for (const entry of data.unlisted) for (const p of entry[locale].patterns) patterns.push([`unlisted ${entry.id}`, p]);
  }

  it('reads both evaluation files', () => {
    expect(caseTexts.size).toBeGreaterThan(400);
  });

  it('has no pattern equal to a case', () => {
    const copied = patterns.filter(([, pattern]) => caseTexts.has(pattern.trim()));
    expect(copied).toEqual([]);
  });
});
