import { messageActivity, postActivity, startApp, type RunningApp } from './harness';

// Unlikely to occur anywhere by chance, so any hit in the logs is a leak.
const MARKER = 'QZX7-marker-bruises-9931';
const NAME = 'Oriel Vantablack';
const PHONE = '+1 555 010 4477';
const CONVERSATION = 'privacy-conv-5f2a91';

async function converse({ baseUrl }: RunningApp): Promise<void> {
  const from = { id: 'privacy-user-77', name: NAME };
  const texts = ['hi', `I bruise easily ${MARKER}`, `my name is ${NAME}, call me at ${PHONE}`, 'no', 'yes'];
  for (const text of texts) {
    const turn = await postActivity(baseUrl, messageActivity(CONVERSATION, text, { from }));
    expect(turn.status).toBe(200);
  }
}

const running: RunningApp[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.stop()));
});

describe('logs', () => {
  it('never hold what a person typed, their name, number or raw conversation id', async () => {
    const app = await startApp({ LOG_ID_SALT: 'test-salt' }, { captureLogs: true });
    running.push(app);
    await converse(app);
    const logs = app.logLines.join('\n');
    const turns = app.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.event === 'turn');
    expect(turns.length).toBeGreaterThanOrEqual(5); // the conversation really was logged…
    for (const secret of [MARKER, NAME, 'Oriel', PHONE, '555 010', CONVERSATION, 'privacy-user-77']) {
      expect(logs).not.toContain(secret); // …and none of this is in it
    }
    expect(turns[0]).toEqual(
      expect.objectContaining({ conversation: expect.stringMatching(/^[0-9a-f]{16}$/), channel: 'emulator', activityType: 'message' }),
    );
  });

  it('hold the typed text only with LOG_TRANSCRIPTS=true, announced by a warning at start-up', async () => {
    const app = await startApp({ LOG_TRANSCRIPTS: 'true' }, { captureLogs: true });
    running.push(app);
    const warning = JSON.parse(app.logLines[0] ?? '{}') as Record<string, unknown>;
    expect(warning).toMatchObject({ event: 'transcripts_on', level: 40 });
    await converse(app);
    expect(app.logLines.join('\n')).toContain(MARKER);
  });
});
