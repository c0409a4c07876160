import http from 'node:http';
import type { Storage } from 'botbuilder';
import { shutdown } from '../../bot/lifecycle';
import { messageActivity, postActivity, startApp } from './harness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request on a fresh connection, so no pooled keep-alive socket can hide a refused one. */
function freshGet(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

describe('shutdown', () => {
  it('stops accepting, finishes the turn in flight, then closes the store', async () => {
    const closed: string[] = [];
    const storage: Storage & { close(): Promise<void> } = {
      read: async () => ({}),
      write: async () => undefined,
      delete: async () => undefined,
      close: async () => void closed.push('storage'),
    };
    const { app, baseUrl } = await startApp({}, { storage });
    // The signal comes once the turn has begun, not after a fixed wait: on a busy machine the
    // request may not have reached the server 100 ms after it was sent.
    let turnBegun: () => void = () => undefined;
    const begun = new Promise<void>((resolve) => (turnBegun = resolve));
    app.adapter.use({
      onTurn: async (_context, next) => {
        turnBegun();
        await sleep(400); // a slow turn, still running when the signal comes
        await next();
      },
    });

    const inFlight = postActivity(baseUrl, messageActivity('shutdown-1', 'hi'));
    await begun;
    const stopping = shutdown(app);
    await sleep(20);

    expect(app.lifecycle.draining).toBe(true);
    await expect(freshGet(`${baseUrl}/healthz`)).rejects.toThrow(/ECONNREFUSED/);
    expect(closed).toEqual([]);
    await expect(inFlight).resolves.toMatchObject({ status: 200 });
    await stopping;
    expect(closed).toEqual(['storage']);
  });

  it('past SHUTDOWN_TIMEOUT_MS still lets a turn in flight finish, save and answer', async () => {
    const writes: string[] = [];
    const storage: Storage = {
      read: async () => ({}),
      write: async (changes) => void writes.push(...Object.keys(changes)),
      delete: async () => undefined,
    };
    const { app, baseUrl } = await startApp({ SHUTDOWN_TIMEOUT_MS: '200' }, { storage });
    let turnBegun: () => void = () => undefined;
    const begun = new Promise<void>((resolve) => (turnBegun = resolve));
    app.adapter.use({
      onTurn: async (_context, next) => {
        turnBegun();
        await sleep(1_000); // far past the timeout
        await next();
      },
    });
    const slow = postActivity(baseUrl, messageActivity('shutdown-2', 'hi')).catch((error: Error) => error);
    await begun;
    await shutdown(app);
    // Cut at the timeout, the turn would have saved its state while the sender saw "fetch
    // failed" and sent the answer again.
    await expect(slow).resolves.toMatchObject({ status: 200 });
    expect(writes.some((key) => key.includes('shutdown-2'))).toBe(true);
  });

  it('refuses a turn that arrives while draining with 503, before anything is read or saved', async () => {
    const touched: string[] = [];
    const storage: Storage = {
      read: async (keys) => (touched.push(...keys), {}),
      write: async (changes) => void touched.push(...Object.keys(changes)),
      delete: async () => undefined,
    };
    const { app, baseUrl, stop } = await startApp({}, { storage });
    app.lifecycle.draining = true; // what shutdown sets first
    try {
      const response = await fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(messageActivity('shutdown-3', 'hi')),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('shutting_down');
      expect(touched.filter((key) => key.includes('shutdown-3'))).toEqual([]);
      // Probes still answer: /readyz says it is draining.
      expect((await fetch(`${baseUrl}/readyz`)).status).toBe(503);
    } finally {
      await stop();
    }
  });
});
