import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../src/config/env.js';
import { PLAYGROUND_ASSETS_DIRECTORY } from '../src/routes/playground/playground-assets.js';

const SOURCES = path.join(PROJECT_ROOT, 'src', 'routes', 'playground', 'browser');

/**
 * Builds the playground's browser files into `outdir`: the TypeScript bundled into one classic
 * script (the page loads it with `defer`), the stylesheet minified, the icon copied.
 * Type-checking is tsc's job (`npm run typecheck`); esbuild only strips the types.
 */
export async function buildPlayground(outdir: string = PLAYGROUND_ASSETS_DIRECTORY): Promise<void> {
  await build({
    entryPoints: ['playground.ts', 'playground.css', 'playground.svg'].map((file) =>
      path.join(SOURCES, file),
    ),
    outdir,
    bundle: true,
    format: 'iife',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    loader: { '.svg': 'copy' },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildPlayground();
}
