import type { Storage, StoreItem } from 'botbuilder';

interface OptOutRecord extends StoreItem {
  optedOut: true;
  /** ISO time of the STOP, for an audit of who asked not to be texted and when. */
  since: string;
}

export interface SmsStatus {
  optedOut: boolean;
}

const optOutKey = (numberHash: string) => `sms-optout/${numberHash}`;

/** What the SMS edge remembers per number, in the bot's own Storage, keyed by the number's hash. */
export class SmsStore {
  constructor(private readonly storage: Storage) {}

  async status(numberHash: string): Promise<SmsStatus> {
    const items = await this.storage.read([optOutKey(numberHash)]);
    const optOut = items[optOutKey(numberHash)] as OptOutRecord | undefined;
    return { optedOut: optOut?.optedOut === true };
  }

  async optOut(numberHash: string, at: Date): Promise<void> {
    const record: OptOutRecord = { optedOut: true, since: at.toISOString(), eTag: '*' };
    await this.storage.write({ [optOutKey(numberHash)]: record });
  }

  async optIn(numberHash: string): Promise<void> {
    await this.storage.delete([optOutKey(numberHash)]);
  }
}
