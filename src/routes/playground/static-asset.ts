import { createHash } from 'node:crypto';
import type { Handler } from 'hono';
import type { AppEnv } from '../../http/app-env.js';

/** A file the playground page loads from Brief itself, held in memory. */
export interface StaticAsset {
  path: string;
  /** The path with its content version: what the page links, so it can be cached for good. */
  url: string;
  version: string;
  contentType: string;
  body: string;
}

const VERSION_HEX_CHARS = 16;
const IMMUTABLE = 'public, max-age=31536000, immutable';
// An unversioned (or outdated) URL may be cached, but is checked against the ETag first.
const REVALIDATE = 'no-cache';

export function createStaticAsset(assetPath: string, contentType: string, body: string): StaticAsset {
  const version = createHash('sha256').update(body).digest('hex').slice(0, VERSION_HEX_CHARS);
  return { path: assetPath, url: `${assetPath}?v=${version}`, version, contentType, body };
}

/** Serves an asset with its ETag (the `etag` middleware answers 304 to a matching If-None-Match). */
export function serveStaticAsset(asset: StaticAsset): Handler<AppEnv> {
  return function serveAsset(context) {
    return context.body(asset.body, 200, {
      'content-type': asset.contentType,
      'cache-control': context.req.query('v') === asset.version ? IMMUTABLE : REVALIDATE,
      etag: `"${asset.version}"`,
    });
  };
}
