import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withEnvFile } from '../../bot/envFile';
import { BotProcess } from '../storage/botProcess';

jest.setTimeout(60_000);

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'all-check-env-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe('withEnvFile', () => {
  it.each<[string, string | undefined, NodeJS.ProcessEnv, Record<string, string | undefined>]>([
    ['no .env: the environment as it is', undefined, { PORT: '4000' }, { PORT: '4000' }],
    ['.env fills what the environment lacks', 'BOT_NAME=Clinic\n', { PORT: '4000' }, { PORT: '4000', BOT_NAME: 'Clinic' }],
    ['the environment wins over .env', 'PORT=5000\n', { PORT: '4000' }, { PORT: '4000' }],
    ['an empty environment variable still wins', 'BOT_NAME=Clinic\n', { BOT_NAME: '' }, { BOT_NAME: '' }],
    ['comments, quotes and export-free lines as node --env-file reads them', '# a comment\nBOT_NAME="Clinic Bot" # trailing\n', {}, { BOT_NAME: 'Clinic Bot' }],
  ])('%s', (_case, file, env, expected) => {
    if (file !== undefined) writeFileSync(join(directory, '.env'), file);
    expect(withEnvFile(env, directory)).toEqual(expected);
  });
});

it('the server started in a directory with a .env uses its values, and the environment still wins', async () => {
  // PORT in the file is invalid: had the file won over the environment, the server would refuse to start.
  writeFileSync(join(directory, '.env'), 'BOT_NAME=Dotenv Clinic Chat\nPORT=not-a-port\n');
  const bot = await BotProcess.start({}, { cwd: directory });
  try {
    const page = await (await fetch(`${bot.baseUrl}/`)).text();
    expect(page).toContain('Dotenv Clinic Chat');
  } finally {
    expect(await bot.terminate()).toBe(0);
  }
});
