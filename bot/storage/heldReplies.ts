import type { Middleware, ResourceResponse, TurnContext } from 'botbuilder';

const HELD = Symbol('held replies');

type Sent = Parameters<TurnContext['sendActivities']>[0];

/**
 * What a turn sends, and what it would count, held back until the turn's state is saved. A turn
 * whose save meets another turn's newer state is run again (runUntilSaved.ts); what the thrown-away
 * run said must never reach the person, nor be counted twice. Once saved, the replies go out in
 * order through every later send handler (telemetry, channel formatting) and the counts are made.
 */
export class HeldReplies {
  private held: Sent[] = [];
  private effects: (() => void)[] = [];
  private holding = true;

  private constructor() {}

  /**
   * Holds this turn's replies from now on. The handler must be registered before any other
   * middleware's (the adapter runs them in order), so the turn telemetry sees only what is sent.
   */
  static install(context: TurnContext): HeldReplies {
    const existing = HeldReplies.of(context);
    if (existing) return existing;
    const replies = new HeldReplies();
    context.turnState.set(HELD, replies);
    context.onSendActivities(async (_context, activities, send) => {
      if (!replies.holding) return send();
      replies.held.push(activities);
      // Nothing of ours reads the ids of what it sent; channels assign them when it is released.
      return activities.map((): ResourceResponse => ({ id: '' }));
    });
    return replies;
  }

  static of(context: TurnContext): HeldReplies | undefined {
    return context.turnState.get(HELD) as HeldReplies | undefined;
  }

  /** The run is thrown away: forget what it said and what it would have counted. */
  discard(): void {
    this.held = [];
    this.effects = [];
  }

  /** The turn failed: forget this run, and let the error handler's apology out at once. */
  fail(): void {
    this.discard();
    this.holding = false;
  }

  /** Runs `effect` (a metric) once the turn's state is saved; at once when nothing is held. */
  afterSave(effect: () => void): void {
    if (this.holding) this.effects.push(effect);
    else effect();
  }

  /** The state is saved: send what was held, in order, then count. Later sends go straight out. */
  async release(context: TurnContext): Promise<void> {
    const { held, effects } = this;
    this.holding = false;
    this.discard();
    const activities = held.flat();
    // One send, so the handlers after ours (telemetry, channel formatting) run once per turn.
    if (activities.length > 0) await context.sendActivities(activities);
    for (const effect of effects) effect();
  }
}

/** Runs `effect` after this turn's state is saved, or at once outside a held turn (the error handler). */
export function afterTurnSaved(context: TurnContext, effect: () => void): void {
  const replies = HeldReplies.of(context);
  if (replies) replies.afterSave(effect);
  else effect();
}

/**
 * The first middleware: holds every reply of the turn until the bot has saved its state and
 * released them (CheckBot.run). A turn that throws sends nothing of what it held.
 */
export const holdRepliesUntilSaved: Middleware = {
  async onTurn(context, next) {
    const replies = HeldReplies.install(context);
    try {
      await next();
    } catch (error) {
      replies.fail();
      throw error;
    }
    // A bot that saved nothing and released nothing (none of ours) still gets its replies out.
    await replies.release(context);
  },
};
