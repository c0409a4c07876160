import { hash } from 'node:crypto';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';

/** How many message ids a conversation remembers: retries come within seconds, a few turns at most. */
export const REMEMBERED_MESSAGES = 20;

/**
 * What is kept of an id: 72 bits of its SHA-256, so every conversation's state grows by at most
 * 20 × 15 bytes whatever the channel's ids look like (Azure's run to 30 characters and more), and
 * two of one conversation's last 20 ids agree by chance about once in 10^19.
 */
// crypto.hash is the one-shot form of createHash(...).update(id).digest(): the same bytes, without a Hash object per message.
const fingerprint = (id: string): string => hash('sha256', id, 'base64url').slice(0, 12);

/**
 * Each message once. Twilio retries a webhook it got no answer to (same MessageSid), and a channel
 * may deliver an activity again (same id); either would apply an answer twice ("Me", then "Sorry,
 * I did not get that"). The last ids are kept in the conversation's own state, not in a TTL key
 * (Redis SET NX EX, or an in-memory LRU) beside it, because then:
 * - the id is recorded in the same eTag-guarded write as the turn it belongs to: it counts as
 *   seen exactly when that turn's answer is saved. A separate key set before the turn would
 *   swallow Twilio's retry of a turn that then failed (Redis stall), losing the answer; set after
 *   it, a crash in between would run it twice.
 * - two copies arriving at once, on two instances, are settled like any two messages: one saves,
 *   the other is re-run on the fresh state (runUntilSaved.ts), finds its id and does nothing.
 * - it works the same in memory and on Redis, with no second store and no second round trip.
 * A repeat is answered like any turn (200, or an empty TwiML for SMS) but runs nothing and sends
 * nothing: its first copy's replies went out with the first copy.
 */
export class SeenMessages {
  constructor(private readonly ids: StatePropertyAccessor<string[]>) {}

  /** True when this message's id was already handled in this conversation; else remembers it for this turn's save. */
  async isRepeat(context: TurnContext): Promise<boolean> {
    const { id } = context.activity;
    if (typeof id !== 'string' || id === '') return false;
    const print = fingerprint(id);
    const seen = await this.ids.get(context, []);
    if (seen.includes(print)) return true;
    await this.ids.set(context, [...seen.slice(1 - REMEMBERED_MESSAGES), print]);
    return false;
  }
}
