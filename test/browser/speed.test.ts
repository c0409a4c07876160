import os from 'node:os';
import type { Frame, Page } from 'playwright-core';
import { botMessages, SEND_BOX, waitForBotTurn } from './drive';
import { Browser, launchBrowser, report, RunningServer, screenshot, startApp } from './harness';

// How fast the chat opens and how it fits a phone, on the real bot. A browser of its own, so its
// cache is cold: nothing loaded by another test file or an earlier page helps it.
// Issue 22's target, 2 s. Most of that time is Chromium running the Web Chat bundle (our own,
// 1.7 MB: 0.7-1.2 s of it at a load of 3 per core, twice that for Web Chat's full 3.9 MB bundle;
// README, "Website chat"). So the target is asserted when the machine is not busy (load per core
// under 1); on a busy machine the test still fails past 8 s, and always reports the figure and
// the load.
const loadPerCore = () => os.loadavg()[0]! / os.cpus().length;
const TARGET_MS = 2_000;
const BUSY_MACHINE_LIMIT_MS = 8_000;

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
  it('shows the welcome within 2 s of opening the widget on an idle machine (warm server, cold browser cache)', async () => {
    const page = await browser.context.newPage();
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
        sessionAskedMs: Math.round(performance.getEntriesByType('resource').find((entry) => /\\/webchat\\/session/.test(entry.name))?.startTime ?? -1),
        bundleRanMs: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventStart),
        domContentLoadedMs: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd),
        welcomeMs: welcome ? Math.round(welcome.startTime) : -1,
      };
    })()`)) as Record<string, number | string>;
    const load = loadPerCore();
    await report('time-to-welcome (real bot, warm server, cold cache)', { fromClickMs, ...timings, loadPerCore: load.toFixed(1) });

    // The bundle came compressed and was fetched, not taken from a cache.
    expect(timings.bundleBytesOnWire as number).toBeGreaterThan(0);
    expect(timings.bundleBytesOnWire as number).toBeLessThan((timings.bundleBytes as number) / 2);
    // The session was asked for while the bundle was still running (it runs for seconds, ending
    // just before DOMContentLoaded), not once it had run, as before issue 22.
    expect(timings.sessionAskedMs as number).toBeGreaterThanOrEqual(0);
    expect(timings.sessionAskedMs as number).toBeLessThan((timings.bundleRanMs as number) / 2);
    expect(fromClickMs).toBeLessThanOrEqual(load < 1 ? TARGET_MS : BUSY_MACHINE_LIMIT_MS);
    await page.close();
  });
});

describe('the chat fits a phone (375 by 667 px)', () => {
  const PHONE_VIEWPORT = { width: 375, height: 667 };

  /** Every phone number on the page that is on more than one line, or could wrap. */
  const wrappedNumbers = (page: Page) =>
    page.evaluate(`Array.from(document.querySelectorAll('a[href^="tel:"], .phone-number'))
      .filter((el) => el.getClientRects().length !== 1 || getComputedStyle(el).whiteSpace !== 'nowrap')
      .map((el) => el.textContent)`) as Promise<string[]>;

  it.each([
    ['en', 'Symptom Check', 'can I talk to a person?', 'Type your message'],
    ['es', 'Revisión de síntomas', 'quiero hablar con una persona', 'Escriba su mensaje'],
  ])('in %s: the title, header and Web Chat’s own words in the language, a slim header, no sideways scroll, no number on two lines', async (lang, name, askForPerson, sendBoxPlaceholder) => {
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE_VIEWPORT);
    await page.goto(`${running.origin}/?lang=${lang}`);
    await expect(page.title()).resolves.toContain(name);
    await expect(page.locator('header h1').innerText()).resolves.toBe(name);
    await botMessages(page.mainFrame()).first().waitFor({ timeout: 30_000 });
    // Web Chat's words come from its bundle, which keeps only English and Spanish (webchat/).
    await expect(page.locator(SEND_BOX).getAttribute('placeholder')).resolves.toBe(sendBoxPlaceholder);

    // A reply with the appointment line in it.
    const before = await botMessages(page.mainFrame()).count();
    await page.locator(SEND_BOX).fill(askForPerson);
    await page.keyboard.press('Enter');
    await waitForBotTurn(page.mainFrame(), before, 30_000);
    await page.locator('#webchat a[href^="tel:"], #webchat .phone-number').first().waitFor({ timeout: 10_000 });
    await screenshot(page, `chat-phone-375-${lang}`);

    const layout = (await page.evaluate(`({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      chrome: document.querySelector('header.bar').getBoundingClientRect().height + document.querySelector('.note').getBoundingClientRect().height,
      numbersInChat: document.querySelectorAll('#webchat a[href^="tel:"], #webchat .phone-number').length,
    })`)) as { scrollWidth: number; innerWidth: number; chrome: number; numbersInChat: number };
    await report(`phone layout 375x667 ${lang}`, { headerAndNotePx: Math.round(layout.chrome), share: (layout.chrome / PHONE_VIEWPORT.height).toFixed(2) });

    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
    expect(layout.chrome / PHONE_VIEWPORT.height).toBeLessThan(0.25);
    expect(layout.numbersInChat).toBeGreaterThan(0);
    await expect(wrappedNumbers(page)).resolves.toEqual([]);
    await page.close();
  });
});
