/**
 * The offline eval of prompt versions (see "Evaluating a prompt version" in the README):
 *
 *   npm run eval -- --prompt summarize@v1 --prompt summarize@v2 [--corpus DIR] [--live] [--out DIR]
 *     [--max-rouge-drop 0.02 --max-check-failures-increase 0 --min-validity 1 ...]
 *
 * Replays recordings by default; `--help` lists every option. Exit status 1 when a gate fails.
 */
import { loadConfigFromProcessEnv, PROJECT_ROOT } from '../src/config/env.js';
import { runEvalCommand } from '../src/eval/run-eval-command.js';

process.exitCode = await runEvalCommand(process.argv.slice(2), {
  loadLiveConfig: loadConfigFromProcessEnv,
  projectRoot: PROJECT_ROOT,
  workingDirectory: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
