import type { TurnContext } from 'botbuilder';
import { createAdapter } from '../../bot/adapter';
import { loadConfig } from '../../bot/config';

// CheckAdapter.handle does for /api/messages what CloudAdapter.process does with a POSTed
// activity, without its zod checks (docs/botbuilder-workarounds.md): the timestamps parsed, the
// token header checked, the response ended with the turn's status and body.

const quiet = { warn: () => undefined, error: () => undefined };

function recordedResponse() {
  const sent: { status?: number; body?: unknown; ended: boolean } = { ended: false };
  return {
    sent,
    res: {
      status: (code: number) => (sent.status = code),
      send: (body: unknown) => (sent.body = body),
      end: () => (sent.ended = true),
    },
  };
}

const activity = (extra: object = {}) => ({
  type: 'message',
  text: 'hi',
  channelId: 'emulator',
  serviceUrl: 'http://localhost:1/',
  conversation: { id: 'handle-1' },
  from: { id: 'user-1' },
  recipient: { id: 'bot' },
  timestamp: '2026-12-03T10:00:00.000Z',
  ...extra,
});

it('runs the turn with the timestamps parsed as botbuilder does, and ends with 200', async () => {
  const adapter = createAdapter(loadConfig({}), {}, quiet);
  const { sent, res } = recordedResponse();
  let seen: TurnContext['activity'] | undefined;
  await adapter.handle({ body: activity(), headers: {} }, res, async (context) => {
    seen = context.activity;
  });
  expect(seen?.timestamp).toEqual(new Date('2026-12-03T10:00:00.000Z'));
  expect((seen as { rawTimestamp?: string } | undefined)?.rawTimestamp).toBe('2026-12-03T10:00:00.000Z');
  expect(sent).toEqual({ status: 200, ended: true });
});

it('returns an expectReplies turn’s replies as the body', async () => {
  const adapter = createAdapter(loadConfig({}), {}, quiet);
  const { sent, res } = recordedResponse();
  await adapter.handle({ body: activity({ deliveryMode: 'expectReplies' }), headers: {} }, res, async (context) => {
    await context.sendActivity('hello');
  });
  expect(sent.status).toBe(200);
  expect((sent.body as { activities: { text?: string }[] }).activities.map((reply) => reply.text)).toEqual(['hello']);
});

it('answers 401 with our reason, and runs nothing, when an app id is set and the header is missing', async () => {
  const adapter = createAdapter(loadConfig({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret' }), {}, quiet);
  const { sent, res } = recordedResponse();
  const logic = jest.fn(async () => undefined);
  await adapter.handle({ body: activity(), headers: {} }, res, logic);
  expect(logic).not.toHaveBeenCalled();
  expect(sent.status).toBe(401);
  expect(JSON.stringify(sent.body)).toContain('unauthorized');
  expect(sent.ended).toBe(true);
});
