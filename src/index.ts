import { serve } from '@hono/node-server';
import { loadConfigFromProcessEnv } from './config/env.js';
import { createBrief } from './create-brief.js';
import { closeServer } from './http/close-server.js';
import { createServerOptions } from './http/create-server-options.js';
import { createLogger } from './logging/create-logger.js';
import { createMetricsApp } from './routes/metrics/create-metrics-app.js';
import { startTracing } from './telemetry/start-tracing.js';

// The edge: read the environment, build the app, listen, and drain on SIGTERM/SIGINT.
/** After the drain: how long answers already handed to Node get to reach their clients. */
const SERVER_CLOSE_TIMEOUT_MS = 2_000;
const config = loadConfigFromProcessEnv();
const logger = createLogger({ level: config.logLevel });
// Without an endpoint nothing is traced and the OpenTelemetry SDK is never loaded.
const tracing = config.telemetry.otlpEndpoint
  ? await startTracing({ endpoint: config.telemetry.otlpEndpoint, serviceName: config.telemetry.serviceName })
  : undefined;
if (config.telemetry.otlpEndpoint) {
  logger.info({ otlp_endpoint: config.telemetry.otlpEndpoint }, 'exporting traces over OTLP/HTTP');
}

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
if (config.auth.disabled) {
  logger.warn(
    { host: config.host },
    'Authentication is off: set BRIEF_API_KEYS (or BRIEF_API_KEY_HASHES) to require keys on /v1/*. Without keys Brief listens on 127.0.0.1 unless HOST is set.',
  );
}

// The worker pool starts now and loads its code and eld's database while the server already listens:
// the event loop never loads them, and a first request waits for them only at its first CPU task
// (its checks come after a model call that outlasts the warm-up).
void brief.cpuTasks.warmUp();

if (!(await brief.ready())) {
  logger.warn('Redis is not reachable yet: serving uncached until it is (see /readyz)');
}

const server = serve(
  {
    fetch: brief.app.fetch,
    hostname: config.host,
    port: config.port,
    serverOptions: createServerOptions(config),
  },
  (info) =>
    logger.info({ port: info.port, host: config.host }, `Brief listening on http://localhost:${info.port}`),
);

// Listening failed (the port is taken, or not ours to bind), or the server broke: say so in one line and stop.
server.once('error', (error: NodeJS.ErrnoException) => {
  const reason =
    error.code === 'EADDRINUSE'
      ? 'the port is in use; set PORT to another one'
      : (error.code ?? error.message);
  logger.fatal(
    {
      err: { code: error.code, syscall: error.syscall, message: error.message },
      port: config.port,
      host: config.host,
    },
    error.syscall === 'listen'
      ? `Brief could not listen on ${config.host}:${config.port}: ${reason}`
      : `Brief's server failed: ${error.message}`,
  );
  process.exit(1);
});

// Metrics on a port of their own: reachable only where that port is, so they need no key.
const metricsServer =
  config.metricsEnabled && config.metricsPort !== undefined
    ? serve(
        {
          fetch: createMetricsApp(brief.metrics).fetch,
          hostname: config.host,
          port: config.metricsPort,
          serverOptions: createServerOptions(config),
        },
        (info) => logger.info({ port: info.port, host: config.host }, 'Metrics listening on GET /metrics'),
      )
    : undefined;
metricsServer?.once('error', (error: NodeJS.ErrnoException) => {
  logger.fatal(
    { err: { code: error.code, message: error.message }, port: config.metricsPort, host: config.host },
    `Brief could not serve metrics on ${config.host}:${config.metricsPort}: ${error.code ?? error.message}`,
  );
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) {
    return;
  }
  stopping = true;
  const { lifecycle } = brief;
  lifecycle.startDraining();
  logger.info(
    { signal, in_flight: lifecycle.inFlight },
    'draining: readiness is 503, new requests are refused with 503',
  );
  // Still listening while draining, so probes and late clients hear 503 (and `connection: close`)
  // rather than a refused or reset connection; the server closes once the drain is over.
  const grace = new Promise<'timeout'>((resolve) =>
    setTimeout(resolve, config.shutdownGraceMs, 'timeout').unref(),
  );
  const outcome = await Promise.race([lifecycle.idle().then(() => 'drained' as const), grace]);
  if (outcome === 'timeout') {
    logger.warn(
      { in_flight: lifecycle.inFlight },
      'grace period over: exiting with requests still in flight',
    );
  } else {
    logger.info('drained: exiting');
  }
  await closeServer(server, outcome === 'timeout' ? 0 : SERVER_CLOSE_TIMEOUT_MS);
  if (metricsServer) {
    await closeServer(metricsServer, 0);
  }
  await brief.close();
  await tracing?.shutdown();
  process.exit(0);
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
