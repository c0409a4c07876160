import { isIP } from 'node:net';
import type { Request, RequestHandler } from 'restify';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { sendError } from '../httpErrors';

/**
 * Who may say which channel they are on /api/messages when no MicrosoftAppId is set. A channel id
 * and conversation id are only words in the body then: a caller who wrote "sms" and the hash of a
 * phone number would be answering that person's check. So without an app id the endpoint serves
 * local development only, the Bot Framework Emulator's channel; SMS and the web chat reach the bot
 * through their own signed edges (bot/sms/route.ts, bot/directline/), which hand their activities
 * to the adapter in process (CheckAdapter.processInternal) and never come through here.
 */
export const EMULATOR_CHANNEL = 'emulator';

/** 127.0.0.0/8 and ::1, also as an IPv4-mapped IPv6 address: the connection's own, never a header. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const unmapped = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(unmapped) === 4) return unmapped.startsWith('127.');
  return isIP(unmapped) === 6 && /^(0{0,4}:){2,7}0{0,3}1$|^::1$/.test(unmapped);
}

/** A service URL on this machine: localhost (and *.localhost, RFC 6761), 127.0.0.0/8 or [::1]. */
export function isLoopbackUrl(serviceUrl: string): boolean {
  if (!URL.canParse(serviceUrl)) return false;
  const { protocol, hostname } = new URL(serviceUrl);
  if (protocol !== 'http:' && protocol !== 'https:') return false;
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || isLoopbackAddress(host);
}

export type ChannelVerdict = { allowed: true } | { allowed: false; code: 'channel_not_allowed' | 'service_url_not_trusted'; message: string };

export interface ClaimedActivity {
  channelId?: unknown;
  serviceUrl?: unknown;
  deliveryMode?: unknown;
}

/**
 * The decision for one activity on /api/messages without an app id. `channelEmulation` is
 * ALLOW_CHANNEL_EMULATION; `callerAddress` is the socket's remote address.
 */
export function judgeUnauthenticatedActivity(activity: ClaimedActivity, callerAddress: string | undefined, channelEmulation: boolean): ChannelVerdict {
  const local = isLoopbackAddress(callerAddress);
  if (activity.channelId !== EMULATOR_CHANNEL) {
    if (!channelEmulation) {
      return {
        allowed: false,
        code: 'channel_not_allowed',
        message: 'Without MicrosoftAppId, /api/messages serves only the emulator channel; SMS and web chat have their own endpoints.',
      };
    }
    if (!local) {
      return { allowed: false, code: 'channel_not_allowed', message: 'ALLOW_CHANNEL_EMULATION serves other channels only to callers on this machine.' };
    }
  }
  // Replies are posted to serviceUrl unless the caller collects them from the response: only to
  // this machine, and only for a caller on it, so nobody can make the bot post to an address of
  // their choosing (another host, or a service listening on the bot's own loopback).
  if (activity.serviceUrl !== undefined && !(typeof activity.serviceUrl === 'string' && isLoopbackUrl(activity.serviceUrl))) {
    return { allowed: false, code: 'service_url_not_trusted', message: 'Without MicrosoftAppId the bot replies only to a serviceUrl on this machine (http://localhost:PORT).' };
  }
  if (!local && activity.deliveryMode !== 'expectReplies') {
    return { allowed: false, code: 'service_url_not_trusted', message: 'From another machine, send deliveryMode "expectReplies" and read the replies in the response.' };
  }
  return { allowed: true };
}

/**
 * 403 for an activity the caller may not send, before any turn runs; for /api/messages after its
 * body is parsed. With an app id it lets everything through: CloudAdapter then requires a Bot
 * Framework token, and a channel's token names the serviceUrl it may be answered at.
 */
export function guardChannelIdentity(config: Pick<Config, 'authDisabled' | 'messages'>): RequestHandler {
  return (req: Request, res, next) => {
    if (!config.authDisabled) return next();
    const body: unknown = req.body;
    const activity: ClaimedActivity = body !== null && typeof body === 'object' ? (body as ClaimedActivity) : {};
    const verdict = judgeUnauthenticatedActivity(activity, req.socket.remoteAddress, config.messages.channelEmulation);
    if (verdict.allowed) return next();
    sendError(res, 403, verdict.code, verdict.message);
    return next(false);
  };
}

/** Says at start-up when the development switch is on, or set and ignored. */
export function warnAboutChannelEmulation(config: Pick<Config, 'messages'>, logger: Pick<Logger, 'warn'>): void {
  if (config.messages.channelEmulation) {
    logger.warn(
      { event: 'channel_emulation_on' },
      'ALLOW_CHANNEL_EMULATION=true: callers on this machine may post activities of any channel to /api/messages. For development and tests only.',
    );
  }
  if (config.messages.channelEmulationIgnored) {
    logger.warn({ event: 'channel_emulation_ignored' }, 'ALLOW_CHANNEL_EMULATION is ignored: with MicrosoftAppId set /api/messages takes only Bot Framework tokens, and behind a proxy (TRUST_PROXY_HOPS) every caller may look local.');
  }
}
