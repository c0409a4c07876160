import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './redisServer';

const PROJECT_ROOT = join(__dirname, '..', '..');

/**
 * The settings of one instance of a deployment on a shared Redis: the same Direct Line key on
 * every instance, and rate limits no test meets.
 */
export function redisInstanceEnv(redisUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    STATE_STORE: 'redis',
    REDIS_URL: redisUrl,
    DIRECT_LINE_TOKEN_SECRET: 'one-key-every-instance-signs-with-000',
    RATE_LIMIT_CONVERSATION_PER_MINUTE: '100000',
    RATE_LIMIT_CLIENT_PER_MINUTE: '1000000',
    ...extra,
  };
}

/** The real entry point (bot/index.ts) in its own process, as one instance of a deployment. */
export class BotProcess {
  private exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess, readonly baseUrl: string) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** `cwd` other than the checkout's is for reading a .env there; the paths are made absolute for it. */
  static async start(env: Record<string, string>, options: { cwd?: string } = {}): Promise<BotProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), join(PROJECT_ROOT, 'bot', 'index.ts')], {
      cwd: options.cwd ?? PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const bot = new BotProcess(child, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + 30_000;
    while (!(await bot.ready())) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`bot process did not become ready:\n${errors}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return bot;
  }

  private async ready(): Promise<boolean> {
    try {
      return (await fetch(`${this.baseUrl}/readyz`)).status === 200;
    } catch (error) {
      // Not listening yet.
      if ((error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED') return false;
      throw error;
    }
  }

  /** SIGKILL: the instance dies mid-way, with no chance to finish or save anything. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, as an orchestrator sends it; resolves with the exit code. */
  async terminate(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}
