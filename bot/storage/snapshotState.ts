import { BotState, ConversationState, UserState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { ABSENT_ETAG } from './eTag';
import { storedText } from './readText';
import { asStateError } from './storageErrors';

// botbuilder's BotState decides whether to write by hashing the whole state: a stringify with a
// replacer function (for cycles) and a SHA-256, once when it loads and twice when it saves.
// Profiling put that at about a tenth of a turn. Our state is plain JSON (it is stored as JSON),
// so a native JSON.stringify snapshot taken at load and compared at save answers "did it change?"
// exactly, at a fraction of the cost. Everything else (keys, accessors, storage) is botbuilder's.
//
// Unlike BotState, a save is not "last writer wins": it carries the eTag the turn read (or
// ABSENT_ETAG when there was nothing), so a turn that read state another turn has saved since
// fails with ETagConflictError instead of silently dropping that turn's answer. The bot then runs
// the turn again on the fresh state (runUntilSaved.ts). Storage failures come out as the types
// of storageErrors.ts, so the turn error handler can tell a stall from broken state.

interface Cached {
  state: Record<string, unknown>;
  /** The state as JSON when it was read; '' forces a write. */
  snapshot: string;
}

type BotStateClass = new (...args: any[]) => BotState;

/**
 * botbuilder's BotStatePropertyAccessor, the same behaviour line for line, as native async
 * functions: botbuilder's own are generator-based (`__awaiter`), and a turn makes four of these
 * calls (the check's state and the message ids, each read and set).
 */
class SnapshotProperty<T> implements StatePropertyAccessor<T> {
  constructor(
    private readonly state: BotState,
    readonly name: string,
  ) {}

  async delete(context: TurnContext): Promise<void> {
    const stored = (await this.state.load(context)) as Record<string, unknown>;
    if (Object.prototype.hasOwnProperty.call(stored, this.name)) delete stored[this.name];
  }

  get(context: TurnContext): Promise<T | undefined>;
  get(context: TurnContext, defaultValue: T): Promise<T>;
  async get(context: TurnContext, defaultValue?: T): Promise<T | undefined> {
    const stored = (await this.state.load(context)) as Record<string, unknown>;
    if (!Object.prototype.hasOwnProperty.call(stored, this.name) && defaultValue !== undefined) {
      // A copy, so a default object shared between turns is never changed by one of them.
      stored[this.name] = typeof defaultValue === 'object' ? JSON.parse(JSON.stringify(defaultValue)) : defaultValue;
    }
    return stored[this.name] as T | undefined;
  }

  async set(context: TurnContext, value: T): Promise<void> {
    const stored = (await this.state.load(context)) as Record<string, unknown>;
    stored[this.name] = value;
  }
}

function withSnapshots<Base extends BotStateClass>(base: Base) {
  return class extends base {
    private readonly cacheKey = Symbol('snapshot state');

    override async load(context: TurnContext, force = false): Promise<any> {
      const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
      if (cached && !force) return cached.state;
      const key = await this.storageKey(context);
      const items = await this.storage.read([key]).catch((error: unknown) => {
        throw asStateError(error, 'read', key);
      });
      const stored = items[key] as Record<string, unknown> | undefined;
      const state = stored ?? { eTag: ABSENT_ETAG };
      // The text the store parsed is the state's JSON as read (readText.ts).
      const snapshot = (stored && storedText(stored)) ?? JSON.stringify(state);
      context.turnState.set(this.cacheKey, { state, snapshot } satisfies Cached);
      return state;
    }

    override async saveChanges(context: TurnContext, force = false): Promise<void> {
      let cached = context.turnState.get(this.cacheKey) as Cached | undefined;
      if (!cached && !force) return; // never read this turn, so nothing changed
      cached ??= { state: {}, snapshot: '' };
      const snapshot = JSON.stringify(cached.state);
      if (!force && snapshot === cached.snapshot) return;
      const key = await this.storageKey(context);
      await this.storage.write({ [key]: cached.state }).catch((error: unknown) => {
        throw asStateError(error, 'write', key);
      });
      // The store gave the item a new eTag we are not told: forget the cached copy, so anything
      // later in this turn reads it again rather than write with an eTag that is now stale.
      context.turnState.delete(this.cacheKey);
    }

    /** Empties the state; the write that follows still carries the eTag it was read with. */
    override async clear(context: TurnContext): Promise<void> {
      const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
      const eTag = cached?.state.eTag;
      context.turnState.set(this.cacheKey, { state: eTag === undefined ? {} : { eTag }, snapshot: '' } satisfies Cached);
    }

    override async delete(context: TurnContext): Promise<void> {
      context.turnState.delete(this.cacheKey);
      const key = await this.storageKey(context);
      await this.storage.delete([key]).catch((error: unknown) => {
        throw asStateError(error, 'delete', key);
      });
    }

    override createProperty<T = any>(name: string): StatePropertyAccessor<T> {
      return new SnapshotProperty<T>(this, name);
    }

    override get(context: TurnContext): any {
      return (context.turnState.get(this.cacheKey) as Cached | undefined)?.state;
    }
  };
}

/** ConversationState (same storage keys) that writes only when the state's JSON changed, guarded by its eTag. */
export const SnapshotConversationState = withSnapshots(ConversationState);
export type SnapshotConversationState = InstanceType<typeof SnapshotConversationState>;

/** UserState (same storage keys) that writes only when the state's JSON changed, guarded by its eTag. */
export const SnapshotUserState = withSnapshots(UserState);
export type SnapshotUserState = InstanceType<typeof SnapshotUserState>;
