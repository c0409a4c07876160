import type { Frame, Locator } from 'playwright-core';

export const BOT_MESSAGES = '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content';
export const SUGGESTED_ACTIONS = 'button.webchat__suggested-action';
export const SEND_BOX = '.webchat__send-box-text-box__input';
/** An Adaptive Card as Web Chat renders it; the checklist's boxes are checkbox inputs on it. */
export const ADAPTIVE_CARD = '.webchat__bubble:not(.webchat__bubble--from-user) .ac-adaptiveCard';

// Choices that move any check towards its end without claiming a symptom or starting over:
// "None of these" first, then a confirmation; otherwise the first button.
const PREFERRED_CHOICES = [/^(none|ningun|ninguna|nada|no,? none)/i, /^(yes|s[ií])\b/i];

export const botMessages = (frame: Frame) => frame.locator(BOT_MESSAGES);

/** Waits for at least one bot message beyond `seen`, then until no more arrive for a moment. */
export async function waitForBotTurn(frame: Frame, seen: number, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let count = await botMessages(frame).count();
  while (count <= seen) {
    if (Date.now() > deadline) throw new Error(`No new bot message within ${timeoutMs} ms (had ${seen})`);
    await frame.waitForTimeout(100);
    count = await botMessages(frame).count();
  }
  // Web Chat polls every 500 ms; a reply in several messages may span two polls.
  let stableSince = Date.now();
  while (Date.now() - stableSince < 1_200 && Date.now() < deadline) {
    await frame.waitForTimeout(150);
    const now = await botMessages(frame).count();
    if (now !== count) {
      count = now;
      stableSince = Date.now();
    }
  }
  return count;
}

export async function typeMessage(frame: Frame, text: string): Promise<void> {
  const input = frame.locator(SEND_BOX);
  await input.fill(text);
  await input.press('Enter');
}

export interface CheckRun {
  steps: string[];
  closingLink: Locator;
}

/**
 * A checklist card that came since the last one answered: the first one gets its first two boxes
 * ticked and "Done" (its first button); later ones "None of these" (its second). Returns the step,
 * or null when there is no new card with checkboxes.
 */
async function answerChecklist(frame: Frame, answered: { cards: number }, beforeDone?: () => Promise<void>): Promise<string | null> {
  const cards = frame.locator(ADAPTIVE_CARD);
  const count = await cards.count();
  if (count <= answered.cards) return null;
  answered.cards = count;
  const card = cards.last();
  const boxes = card.locator('input[type="checkbox"]');
  if ((await boxes.count()) === 0) return null;
  const buttons = card.locator('button.ac-pushButton');
  // The page shows the card alone: no suggested actions under it.
  if ((await frame.locator(SUGGESTED_ACTIONS).count()) > 0) throw new Error('suggested actions shown beside the checklist card');
  if (count === 1) {
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await beforeDone?.();
    const done = (await buttons.first().innerText()).trim();
    await buttons.first().click();
    return `ticked 2 and pressed "${done}"`;
  }
  const none = (await buttons.nth(1).innerText()).trim();
  await buttons.nth(1).click();
  return `pressed "${none}" on the card`;
}

/**
 * Answers whatever the bot asks until a bot message links the appointment line, without relying
 * on the dialogs' wording: a new checklist card is answered on the card (answerChecklist);
 * otherwise it alternates clicking a suggested action and typing that action's title, and types
 * `fallbackText` when there are no buttons. Bounded by `maxSteps`.
 */
export async function completeCheck(
  frame: Frame,
  options: { phoneHref: string; fallbackText: string; firstText?: string; maxSteps?: number; beforeDone?: () => Promise<void> },
): Promise<CheckRun> {
  const closingLink = frame.locator(`${BOT_MESSAGES} a[href="${options.phoneHref}"]`);
  const steps: string[] = [];
  const answered = { cards: 0 };
  let seen = await waitForBotTurn(frame, 0);
  for (let step = 0; step < (options.maxSteps ?? 40); step += 1) {
    if ((await closingLink.count()) > 0) return { steps, closingLink };
    const buttons = frame.locator(SUGGESTED_ACTIONS);
    const titles = (await buttons.allInnerTexts()).map((title) => title.trim());
    const onCard = step === 0 && options.firstText ? null : await answerChecklist(frame, answered, options.beforeDone);
    if (onCard) {
      steps.push(onCard);
    } else if (step === 0 && options.firstText) {
      await typeMessage(frame, options.firstText);
      steps.push(`typed "${options.firstText}"`);
    } else if (titles.length > 0) {
      const preferred = PREFERRED_CHOICES.map((pattern) => titles.findIndex((title) => pattern.test(title))).find((index) => index >= 0);
      const index = preferred ?? 0;
      const title = titles[index] ?? '';
      if (step % 2 === 0) {
        await buttons.nth(index).click();
        steps.push(`clicked "${title}"`);
      } else {
        await typeMessage(frame, title);
        steps.push(`typed "${title}"`);
      }
    } else {
      await typeMessage(frame, options.fallbackText);
      steps.push(`typed "${options.fallbackText}"`);
    }
    seen = await waitForBotTurn(frame, seen);
  }
  if ((await closingLink.count()) > 0) return { steps, closingLink };
  throw new Error(`No closing with ${options.phoneHref} after ${steps.length} steps: ${steps.join(' → ')}`);
}
