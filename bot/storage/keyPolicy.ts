/**
 * Items under these prefixes never expire and do not count towards STATE_MAX_ENTRIES: a person's
 * SMS "STOP" (bot/sms/smsStore.ts) must outlive any conversation and survive a flood of new ones.
 * They are few and small; everything else is conversation state that may be forgotten.
 */
export const DURABLE_KEY_PREFIXES: readonly string[] = ['sms-optout/'];

export const isDurableKey = (key: string, durablePrefixes: readonly string[]): boolean =>
  durablePrefixes.some((prefix) => key.startsWith(prefix));
