/**
 * The state store could not be reached (connection lost, command timed out). onTurnError
 * checks `instanceof` to tell the person to try again, with the appointment line, instead of
 * treating it as a bug. Thrown fast: the Redis client does not queue commands while offline.
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}

/** A write whose eTag is stale: the item changed since it was read (botbuilder's optimistic concurrency). */
export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';

  constructor(readonly key: string) {
    // Same wording as botbuilder's MemoryStorage, so callers that match on it keep working.
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}
