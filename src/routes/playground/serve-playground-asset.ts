import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import type { PlaygroundAssetName, PlaygroundAssets } from './playground-assets.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// An unversioned (or outdated) URL may be cached, but is checked against the ETag first.
const REVALIDATE = 'no-cache';

/**
 * Serves one built file from disk with `serveStatic`. Its ETag is the content version, so Hono's
 * `etag` middleware (mounted before this) answers 304 without hashing the file on every request.
 */
export function servePlaygroundAsset(
  assets: () => PlaygroundAssets,
  name: PlaygroundAssetName,
): MiddlewareHandler<AppEnv> {
  // Made on the first request, like the versions: a Brief without built assets still starts.
  let serveFile: MiddlewareHandler<AppEnv> | undefined;
  return async function servePlaygroundFile(context, next) {
    const { directory, [name]: asset } = assets();
    context.header('etag', `"${asset.version}"`);
    context.header('cache-control', context.req.query('v') === asset.version ? IMMUTABLE : REVALIDATE);
    serveFile ??= serveStatic<AppEnv>({ root: directory, path: asset.path });
    return serveFile(context, next);
  };
}
