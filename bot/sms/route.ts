import restify from 'restify';
import type { Logger } from 'pino';
import MessagingResponse from 'twilio/lib/twiml/MessagingResponse';
import { validateRequest } from 'twilio/lib/webhooks/webhooks';
import type { Config } from '../config';
import { sendTooMany } from '../guards/httpGuards';
import type { RateLimits } from '../guards/rateLimits';
import { sendError } from '../httpErrors';
import { sendAgainMessage } from '../../check/closing';
import { turnErrorKind } from '../turnError';
import { answerSms, SMS_CHANNEL_ID, type SmsTurnDeps } from './conversation';
import { toGsm7 } from './gsm7';
import { hashNumber } from './hashNumber';
import { smsHelpText } from './helpText';
import { renderSmsReply } from './render';
import { splitMessage } from './segments';

export const SMS_PATH = '/api/sms';

// A Twilio webhook is a handful of short form fields; a body this big is not one.
const MAX_SMS_BODY_BYTES = 64 * 1024;

type FormParams = Record<string, string | string[]>;

/** The form fields as Twilio signed them: a repeated field keeps all its values. */
function formParams(body: unknown): FormParams {
  const params: FormParams = {};
  const raw = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '';
  for (const [key, value] of new URLSearchParams(raw)) {
    const existing = params[key];
    params[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return params;
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function twimlFor(messages: readonly string[]): string {
  const response = new MessagingResponse();
  for (const body of messages) response.message(body);
  return response.toString();
}

export interface SmsWebhookDeps extends Omit<SmsTurnDeps, 'storage' | 'config'> {
  config: SmsTurnDeps['config'] & Pick<Config, 'sms'>;
  /** The bot's storage, where opt-outs are kept: required once SMS is configured. */
  storage?: SmsTurnDeps['storage'];
  logger?: Pick<Logger, 'error'>;
  /** Turns per (hashed) number; none when left out. */
  rateLimits?: RateLimits;
}

/**
 * The handlers of POST /api/sms, the Twilio Messaging webhook. Without TWILIO_AUTH_TOKEN it
 * answers 503 (SMS not configured) rather than 404, so Twilio's debugger shows why texts get no
 * answer. With it, only a request whose X-Twilio-Signature matches PUBLIC_URL + /api/sms runs
 * anything; others get 403.
 */
export function smsWebhook(deps: SmsWebhookDeps): restify.RequestHandler[] {
  const { twilioAuthToken, webhookUrl, hashSecret } = deps.config.sms;
  if (!twilioAuthToken || !webhookUrl) {
    const notConfigured: restify.RequestHandler = (_req, res, next) => {
      sendError(res, 503, 'sms_not_configured', 'SMS is not configured: set TWILIO_AUTH_TOKEN and PUBLIC_URL.');
      return next();
    };
    return [notConfigured];
  }
  const { storage } = deps;
  if (!storage) throw new Error('SMS needs the bot storage to keep opt-outs: pass storage to createServer.');
  // loadConfig refuses to start without it; a config built another way must not fall back to a known key.
  if (!hashSecret) throw new Error('SMS needs SMS_HASH_SECRET to hash phone numbers: set it with TWILIO_AUTH_TOKEN.');
  const turnDeps: SmsTurnDeps = { ...deps, storage };

  const answer = async (req: restify.Request, res: restify.Response) => {
    const params = formParams(req.body);
    const signature = req.header('X-Twilio-Signature');
    if (!signature || !validateRequest(twilioAuthToken, signature, webhookUrl, params)) {
      sendError(res, 403, 'bad_signature', 'The request is not signed by Twilio for this URL.');
      return;
    }
    const from = single(params.From);
    if (!from) {
      sendError(res, 400, 'missing_from', 'From is required.');
      return;
    }
    const sms = { numberHash: hashNumber(from, hashSecret), text: single(params.Body) ?? '', messageId: single(params.MessageSid) };
    // Twilio posts everyone's texts from its own addresses: the limit is per (hashed) number.
    const verdict = await deps.rateLimits?.consumeConversationTurn(SMS_CHANNEL_ID, sms.numberHash);
    if (verdict && !verdict.allowed) {
      sendTooMany(res, verdict, 'Too many texts from this number; wait a moment.');
      return;
    }
    let messages: string[];
    try {
      messages = await answerSms(sms, turnDeps);
    } catch (error) {
      // The opt-out store (or the bot's own error handling) failed: no 500 with the error's text
      // for Twilio to drop. A store that failed (a stall) kept the person's check, so they are
      // asked to text again; anything else gets the short help text. Both carry the appointment line.
      deps.logger?.error({ event: 'sms_turn_failed', err: error }, 'SMS turn failed');
      messages =
        turnErrorKind(error) === 'store'
          ? renderSmsReply([{ type: 'message', text: sendAgainMessage(deps.config, 'en') }]).messages
          : splitMessage(toGsm7(smsHelpText('en', deps.config.appointment)));
    }
    res.sendRaw(200, twimlFor(messages), { 'Content-Type': 'text/xml; charset=utf-8' });
  };
  return [restify.plugins.bodyReader({ maxBodySize: MAX_SMS_BODY_BYTES }), answer];
}
