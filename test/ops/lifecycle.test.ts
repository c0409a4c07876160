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
    app.adapter.use({
      onTurn: async (_context, next) => {
        await sleep(400); // a slow turn, still running when the signal comes
        await next();
      },
    });

    const inFlight = postActivity(baseUrl, messageActivity('shutdown-1', 'hi'));
    await sleep(100);
    const stopping = shutdown(app);
    await sleep(20);

    expect(app.lifecycle.draining).toBe(true);
    await expect(freshGet(`${baseUrl}/healthz`)).rejects.toThrow(/ECONNREFUSED/);
    expect(closed).toEqual([]);
    await expect(inFlight).resolves.toMatchObject({ status: 200 });
    await stopping;
    expect(closed).toEqual(['storage']);
  });

  it('cuts off connections that outlive SHUTDOWN_TIMEOUT_MS', async () => {
    const { app, baseUrl } = await startApp({ SHUTDOWN_TIMEOUT_MS: '200' });
    app.adapter.use({
      onTurn: async (_context, next) => {
        await sleep(5_000);
        await next();
      },
    });
    const stuck = postActivity(baseUrl, messageActivity('shutdown-2', 'hi')).catch((error: Error) => error);
    await sleep(100);
    const started = Date.now();
    await shutdown(app);
    expect(Date.now() - started).toBeLessThan(2_000);
    // The connection was cut: the client sees a network error, not a response.
    await expect(stuck).resolves.toMatchObject({ message: 'fetch failed' });
  });
});
