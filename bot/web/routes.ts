import { readFileSync } from 'node:fs';
import path from 'node:path';
import type restify from 'restify';
import { DirectLineTokenError, FetchLike } from '../directline/azure';
import { DIRECT_LINE_PATH } from '../directline/routes';
import type { ServerDeps } from '../server';
import { lazyAsset, projectRoot, readAsset, toAsset, webChatBundlePath, webChatVersion } from './assets';
import { renderDemoPage } from './demo';
import { pickLanguage } from './language';
import { renderChatPage, SESSION_PATH } from './page';
import { corsHeaders, isOriginAllowed, pageContentSecurityPolicy } from './security';
import { azureSessions, localSessions } from './session';
import { sendPage, serveAsset } from './static';
import { renderWidgetScript, widgetConfig } from './widget';

export interface WebChatOptions {
  /** Used only with DIRECT_LINE_SECRET, to ask Azure for conversation tokens; tests pass a fake. */
  fetch?: FetchLike;
}

const JS = 'application/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

type Req = restify.Request;
type Res = restify.Response;

/**
 * The website chat: the page at /, Web Chat's bundle, the embeddable /widget.js, a /demo host
 * page, the session endpoint and (without DIRECT_LINE_SECRET) the bot's own Direct Line.
 */
export function registerWebChat(server: restify.Server, deps: ServerDeps, options: WebChatOptions = {}): void {
  const { config } = deps;
  const { web } = config;
  const azure = web.directLine.secret !== undefined;
  const webRoot = path.join(projectRoot(), 'web');
  const languageOf = (req: Req) => pickLanguage((req.query as Record<string, unknown> | undefined)?.lang, req.header('accept-language') || undefined, config.defaultLocale);

  server.pre(corsFor([DIRECT_LINE_PATH, SESSION_PATH], web.allowedOrigins));

  const issueSession = azure ? azureSessions(web, options.fetch ?? (globalThis.fetch as FetchLike)) : localSessions(server, deps);
  server.post(SESSION_PATH, async (_req: Req, res: Res) => {
    res.header('Cache-Control', 'no-store');
    try {
      res.send(200, await issueSession());
    } catch (error) {
      if (!(error instanceof DirectLineTokenError)) throw error;
      res.send(502, { error: { code: 'DirectLineUnavailable', message: 'The chat service could not be reached' } });
    }
  });

  const webChatBundle = lazyAsset(() => readAsset(webChatBundlePath(), JS));
  const version = webChatVersion();
  const pageCsp = pageContentSecurityPolicy({
    allowedOrigins: web.allowedOrigins,
    directLineOrigin: azure ? web.directLine.endpoint : undefined,
    framedBy: 'allowed-origins',
  });
  server.get('/', async (req: Req, res: Res) => {
    // Compress the 4 MB bundle while the browser parses the page; a failure shows on its own request.
    webChatBundle().catch(() => undefined);
    const html = renderChatPage({
      lang: languageOf(req),
      botName: web.botName,
      brandColor: web.brandColor,
      organization: config.appointment.organization,
      appointmentPhone: config.appointment.phone,
      embedded: (req.query as Record<string, unknown> | undefined)?.embed === '1',
      webChatVersion: version,
    });
    sendPage(res, html, pageCsp);
  });

  const demoCsp = pageContentSecurityPolicy({ allowedOrigins: undefined, framedBy: 'self' });
  server.get('/demo', async (req: Req, res: Res) => {
    sendPage(res, renderDemoPage(languageOf(req), `${config.publicUrl ?? requestOrigin(req)}/widget.js`), demoCsp);
  });

  const fromWebRoot = (file: string, type: string) => lazyAsset(() => readAsset(path.join(webRoot, file), type));
  // The bundle URL carries Web Chat's version, so browsers may keep it for a long time.
  serveAsset(server, { path: '/static/webchat.js', asset: webChatBundle, cacheControl: 'public, max-age=31536000, immutable' });
  serveAsset(server, { path: '/static/chat.js', asset: fromWebRoot('chat.js', JS), cacheControl: 'public, max-age=300' });
  serveAsset(server, { path: '/static/chat.css', asset: fromWebRoot('chat.css', CSS), cacheControl: 'public, max-age=300' });
  serveAsset(server, { path: '/static/demo.css', asset: fromWebRoot('demo.css', CSS), cacheControl: 'public, max-age=300' });
  // Browsers ask for it on every page of ours; drawn by `npm run teams:icons`.
  serveAsset(server, { path: '/favicon.ico', asset: fromWebRoot('favicon.ico', 'image/x-icon'), cacheControl: 'public, max-age=86400' });
  const widget = lazyAsset(() => {
    const template = readFileSync(path.join(webRoot, 'widget.js'), 'utf8');
    return toAsset(Buffer.from(renderWidgetScript(template, widgetConfig(web.botName, web.brandColor, config.defaultLocale))), JS);
  });
  // Websites embed this URL for good; a short cache lets changes reach them within minutes.
  serveAsset(server, { path: '/widget.js', asset: widget, cacheControl: 'public, max-age=300', crossOrigin: true });
}

/** Answers CORS preflights and refuses other origins on the API paths, before routing. */
function corsFor(prefixes: readonly string[], allowedOrigins: readonly string[] | undefined) {
  return (req: Req, res: Res, next: restify.Next) => {
    const pathname = req.path();
    if (!prefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) return next();
    const origin = req.header('origin') || undefined;
    const host = req.header('host') || undefined;
    const preflight = req.method === 'OPTIONS';
    for (const [name, value] of Object.entries(corsHeaders(origin, host, allowedOrigins, preflight))) res.header(name, value);
    if (!isOriginAllowed(origin, host, allowedOrigins)) {
      res.send(403, { error: { code: 'OriginNotAllowed', message: 'This origin may not use the chat' } });
      return next(false);
    }
    if (preflight) {
      res.send(204);
      return next(false);
    }
    return next();
  };
}

/** Without PUBLIC_URL: the bot's origin as this request reached it (X-Forwarded-Proto behind a proxy). */
function requestOrigin(req: Req): string {
  const forwarded = (req.header('x-forwarded-proto') || '').split(',')[0]?.trim();
  const protocol = forwarded === 'https' || forwarded === 'http' ? forwarded : req.isSecure() ? 'https' : 'http';
  return `${protocol}://${req.header('host') || 'localhost'}`;
}
