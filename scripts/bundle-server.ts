import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../src/config/env.js';

/** Where the production server's bundle goes: `node dist/server/index.mjs` (the image's command). */
export const SERVER_BUNDLE_DIRECTORY = path.join(PROJECT_ROOT, 'dist', 'server');

/**
 * Bundles the server and its worker into one ES module each, so that a cold start reads two files
 * instead of about a thousand (src/ and its dependencies, each resolved and compiled on its own).
 * The code is the same as in `dist/src/`; only its packaging differs. Left outside the bundle:
 * piscina (it starts its own worker file), @napi-rs/nice (a native addon), the tracing SDK (only
 * loaded when traces are exported), and whatever the code loads at run time with `createRequire`
 * or `import.meta.resolve` (ioredis, the HTML converter, eld's database, swagger-ui's files): all
 * from `node_modules` as before. No source map: it would
 * add 10 MB to the image for stack traces that Brief never logs (`dist/src/` has the compiled files
 * to read).
 */
export async function bundleServer(outdir: string = SERVER_BUNDLE_DIRECTORY): Promise<void> {
  await build({
    entryPoints: {
      index: path.join(PROJECT_ROOT, 'src', 'index.ts'),
      'cpu-task-worker': path.join(PROJECT_ROOT, 'src', 'workers', 'cpu-task-worker.ts'),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: ['node20'],
    external: [
      'piscina',
      '@napi-rs/nice',
      // The tracing SDK: imported only when OTEL_EXPORTER_OTLP_ENDPOINT is set (src/telemetry/).
      '@opentelemetry/sdk-trace-node',
      '@opentelemetry/exporter-trace-otlp-http',
      '@opentelemetry/resources',
    ],
    // Bundled CommonJS dependencies call `require`, which an ES module does not have.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
    legalComments: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleServer();
}
