import { EMPTY_STATE, step, type CheckState } from '../../check/step';

// step() works on a copy: the state it was given is left as it was, and nothing of it is shared.
it('leaves the state a step was given as it was', () => {
  const state: CheckState = { ...EMPTY_STATE, locale: 'en', mentioned: ['night_sweats'] };
  const before = JSON.stringify(state);
  const { state: next } = step(state, { kind: 'start', locale: 'en' });
  expect(JSON.stringify(state)).toBe(before);
  expect(next.check).toBeDefined();
  expect(next.mentioned).not.toBe(state.mentioned);
});
