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

// Every bot process a test file starts, so none outlives it: a failed test that never reached its
// own clean-up used to leave one running, and jest never exited.
const running = new Set<ChildProcess>();
const killAll = () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
};
process.once('exit', killAll);
if (typeof afterAll === 'function') afterAll(() => BotProcess.killAll());

/** The real entry point (bot/index.ts) in its own process, as one instance of a deployment. */
export class BotProcess {
  private exited: Promise<number | null>;
  private errors = '';
  private output = '';

  private constructor(private readonly child: ChildProcess, readonly baseUrl: string) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr?.on('data', (chunk: Buffer) => (this.errors += chunk.toString()));
    // The logs (at LOG_LEVEL=warn): kept, not printed.
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  /** `cwd` other than the checkout's is for reading a .env there; the paths are made absolute for it. */
  static async start(env: Record<string, string>, options: { cwd?: string; readyTimeoutMs?: number } = {}): Promise<BotProcess> {
    const bot = await BotProcess.spawn(env, options);
    try {
      await bot.waitUntilReady(options.readyTimeoutMs);
    } catch (error) {
      // Never leave it running: nothing else holds it, and it would keep jest from exiting.
      await bot.kill();
      throw Object.assign(error as Error, { pid: bot.pid });
    }
    return bot;
  }

  /** null while running. */
  get exitCode(): number | null {
    return this.child.exitCode;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Starts the process without waiting for it to listen; `port` defaults to a free one. */
  static async spawn(env: Record<string, string>, options: { cwd?: string; port?: number } = {}): Promise<BotProcess> {
    const port = options.port ?? (await freePort());
    const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), join(PROJECT_ROOT, 'bot', 'index.ts')], {
      cwd: options.cwd ?? PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    return new BotProcess(child, `http://127.0.0.1:${port}`);
  }

  /** Kills every bot process still running (each test file's afterAll does, even after a failure). */
  static async killAll(): Promise<void> {
    const exits = [...running].map((child) => new Promise((resolve) => child.once('exit', resolve)));
    killAll();
    await Promise.all(exits);
  }

  /** What the process wrote to stderr so far. */
  get stderr(): string {
    return this.errors;
  }

  /** What the process wrote to stdout (its log lines) so far. */
  get stdout(): string {
    return this.output;
  }

  /** Resolves with the exit code once the process has exited. */
  get exit(): Promise<number | null> {
    return this.exited;
  }

  async waitUntilReady(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.ready())) {
      if (this.child.exitCode !== null || Date.now() > deadline) throw new Error(`bot process did not become ready:\n${this.errors}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** True once /readyz answers 200; false while nothing listens. */
  async ready(): Promise<boolean> {
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
