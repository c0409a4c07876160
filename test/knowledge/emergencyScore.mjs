// Emergency recall and precision of a cases file, leaving out the cases that carry a tag:
//
//   npm run -s understand -- ../shared/eval/real.dev.json > /tmp/real.pred
//   node test/knowledge/emergencyScore.mjs ../shared/eval/real.dev.json /tmp/real.pred borderline
//
// SHOW=1 also lists each miss and false alarm. (score.mjs scores every case; issue 19's target
// for real.dev.json leaves out the judgement calls tagged "borderline".)
import { readFileSync } from 'node:fs';
const [casesPath, predPath, skip] = process.argv.slice(2);
const { cases } = JSON.parse(readFileSync(casesPath, 'utf8'));
const preds = new Map(readFileSync(predPath, 'utf8').split('\n').filter(Boolean).map((l) => { const p = JSON.parse(l); return [p.id, p]; }));
const t = { tp: 0, fp: 0, fn: 0, n: 0 };
const fps = [], fns = [];
for (const c of cases) {
  if (skip && (c.tags ?? []).includes(skip)) continue;
  t.n++;
  const got = !!preds.get(c.id)?.emergency, want = !!c.expect.emergency;
  if (got && want) t.tp++; else if (got) { t.fp++; fps.push(c); } else if (want) { t.fn++; fns.push(c); }
}
const r = (x) => Math.round(x * 1000) / 1000;
if (process.env.SHOW) { for (const c of fns) console.log('MISS', c.id, c.text); for (const c of fps) console.log('FALSE', c.id, preds.get(c.id).emergencyTier, c.text); }
console.log(JSON.stringify({ cases: t.n, emergencies: t.tp + t.fn, tp: t.tp, fp: t.fp, fn: t.fn, recall: r(t.tp / (t.tp + t.fn)), precision: r(t.tp / (t.tp + t.fp || 1)) }));
