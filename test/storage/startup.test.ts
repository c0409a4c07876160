import { createServer } from 'node:net';
import { BotProcess } from './botProcess';
import { freePort, TestRedis } from './redisServer';

// Real bot processes (and a real redis-server): the bot listens only once its state store
// answers, says in one line when its port is taken, and a test that gives up on a bot never
// leaves it running.

jest.setTimeout(120_000);

// Every instance on Redis signs web chat tokens with the same key.
const TOKEN_SECRET = 'startup-test-token-secret-0123456789abcdef';

let redis: TestRedis | undefined;
afterEach(async () => {
  await redis?.stop();
  redis = undefined;
});

/** True when something accepts connections on the bot's port. */
async function listening(bot: BotProcess): Promise<boolean> {
  try {
    await fetch(`${bot.baseUrl}/healthz`);
    return true;
  } catch {
    return false;
  }
}

it('listens only once Redis answers, and then serves at once', async () => {
  redis = await TestRedis.start();
  await redis.pause(); // Redis is down when the bot starts
  const bot = await BotProcess.spawn({ STATE_STORE: 'redis', DIRECT_LINE_TOKEN_SECRET: TOKEN_SECRET, REDIS_URL: redis.url, REDIS_COMMAND_TIMEOUT_MS: '500' });
  try {
    // Started and waiting (it says so in its log), yet not listening, for a few seconds.
    const deadline = Date.now() + 60_000;
    while (!bot.stdout.includes('"event":"waiting_for_storage"')) {
      if (bot.exitCode !== null || Date.now() > deadline) throw new Error(`the bot never waited for the store:\n${bot.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (let i = 0; i < 8; i++) {
      expect(bot.exitCode).toBeNull();
      expect(await listening(bot)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await redis.resume();
    await bot.waitUntilReady(60_000);
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
  } finally {
    await bot.kill();
  }
});

it('gives up with one line when the store never answers within STARTUP_STORAGE_TIMEOUT_MS', async () => {
  const deadPort = await freePort();
  const bot = await BotProcess.spawn({
    STATE_STORE: 'redis',
    DIRECT_LINE_TOKEN_SECRET: TOKEN_SECRET,
    REDIS_URL: `redis://127.0.0.1:${deadPort}`,
    REDIS_COMMAND_TIMEOUT_MS: '200',
    STARTUP_STORAGE_TIMEOUT_MS: '1500',
  });
  expect(await bot.exit).toBe(1);
  expect(bot.stderr).toMatch(/^the state store did not answer within 2 s \(.*\); not listening$/m);
  expect(bot.stderr).not.toMatch(/^\s+at /m);
});

it('BotProcess.start kills the process it started when it never became ready', async () => {
  const deadPort = await freePort();
  const failure = await BotProcess.start(
    { STATE_STORE: 'redis', DIRECT_LINE_TOKEN_SECRET: TOKEN_SECRET, REDIS_URL: `redis://127.0.0.1:${deadPort}`, REDIS_COMMAND_TIMEOUT_MS: '200' },
    { readyTimeoutMs: 2_000 },
  ).catch((error: Error & { pid?: number }) => error);
  expect(failure).toBeInstanceOf(Error);
  expect((failure as Error).message).toMatch(/did not become ready/);
  const pid = (failure as { pid?: number }).pid;
  expect(pid).toEqual(expect.any(Number));
  // process.kill(pid, 0) only asks whether the process exists.
  expect(() => process.kill(pid as number, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
});

it('says in one line that the port is in use, and exits 1', async () => {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, resolve));
  const port = (holder.address() as { port: number }).port;
  try {
    const bot = await BotProcess.spawn({}, { port });
    expect(await bot.exit).toBe(1);
    expect(bot.stderr.trim().split('\n')).toEqual([`port ${port} is in use; set PORT to another port`]);
  } finally {
    holder.close();
  }
});
