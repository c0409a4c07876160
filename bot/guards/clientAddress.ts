/**
 * The address to rate-limit a request by. Behind `trustedHops` reverse proxies, each appends the
 * address it saw to X-Forwarded-For, so the client is that many entries from the right; entries
 * further left were written by the client and could be anything.
 */
export function clientAddress(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  if (trustedHops > 0 && forwardedFor !== undefined) {
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const client = hops[Math.max(0, hops.length - trustedHops)];
    if (client) return client;
  }
  return remoteAddress ?? 'unknown';
}
