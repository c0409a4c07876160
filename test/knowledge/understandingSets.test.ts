import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { understand } from '../../knowledge/understand';
import type { Locale } from '../../knowledge/ids';

// Every understanding set we keep, scored like ../shared/eval/score.mjs: the shared dev sets
// (held to issue 12's targets), our own held-out set, and the blind batches A and B (written by
// someone who had not read the lexicon; their first-sight scores are in the README). The floors
// sit just under what the knowledge base reaches now, so a data or engine change that makes the
// bot understand people worse fails here.

interface Case {
  id: string;
  locale: Locale;
  text: string;
  expect: { present: string[]; absent: string[]; emergency: boolean; answer: string | null };
}

type Tally = { tp: number; fp: number; fn: number };
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });
const count = (t: Tally, expected: readonly string[], got: readonly string[]) => {
  for (const x of got) expected.includes(x) ? t.tp++ : t.fp++;
  for (const x of expected) if (!got.includes(x)) t.fn++;
};
const f1 = ({ tp, fp, fn }: Tally) => {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
};

interface Floors {
  present: number;
  absent: number;
  emergencyPrecision: number;
  answers: number;
  polarityErrors: number;
}

const root = join(__dirname, '..', '..');
const SETS: [string, string, Floors][] = [
  ['dev.json', '../shared/eval/dev.json', { present: 0.95, absent: 0.92, emergencyPrecision: 0.85, answers: 0.98, polarityErrors: 0 }],
  ['dev2.json', '../shared/eval/dev2.json', { present: 0.95, absent: 0.92, emergencyPrecision: 0.85, answers: 0.98, polarityErrors: 0 }],
  // Known: Spanish "fiebre no he tenido", "not eating much but not losing weight".
  ['held-out', 'test/fixtures/understanding-heldout.json', { present: 0.97, absent: 0.96, emergencyPrecision: 0.95, answers: 0.95, polarityErrors: 2 }],
  // Precision is low on purpose: several cases labelled "no emergency" are red flags by design (README).
  ['batch A', 'test/fixtures/understanding-fresh-a.json', { present: 0.97, absent: 0.98, emergencyPrecision: 0.65, answers: 0.95, polarityErrors: 1 }],
  ['batch B', 'test/fixtures/understanding-fresh-b.json', { present: 0.9, absent: 0.88, emergencyPrecision: 0.85, answers: 0.95, polarityErrors: 4 }],
];

describe.each(SETS)('understanding set %s', (_name, file, floors) => {
  const cases = (JSON.parse(readFileSync(join(root, file), 'utf8')) as { cases: Case[] }).cases;
  const present = tally();
  const absent = tally();
  const emergency = tally();
  let polarityErrors = 0;
  let answers = 0;
  let answersRight = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const got = understand(c.text, c.locale);
    count(present, c.expect.present, got.present);
    count(absent, c.expect.absent, got.absent);
    count(emergency, c.expect.emergency ? ['e'] : [], got.emergency ? ['e'] : []);
    polarityErrors +=
      got.present.filter((id) => c.expect.absent.includes(id)).length + got.absent.filter((id) => c.expect.present.includes(id)).length;
    if (c.expect.answer !== null) {
      answers++;
      if (got.answer === c.expect.answer) answersRight++;
    }
    if (c.expect.emergency && !got.emergency) misses.push(`${c.id}: ${c.text}`);
  }

  it('has a sizeable bilingual set', () => {
    expect(cases.filter((c) => c.locale === 'en').length).toBeGreaterThanOrEqual(80);
    expect(cases.filter((c) => c.locale === 'es').length).toBeGreaterThanOrEqual(60);
  });

  it('finds reported items', () => {
    expect(f1(present)).toBeGreaterThanOrEqual(floors.present);
  });

  it('finds denied items', () => {
    expect(f1(absent)).toBeGreaterThanOrEqual(floors.absent);
  });

  it('misses no emergency', () => {
    expect(misses).toEqual([]);
    expect(emergency.tp + emergency.fp ? emergency.tp / (emergency.tp + emergency.fp) : 1).toBeGreaterThanOrEqual(floors.emergencyPrecision);
  });

  it('reads short answers', () => {
    expect(answersRight / answers).toBeGreaterThanOrEqual(floors.answers);
  });

  it('rarely flips what was said', () => {
    expect(polarityErrors).toBeLessThanOrEqual(floors.polarityErrors);
  });
});
