import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { BrowserContext, chromium, Frame, Page } from 'playwright-core';
import type { ActivityHandlerBase } from 'botbuilder';
import type { Server } from 'restify';
import { createAdapter } from '../../bot/adapter';
import { App, createApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createServer } from '../../bot/server';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const OUTPUT_DIR = path.join(__dirname, '..', '..', 'test-output');
export const SCREENSHOT_DIR = path.join(OUTPUT_DIR, 'screenshots');

// Chromium must not phone home (updates, sync, field trials) and must not need a GPU or sandbox
// privileges, which CI's container does not give.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--metrics-recording-only',
];

export interface Browser {
  context: BrowserContext;
  /** Every request that tried to leave this machine; the test asserts it stays empty. */
  outsideRequests: string[];
  close(): Promise<void>;
}

const isLocal = (url: string) => {
  const { protocol, hostname } = new URL(url);
  if (['data:', 'blob:', 'about:', 'chrome-error:'].includes(protocol)) return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
};

/** Debian's Chromium in a fresh profile, with every request beyond localhost blocked and recorded. */
export async function launchBrowser(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. The browser tests drive Debian's Chromium; install it with:\n` +
        '  apt-get update && apt-get install -y --no-install-recommends chromium',
    );
  }
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'symptom-check-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: 'en-US',
  });
  const outsideRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    outsideRequests.push(url);
    return route.abort('blockedbyclient');
  });
  // Routes do not see every kind of request (e.g. some prefetches); listen too.
  context.on('request', (request) => {
    if (!isLocal(request.url()) && !outsideRequests.includes(request.url())) outsideRequests.push(request.url());
  });
  return {
    context,
    outsideRequests,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<RunningServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Chromium keeps polling connections open; without this, close waits for them to time out.
      server.server.closeAllConnections();
    });
  return { origin: `http://127.0.0.1:${port}`, close };
}

/** The whole bot as production wires it, on a free port. */
export async function startApp(env: Record<string, string> = {}): Promise<RunningServer & { app: App }> {
  const app = createApp(loadConfig({ LOG_LEVEL: 'silent', ...env }));
  return { app, ...(await listen(app.server)) };
}

/** The server with a stand-in bot, to test the web edge apart from the dialogs. */
export async function startServerWithBot(bot: Pick<ActivityHandlerBase, 'run'>, env: Record<string, string> = {}): Promise<RunningServer> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  return listen(createServer({ config, adapter: createAdapter(config), bot }));
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

let axeSource: Promise<string> | undefined;

/**
 * Runs axe-core in one frame. It is evaluated through DevTools rather than added as a <script>,
 * because the chat page's CSP rightly refuses scripts from anywhere but the bot.
 */
export async function runAxe(frame: Frame | Page): Promise<AxeViolation[]> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const source = await axeSource;
  await frame.evaluate(`${source}\n;undefined`);
  // A string, because this project compiles without the DOM library.
  return frame.evaluate(`(async () => {
    const results = await axe.run(document, { iframes: false, resultTypes: ['violations'] });
    return results.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target })) }));
  })()`) as Promise<AxeViolation[]>;
}

export const seriousOrWorse = (violations: AxeViolation[]) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Reported, not asserted: how long a person waits for the first words. */
export async function report(name: string, values: Record<string, number | string>): Promise<void> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const line = `${name}: ${Object.entries(values).map(([key, value]) => `${key}=${value}`).join(' ')}`;
  process.stdout.write(`\n[browser] ${line}\n`);
  await writeFile(path.join(OUTPUT_DIR, 'browser-timings.txt'), `${new Date().toISOString()} ${line}\n`, { flag: 'a' });
}
