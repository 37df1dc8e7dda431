import { Hono } from 'hono';
import { etag } from 'hono/etag';
import type { Config } from '../../config/env.js';
import type { AppEnv } from '../../http/app-env.js';
import type { Sample } from '../../samples/read-samples.js';
import { createPlaygroundPageHandler } from './playground.handlers.js';
import {
  PLAYGROUND_ASSET_PATHS,
  PLAYGROUND_ASSETS_DIRECTORY,
  type PlaygroundAssetName,
  type PlaygroundAssets,
  readPlaygroundAssets,
} from './playground-assets.js';
import { type PlaygroundSample, toPlaygroundSample } from './playground-sample.js';
import { servePlaygroundAsset } from './serve-playground-asset.js';

export interface PlaygroundDependencies {
  samples: Sample[];
  limits: Pick<Config['limits'], 'minTextChars' | 'maxTextChars'>;
  /** The built script, styles and icon (`npm run build`); `dist/playground/` by default. */
  assetsDirectory?: string;
}

/**
 * The editors' playground: `GET /` and the files it loads. Not part of the JSON API, so these are
 * plain routes, outside `/v1/*` (no API key needed to load the page) and out of the OpenAPI document.
 */
export function createPlaygroundRoutes(dependencies: PlaygroundDependencies): Hono<AppEnv> {
  // Read on first use, not at start-up: the CLI and scripts that build an app never serve the page.
  let assets: PlaygroundAssets | undefined;
  const playgroundAssets = (): PlaygroundAssets => {
    assets ??= readPlaygroundAssets(dependencies.assetsDirectory ?? PLAYGROUND_ASSETS_DIRECTORY);
    return assets;
  };
  const routes = new Hono<AppEnv>();
  for (const [name, assetPath] of Object.entries(PLAYGROUND_ASSET_PATHS) as Array<
    [PlaygroundAssetName, string]
  >) {
    routes.get(assetPath, etag(), servePlaygroundAsset(playgroundAssets, name));
  }
  // Made on the first page view too: an HTML sample goes through the HTML converter.
  let samples: PlaygroundSample[] | undefined;
  const playgroundSamples = (): PlaygroundSample[] => {
    samples ??= dependencies.samples.map(toPlaygroundSample);
    return samples;
  };
  routes.get(
    '/',
    createPlaygroundPageHandler(() => {
      const { script, styles, icon } = playgroundAssets();
      return {
        samples: playgroundSamples(),
        minTextChars: dependencies.limits.minTextChars,
        maxTextChars: dependencies.limits.maxTextChars,
        scriptUrl: script.url,
        stylesUrl: styles.url,
        iconUrl: icon.url,
      };
    }),
  );
  return routes;
}
