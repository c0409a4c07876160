import { readFileSync } from 'node:fs';
import { understand } from './understand';
import { isLocale, type Locale } from './ids';

// The understanding contract: `npm run -s understand -- FILE` prints one JSON line per case
// of a cases file shaped like ../shared/eval/dev.json, and nothing else on stdout.

interface CaseFile {
  cases: { id: string; locale: string; text: string }[];
}

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run -s understand -- CASES.json');
  process.exit(2);
}
const { cases } = JSON.parse(readFileSync(file, 'utf8')) as CaseFile;
const lines: string[] = [];
for (const entry of cases) {
  const locale: Locale = isLocale(entry.locale) ? entry.locale : 'en';
  const { present, absent, unsure, emergency, emergencyTier, answer, unlisted, urgencyQuestion } = understand(entry.text, locale);
  lines.push(JSON.stringify({ id: entry.id, present, absent, unsure, emergency, emergencyTier, answer, unlisted, urgencyQuestion }));
}
process.stdout.write(lines.join('\n') + '\n');
