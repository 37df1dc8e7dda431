import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config/env.js';

/** Where `npm run build` (and `npm start`, `npm test` before them) writes the page's built files. */
export const PLAYGROUND_ASSETS_DIRECTORY = path.join(PROJECT_ROOT, 'dist', 'playground');

/** A built file the page loads from Brief itself. */
export interface PlaygroundAsset {
  /** The route, also the file's name in the assets directory. */
  path: string;
  /** The path with its content version: what the page links, so it can be cached for good. */
  url: string;
  version: string;
}

/** The page's files and the routes they are served at (`.ts` and `.css` built, the icon copied). */
export const PLAYGROUND_ASSET_PATHS = {
  script: '/playground.js',
  styles: '/playground.css',
  icon: '/playground.svg',
} as const;

export type PlaygroundAssetName = keyof typeof PLAYGROUND_ASSET_PATHS;

export interface PlaygroundAssets extends Record<PlaygroundAssetName, PlaygroundAsset> {
  directory: string;
}

const VERSION_HEX_CHARS = 16;

function readAsset(directory: string, assetPath: string): PlaygroundAsset {
  let content: Buffer;
  try {
    content = readFileSync(path.join(directory, assetPath));
  } catch (error) {
    throw new Error(
      `The playground's ${assetPath} is not built in ${directory}: run \`npm run build\` (npm start and npm test build it themselves).`,
      { cause: error },
    );
  }
  const version = createHash('sha256').update(content).digest('hex').slice(0, VERSION_HEX_CHARS);
  return { path: assetPath, url: `${assetPath}?v=${version}`, version };
}

/** Versions the built files by their content. Throws a message a person can act on when they are missing. */
export function readPlaygroundAssets(directory: string = PLAYGROUND_ASSETS_DIRECTORY): PlaygroundAssets {
  return {
    directory,
    script: readAsset(directory, PLAYGROUND_ASSET_PATHS.script),
    styles: readAsset(directory, PLAYGROUND_ASSET_PATHS.styles),
    icon: readAsset(directory, PLAYGROUND_ASSET_PATHS.icon),
  };
}
