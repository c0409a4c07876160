import type { Frame, Page } from 'playwright-core';
import { botMessages } from './drive';
import { Browser, launchBrowser, report, RunningServer, screenshot, startApp } from './harness';

// How fast the chat opens and how it fits a phone, on the real bot. A browser of its own, so its
// cache is cold: nothing loaded by another test file or an earlier page helps it.
const TARGET_MS = 2_000;

let browser: Browser;
let running: RunningServer;

beforeAll(async () => {
  running = await startApp();
  // A warm server: it has served the page and the bundle once, as a running bot has.
  for (const path of ['/?lang=en', '/widget.js', '/static/chat.js', '/static/chat.css']) await fetch(running.origin + path);
  const page = await (await fetch(`${running.origin}/?lang=en`)).text();
  const bundle = /src="(\/static\/webchat[^"]*)"/.exec(page)?.[1];
  if (!bundle) throw new Error('the chat page names no Web Chat bundle');
  await fetch(running.origin + bundle, { headers: { 'Accept-Encoding': 'br, gzip' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await running?.close();
});
afterEach(() => {
  expect(browser.outsideRequests).toEqual([]);
});

async function chatFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('iframe').elementHandle({ timeout: 10_000 }))?.contentFrame();
  if (!frame) throw new Error('the widget has no iframe');
  return frame;
}

describe('the chat opens fast', () => {
  it('shows the welcome within 2 s of opening the widget (warm server, cold browser cache)', async () => {
    const page = await browser.context.newPage();
    page.on('console', (m) => { if (process.env.EXP_BUNDLE) process.stdout.write(`[console] ${m.type()} ${m.text().slice(0, 300)}\n`); });
    page.on('pageerror', (e) => process.stdout.write(`[pageerror] ${e.message}\n`));
    await page.goto(`${running.origin}/demo?lang=en`);
    const launcher = page.locator('[data-symptom-check-widget] button.launcher');
    await launcher.waitFor();

    const clickedAt = Date.now();
    await launcher.click();
    const frame = await chatFrame(page);
    await botMessages(frame).first().waitFor({ timeout: 30_000 });
    const fromClickMs = Date.now() - clickedAt;

    // Where the time went, from the chat page's own clock (0 = the iframe started loading).
    const timings = (await frame.evaluate(`(() => {
      const bundle = performance.getEntriesByType('resource').find((entry) => /\\/static\\/webchat/.test(entry.name));
      const welcome = performance.getEntriesByName('symptom-check:welcome')[0];
      return {
        bundleUrl: bundle ? new URL(bundle.name).pathname : '',
        bundleBytesOnWire: bundle ? bundle.transferSize : -1,
        bundleBytes: bundle ? bundle.decodedBodySize : -1,
        bundleLoadedMs: bundle ? Math.round(bundle.responseEnd) : -1,
        domContentLoadedMs: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd),
        welcomeMs: welcome ? Math.round(welcome.startTime) : -1,
      };
    })()`)) as Record<string, number | string>;
    await report('time-to-welcome (real bot, warm server, cold cache)', { fromClickMs, ...timings });

    // The bundle came compressed and was fetched, not taken from a cache.
    expect(timings.bundleBytesOnWire as number).toBeGreaterThan(0);
    expect(timings.bundleBytesOnWire as number).toBeLessThan((timings.bundleBytes as number) / 2);
    expect(fromClickMs).toBeLessThanOrEqual(TARGET_MS);
    await page.close();
  });
});
