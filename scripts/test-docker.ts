/**
 * Builds Brief's image with the classic builder and checks the container the way an operator meets it:
 * it becomes healthy, summarizes the seed sample, runs unprivileged, drains and exits 0 on SIGTERM,
 * and refuses to start in production without API keys. Prints the image size and what Brief adds
 * on top of the base image.
 *
 *   npm run test:docker     (needs a Docker daemon and the base image: see ../shared/tools/docker-node-base.sh)
 *
 * Exits non-zero on any failure and removes every container it started, also when interrupted.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { PROJECT_ROOT } from '../src/config/env.js';

const IMAGE = 'brief:test-docker';
const CONTAINER_PORT = 8787;
const API_KEY = 'test-docker-key-0123456789abcdef0123456789';
const BUILD_TIMEOUT_MS = 15 * 60_000;
const DOCKER_TIMEOUT_MS = 60_000;
const HEALTHY_WITHIN_MS = 60_000;
const REFUSAL_WITHIN_MS = 30_000;
const STOP_WITHIN_SECONDS = 10;
const POLL_INTERVAL_MS = 500;
const BUILD_OUTPUT_TAIL_LINES = 40;
const MEBIBYTE = 1024 * 1024;

const containers = new Set<string>();

class CommandError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

function docker(
  args: string[],
  options: { timeoutMs?: number; classicBuilder?: boolean; withStderr?: boolean } = {},
) {
  return new Promise<string>((resolve, reject) => {
    execFile(
      'docker',
      args,
      {
        cwd: PROJECT_ROOT,
        timeout: options.timeoutMs ?? DOCKER_TIMEOUT_MS,
        maxBuffer: 64 * MEBIBYTE,
        env: options.classicBuilder ? { ...process.env, DOCKER_BUILDKIT: '0' } : process.env,
      },
      (error, stdout, stderr) => {
        if (error) {
          const output = `${stdout}${stderr}`.trim();
          const reason = error.killed ? 'timed out' : `exit code ${error.code}`;
          reject(new CommandError(`docker ${args[0]} failed (${reason}); its output:`, output));
          return;
        }
        resolve((options.withStderr ? `${stdout}${stderr}` : stdout).trim());
      },
    );
  });
}

function uniqueName(purpose: string) {
  return `brief-test-docker-${purpose}-${randomBytes(4).toString('hex')}`;
}

async function removeContainers() {
  await Promise.all(
    [...containers].map((name) => docker(['rm', '--force', '--volumes', name]).catch(() => undefined)),
  );
  containers.clear();
}

function formatBytes(bytes: number) {
  return `${(bytes / MEBIBYTE).toFixed(1)} MiB`;
}

function formatSeconds(milliseconds: number) {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

type Outcome = 'passed' | 'failed' | 'skipped';
const outcomes: Outcome[] = [];

async function check(name: string, body: () => Promise<string>): Promise<boolean> {
  const started = performance.now();
  try {
    const detail = await body();
    outcomes.push('passed');
    console.log(`ok   ${name} (${formatSeconds(performance.now() - started)}): ${detail}`);
    return true;
  } catch (error) {
    outcomes.push('failed');
    console.log(`FAIL ${name} (${formatSeconds(performance.now() - started)}): ${(error as Error).message}`);
    if (error instanceof CommandError && error.output) {
      console.log(error.output.split('\n').slice(-BUILD_OUTPUT_TAIL_LINES).join('\n'));
    }
    return false;
  }
}

function skip(name: string, reason: string) {
  outcomes.push('skipped');
  console.log(`skip ${name}: ${reason}`);
}

async function baseImage() {
  const dockerfile = await readFile(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
  const from = /^FROM\s+(\S+)/m.exec(dockerfile)?.[1];
  if (!from) {
    throw new Error('the Dockerfile has no FROM line');
  }
  return from;
}

async function inspect(name: string, format: string) {
  return docker(['inspect', '--format', format, name]);
}

/** The container's log: Brief logs to stdout, a rejected configuration goes to stderr. */
async function logsOf(name: string) {
  return docker(['logs', name], { withStderr: true }).catch(() => '');
}

async function hostPortOf(name: string) {
  const binding = await docker(['port', name, `${CONTAINER_PORT}/tcp`]);
  const port = binding.split('\n')[0]?.split(':').pop();
  if (!port) {
    throw new Error(`no host port published for ${CONTAINER_PORT}: ${binding}`);
  }
  return Number(port);
}

