import { copyJson, EMPTY_STATE, step, type CheckState } from '../../check/step';

// check/step.ts copies the state at the start of a turn with copyJson instead of a JSON round
// trip: the copy must be the round trip's, field for field and in the same key order.

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

function expectSameAsJson(value: unknown): void {
  const copy = copyJson(value);
  expect(copy).toStrictEqual(roundTrip(value));
  expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
}

describe('copyJson', () => {
  it.each<[string, unknown]>([
    ['a running check', {
      locale: 'es',
      detours: 1,
      mentioned: ['night_sweats'],
      check: {
        step: { at: 'list', options: { list: 'symptoms', notes: { fever: 'yes', bone_pain: 'no' }, index: 2, followUp: false, oneByOne: [] }, group: ['pallor', 'bleeding'] },
        readBack: { notes: { bruising: 'unsure' }, corrections: 0, stage: 'confirm' },
        subject: 'someone',
        attempts: 0,
      },
      pendingEmergency: { emergencyKind: null, locale: 'en', retried: false, deferred: { kind: 'notes', notes: { fever: 'yes' }, only: false, fromWords: true } },
    }],
    ['undefined fields are left out', { a: undefined, b: 1, c: { d: undefined } }],
    ['undefined and functions in arrays become null', [undefined, 1, () => 1, 'x', null]],
    ['functions and symbols in objects are left out', { f: () => 1, s: Symbol('s'), n: null }],
    ['NaN and the infinities become null', { a: NaN, b: Infinity, c: [-Infinity], d: 0, e: -0 }],
    ['integer keys first, then in insertion order', { b: 1, 2: 'two', a: 2, 1: 'one' }],
    ['a "__proto__" field stays a field', JSON.parse('{"__proto__": {"x": 1}, "y": [{"__proto__": 2}]}')],
    ['a Date as its JSON text', { when: new Date(0), list: [new Date(1000)] }],
    ['strings with anything in them', { 'é\u0000"': 'line\nbreak \u2028 "quoted" \\' }],
    ['empty things', { a: {}, b: [], c: '' }],
  ])('%s', (_name, value) => {
    expectSameAsJson(value);
  });

  it('copies: nothing of the copy is the original', () => {
    const state = { check: { step: { at: 'who', again: false, notes: { fever: 'yes' } }, attempts: 0 }, detours: 0, mentioned: ['x'] };
    const copy = copyJson(state) as typeof state;
    expect(copy).not.toBe(state);
    expect(copy.check).not.toBe(state.check);
    expect(copy.check.step.notes).not.toBe(state.check.step.notes);
    expect(copy.mentioned).not.toBe(state.mentioned);
  });

  it('leaves the state a step was given as it was', () => {
    const state: CheckState = { ...EMPTY_STATE, locale: 'en', mentioned: ['night_sweats'] };
    const before = JSON.stringify(state);
    const { state: next } = step(state, { kind: 'start', locale: 'en' });
    expect(JSON.stringify(state)).toBe(before);
    expect(next.check).toBeDefined();
    expect(next.mentioned).not.toBe(state.mentioned);
  });
});
