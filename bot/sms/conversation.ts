import type { ActivityHandlerBase, Storage } from 'botbuilder';
import type { CheckAdapter } from '../adapter';
import type { Config } from '../config';
import { smsHelpText } from './helpText';
import { nextSmsStep } from './keywords';
import { renderSmsReply } from './render';
import { splitMessage } from './segments';
import { toGsm7 } from './gsm7';
import { SmsStore } from './smsStore';

export interface SmsTurnDeps {
  config: Pick<Config, 'appointment'>;
  adapter: CheckAdapter;
  bot: Pick<ActivityHandlerBase, 'run'>;
  storage: Storage;
}

export interface IncomingSms {
  /** The sender's number, hashed: the raw number never gets past the webhook. */
  numberHash: string;
  text: string;
  /** Twilio's MessageSid, when it sent one: the activity id, for tracing a turn to Twilio's log. */
  messageId?: string;
}

export const SMS_CHANNEL_ID = 'sms';
// Replies travel back in the webhook response, so no connector is ever called at this address.
const SMS_SERVICE_URL = 'https://sms.invalid/';

/** Runs one incoming text through keywords, opt-out state and the bot; returns the message bodies to send. */
export async function answerSms(sms: IncomingSms, deps: SmsTurnDeps): Promise<string[]> {
  const store = new SmsStore(deps.storage);
  const status = await store.status(sms.numberHash);
  const step = nextSmsStep(sms.text, status.optedOut);
  switch (step.kind) {
    case 'optOut':
      await store.optOut(sms.numberHash, new Date());
      return [];
    case 'optIn':
      await store.optIn(sms.numberHash);
      return [];
    case 'silent':
      return [];
    case 'help':
      return splitMessage(toGsm7(smsHelpText(step.locale, deps.config.appointment)));
    case 'turn':
      break;
  }
  const replies = await deps.adapter.processInternal(
    {
      type: 'message',
      id: sms.messageId,
      timestamp: new Date(),
      channelId: SMS_CHANNEL_ID,
      serviceUrl: SMS_SERVICE_URL,
      from: { id: sms.numberHash, name: '', role: 'user' },
      recipient: { id: 'bot', name: '', role: 'bot' },
      // One conversation per number, so consecutive texts continue one check.
      conversation: { id: sms.numberHash, name: '', isGroup: false, conversationType: 'personal' },
      // A bare "2" too: the dialogs read it against the numbered list they sent.
      text: sms.text,
      textFormat: 'plain',
    },
    (context) => deps.bot.run(context),
  );
  return renderSmsReply(replies).messages;
}
