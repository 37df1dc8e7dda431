// The CLI's edge, as src/index.ts is the server's: argv, the environment and the process streams.
import { loadConfigFromProcessEnv } from '../config/env.js';
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv, {
  io: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
  loadConfig: loadConfigFromProcessEnv,
});