async function waitUntilHealthy(name: string) {
  const deadline = Date.now() + HEALTHY_WITHIN_MS;
  let health = '';
  while (Date.now() < deadline) {
    const [status, healthStatus] = (await inspect(name, '{{.State.Status}} {{.State.Health.Status}}')).split(
      ' ',
    );
    health = healthStatus ?? '';
    if (health === 'healthy') {
      return;
    }
    if (status !== 'running') {
      throw new Error(`the container is ${status}, not running; its log:\n${await logsOf(name)}`);
    }
    await sleep(POLL_INTERVAL_MS);
  }
  throw new Error(`not healthy within ${formatSeconds(HEALTHY_WITHIN_MS)} (health: ${health})`);
}

const nonEmpty = z.string().trim().min(1);
const summarySchema = z.object({
  headline: nonEmpty,
  summary: nonEmpty,
  key_points: z.array(nonEmpty).min(1),
});
const responseSchema = z.object({
  summaries: z.object({ en: summarySchema, de: summarySchema }),
  meta: z.object({ mode: z.literal('replay'), model: nonEmpty }),
});

async function summarizeSeedSample(port: number) {
  const article = await readFile(path.join(PROJECT_ROOT, 'samples', 'seed-article.de.txt'));
  const response = await fetch(`http://127.0.0.1:${port}/v1/summaries`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain; charset=utf-8', authorization: `Bearer ${API_KEY}` },
    body: article,
  });
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(`expected 200, got ${response.status}: ${body.slice(0, 500)}`);
  }
  const parsed = responseSchema.safeParse(JSON.parse(body));
  if (!parsed.success) {
    throw new Error(`unexpected answer: ${z.prettifyError(parsed.error)}`);
  }
  const { en, de } = parsed.data.summaries;
  return `en "${en.headline}" (${en.key_points.length} key points), de "${de.headline}" (${de.key_points.length} key points), mode ${parsed.data.meta.mode}`;
}

async function checkUnprivileged(name: string) {
  const execUser = await docker(['exec', name, 'id', '-u']);
  const processStatus = await docker(['exec', name, 'cat', '/proc/1/status']);
  const processUser = /^Uid:\s+(\d+)/m.exec(processStatus)?.[1];
  const command = (await docker(['exec', name, 'cat', '/proc/1/cmdline'])).replaceAll('\0', ' ').trim();
  if (execUser === '0' || processUser === undefined || processUser === '0') {
    throw new Error(`runs as root: id -u ${execUser}, PID 1 uid ${processUser ?? 'unknown'}`);
  }
  if (!command.startsWith('node ')) {
    throw new Error(`PID 1 is "${command}", not node: SIGTERM would not reach Brief`);
  }
  return `id -u ${execUser}, PID 1 is "${command}" with uid ${processUser}`;
}

async function stopGracefully(name: string) {
  const started = performance.now();
  await docker(['stop', '--time', String(STOP_WITHIN_SECONDS), name], {
    timeoutMs: (STOP_WITHIN_SECONDS + 20) * 1000,
  });
  const elapsed = performance.now() - started;
  const exitCode = await inspect(name, '{{.State.ExitCode}}');
  const logs = await logsOf(name);
  if (exitCode !== '0') {
    throw new Error(`exit code ${exitCode} after ${formatSeconds(elapsed)}; its log:\n${logs}`);
  }
  if (elapsed >= STOP_WITHIN_SECONDS * 1000) {
    throw new Error(`took ${formatSeconds(elapsed)}, limit ${STOP_WITHIN_SECONDS} s`);
  }
  if (!logs.includes('draining') || !logs.includes('drained: exiting')) {
    throw new Error(`exited 0 but the log shows no drain:\n${logs}`);
  }
  return `exit code 0 after ${formatSeconds(elapsed)}, drained`;
}

async function refuseWithoutKeys() {
  const name = uniqueName('no-keys');
  containers.add(name);
  await docker(['run', '--detach', '--name', name, IMAGE]);
  const exitCode = await docker(['wait', name], { timeoutMs: REFUSAL_WITHIN_MS });
  const logs = await logsOf(name);
  if (exitCode !== '1' || !logs.includes('BRIEF_API_KEYS')) {
    throw new Error(`expected exit code 1 naming BRIEF_API_KEYS, got ${exitCode}; its log:\n${logs}`);
  }
  return `exit code 1: "${logs
    .split('\n')
    .find((line) => line.includes('BRIEF_API_KEYS'))
    ?.trim()}"`;
}

