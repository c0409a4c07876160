import { ActivityHandler, MemoryStorage, Storage } from 'botbuilder';
import { createAdapter, CheckAdapter } from './adapter';
import type { Config } from './config';
import { createServer } from './server';
import type restify from 'restify';

export interface App {
  config: Config;
  adapter: CheckAdapter;
  bot: ActivityHandler;
  storage: Storage;
  server: restify.Server;
}

/** Wires adapter, storage, bot and server from a validated config. Does not listen. */
export function createApp(config: Config, overrides: { storage?: Storage } = {}): App {
  const adapter = createAdapter(config);
  const storage = overrides.storage ?? new MemoryStorage();
  // Placeholder until the check-up dialogs land (issue 3).
  const bot = new ActivityHandler();
  const server = createServer({ config, adapter, bot });
  return { config, adapter, bot, storage, server };
}
