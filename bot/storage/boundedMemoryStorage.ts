import type { Storage, StoreItems } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import { incomingETag, mayOverwrite } from './eTag';
import { isDurableKey } from './keyPolicy';
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

  constructor(options: BoundedMemoryOptions) {
    this.durablePrefixes = options.durableKeyPrefixes ?? [];
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
      if (entry) items[key] = JSON.parse(entry.json);
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

  private isDurable(key: string): boolean {
    return isDurableKey(key, this.durablePrefixes);
  }
}
