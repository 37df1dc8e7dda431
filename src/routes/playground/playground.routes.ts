import { Hono } from 'hono';
import { etag } from 'hono/etag';
import type { Config } from '../../config/env.js';
import type { AppEnv } from '../../http/app-env.js';
import type { Sample } from '../../samples/read-samples.js';
import { playgroundIcon } from './assets/playground-icon.js';
import { playgroundScript } from './assets/playground-script.js';
import { playgroundStyles } from './assets/playground-styles.js';
import { createPlaygroundPageHandler } from './playground.handlers.js';
import { type PlaygroundSample, toPlaygroundSample } from './playground-sample.js';
import { createStaticAsset, serveStaticAsset } from './static-asset.js';

export interface PlaygroundDependencies {
  samples: Sample[];
  limits: Pick<Config['limits'], 'minTextChars' | 'maxTextChars'>;
}

/**
 * The editors' playground: `GET /` and the files it loads. Not part of the JSON API, so these are
 * plain routes, outside `/v1/*` (no API key needed to load the page) and out of the OpenAPI document.
 */
export function createPlaygroundRoutes(dependencies: PlaygroundDependencies): Hono<AppEnv> {
  const script = createStaticAsset('/playground.js', 'text/javascript; charset=utf-8', playgroundScript);
  const styles = createStaticAsset('/playground.css', 'text/css; charset=utf-8', playgroundStyles);
  const icon = createStaticAsset('/playground.svg', 'image/svg+xml', playgroundIcon);
  const routes = new Hono<AppEnv>();
  for (const asset of [script, styles, icon]) {
    routes.get(asset.path, etag(), serveStaticAsset(asset));
  }
  // Made on the first page view, not at start-up: an HTML sample goes through the HTML converter.
  let samples: PlaygroundSample[] | undefined;
  const playgroundSamples = (): PlaygroundSample[] => {
    samples ??= dependencies.samples.map(toPlaygroundSample);
    return samples;
  };
  routes.get(
    '/',
    createPlaygroundPageHandler(() => ({
      samples: playgroundSamples(),
      minTextChars: dependencies.limits.minTextChars,
      maxTextChars: dependencies.limits.maxTextChars,
      scriptUrl: script.url,
      stylesUrl: styles.url,
      iconUrl: icon.url,
    })),
  );
  return routes;
}
