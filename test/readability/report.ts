import { TARGETS, hardness, isGood, isTooHard, measuredTexts, median, type Language } from './readability';

// `npm run readability`: per language and group the median and the share at target, then every
// string, worst first. Exits 1 when a target is missed, like the test.

const measured = measuredTexts();
let missed = false;
for (const language of ['en', 'es'] as Language[]) {
  const mine = measured.filter((entry) => entry.language === language);
  const scoreName = language === 'en' ? 'Flesch-Kincaid grade' : 'Fernández-Huerta ease';
  const target = language === 'en' ? `grade <= ${TARGETS.en.good}` : `ease >= ${TARGETS.es.good}`;
  console.log(`\n${language}: ${scoreName} (target: ${TARGETS[language].share * 100}% at ${target}; none ${language === 'en' ? `above ${TARGETS.en.worst}` : `below ${TARGETS.es.worst}`})`);
  console.log('group          strings  median  at target');
  for (const group of ['chat lines', 'item texts', 'FAQ answers', 'all'] as const) {
    const rows = group === 'all' ? mine : mine.filter((entry) => entry.group === group);
    const good = rows.filter(isGood).length;
    console.log(`${group.padEnd(14)} ${String(rows.length).padStart(7)}  ${median(rows.map((row) => row.score)).toFixed(1).padStart(6)}  ${((100 * good) / rows.length).toFixed(0).padStart(8)}%`);
  }
  const share = mine.filter(isGood).length / mine.length;
  const tooHard = mine.filter(isTooHard);
  if (share < TARGETS[language].share || tooHard.length > 0) missed = true;
  console.log('\nscore  words/sentence  source: text');
  for (const entry of [...mine].sort((a, b) => hardness(b) - hardness(a))) {
    const flag = isTooHard(entry) ? '!!' : isGood(entry) ? '  ' : ' ~';
    const text = entry.text.replace(/\n+/g, ' ').slice(0, 90);
    console.log(`${flag}${entry.score.toFixed(1).padStart(6)} ${(entry.words / entry.sentences).toFixed(1).padStart(6)}  ${entry.source}: ${text}`);
  }
}
console.log(missed ? '\nreadability: target missed' : '\nreadability: targets met');
process.exit(missed ? 1 : 0);
