// Trains the red-flag model (knowledge/emergencyModel.ts) on every labelled message the project
// keeps (knowledge/corpus/*.json) and the shared written sets, and writes
// knowledge/data/emergencyModel.json. Deterministic: the same files and seed make the same file.
//
//   npx tsx scripts/trainEmergencyModel.ts [--exclude NAME,NAME] [--out PATH]
//
// --exclude leaves batches out (by file name without .json), to score the model on them unseen.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { encodeModel, trainEmergencyModel, TRAINING } from '../knowledge/emergencyModel';
import { normalizeText, tokenize } from '../knowledge/normalize';

const ROOT = join(__dirname, '..');

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const excluded = new Set((option('--exclude') ?? '').split(',').filter(Boolean));
const out = option('--out') ?? join(ROOT, 'knowledge/data/emergencyModel.json');

const corpus = readdirSync(join(ROOT, 'knowledge/corpus')).filter((name) => name.endsWith('.json')).sort().map((name) => join(ROOT, 'knowledge/corpus', name));
const shared = ['dev.json', 'dev2.json'].map((name) => join(ROOT, '../shared/eval', name));
const files = [...corpus, ...shared].filter((file) => !excluded.has(basename(file, '.json')));

const examples = files.flatMap((file) =>
  (JSON.parse(readFileSync(file, 'utf8')).cases as { text: string; expect: { emergency: boolean } }[]).map((c) => ({
    words: tokenize(normalizeText(c.text)),
    emergency: c.expect.emergency,
  })),
);
const model = trainEmergencyModel(examples, TRAINING);
writeFileSync(out, `${JSON.stringify(encodeModel(model, files.map((file) => basename(file)), TRAINING.seed))}\n`);
console.log(`${examples.length} messages from ${files.length} files -> ${out}`);
