import type { Frame, Page } from 'playwright-core';
import { telUri } from '../../check/closing';
import { listFormat } from '../../check/summary';
import { itemLabel, type Locale } from '../../knowledge';
import { translate } from '../../locales/i18n';
import { botMessages, completeCheck } from './drive';
import { Browser, launchBrowser, report, RunningServer, runAxe, screenshot, seriousOrWorse, startApp } from './harness';

// The real bot, end to end: the website widget on /demo, Web Chat, the local Direct Line, the
// adapter and the dialogs. The driver is generic, so wording changes in the dialogs do not break it.
let browser: Browser;
let running: RunningServer & { app: { config: { appointment: { phone: string } } } };
let phoneHref: string;

beforeAll(async () => {
  browser = await launchBrowser();
  running = await startApp();
  phoneHref = telUri(running.app.config.appointment.phone);
});
afterAll(async () => {
  await browser?.close();
  await running?.close();
});
afterEach(() => {
  expect(browser.outsideRequests).toEqual([]);
});

async function openWidget(page: Page, label: string): Promise<{ frame: Frame; welcomeMs: number; welcomeText: string }> {
  const launcher = page.locator('[data-symptom-check-widget] button.launcher');
  await expect(launcher.getAttribute('aria-label')).resolves.toBe(label);
  const clickedAt = Date.now();
  await launcher.click();
  await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('true');
  const frame = await (await page.locator('iframe').elementHandle({ timeout: 10_000 }))?.contentFrame();
  if (!frame) throw new Error('the widget has no iframe');
  await botMessages(frame).first().waitFor({ timeout: 30_000 });
  return { frame, welcomeMs: Date.now() - clickedAt, welcomeText: await botMessages(frame).first().innerText() };
}

/** When the first bot message arrived, in ms after the chat page started loading (set by public/chat.js). */
const welcomeMark = (frame: Frame) =>
  frame.evaluate(`Math.round(performance.getEntriesByName('symptom-check:welcome')[0]?.startTime ?? -1)`) as Promise<number>;

describe.each([
  { lang: 'en' as Locale, label: 'Check your symptoms', fallbackText: 'no', cache: 'cold' },
  { lang: 'es' as Locale, label: 'Revise sus síntomas', fallbackText: 'no', cache: 'warm' },
])('a whole check in the website widget ($lang)', ({ lang, label, fallbackText, cache }) => {
  it('ends at the appointment line as a tel: link, with no serious accessibility problems', async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${running.origin}/demo?lang=${lang}`);

    const { frame, welcomeMs, welcomeText } = await openWidget(page, label);
    await report(`time-to-welcome (real bot, ${lang}, ${cache} cache)`, { fromClickMs: welcomeMs, fromChatPageStartMs: await welcomeMark(frame) });
    await expect(frame.locator('html').getAttribute('lang')).resolves.toBe(lang);
    if (lang === 'es') expect(welcomeText).toMatch(/[áéíóúñ¿¡]/);

    const run = await completeCheck(frame, { phoneHref, fallbackText, maxSteps: 40, beforeDone: () => screenshot(page, `check-${lang}-checklist`).then(() => undefined) });
    process.stdout.write(`[browser] ${lang} check in ${run.steps.length} steps: ${run.steps.join(' → ')}\n`);
    expect(run.steps.some((step) => step.startsWith('clicked'))).toBe(true);
    expect(run.steps.some((step) => step.startsWith('typed'))).toBe(true);
    // The symptoms' checklist card: two boxes ticked and "Done" is one answer, read back in the summary.
    expect(run.steps).toContain(`ticked 2 and pressed "${translate(lang)('group.card.done')}"`);
    const said = (await botMessages(frame).allInnerTexts()).join('\n');
    const summaryYes = translate(lang)('summary.has', { items: listFormat(lang).format([itemLabel('bone_pain', lang), itemLabel('bleeding_gums', lang)]) });
    expect(said).toContain(summaryYes);
    // Opens the phone's dialer in place, not an empty new tab.
    await expect(run.closingLink.first().getAttribute('target')).resolves.toBeNull();
    await screenshot(page, `check-${lang}-closing`);

    expect(seriousOrWorse(await runAxe(page))).toEqual([]);
    expect(seriousOrWorse(await runAxe(frame))).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

describe('the chat page on its own at 360 px', () => {
  it('fits without sideways scrolling and shows the safety note with working tel: links', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${running.origin}/?lang=es`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await botMessages(page.mainFrame()).first().waitFor({ timeout: 30_000 });
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(360);
    await expect(page.locator('.note a[href="tel:911"]').isVisible()).resolves.toBe(true);
    await expect(page.locator(`.note a[href="${phoneHref}"]`).isVisible()).resolves.toBe(true);
    expect(seriousOrWorse(await runAxe(page))).toEqual([]);
    await screenshot(page, 'page-360-es');
    await page.close();
  });
});
