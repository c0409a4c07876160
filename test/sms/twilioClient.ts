import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';

export const TEST_AUTH_TOKEN = 'test-twilio-auth-token';
export const TEST_PUBLIC_URL = 'https://bot.example.org';
export const TEST_SMS_ENV = { TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN, PUBLIC_URL: TEST_PUBLIC_URL, SMS_HASH_SECRET: 'test-hash-secret' };

export interface SmsResponse {
  status: number;
  contentType: string | null;
  body: string;
  /** The <Message> bodies of the TwiML reply, unescaped. */
  messages: string[];
}

const unescapeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function twimlMessages(twiml: string): string[] {
  return [...twiml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((match) => unescapeXml(match[1] ?? ''));
}

export async function listen(server: restify.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Plays Twilio: posts a webhook form to the local server, signed for the public URL as Twilio would. */
export class FakeTwilio {
  private sequence = 0;

  constructor(
    private readonly localUrl: string,
    private readonly options: { authToken?: string; signedUrl?: string } = {},
  ) {}

  async text(from: string, body: string, signature: 'valid' | 'missing' | 'bad' = 'valid'): Promise<SmsResponse> {
    this.sequence += 1;
    const params: Record<string, string> = {
      MessageSid: `SM${String(this.sequence).padStart(32, '0')}`,
      AccountSid: 'AC00000000000000000000000000000000',
      From: from,
      To: '+18885550100',
      Body: body,
      NumMedia: '0',
    };
    return this.post(params, signature);
  }

  async post(params: Record<string, string>, signature: 'valid' | 'missing' | 'bad' = 'valid'): Promise<SmsResponse> {
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const signedUrl = this.options.signedUrl ?? `${TEST_PUBLIC_URL}/api/sms`;
    if (signature === 'valid') headers['X-Twilio-Signature'] = getExpectedTwilioSignature(this.options.authToken ?? TEST_AUTH_TOKEN, signedUrl, params);
    if (signature === 'bad') headers['X-Twilio-Signature'] = getExpectedTwilioSignature('some-other-token', signedUrl, params);
    const response = await fetch(`${this.localUrl}/api/sms`, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type'), body: text, messages: twimlMessages(text) };
  }
}
