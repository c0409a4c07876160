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

/** A year, the most browsers keep anything: for URLs that name their version, whose content never changes. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface AssetRoute {
  asset: () => Promise<StaticAsset>;
  /** For a request without the current ?v= (an old page, a hand-typed URL): revalidated by ETag. */
  cacheControl: string;
  /**
   * The ?v= the pages write for this file. A request that names it is kept for a year; any other
   * gets cacheControl, so a stale version string can never pin an old file.
   */
  version?: (file: StaticAsset) => string;
  /** May other websites' pages load it (the widget), or only ours? */
  crossOrigin?: boolean;
}

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * What Accept-Encoding lets us send: Brotli before gzip at equal preference, never a coding the
 * browser refused with q=0.
 */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (!coding) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(coding, q === undefined ? 1 : Number(q));
  }
  const weight = (coding: string) => accepted.get(coding) ?? accepted.get('*') ?? 0;
  const br = weight('br');
  const gz = weight('gzip');
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return 'identity';
}

const bodyFor = (file: StaticAsset, encoding: Encoding) => (encoding === 'br' ? file.brotli : encoding === 'gzip' ? file.gzipped : file.body);

/** Serves a file from memory: compressed as the browser takes it, 304 when it has this version. */
export function assetHandler(route: AssetRoute): restify.RequestHandler {
  return async (req: restify.Request, res: restify.Response) => {
    const file = await route.asset();
    const asked = (req.query as Record<string, unknown> | undefined)?.v;
    const current = route.version !== undefined && asked === route.version(file);
    const headers: Record<string, string> = {
      'Content-Type': file.contentType,
      'Cache-Control': current ? IMMUTABLE : route.cacheControl,
      ETag: file.etag,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': route.crossOrigin ? 'cross-origin' : 'same-origin',
    };
    const known = (req.header('if-none-match') || '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (known.includes(file.etag) || known.includes('*')) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const encoding = pickEncoding(req.header('accept-encoding') || undefined);
    const body = bodyFor(file, encoding);
    res.writeHead(200, { ...headers, ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }), 'Content-Length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
