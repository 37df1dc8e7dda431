import { execFile } from 'node:child_process';
import type { ReplicaExit, ScaleCluster } from './scale-cluster.js';

/** The services of `deploy/scale/compose.yml`. */
export const COMPOSE_REPLICAS = 3;
const REPLICA_PORT = 8787;
const BALANCER_PORT = 8080;
const BUILD_TIMEOUT_MS = 20 * 60_000;
const UP_TIMEOUT_MS = 5 * 60_000;
const COMMAND_TIMEOUT_MS = 60_000;
const DOWN_TIMEOUT_SECONDS = 5;
const OUTPUT_TAIL_LINES = 30;
const MEBIBYTE = 1024 * 1024;

export interface ComposeClusterOptions {
  composeFile: string;
  projectName: string;
  /** Values for the compose file's `${...}`: the replicas' budget, deadline, signing secret, upstream URL. */
  env: Record<string, string>;
  /** Seconds `stop` gives a replica to drain before Docker kills it. */
  stopTimeoutSeconds: number;
  /** Told how to tear the project down before anything starts, so that an interrupt can. */
  onTeardown: (teardown: () => Promise<void>) => void;
  progress: (line: string) => void;
}

function run(
  command: readonly string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<{ stdout: string; stderr: string }> {
  const [file = '', ...args] = command;
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        env: options.env ?? process.env,
        timeout: options.timeoutMs ?? COMMAND_TIMEOUT_MS,
        maxBuffer: 64 * MEBIBYTE,
      },
      (error, stdout, stderr) => {
        if (error) {
          const tail = `${stdout}${stderr}`.trim().split('\n').slice(-OUTPUT_TAIL_LINES).join('\n');
          reject(
            new Error(
              `${command.join(' ')} failed (${error.killed ? 'timed out' : `exit ${error.code}`}):\n${tail}`,
            ),
          );
          return;
        }
        resolve({ stdout, stderr });
      },
    );
  });
}

/** `docker compose` (the plugin) where it exists, else Debian's `docker-compose`. */
async function findCompose(): Promise<string[]> {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    const found = await run([...command, 'version']).then(
      () => true,
      () => false,
    );
    if (found) {
      return command;
    }
  }
  throw new Error('neither `docker compose` nor `docker-compose` runs here');
}

/** The address Docker gives containers for this machine (`host-gateway`): where the fake upstream listens. */
export async function dockerHostAddress(): Promise<string> {
  const { stdout } = await run([
    'docker',
    'network',
    'inspect',
    'bridge',
    '--format',
    '{{(index .IPAM.Config 0).Gateway}}',
  ]);
  return stdout.trim();
}

function parseLogLines(text: string): Array<Record<string, unknown>> {
  return text.split('\n').flatMap((line) => {
    try {
      const parsed: unknown = JSON.parse(line);
      return typeof parsed === 'object' && parsed !== null ? [parsed as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
}

/**
 * Brief replicas as Docker Compose services (`deploy/scale/compose.yml`): builds the images, brings the
 * project up, finds the ports it published on 127.0.0.1, and takes it down again with its volumes.
 */
export async function startComposeCluster(options: ComposeClusterOptions): Promise<ScaleCluster> {
  const command = await findCompose();
  const compose = [...command, '--project-name', options.projectName, '--file', options.composeFile];
  // Classic builder: BuildKit may be missing where only Debian's docker.io is installed.
  const env = { ...process.env, ...options.env, DOCKER_BUILDKIT: '0', COMPOSE_DOCKER_CLI_BUILD: '0' };
  let down: Promise<void> | undefined;
  const teardown = () => {
    down ??= run(
      [...compose, 'down', '--volumes', '--remove-orphans', '--timeout', String(DOWN_TIMEOUT_SECONDS)],
      {
        env,
        timeoutMs: UP_TIMEOUT_MS,
      },
    ).then(
      () => options.progress('compose project removed'),
      (error: Error) => options.progress(`could not remove the compose project: ${error.message}`),
    );
    return down;
  };
  options.onTeardown(teardown);

  // A run interrupted before its teardown leaves the project behind.
  await run([...compose, 'down', '--volumes', '--remove-orphans', '--timeout', '1'], { env }).catch(
    () => undefined,
  );
  options.progress(`building images (${command.join(' ')} build)`);
  const built = performance.now();
  await run([...compose, 'build'], { env, timeoutMs: BUILD_TIMEOUT_MS });
  options.progress(`built in ${((performance.now() - built) / 1000).toFixed(0)} s; starting the project`);
  const up = performance.now();
  await run([...compose, 'up', '--detach'], { env, timeoutMs: UP_TIMEOUT_MS });
  options.progress(
    `up in ${((performance.now() - up) / 1000).toFixed(0)} s (the replicas healthy, then the balancer)`,
  );

  const published = async (service: string, port: number) =>
    `http://${(await run([...compose, 'port', service, String(port)], { env })).stdout.trim()}`;
  const services = Array.from({ length: COMPOSE_REPLICAS }, (_, index) => `brief-${index + 1}`);
  const balancerUrl = await published('balancer', BALANCER_PORT);
  const replicaUrls = await Promise.all(services.map((service) => published(service, REPLICA_PORT)));
  const containers = await Promise.all(
    services.map(async (service) => (await run([...compose, 'ps', '-q', service], { env })).stdout.trim()),
  );
  const stopping = new Map<number, Promise<Error | undefined>>();

  return {
    description: `${COMPOSE_REPLICAS} Brief containers (Docker Compose project ${options.projectName}) behind HAProxy ${balancerUrl}`,
    balancerUrl,
    replicaUrls,
    async stop(replica) {
      const service = `brief-${replica}`;
      // `stop` sends SIGTERM and returns once the container has exited (or was killed after the timeout).
      // Held as a value, not a rejection: nothing awaits it until the load is over.
      stopping.set(
        replica,
        run([...compose, 'stop', '--timeout', String(options.stopTimeoutSeconds), service], {
          env,
          timeoutMs: (options.stopTimeoutSeconds + 30) * 1000,
        }).then(
          () => undefined,
          (error: Error) => error,
        ),
      );
      return `service ${service} (container ${containers[replica - 1]?.slice(0, 12)})`;
    },
    async exited(replica): Promise<ReplicaExit> {
      const failed = await stopping.get(replica);
      if (failed) {
        throw failed;
      }
      const container = containers[replica - 1] ?? '';
      const { stdout: exitCode } = await run([
        'docker',
        'inspect',
        '--format',
        '{{.State.ExitCode}}',
        container,
      ]);
      const { stdout: logs } = await run(['docker', 'logs', container]);
      return { exitCode: Number(exitCode.trim()), logs: parseLogLines(logs) };
    },
    close: teardown,
  };
}
