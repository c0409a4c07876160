import type { Storage, StoreItem } from 'botbuilder';

interface OptOutRecord extends StoreItem {
  optedOut: true;
  /** ISO time of the STOP, for an audit of who asked not to be texted and when. */
  since: string;
}

interface ChoicesRecord extends StoreItem {
  choices: string[];
}

export interface SmsStatus {
  optedOut: boolean;
  /** The values of the numbered list in the last reply, for a bare-number answer. */
  choices: string[];
}

const optOutKey = (numberHash: string) => `sms-optout/${numberHash}`;
const choicesKey = (numberHash: string) => `sms-choices/${numberHash}`;

/** What the SMS edge remembers per number, in the bot's own Storage, keyed by the number's hash. */
export class SmsStore {
  constructor(private readonly storage: Storage) {}

  async status(numberHash: string): Promise<SmsStatus> {
    const items = await this.storage.read([optOutKey(numberHash), choicesKey(numberHash)]);
    const optOut = items[optOutKey(numberHash)] as OptOutRecord | undefined;
    const offered = items[choicesKey(numberHash)] as ChoicesRecord | undefined;
    return { optedOut: optOut?.optedOut === true, choices: offered?.choices ?? [] };
  }

  async optOut(numberHash: string, at: Date): Promise<void> {
    const record: OptOutRecord = { optedOut: true, since: at.toISOString(), eTag: '*' };
    await this.storage.write({ [optOutKey(numberHash)]: record });
    // A list offered before STOP means nothing after START.
    await this.storage.delete([choicesKey(numberHash)]);
  }

  async optIn(numberHash: string): Promise<void> {
    await this.storage.delete([optOutKey(numberHash)]);
  }

  async offerChoices(numberHash: string, choices: string[]): Promise<void> {
    const record: ChoicesRecord = { choices, eTag: '*' };
    await this.storage.write({ [choicesKey(numberHash)]: record });
  }
}
