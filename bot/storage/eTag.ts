/**
 * The eTag a turn carries for state that did not exist when it read it: its write goes through
 * only while the item is still absent, so two first turns of one conversation cannot both win.
 * Stores hand out numbers (memory) or UUIDs (Redis), so it never equals a stored eTag.
 */
export const ABSENT_ETAG = '(absent)';

/**
 * Botbuilder's optimistic concurrency (MemoryStorage): a write goes through when the item does
 * not exist yet, when it carries no eTag or `*`, or when its eTag matches the stored one; and,
 * ours, a write carrying ABSENT_ETAG only when the item does not exist.
 * The Lua script in redisStorage.ts applies the same rule inside Redis; keep the two in step.
 */
export function mayOverwrite(storedETag: string | undefined, incomingETag: string | undefined): boolean {
  if (incomingETag === ABSENT_ETAG) return storedETag === undefined;
  if (storedETag === undefined || incomingETag === undefined || incomingETag === '' || incomingETag === '*') return true;
  return storedETag === incomingETag;
}

/** The eTag a caller sent with an item, if it is a string (anything else counts as none, as in botbuilder). */
export function incomingETag(item: unknown): string | undefined {
  const eTag = (item as { eTag?: unknown } | null | undefined)?.eTag;
  return typeof eTag === 'string' ? eTag : undefined;
}
