/**
 * Botbuilder's optimistic concurrency (MemoryStorage): a write goes through when the item does
 * not exist yet, when it carries no eTag or `*`, or when its eTag matches the stored one.
 * The Lua script in redisStorage.ts applies the same rule inside Redis; keep the two in step.
 */
export function mayOverwrite(storedETag: string | undefined, incomingETag: string | undefined): boolean {
  if (storedETag === undefined || incomingETag === undefined || incomingETag === '' || incomingETag === '*') return true;
  return storedETag === incomingETag;
}

/** The eTag a caller sent with an item, if it is a string (anything else counts as none, as in botbuilder). */
export function incomingETag(item: unknown): string | undefined {
  const eTag = (item as { eTag?: unknown } | null | undefined)?.eTag;
  return typeof eTag === 'string' ? eTag : undefined;
}
