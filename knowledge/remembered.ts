// People repeat the same words, typos and questions, so the dear steps of understanding (stems,
// spelling repair, the fuzzy FAQ search) remember their answers. Bounded, so that a stream of
// junk cannot grow the process: past `size` keys the oldest answer is forgotten.
//
// A plain Map and not lru-cache (which bot/adapter.ts uses): the stemmer's cache is read for
// every word of every message, and lru-cache's bookkeeping on each read cost about a fifth of
// steady-state understanding in the benchmark, and its preallocated arrays slowed start-up.

/** `compute`, remembered for the last `size` keys it was asked for; null is remembered too. */
export function remembered<V>(size: number, compute: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key)!;
    const value = compute(key);
    if (cache.size >= size) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
    return value;
  };
}
