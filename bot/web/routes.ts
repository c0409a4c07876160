import { readFileSync } from 'node:fs';
import path from 'node:path';
import type restify from 'restify';
import type { Config } from '../config';
import { lazyAsset, precompressedDir, projectRoot, readAsset, toAsset, versionOf, webChatBundlePath } from './assets';
import { renderDemoPage } from './demo';
import { pickLanguage } from './language';
import { renderChatPage } from './page';
import { pageContentSecurityPolicy } from './security';
import { assetHandler, sendPage } from './static';
import { renderWidgetScript, widgetConfig } from './widget';

export interface WebChatDeps {
  config: Pick<Config, 'web' | 'defaultLocale' | 'appointment' | 'publicUrl'>;
}

/** The website chat's pages and files; bot/server.ts gives each its path. */
export interface WebChatHandlers {
  chatPage: restify.RequestHandler;
  demoPage: restify.RequestHandler;
  webChatBundle: restify.RequestHandler;
  chatScript: restify.RequestHandler;
  chatStyles: restify.RequestHandler;
  demoStyles: restify.RequestHandler;
  favicon: restify.RequestHandler;
  widgetScript: restify.RequestHandler;
  /** Reads and compresses Web Chat's bundle now, so the first person to open the chat does not wait for it. */
  warm(): Promise<void>;
  /** True when our own bundle is not built (dist/webchat/webchat.js) and Web Chat's full one is served. */
  servesFullBundle: boolean;
}

const JS = 'application/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

type Req = restify.Request;
type Res = restify.Response;

/**
 * The chat page (/), a /demo host page, Web Chat's bundle, the page's own script and styles, the
 * favicon and the embeddable widget script.
 */
export function webChatHandlers(deps: WebChatDeps): WebChatHandlers {
  const { config } = deps;
  const { web } = config;
  const azure = web.directLine.secret !== undefined;
  const languageOf = (req: Req) => pickLanguage((req.query as Record<string, unknown> | undefined)?.lang, req.header('accept-language') || undefined, config.defaultLocale);

  const root = projectRoot();
  const publicRoot = path.join(root, 'public');
  const bundleFile = webChatBundlePath(root);
  const bundle = lazyAsset(() => readAsset(bundleFile.file, JS, precompressedDir(root)));
  // The bundle's URL names its content (?v=), read from the very bytes served.
  const bundleVersion = async () => (await bundle()).version;
  // The page names each of its files with a version, so browsers may keep them for a year.
  const pageFileVersion = (file: string) => versionOf(readFileSync(path.join(publicRoot, file)));
  const versions = { chatScript: pageFileVersion('chat.js'), chatStyles: pageFileVersion('chat.css') };
  const pageCsp = pageContentSecurityPolicy({
    allowedOrigins: web.allowedOrigins,
    directLineOrigin: azure ? web.directLine.endpoint : undefined,
    framedBy: 'allowed-origins',
  });
  const chatPage = async (req: Req, res: Res) => {
    // Read when the server started (warm); a bundle that cannot be read fails on its own request.
    const webChatVersion = await bundleVersion().catch(() => 'unavailable');
    const html = renderChatPage({
      lang: languageOf(req),
      botName: web.botName,
      brandColor: web.brandColor,
      organization: config.appointment.organization,
      appointmentPhone: config.appointment.phone,
      embedded: (req.query as Record<string, unknown> | undefined)?.embed === '1',
      webChatVersion,
      chatScriptVersion: versions.chatScript,
      chatStylesVersion: versions.chatStyles,
    });
    sendPage(res, html, pageCsp);
  };

  const demoCsp = pageContentSecurityPolicy({ allowedOrigins: undefined, framedBy: 'self' });
  const demoPage = async (req: Req, res: Res) => {
    sendPage(res, renderDemoPage(languageOf(req), `${config.publicUrl ?? requestOrigin(req)}/widget.js`), demoCsp);
  };

  const fromPublic = (file: string, type: string) => lazyAsset(() => readAsset(path.join(publicRoot, file), type));
  const widget = lazyAsset(() => {
    const template = readFileSync(path.join(publicRoot, 'widgetTemplate.js'), 'utf8');
    return toAsset(Buffer.from(renderWidgetScript(template, widgetConfig(web.botName, web.brandColor, config.defaultLocale))), JS);
  });
  return {
    chatPage,
    demoPage,
    // The bundle URL carries its content version; without it, browsers check back by ETag.
    webChatBundle: assetHandler({ asset: bundle, cacheControl: 'public, no-cache', version: (file) => file.version }),
    chatScript: assetHandler({ asset: fromPublic('chat.js', JS), cacheControl: 'public, no-cache', version: () => versions.chatScript }),
    chatStyles: assetHandler({ asset: fromPublic('chat.css', CSS), cacheControl: 'public, no-cache', version: () => versions.chatStyles }),
    demoStyles: assetHandler({ asset: fromPublic('demo.css', CSS), cacheControl: 'public, max-age=300' }),
    // Browsers ask for it on every page of ours; drawn by `npm run teams:icons`.
    favicon: assetHandler({ asset: fromPublic('favicon.ico', 'image/x-icon'), cacheControl: 'public, max-age=86400' }),
    // Websites embed this URL for good; a short cache lets changes reach them within minutes.
    widgetScript: assetHandler({ asset: widget, cacheControl: 'public, max-age=300', crossOrigin: true }),
    warm: async () => {
      await bundle();
    },
    servesFullBundle: bundleFile.full,
  };
}

/** Without PUBLIC_URL: the bot's origin as this request reached it (X-Forwarded-Proto behind a proxy). */
function requestOrigin(req: Req): string {
  const forwarded = (req.header('x-forwarded-proto') || '').split(',')[0]?.trim();
  const protocol = forwarded === 'https' || forwarded === 'http' ? forwarded : req.isSecure() ? 'https' : 'http';
  return `${protocol}://${req.header('host') || 'localhost'}`;
}
