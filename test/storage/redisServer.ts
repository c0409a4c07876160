import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REDIS_SERVER = '/usr/bin/redis-server';

// Every redis-server a test file starts is killed when the file ends, even when a test failed
// before its own clean-up.
const running = new Set<ChildProcess>();
const killAll = () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
};
process.once('exit', killAll);
if (typeof afterAll === 'function') afterAll(killAll);

/** A throwaway redis-server for tests: its own port and directory, no persistence. */
export class TestRedis {
  private process?: ChildProcess;
  private readonly dir = mkdtempSync(join(tmpdir(), 'all-check-redis-'));

  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<TestRedis> {
    if (!existsSync(REDIS_SERVER)) {
      // Fail loudly rather than skip: these tests are the proof that state is shared.
      throw new Error(
        `${REDIS_SERVER} is missing. Install it with: apt-get update && apt-get install -y redis-server (.ci/run does this).`,
      );
    }
    const redis = new TestRedis(await freePort());
    await redis.resume();
    return redis;
  }

  /** Starts (again) on the same port, as after an outage. */
  async resume(): Promise<void> {
    const child = spawn(
      REDIS_SERVER,
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.process = child;
    running.add(child);
    child.once('exit', () => running.delete(child));
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}:\n${output}`));
      });
    });
  }

  /** Kills the server abruptly, as a crash or network loss would. */
  async pause(): Promise<void> {
    const child = this.process;
    // Killed by a signal (the file's clean-up, say), a child has no exit code but a signalCode.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
    this.process = undefined;
  }

  /**
   * Freezes the server (SIGSTOP) for `ms`, then lets it go on (SIGCONT): a stall, as a long fork
   * for a snapshot or a busy host makes. Connections stay open; commands wait, and time out on the
   * client's side. Resolves once the server runs again.
   */
  async stall(ms: number): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) throw new Error('redis-server is not running');
    child.kill('SIGSTOP');
    try {
      await new Promise((resolve) => setTimeout(resolve, ms));
    } finally {
      child.kill('SIGCONT');
    }
  }

  async stop(): Promise<void> {
    await this.pause();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
