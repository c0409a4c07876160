import type { Activity } from 'botbuilder';
import { translate } from '../../locales/i18n';
import { CHANNEL_EMULATION, messageActivity, startApp, type RunningApp } from '../ops/harness';

// The check on the real Bot Framework endpoint: restify, CloudAdapter, auth, state, dialogs.

let running: RunningApp | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** The replies a person sees: messages (the body may also carry trace activities). */
async function messagesOf(response: Response): Promise<Partial<Activity>[]> {
  const { activities } = (await response.json()) as { activities: Partial<Activity>[] };
  return activities.filter((activity) => activity.type === 'message');
}

const post = (baseUrl: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

it('GET /healthz answers 200', async () => {
  running = await startApp();
  expect((await fetch(`${running.baseUrl}/healthz`)).status).toBe(200);
});

it('POST /api/messages with expectReplies returns the replies in the body, turn after turn', async () => {
  // Played as Direct Line, whose replies carry suggested actions.
  running = await startApp(CHANNEL_EMULATION);
  const t = translate('en');
  const first = await post(running.baseUrl, JSON.stringify(messageActivity('http-check', 'hi', { channelId: 'directline' })));
  expect(first.status).toBe(200);
  const activities = await messagesOf(first);
  expect(activities.map((activity) => activity.text)).toEqual([t('welcome.notice'), t('who.prompt')]);
  expect(activities[1]?.suggestedActions?.actions.map((action) => action.title)).toEqual(['Me', 'My child', 'Someone else']);

  const second = await post(running.baseUrl, JSON.stringify(messageActivity('http-check', 'stop', { channelId: 'directline' })));
  const closing = await messagesOf(second);
  expect(closing.at(-1)?.text).toContain('[1-888-663-3488](tel:+18886633488)');
  expect(closing.at(-1)?.inputHint).not.toBe('expectingInput');
});

it('answers in Spanish when the activity says es-MX', async () => {
  running = await startApp();
  const response = await post(running.baseUrl, JSON.stringify(messageActivity('http-es', 'hola', { locale: 'es-MX' })));
  expect((await messagesOf(response))[0]?.text).toBe(translate('es')('welcome.notice'));
});

it('answers 400 to malformed JSON', async () => {
  running = await startApp();
  expect((await post(running.baseUrl, '{"type": "message", ')).status).toBe(400);
});

it('answers 401 without an Authorization header once an app id and password are set', async () => {
  running = await startApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
  expect((await post(running.baseUrl, JSON.stringify(messageActivity('http-auth', 'hi')))).status).toBe(401);
});
