import type { Storage, StoreItems } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import { incomingETag, mayOverwrite } from './eTag';
import { isDurableKey } from './keyPolicy';
import { parseStored } from './readText';
import { ETagConflictError } from './storageErrors';

export interface BoundedMemoryOptions {
  /** Oldest-used conversations are dropped beyond this many, so a long-running process stays bounded. */
  maxEntries: number;
  /** An item lives this long after its last write, like a Redis key's TTL. */
  ttlSeconds: number;
  /** Keys kept without expiry and outside the cap (keyPolicy.ts). */
  durableKeyPrefixes?: readonly string[];
}

interface Entry {
  eTag: string;
  /** Stored serialised, as botbuilder's MemoryStorage does, so nothing shares objects with a turn. */
  json: string;
}

/** The default state store: botbuilder's MemoryStorage semantics with a size cap and expiry. */
export class BoundedMemoryStorage implements Storage {
  private readonly entries: LRUCache<string, Entry>;
  private readonly durableEntries = new Map<string, Entry>();
  private readonly durablePrefixes: readonly string[];
  private nextETag = 1;
  private readonly purgeEveryMs: number;
  private lastPurge = Date.now();

  constructor(options: BoundedMemoryOptions) {
    this.durablePrefixes = options.durableKeyPrefixes ?? [];
    this.purgeEveryMs = Math.min(options.ttlSeconds, 60) * 1000;
    this.entries = new LRUCache<string, Entry>({
      max: options.maxEntries,
      ttl: options.ttlSeconds * 1000,
      // Expiry counts from the last write, as in Redis; reading does not extend it.
      updateAgeOnGet: false,
    });
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    for (const key of keys) {
      const entry = this.isDurable(key) ? this.durableEntries.get(key) : this.entries.get(key);
      if (entry) items[key] = parseStored(entry.json);
    }
    return items;
  }

  /** All or nothing: every eTag is checked before anything is written. */
  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const keys = Object.keys(changes);
    for (const key of keys) {
      const stored = this.isDurable(key) ? this.durableEntries.get(key) : this.entries.peek(key);
      if (!mayOverwrite(stored?.eTag, incomingETag(changes[key]))) throw new ETagConflictError(key);
    }
    this.purgeExpired();
    for (const key of keys) {
      const eTag = String(this.nextETag++);
      const entry = { eTag, json: JSON.stringify({ ...changes[key], eTag }) };
      if (this.isDurable(key)) this.durableEntries.set(key, entry);
      else this.entries.set(key, entry);
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      this.entries.delete(key);
      this.durableEntries.delete(key);
    }
  }

  async close(): Promise<void> {
    this.entries.clear();
    this.durableEntries.clear();
  }

  /**
   * lru-cache only drops an expired entry when it is read or pushed out by the cap, so a quiet
   * store would keep up to maxEntries finished conversations. Sweeping them on a write, at most
   * once per TTL (or minute), frees that memory without a timer per entry.
   */
  private purgeExpired(): void {
    const now = Date.now();
    if (now - this.lastPurge < this.purgeEveryMs) return;
    this.lastPurge = now;
    this.entries.purgeStale();
  }

  /** Entries held now, expired or not, for tests and the memory benchmark. */
  get size(): number {
    return this.entries.size + this.durableEntries.size;
  }

  private isDurable(key: string): boolean {
    return isDurableKey(key, this.durablePrefixes);
  }
}
