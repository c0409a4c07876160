import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** How a check-up ended; the dialogs report one of these when a check finishes. */
const CHECK_END_REASONS = ['completed', 'quit', 'human', 'emergency', 'not_understood', 'error'] as const;
export type CheckEndReason = (typeof CHECK_END_REASONS)[number];

/** What the dialogs need: counting outcomes, nothing about Prometheus. */
export interface CheckOutcomes {
  recordCheckEnded(reason: CheckEndReason): void;
}

export interface BotMetrics extends CheckOutcomes {
  /** This app's own registry, so several apps in one process (tests) do not clash. */
  registry: Registry;
  recordTurn(channelId: string | undefined, seconds: number, outcome: 'ok' | 'error'): void;
  recordHttpRequest(route: string, method: string, status: number): void;
  /** A turn run again because another turn of its conversation saved first (bot/storage/runUntilSaved.ts). */
  recordTurnRerun(): void;
}

// Label values come from callers (channelId is whatever the body says when auth is off), so
// they are mapped onto a fixed set: an attacker must not be able to mint new time series.
const KNOWN_CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator', 'sms', 'test']);
export const channelLabel = (channelId: string | undefined): string =>
  channelId !== undefined && KNOWN_CHANNELS.has(channelId) ? channelId : 'other';

export function createMetrics(): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'allcheck_' });
  const turns = new Counter({
    name: 'allcheck_turns_total',
    help: 'Turns the bot ran, by channel and whether the turn threw.',
    labelNames: ['channel', 'outcome'] as const,
    registers: [registry],
  });
  const turnSeconds = new Histogram({
    name: 'allcheck_turn_duration_seconds',
    help: 'Time to run one turn, including state reads and writes.',
    labelNames: ['channel'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const checksEnded = new Counter({
    name: 'allcheck_checks_ended_total',
    help: 'Check-ups that ended, by how they ended.',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const httpRequests = new Counter({
    name: 'allcheck_http_requests_total',
    help: 'HTTP requests by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const turnReruns = new Counter({
    name: 'allcheck_turn_reruns_total',
    help: 'Turns run again on fresh state because another turn of the same conversation saved first.',
    registers: [registry],
  });
  // Zeros from the start, so a dashboard shows "no emergencies" rather than "no data".
  for (const reason of CHECK_END_REASONS) checksEnded.inc({ reason }, 0);
  // Each label set's child, kept: prom-client hashes the label object (keys sorted) on every
  // inc() or observe() given labels, a few per cent of an HTTP turn; a child skips that.
  const turnCounters = byKey((key) => turns.labels(...(key.split(' ') as [string, string])));
  const turnHistograms = byKey((channel) => turnSeconds.labels(channel));
  const httpCounters = byKey((key) => httpRequests.labels(...(key.split(' ') as [string, string, string])));

  return {
    registry,
    recordTurn(channelId, seconds, outcome) {
      const channel = channelLabel(channelId);
      turnCounters(`${channel} ${outcome}`).inc();
      turnHistograms(channel).observe(seconds);
    },
    recordCheckEnded(reason) {
      checksEnded.inc({ reason });
    },
    recordHttpRequest(route, method, status) {
      httpCounters(`${route} ${method} ${status}`).inc();
    },
    recordTurnRerun() {
      turnReruns.inc();
    },
  };
}

/**
 * `make`, once per key. Keys are label values we choose (channels, routes, statuses), a few dozen
 * at most: routes are restify's patterns, never the path a client sent.
 */
function byKey<V>(make: (key: string) => V): (key: string) => V {
  const made = new Map<string, V>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(key)));
    return value;
  };
}