async function historySizes(image: string) {
  const lines = await docker([
    'history',
    '--human=false',
    '--no-trunc',
    '--format',
    '{{.Size}}\t{{.CreatedBy}}',
    image,
  ]);
  return lines.split('\n').map((line) => {
    const [size = '0', ...createdBy] = line.split('\t');
    return { size: Number(size), createdBy: createdBy.join('\t') };
  });
}

async function printSizes(base: string) {
  const imageSize = Number(await docker(['image', 'inspect', '--format', '{{.Size}}', IMAGE]));
  const baseSize = Number(await docker(['image', 'inspect', '--format', '{{.Size}}', base]));
  const imageLayers = await historySizes(IMAGE);
  const baseLayers = await historySizes(base);
  // `docker history` lists the newest layer first: Brief's come before the base image's.
  const added = imageLayers.slice(0, imageLayers.length - baseLayers.length);
  console.log(
    `size: image ${formatBytes(imageSize)}, base ${base} ${formatBytes(baseSize)}, added by Brief ${formatBytes(imageSize - baseSize)}`,
  );
  for (const layer of added.filter((entry) => entry.size > 0)) {
    const step = layer.createdBy.replace(/^\/bin\/sh -c (#\(nop\) )?/, '').replace(/\s+/g, ' ');
    console.log(`  ${formatBytes(layer.size).padStart(10)}  ${step.slice(0, 100)}`);
  }
}

async function main() {
  const base = await baseImage();
  try {
    await docker(['image', 'inspect', base]);
  } catch {
    console.log(`note: ${base} is not present locally; docker build will try to pull it`);
  }

  const steps = {
    build: 'the image builds with the classic builder',
    healthy: 'the container becomes healthy',
    summaries: 'the seed sample gets English and German summaries',
    unprivileged: 'Brief runs as an unprivileged user, as PID 1',
    stop: `docker stop drains Brief and it exits 0 within ${STOP_WITHIN_SECONDS} s`,
    refusal: 'the image refuses to start in production without API keys',
  };

  const built = await check(steps.build, async () => {
    await docker(['build', '--force-rm', '--tag', IMAGE, '.'], {
      timeoutMs: BUILD_TIMEOUT_MS,
      classicBuilder: true,
    });
    return IMAGE;
  });
  if (!built) {
    for (const step of Object.values(steps).slice(1)) {
      skip(step, 'no image');
    }
    return;
  }
  await printSizes(base);

  const name = uniqueName('brief');
  let port = 0;
  const healthy = await check(steps.healthy, async () => {
    containers.add(name);
    await docker([
      'run',
      '--detach',
      '--name',
      name,
      '--publish',
      `127.0.0.1::${CONTAINER_PORT}`,
      '--env',
      `BRIEF_API_KEYS=${API_KEY}`,
      '--env',
      'LOG_LEVEL=info',
      IMAGE,
    ]);
    port = await hostPortOf(name);
    await waitUntilHealthy(name);
    return `healthy on 127.0.0.1:${port}`;
  });
  if (healthy) {
    await check(steps.summaries, () => summarizeSeedSample(port));
    await check(steps.unprivileged, () => checkUnprivileged(name));
    await check(steps.stop, () => stopGracefully(name));
  } else {
    for (const step of [steps.summaries, steps.unprivileged, steps.stop]) {
      skip(step, 'the container is not healthy');
    }
  }
  await check(steps.refusal, refuseWithoutKeys);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: removing the containers started so far`);
    void removeContainers().finally(() => process.exit(1));
  });
}

const started = performance.now();
try {
  await main();
} catch (error) {
  outcomes.push('failed');
  console.log(`FAIL test:docker could not run: ${(error as Error).message}`);
} finally {
  await removeContainers();
}
const count = (outcome: Outcome) => outcomes.filter((entry) => entry === outcome).length;
const skipped = count('skipped');
console.log(`took ${formatSeconds(performance.now() - started)}`);
console.log(
  `test:docker: ${count('passed')} passed, ${count('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exitCode = count('failed') + skipped > 0 ? 1 : 0;
