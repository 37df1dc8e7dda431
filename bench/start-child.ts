import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Child {
  readonly pid: number;
  readonly process: ChildProcess;
  /** Resolves with the exit code (null after a signal). */
  readonly exited: Promise<number | null>;
  /** The first line the child printed on stdout. */
  firstLine(): Promise<string>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
}

export interface ChildOptions {
  env?: Record<string, string>;
  /** Where stdout goes (a log file); default: kept in memory for `firstLine`. */
  stdoutFile?: string;
}

const DEFAULT_STOP_GRACE_MS = 5_000;

/** Starts a process of its own (never through a shell or npm, so `pid` is the process measured). */
export function startChild(command: string, args: string[], options: ChildOptions = {}): Child {
  const child = spawn(command, args, {
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', options.stdoutFile ? 'pipe' : 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`Could not start ${command}`);
  const pid = child.pid;
  let stdout = '';
  let stderr = '';
  const lineWaiters: Array<(line: string) => void> = [];
  if (options.stdoutFile) {
    child.stdout?.pipe(createWriteStream(options.stdoutFile));
  } else {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const newline = stdout.indexOf('\n');
      if (newline >= 0) for (const waiter of lineWaiters.splice(0)) waiter(stdout.slice(0, newline));
    });
  }
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  exited.then((code) => {
    if (code !== 0 && code !== null && stderr)
      process.stderr.write(`${command} ${args.join(' ')} exited ${code}:\n${stderr}\n`);
  });
  return {
    pid,
    process: child,
    exited,
    firstLine() {
      const newline = stdout.indexOf('\n');
      if (newline >= 0) return Promise.resolve(stdout.slice(0, newline));
      return new Promise((resolve, reject) => {
        lineWaiters.push(resolve);
        exited.then((code) =>
          reject(new Error(`${command} exited (${code}) before printing a line: ${stderr}`)),
        );
      });
    },
    async stop(graceMs = DEFAULT_STOP_GRACE_MS) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timeout = sleep(graceMs).then(() => 'timeout' as const);
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** A port free on 127.0.0.1 right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200; returns the ms from `since` (a performance.now()) to that answer. */
export async function waitUntilReady(
  url: string,
  since: number,
  timeoutMs = 30_000,
  pollMs = 2,
): Promise<number> {
  while (performance.now() - since < timeoutMs) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - since;
    } catch {
      // Not listening yet.
    }
    await sleep(pollMs);
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}
