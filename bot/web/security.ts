/**
 * Who may embed the chat and call its endpoints. ALLOWED_ORIGINS lists the websites; unset means
 * any (local use). The bot's own pages are always allowed: the chat page calls its own endpoints.
 */

const sameHost = (origin: string, host: string | undefined) => {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false; // "null" (sandboxed frames, file:) or garbage: not us
  }
};

export function isOriginAllowed(origin: string | undefined, host: string | undefined, allowedOrigins: readonly string[] | undefined): boolean {
  // No Origin header: not a cross-origin browser request (curl, a server, a same-origin GET).
  if (origin === undefined) return true;
  if (allowedOrigins === undefined) return true;
  return sameHost(origin, host) || allowedOrigins.includes(origin);
}

export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  // x-ms-bot-agent is sent by DirectLineJS on every call.
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, x-ms-bot-agent',
  'Access-Control-Max-Age': '600',
});

/** CORS answer headers. Tokens travel in Authorization, never cookies, so no credentials mode. */
export function corsHeaders(
  origin: string | undefined,
  host: string | undefined,
  allowedOrigins: readonly string[] | undefined,
  preflight: boolean,
): Record<string, string> {
  if (origin === undefined || !isOriginAllowed(origin, host, allowedOrigins)) return allowedOrigins ? { Vary: 'Origin' } : {};
  const allow: Record<string, string> = allowedOrigins === undefined ? { 'Access-Control-Allow-Origin': '*' } : { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  return preflight ? { ...allow, ...PREFLIGHT_HEADERS } : allow;
}

/** The CSP frame-ancestors source list: who may put the chat page in an iframe. */
export const frameAncestors = (allowedOrigins: readonly string[] | undefined) =>
  allowedOrigins === undefined ? '*' : ["'self'", ...allowedOrigins].join(' ');

export interface PageCspOptions {
  allowedOrigins: readonly string[] | undefined;
  /** Azure Direct Line's origin when the page talks to Azure instead of to us. */
  directLineOrigin?: string;
  /** May this page be framed only as ALLOWED_ORIGINS say (the chat page), or by itself only (the demo)? */
  framedBy: 'allowed-origins' | 'self';
}

/**
 * The chat page loads everything from the bot itself. Web Chat injects its styles at run time,
 * hence 'unsafe-inline' for styles only; scripts stay 'self'.
 */
export function pageContentSecurityPolicy(options: PageCspOptions): string {
  const connect = ["'self'"];
  if (options.directLineOrigin) {
    const url = new URL(options.directLineOrigin);
    connect.push(url.origin, `wss://${url.host}`);
  }
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    `connect-src ${connect.join(' ')}`,
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${options.framedBy === 'self' ? "'self'" : frameAncestors(options.allowedOrigins)}`,
  ].join('; ');
}
