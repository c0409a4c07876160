import { LRUCache } from 'lru-cache';

// People repeat the same words, typos and questions, so the dear steps of understanding (stems,
// spelling repair, the fuzzy FAQ search) remember their answers. Bounded, so that a stream of
// junk cannot grow the process: past `size` keys the least recently used answer is forgotten.

/** `compute`, remembered for the `size` most recently used keys; null is remembered too. */
export function remembered<V extends NonNullable<unknown> | null>(size: number, compute: (key: string) => V): (key: string) => V {
  // lru-cache keeps no null or undefined values, so each answer sits in a box.
  const cache = new LRUCache<string, { value: V }>({ max: size });
  return (key) => {
    const hit = cache.get(key);
    if (hit) return hit.value;
    const value = compute(key);
    cache.set(key, { value });
    return value;
  };
}
