import { smsSegments } from '../../bot/sms/segments';
import { startApp, type RunningApp } from '../ops/harness';
import { FakeTwilio, TEST_SMS_ENV } from './twilioClient';

// Whole checks by text message through the real app. Written without knowing the questions:
// answer "1" when a numbered list is offered and "no" otherwise, until a reply carries the
// appointment line; a bounded number of texts, so a loop fails instead of hanging.

const APPOINTMENT_PHONE = '1-888-663-3488';
const MAX_TEXTS = 40;

interface Exchange {
  sent: string;
  received: string[];
}

async function textUntilAppointmentLine(twilio: FakeTwilio, phone: string, opening: string[]): Promise<Exchange[]> {
  const transcript: Exchange[] = [];
  const send = async (text: string) => {
    const response = await twilio.text(phone, text);
    expect(response.status).toBe(200);
    transcript.push({ sent: text, received: response.messages });
    return response.messages.join('\n');
  };
  let last = '';
  for (const text of opening) last = await send(text);
  while (!last.includes(APPOINTMENT_PHONE)) {
    if (transcript.length >= MAX_TEXTS) throw new Error(`No appointment line after ${MAX_TEXTS} texts:\n${JSON.stringify(transcript, null, 2)}`);
    last = await send(/^\s*1[.)]\s/m.test(last) ? '1' : 'no');
  }
  return transcript;
}

/** Prints each message the bot sent with its size, so long prompts show up in the test output. */
function reportSegments(title: string, transcript: Exchange[]): void {
  const rows = transcript.flatMap(({ sent, received }) =>
    received.map((body) => {
      const size = smsSegments(body);
      return `${String(size.segments).padStart(2)} seg  ${size.encoding}  ${String(body.length).padStart(4)} ch  ← "${sent}"  ${JSON.stringify(body.slice(0, 70))}…`;
    }),
  );
  console.log(`${title}\n${rows.join('\n')}`);
}

function expectPlainGsmMessages(transcript: Exchange[]): void {
  for (const body of transcript.flatMap((exchange) => exchange.received)) {
    expect(body.length).toBeLessThanOrEqual(1600);
    expect(smsSegments(body).encoding).toBe('GSM-7');
    // No markdown, links or card JSON reach a phone.
    expect(body).not.toMatch(/\*\*|\]\(|tel:|"contentType"|<\/?[a-z]+>/i);
  }
}

describe('a full check by SMS (real dialogs)', () => {
  let running: RunningApp;

  beforeEach(async () => {
    running = await startApp(TEST_SMS_ENV);
  });

  afterEach(() => running.stop());

  it('in English ends at the appointment line', async () => {
    const transcript = await textUntilAppointmentLine(new FakeTwilio(running.baseUrl), '+15555550101', ['hi']);
    reportSegments('SMS check, English', transcript);
    expectPlainGsmMessages(transcript);
    expect(transcript.at(-1)?.received.join('\n')).toContain(APPOINTMENT_PHONE);
  });

  it('in Spanish ends at the appointment line', async () => {
    // "hola" alone is enough: SMS carries no locale, so the greeting chooses Spanish.
    const transcript = await textUntilAppointmentLine(new FakeTwilio(running.baseUrl), '+15555550102', ['hola']);
    reportSegments('SMS check, Spanish', transcript);
    expectPlainGsmMessages(transcript);
    expect(transcript[0]?.received.join('\n')).toMatch(/diagnóstico|diagnostico/i);
    const closing = transcript.at(-1)?.received.join('\n') ?? '';
    expect(closing).toContain(APPOINTMENT_PHONE);
    expect(closing).toMatch(/llame|cita/i);
  });

  it('continues one check across texts and two numbers do not share one', async () => {
    const twilio = new FakeTwilio(running.baseUrl);
    const first = await twilio.text('+15555550103', 'hi');
    const other = await twilio.text('+15555550104', 'hi');
    expect(other.messages).toEqual(first.messages);
    const next = await twilio.text('+15555550103', '1');
    expect(next.messages).not.toEqual(first.messages);
  });
});
