import type { Config } from '../config/env.js';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** What the CLI gets from its edge (`main.ts`): the streams, and the configuration when it needs it. */
export interface CliContext {
  io: CliIo;
  /** Reads the environment; called only by commands that need it, so `--help` works with any environment. */
  loadConfig: () => Config;
}
