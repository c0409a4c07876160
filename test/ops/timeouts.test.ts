import { connect } from 'node:net';
import { loadConfig } from '../../bot/config';
import { startApp, type RunningApp } from './harness';

// Slow senders: a client that trickles its headers or its body is answered 408 and its
// connection closed within the configured time, instead of Node's 300 s.

let running: RunningApp | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** Sends `data` on a raw connection and never finishes; resolves with what came back and when. */
function trickle(baseUrl: string, data: string): Promise<{ response: string; ms: number }> {
  const { port } = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(data));
    let response = '';
    socket.on('data', (chunk) => (response += chunk.toString()));
    socket.on('close', () => resolve({ response, ms: Date.now() - started }));
    socket.on('error', reject);
    setTimeout(() => {
      socket.destroy();
      reject(new Error('the server kept the connection open'));
    }, 8_000).unref();
  });
}

it('answers 408 and closes when the headers do not arrive within HTTP_HEADERS_TIMEOUT_MS', async () => {
  running = await startApp({ HTTP_HEADERS_TIMEOUT_MS: '300', HTTP_REQUEST_TIMEOUT_MS: '5000' });
  const { response, ms } = await trickle(running.baseUrl, 'POST /api/messages HTTP/1.1\r\nHost: bot\r\n');
  expect(response).toMatch(/^HTTP\/1\.1 408 /);
  expect(ms).toBeLessThan(3_000);
});

it('answers 408 and closes when the body does not arrive within HTTP_REQUEST_TIMEOUT_MS', async () => {
  running = await startApp({ HTTP_HEADERS_TIMEOUT_MS: '300', HTTP_REQUEST_TIMEOUT_MS: '800' });
  const head = 'POST /api/messages HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n';
  const { response, ms } = await trickle(running.baseUrl, `${head}{"type":"mess`);
  expect(response).toMatch(/^HTTP\/1\.1 408 /);
  expect(ms).toBeGreaterThanOrEqual(700);
  expect(ms).toBeLessThan(4_000);
});

it('defaults: 10 s for the headers and 30 s for the whole request, never more headers time than request time', () => {
  expect(loadConfig({}).http).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 65_000 });
  expect(loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '5000' }).http).toEqual({ headersTimeoutMs: 5_000, requestTimeoutMs: 5_000, keepAliveTimeoutMs: 65_000 });
});

// A kept-alive connection must outlast the sender's idle timeout (a balancer's, or a busy client's
// that checks its timers late): Node's own 5 s made a busy client reuse connections the bot had
// just closed ("other side closed").
it('keeps an idle connection open for HTTP_KEEP_ALIVE_TIMEOUT_MS (65 s by default) and says so', async () => {
  running = await startApp({});
  const { port } = new URL(running.baseUrl);
  const socket = connect(Number(port), '127.0.0.1');
  const request = 'GET /healthz HTTP/1.1\r\nHost: bot\r\n\r\n';
  const responses: string[] = [];
  let buffer = '';
  const nextResponse = () =>
    new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        buffer += chunk.toString();
        const end = buffer.indexOf('\r\n\r\n');
        const length = Number(/content-length: (\d+)/i.exec(buffer)?.[1] ?? 0);
        if (end >= 0 && buffer.length >= end + 4 + length) {
          socket.off('data', onData);
          resolve(buffer.slice(0, end + 4 + length));
          buffer = buffer.slice(end + 4 + length);
        }
      };
      socket.on('data', onData);
      socket.once('error', reject);
    });
  socket.write(request);
  responses.push(await nextResponse());
  expect(responses[0]).toMatch(/^HTTP\/1\.1 200 /);
  expect(responses[0]).toMatch(/keep-alive: timeout=65/i);
  // Idle for a moment, then the same connection serves the next request.
  await new Promise((resolve) => setTimeout(resolve, 300));
  socket.write(request);
  responses.push(await nextResponse());
  expect(responses[1]).toMatch(/^HTTP\/1\.1 200 /);
  socket.destroy();
});
