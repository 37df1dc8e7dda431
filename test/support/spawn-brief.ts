import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/env.js';

/** A port that was free a moment ago: bind port 0, read it, let it go. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface BriefProcess {
  child: ChildProcess;
  url: string;
  pid: number;
  /** Parsed JSON log lines written so far. */
  logs(): Array<Record<string, unknown>>;
  /** Resolves with the exit code (or the signal that ended it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends SIGKILL if the process is still running (test cleanup). */
  kill(): void;
}

const START_TIMEOUT_MS = 15_000;

/**
 * Runs the real server (`src/index.ts` through tsx, or `options.script` as it is, e.g. the bundle)
 * as a child process on 127.0.0.1 with exactly the given environment (plus PATH and HOME), and
 * resolves once it logs that it listens.
 */
export async function spawnBrief(
  env: Record<string, string>,
  options: { script?: string } = {},
): Promise<BriefProcess> {
  const port = env.PORT ? Number(env.PORT) : await findFreePort();
  const args = options.script ? [options.script] : ['--import', 'tsx', path.join('src', 'index.ts')];
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  const stderr: string[] = [];
  let pending = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) {
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        lines.push({ msg: line });
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const started = Date.now();
  while (!lines.some((line) => String(line.msg).startsWith('Brief listening'))) {
    if (child.exitCode !== null || Date.now() - started > START_TIMEOUT_MS) {
      child.kill('SIGKILL');
      throw new Error(`Brief did not start:\n${stderr.join('')}\n${JSON.stringify(lines)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    logs: () => lines,
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
    },
  };
}
