// A seedable random source: the same seed gives the same numbers, so the red-flag model trains the
// same way every time (knowledge/emergencyModel.ts) and a fuzz failure can be replayed
// (test/fuzz/generators.ts).

export type Random = () => number;

/** mulberry32: tiny, fast, seedable; numbers in [0, 1). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
