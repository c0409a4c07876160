import type restify from 'restify';
import type { StaticAsset } from './assets';

/** An HTML page under its own Content-Security-Policy; pages are small and never cached stale. */
export function sendPage(res: restify.Response, html: string, csp: string): void {
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  res.end(html);
}

export interface AssetRoute {
  asset: () => Promise<StaticAsset>;
  cacheControl: string;
  /** May other websites' pages load it (the widget), or only ours? */
  crossOrigin?: boolean;
}

/** Serves a file from memory: gzip when the browser takes it, 304 when it has this version. */
export function assetHandler(route: AssetRoute): restify.RequestHandler {
  return async (req: restify.Request, res: restify.Response) => {
    const file = await route.asset();
    const headers: Record<string, string> = {
      'Content-Type': file.contentType,
      'Cache-Control': route.cacheControl,
      ETag: file.etag,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': route.crossOrigin ? 'cross-origin' : 'same-origin',
    };
    if (req.header('if-none-match') === file.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const gzipped = /\bgzip\b/.test(req.header('accept-encoding') || '');
    const body = gzipped ? file.gzipped : file.body;
    res.writeHead(200, { ...headers, ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}), 'Content-Length': String(body.length) });
    res.end(body);
  };
}
