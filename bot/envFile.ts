import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/** The settings file read at start-up, from the directory the bot is started in. */
const ENV_FILE = '.env';

/**
 * The environment with `.env` underneath it: a variable set in the environment wins over the
 * file, so a deployment's settings are never overridden by a file left in the image. Parsed by
 * Node's own `util.parseEnv` (the same syntax as `node --env-file`); no file, no change.
 */
export function withEnvFile(env: NodeJS.ProcessEnv, directory: string = process.cwd()): Record<string, string | undefined> {
  const file = join(directory, ENV_FILE);
  if (!existsSync(file)) return { ...env };
  return { ...parseEnv(readFileSync(file, 'utf8')), ...definedOnly(env) };
}

// An empty variable in the environment still counts as set (as with --env-file); only absent ones fall through.
const definedOnly = (env: NodeJS.ProcessEnv) => Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
