/**
 * The state store failed to read or write this turn's state: the stored state is the one the
 * person had before this message (or, when a write timed out on its way, possibly this turn's).
 * onTurnError checks `instanceof` to keep the state and ask for the message again, with the
 * appointment line, instead of treating it as a bug and starting over.
 */
export class StateStoreError extends Error {
  override readonly name: string = 'StateStoreError';
}

/**
 * The state store could not be reached (connection lost, command timed out). Thrown fast: the
 * Redis client does not queue commands while offline.
 */
export class StorageUnavailableError extends StateStoreError {
  override readonly name: string = 'StorageUnavailableError';
}

/**
 * A write whose eTag is stale: the item changed since it was read (optimistic concurrency). A turn
 * meets it when another turn of the same conversation saved first; the turn is run again on the
 * fresh state (bot/storage/runUntilSaved.ts), and only when that keeps failing does it reach onTurnError.
 */
export class ETagConflictError extends StateStoreError {
  override readonly name: string = 'ETagConflictError';

  constructor(readonly key: string) {
    // Same wording as botbuilder's MemoryStorage, so callers that match on it keep working.
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

/**
 * What is stored cannot be read as state (not JSON, not an object). Sending the message again
 * would fail the same way, so this one conversation starts afresh (bot/turnError.ts).
 */
export class BrokenStateError extends Error {
  override readonly name: string = 'BrokenStateError';
}

// botbuilder's own stores (MemoryStorage, used by the dialog tests) throw a plain Error with this wording.
const BOTBUILDER_CONFLICT = /due to eTag conflict/;

/** Whether a storage write failed because another turn saved first, whichever store threw it. */
export function isETagConflict(error: unknown): boolean {
  return error instanceof ETagConflictError || (error instanceof Error && BOTBUILDER_CONFLICT.test(error.message));
}

/**
 * A failure of a storage call as one of the types above, so the turn error handler can tell "the
 * store failed" (state kept) from "the state is broken" (state cleared) without knowing the store.
 */
export function asStateError(error: unknown, action: 'read' | 'write' | 'delete', key: string): Error {
  if (error instanceof StateStoreError || error instanceof BrokenStateError) return error;
  if (isETagConflict(error)) return new ETagConflictError(key);
  if (action === 'read' && error instanceof SyntaxError) return new BrokenStateError(`State "${key}" is not JSON`, { cause: error });
  return new StateStoreError(`State ${action} failed`, { cause: error });
}
