import { serve } from '@hono/node-server';
import { loadConfigFromProcessEnv } from './config/env.js';
import { createBrief } from './create-brief.js';
import { createLogger } from './logging/create-logger.js';

// The edge: read the environment, build the app, listen. Everything else is a factory.
const config = loadConfigFromProcessEnv();
const logger = createLogger({ level: config.logLevel });

let brief: ReturnType<typeof createBrief>;
try {
  brief = createBrief(config, { logger });
} catch (error) {
  logger.fatal({ err: error }, `Brief could not start: ${(error as Error).message}`);
  process.exit(1);
}

if (config.mode === 'replay') {
  logger.info(
    { cassettes: brief.cassettes.size, cassette_dir: config.cassetteDir },
    'No ANTHROPIC_API_KEY: replay mode. Only requests with a recording (the samples) can be answered; set ANTHROPIC_API_KEY for live summaries.',
  );
} else {
  logger.info({ mode: config.mode }, `${config.mode} mode: calling the model API`);
}

const server = serve({ fetch: brief.app.fetch, hostname: config.host, port: config.port }, (info) => {
  logger.info({ port: info.port, host: config.host }, `Brief listening on http://localhost:${info.port}`);
});

function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  server.close(() => process.exit(0));
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
