import { smsSegments } from '../../bot/sms/segments';
import { translate } from '../../locales/i18n';
import { startApp, type RunningApp } from '../ops/harness';
import { FakeTwilio, TEST_SMS_ENV } from './twilioClient';

// What a check costs by text message (issue 13, item 6): the instruction line only on the first
// list question, the "no to everything" path within 15 segments out in English, the summary with
// the closing within 3, and Spanish wording that survives the GSM-7 alphabet.

const PHONE = '1-888-663-3488';

interface Exchange {
  sent: string;
  received: string[];
}

/** Texts `opening`, then the number of "None of these" (or "No", "Show me the list") until the line. */
async function allNo(twilio: FakeTwilio, phone: string, opening: string, choose: RegExp): Promise<Exchange[]> {
  const transcript: Exchange[] = [];
  let last = '';
  const send = async (text: string) => {
    const response = await twilio.text(phone, text);
    transcript.push({ sent: text, received: response.messages });
    last = response.messages.join('\n');
  };
  await send(opening);
  await send('1'); // Me / Para mí
  while (!last.includes(PHONE) || /\n1\. /.test(last)) {
    if (transcript.length > 20) throw new Error(JSON.stringify(transcript, null, 2));
    const line = last.split('\n').find((text) => choose.test(text));
    await send(line ? line.split('.')[0]! : '1');
  }
  return transcript;
}

const segmentsOut = (transcript: Exchange[]) => transcript.flatMap((exchange) => exchange.received).reduce((sum, body) => sum + smsSegments(body).segments, 0);

describe('what a check costs by SMS', () => {
  let running: RunningApp;
  beforeEach(async () => {
    running = await startApp(TEST_SMS_ENV);
  });
  afterEach(() => running.stop());

  it('in English, "no" to everything costs at most 15 segments out, summary and closing at most 3', async () => {
    const transcript = await allNo(new FakeTwilio(running.baseUrl), '+15555550201', 'hi', /^\d+\. (Show me the list|None of these)$/);
    expect(segmentsOut(transcript)).toBeLessThanOrEqual(15);
    const end = transcript.at(-1)!.received;
    expect(end.join('\n')).toContain(PHONE);
    expect(end.reduce((sum, body) => sum + smsSegments(body).segments, 0)).toBeLessThanOrEqual(3);
    for (const body of transcript.flatMap((exchange) => exchange.received)) expect(smsSegments(body).encoding).toBe('GSM-7');
  });

  it('the instruction line comes on the first list question only', async () => {
    const transcript = await allNo(new FakeTwilio(running.baseUrl), '+15555550202', 'hi', /^\d+\. (Show me the list|None of these)$/);
    const hint = translate('en')('group.hintNumbers');
    expect(transcript.filter((exchange) => exchange.received.join('\n').includes(hint))).toHaveLength(1);
  });

  it('in Spanish, every message is GSM-7 and no "sí" turns into "si" ("if")', async () => {
    const twilio = new FakeTwilio(running.baseUrl);
    const transcript = await allNo(twilio, '+15555550203', 'hola', /^\d+\. (Ver la lista|Ninguna de estas)$/);
    const bodies = transcript.flatMap((exchange) => exchange.received);
    for (const body of bodies) expect(smsSegments(body).encoding).toBe('GSM-7');
    // "Sí" would reach the phone as "Si" ("if"): the answers are worded without it.
    const yesAsIf = /(^|[^\p{L}])si([,:.]|$)|: si\b/imu;
    expect(bodies.join('\n')).not.toMatch(yesAsIf);
    // Accents all kept or all dropped in one message, never "autoevaluacion" beside "médico".
    const welcome = bodies[0]!;
    expect(welcome).toContain('autoevaluacion');
    expect(welcome).not.toMatch(/[éèàùì]/);
    // A read-back and its buttons, by SMS: "tiene" / "Está bien así" instead of "sí".
    const phone = '+15555550204';
    await twilio.text(phone, 'hola');
    await twilio.text(phone, '1');
    const readBack = (await twilio.text(phone, 'me sangran las encías y tengo fiebre')).messages.join('\n');
    expect(readBack).toMatch(/Sangrado de encias: tiene/);
    expect(readBack).not.toMatch(yesAsIf);
    expect(readBack).toContain('Esta bien asi');
  });
});
