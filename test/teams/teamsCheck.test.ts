import { CHANNEL_EMULATION, startApp, type RunningApp } from '../ops/harness';
import { FakeTeams, offersIn, textOf, type Offer } from './teamsClient';
import type { Activity } from 'botbuilder';

// Whole checks in a Teams personal chat through the real app. Written without knowing the
// questions: press the first button offered, or "None of these" where the red-flag screen offers it (as a card submit when it is one, as Teams sends
// it) or say "no", until a reply carries the appointment line, within a bounded number of turns.

const APPOINTMENT_PHONE = '1-888-663-3488';
const MAX_TURNS = 40;

type Turn = () => Promise<{ status: number; replies: Partial<Activity>[] }>;

async function talkUntilAppointmentLine(teams: FakeTeams, opening: Turn[]): Promise<Partial<Activity>[][]> {
  const turns: Partial<Activity>[][] = [];
  let replies: Partial<Activity>[] = [];
  for (const turn of opening) {
    const response = await turn();
    expect(response.status).toBe(200);
    replies = response.replies;
    turns.push(replies);
  }
  while (!textOf(replies).includes(APPOINTMENT_PHONE)) {
    if (turns.length >= MAX_TURNS) throw new Error(`No appointment line after ${MAX_TURNS} turns:\n${JSON.stringify(turns.map(textOf), null, 2)}`);
    // The red-flag screen lists emergency signs first: a person with none presses "None of these".
    const offers: Offer[] = offersIn(replies);
    const first = offers.find((offer) => /^(none of these|ninguna de estas)$/i.test(offer.title ?? '')) ?? offers[0];
    const response = first ? await teams.press(first) : await teams.say('no');
    expect(response.status).toBe(200);
    replies = response.replies;
    turns.push(replies);
  }
  return turns;
}

function expectTeamsFriendly(turns: Partial<Activity>[][]): void {
  for (const reply of turns.flat()) {
    // Teams shows at most three suggested actions; more must come as card buttons. Beside an
    // Adaptive Card (the checklist) Teams shows none, and the card holds the choices.
    const onAdaptiveCard = (reply.attachments ?? []).some((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive');
    if (!onAdaptiveCard) expect((reply.suggestedActions?.actions ?? []).length).toBeLessThanOrEqual(3);
    // No headers or tables, which Teams shows as raw characters.
    expect(reply.text ?? '').not.toMatch(/^\s{0,3}#{1,6}\s|^\s*\|.*\|\s*$/m);
  }
}

describe('a full check in Teams personal chat (real dialogs)', () => {
  let running: RunningApp;

  beforeEach(async () => {
    // FakeTeams plays msteams from loopback, without an app id or token.
    running = await startApp(CHANNEL_EMULATION);
  });

  afterEach(() => running.stop());

  it('welcomes the person when the app is installed', async () => {
    const { status, replies } = await new FakeTeams(running.baseUrl).install();
    expect(status).toBe(200);
    expect(textOf(replies)).toMatch(/not a diagnosis/i);
  });

  it('in English ends at the appointment line, as a tel: link Teams opens', async () => {
    const teams = new FakeTeams(running.baseUrl, 1);
    const turns = await talkUntilAppointmentLine(teams, [() => teams.install()]);
    expect(textOf(turns[0] ?? [])).toMatch(/not a diagnosis/i);
    expectTeamsFriendly(turns);
    expect(textOf(turns.at(-1) ?? [])).toMatch(/\[1-888-663-3488\]\(tel:\+18886633488\)/);
  });

  it('in Spanish ends at the appointment line', async () => {
    const teams = new FakeTeams(running.baseUrl, 2);
    const turns = await talkUntilAppointmentLine(teams, [() => teams.install(), () => teams.say('español')]);
    expectTeamsFriendly(turns);
    const closing = textOf(turns.at(-1) ?? []);
    expect(closing).toContain(APPOINTMENT_PHONE);
    expect(closing).toMatch(/llame|cita/i);
  });
});
