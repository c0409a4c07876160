import { activitiesAfter, activityId, ActivityLog, appendToLog, emptyLog, parseWatermark, StreamActivity } from '../../bot/directline/activityLog';

const activity = (n: number): StreamActivity => ({ id: `a${n}`, type: 'message', text: `m${n}` });
const logOf = (count: number, limit = 100): ActivityLog =>
  Array.from({ length: count }, (_, i) => activity(i + 1)).reduce((log, a) => appendToLog(log, a, limit), emptyLog);

describe('parseWatermark', () => {
  it.each<[unknown, number]>([
    [undefined, 0],
    ['', 0],
    ['0', 0],
    ['7', 7],
    ['007', 7],
    ['-1', 0],
    ['1.5', 0],
    ['abc', 0],
    [['3'], 0],
    ['9'.repeat(16), 0],
  ])('%p → %p', (value, expected) => {
    expect(parseWatermark(value)).toBe(expected);
  });
});

describe('activitiesAfter', () => {
  const five = logOf(5);
  it.each<[string, ActivityLog, unknown, string[], string]>([
    ['no watermark: everything', five, undefined, ['m1', 'm2', 'm3', 'm4', 'm5'], '5'],
    ['after the second', five, '2', ['m3', 'm4', 'm5'], '5'],
    ['up to date', five, '5', [], '5'],
    ['a watermark from the future resyncs', five, '9', [], '5'],
    ['an empty log', emptyLog, undefined, [], '0'],
    ['dropped entries are skipped', logOf(5, 2), '1', ['m4', 'm5'], '5'],
  ])('%s', (_name, log, watermark, texts, nextWatermark) => {
    const result = activitiesAfter(log, watermark);
    expect(result.activities.map((a) => a.text)).toEqual(texts);
    expect(result.watermark).toBe(nextWatermark);
  });
});

describe('appendToLog', () => {
  it.each<[number, number, number[]]>([
    [3, 5, [1, 2, 3]],
    [5, 5, [1, 2, 3, 4, 5]],
    [7, 5, [3, 4, 5, 6, 7]],
    [3, 1, [3]],
  ])('%i appended with a limit of %i keeps seq %p', (count, limit, seqs) => {
    const log = logOf(count, limit);
    expect(log.entries.map((e) => e.seq)).toEqual(seqs);
    expect(log.lastSeq).toBe(count);
  });

  it('does not change the log it was given', () => {
    const before = logOf(2);
    appendToLog(before, activity(3), 10);
    expect(before.entries).toHaveLength(2);
  });
});

describe('activityId', () => {
  it.each<[string, number, string]>([
    ['abc', 1, 'abc|0000001'],
    ['abc', 1234567, 'abc|1234567'],
    ['abc', 12345678, 'abc|12345678'],
  ])('%s #%i → %s', (conversationId, seq, expected) => {
    expect(activityId(conversationId, seq)).toBe(expected);
  });
});
