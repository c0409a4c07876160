import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { telUri } from '../../check/closing';
import { botMessages, completeCheck, SUGGESTED_ACTIONS } from './drive';
import { Browser, launchBrowser, report, RunningServer, runAxe, screenshot, seriousOrWorse, startServerWithBot } from './harness';
import { ScriptedCheckBot } from './stubBot';

// The widget, the page and the Direct Line edge, with a scripted stand-in for the dialogs.
const PHONE = '1-888-663-3488';
const PHONE_HREF = telUri(PHONE);

let browser: Browser;
let bot: RunningServer;

beforeAll(async () => {
  browser = await launchBrowser();
  bot = await startServerWithBot(new ScriptedCheckBot(PHONE, PHONE_HREF), { APPOINTMENT_PHONE: PHONE });
});
afterAll(async () => {
  await browser?.close();
  await bot?.close();
});
afterEach(() => {
  expect(browser.outsideRequests).toEqual([]);
});

/** Everything that says a page broke its own CSP or failed to load a script. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to|Failed to load/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

async function chatFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('iframe').elementHandle({ timeout: 10_000 });
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('the widget has no iframe');
  return frame;
}

const launcher = (page: Page) => page.locator('[data-symptom-check-widget] button.launcher');

/** Escape inside the chat frame reaches the page by postMessage, so the launcher changes a moment later. */
async function launcherBecomes(page: Page, expanded: 'true' | 'false'): Promise<void> {
  await page.locator(`[data-symptom-check-widget] button.launcher[aria-expanded="${expanded}"]`).waitFor({ timeout: 5_000 });
}

describe('website widget (scripted bot)', () => {
  it('opens from /demo, runs a check by clicking and typing, and closes with Escape', async () => {
    const page = await browser.context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${bot.origin}/demo?lang=en`);

    const button = launcher(page);
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(button.getAttribute('aria-label')).resolves.toBe('Check your symptoms');
    await expect(page.locator('iframe').count()).resolves.toBe(0); // nothing loads until asked

    const clickedAt = Date.now();
    await button.click();
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    const frame = await chatFrame(page);
    await botMessages(frame).first().waitFor({ timeout: 20_000 });
    await report('time-to-welcome (scripted bot, cold)', { fromClickMs: Date.now() - clickedAt });

    await expect(frame.locator('html').getAttribute('lang')).resolves.toBe('en');
    const run = await completeCheck(frame, { phoneHref: PHONE_HREF, fallbackText: 'no' });
    expect(run.steps[0]).toBe('clicked "None of these"');
    await expect(run.closingLink.getAttribute('target')).resolves.toBeNull();
    await screenshot(page, 'widget-scripted-en');

    await frame.locator('.webchat__send-box-text-box__input').focus();
    await page.keyboard.press('Escape');
    await launcherBecomes(page, 'false');
    await expect(page.evaluate('document.activeElement.shadowRoot.activeElement.className')).resolves.toBe('launcher');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is keyboard operable with a visible focus ring, and speaks Spanish on a Spanish page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${bot.origin}/demo?lang=es`);
    await page.keyboard.press('Tab');
    const button = launcher(page);
    await expect(button.getAttribute('aria-label')).resolves.toBe('Revise sus síntomas');
    await expect(page.evaluate('document.activeElement.shadowRoot.activeElement.className')).resolves.toBe('launcher');
    const outline = (await page.evaluate(
      'getComputedStyle(document.activeElement.shadowRoot.activeElement).outlineStyle',
    )) as string;
    expect(outline).not.toBe('none');

    await page.keyboard.press('Enter');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    const frame = await chatFrame(page);
    await botMessages(frame).first().waitFor({ timeout: 20_000 });
    await expect(frame.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(botMessages(frame).first().innerText()).resolves.toContain('Bienvenida');
    await expect(frame.locator(SUGGESTED_ACTIONS).first().innerText()).resolves.toBe('Yo');

    // Escape on the launcher itself closes too.
    await button.focus();
    await page.keyboard.press('Escape');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.close();
  });

  it('has no serious or critical axe violations, on the host page and in the chat', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${bot.origin}/demo`);
    await launcher(page).click();
    const frame = await chatFrame(page);
    await botMessages(frame).first().waitFor({ timeout: 20_000 });
    await frame.locator(SUGGESTED_ACTIONS).first().waitFor();
    expect(seriousOrWorse(await runAxe(page))).toEqual([]);
    expect(seriousOrWorse(await runAxe(frame))).toEqual([]);
    await page.close();
  });

  it('fits a 360 px phone: the panel fills the screen above the button, with nothing to scroll sideways', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${bot.origin}/demo?lang=en`);
    await launcher(page).click();
    const frame = await chatFrame(page);
    await botMessages(frame).first().waitFor({ timeout: 20_000 });
    const panel = await page.locator('[data-symptom-check-widget] .panel').boundingBox();
    expect(panel).toMatchObject({ x: 0, y: 0, width: 360 });
    await expect(frame.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(360);
    await expect(frame.locator('.note a[href="tel:911"]').isVisible()).resolves.toBe(true);
    await screenshot(page, 'widget-scripted-360');
    await page.close();
  });
});

describe('embedding on another website (ALLOWED_ORIGINS)', () => {
  let hosts: { allowed: http.Server; other: http.Server; allowedOrigin: string; otherOrigin: string };
  let guarded: RunningServer;

  const hostPage = (botOrigin: string) =>
    `<!doctype html><html lang="en"><head><title>Clinic</title></head><body><h1>Clinic</h1><script src="${botOrigin}/widget.js" defer></script></body></html>`;

  beforeAll(async () => {
    let botOrigin = '';
    const serve = () =>
      http.createServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end(hostPage(botOrigin));
      });
    const listen = async (server: http.Server) => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://localhost:${(server.address() as AddressInfo).port}`;
    };
    const allowed = serve();
    const other = serve();
    hosts = { allowed, other, allowedOrigin: await listen(allowed), otherOrigin: await listen(other) };
    guarded = await startServerWithBot(new ScriptedCheckBot(PHONE, PHONE_HREF), { ALLOWED_ORIGINS: hosts.allowedOrigin });
    botOrigin = guarded.origin;
  });
  afterAll(async () => {
    await guarded?.close();
    for (const server of [hosts?.allowed, hosts?.other]) {
      server?.closeAllConnections();
      await new Promise((resolve) => server?.close(resolve));
    }
  });

  it('works on a listed website', async () => {
    const page = await browser.context.newPage();
    await page.goto(hosts.allowedOrigin);
    await launcher(page).click();
    const frame = await chatFrame(page);
    await botMessages(frame).first().waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('cannot be framed by a website that is not listed', async () => {
    const page = await browser.context.newPage();
    const refused = page.waitForEvent('console', { predicate: (m) => /frame-ancestors/.test(m.text()), timeout: 15_000 });
    await page.goto(hosts.otherOrigin);
    await launcher(page).click();
    await refused;
    const frame = await chatFrame(page);
    await expect(frame.locator('#webchat').count()).resolves.toBe(0);
    await page.close();
  });
});
