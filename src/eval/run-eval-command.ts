import path from 'node:path';
import { type Config, createToolConfig } from '../config/env.js';
import { createBrief } from '../create-brief.js';
import { createCostEstimator } from '../llm/create-cost-estimator.js';
import { createLogger } from '../logging/create-logger.js';
import { createEvalReport } from './create-eval-report.js';
import { evalHelp, parseEvalArguments, resolveEvalVersions } from './parse-eval-arguments.js';
import { type EvalArticle, readEvalArticles } from './read-eval-articles.js';
import { renderTotalsMarkdown } from './render-report-markdown.js';
import { evalVersionLabel, runEval } from './run-eval.js';
import { defaultReportDirectory, writeEvalReport } from './write-eval-report.js';

export const EVAL_EXIT = { ok: 0, gateFailed: 1, usage: 2 } as const;

export interface EvalCommandDependencies {
  /** The live configuration (`--live`): the process environment's, read only when asked for. */
  loadLiveConfig: () => Config;
  /** Where `samples/` and the default `eval-reports/` are. */
  projectRoot: string;
  /** Relative `--out` and `--corpus` paths resolve against this. */
  workingDirectory: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  now?: () => Date;
}

/** Replay reads recordings only, whatever the environment says: the same inputs give the same report. */
function replayConfig(): Config {
  return createToolConfig({
    BRIEF_MODE: 'replay',
    BRIEF_CACHE_ENABLED: 'false',
    BRIEF_RATE_LIMIT_PER_MINUTE: '0',
  });
}

/** `npm run eval`: runs the eval, writes the report, prints the totals and the gate. Returns the exit status. */
export async function runEvalCommand(argv: string[], dependencies: EvalCommandDependencies): Promise<number> {
  const { stdout, stderr } = dependencies;
  const now = dependencies.now ?? (() => new Date());
  const usageError = (message: string) => {
    stderr.write(`${message}\n\nRun with --help for the options.\n`);
    return EVAL_EXIT.usage;
  };

  const parsed = parseEvalArguments(argv);
  if (parsed.kind === 'help') {
    stdout.write(evalHelp());
    return EVAL_EXIT.ok;
  }
  if (parsed.kind === 'invalid') {
    return usageError(parsed.message);
  }
  const options = parsed.arguments;

  let config: Config;
  if (options.live) {
    const live = dependencies.loadLiveConfig();
    if (!live.anthropic.apiKey) {
      return usageError(
        '--live calls the Messages API: set ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL or --base-url for a gateway).',
      );
    }
    config = {
      ...live,
      mode: 'live',
      anthropic: { ...live.anthropic, baseURL: options.baseUrl ?? live.anthropic.baseURL },
      cache: { ...live.cache, enabled: false },
      rateLimitPerMinute: 0,
    };
  } else {
    config = replayConfig();
  }

  const logger = createLogger({
    level: 'error',
    destination: { write: (line: string) => stderr.write(line) },
  });
  let brief: ReturnType<typeof createBrief>;
  try {
    brief = createBrief(config, { logger });
  } catch (error) {
    return usageError((error as Error).message);
  }
  try {
    const resolved = resolveEvalVersions(options, brief.prompts.versions('summarize'));
    if (!resolved.ok) {
      return usageError(resolved.message);
    }
    const { versions, baseline, candidates } = resolved.versions;

    let articles: EvalArticle[];
    try {
      articles = readEvalArticles({
        samplesDirectory: options.skipSamples ? undefined : path.join(dependencies.projectRoot, 'samples'),
        corpusDirectory:
          options.corpus === undefined
            ? undefined
            : path.resolve(dependencies.workingDirectory, options.corpus),
        corpusLimit: options.corpusLimit,
      });
    } catch (error) {
      return usageError(`Cannot read the articles: ${(error as Error).message}`);
    }

    stderr.write(
      `Evaluating ${versions.map(evalVersionLabel).join(', ')} on ${articles.length} article(s) in ${config.mode} mode…\n`,
    );
    const costEstimator = createCostEstimator({
      onUnknownModel: (model) =>
        stderr.write(`No price for model ${model} in src/llm/model-prices.ts: its cost shows as –.\n`),
    });
    const run = await runEval({
      summarizer: brief.summarizer,
      articles,
      versions,
      mode: config.mode,
      costEstimator,
      textLimits: config.limits,
      concurrency: options.concurrency,
      now,
      onOutcome: (outcome) =>
        stderr.write(
          `  ${outcome.status === 'valid' ? '✓' : '·'} ${outcome.articleId} ${evalVersionLabel(outcome.version)}: ${outcome.status}\n`,
        ),
    });
    const report = createEvalReport(run, { baseline, candidates, thresholds: options.thresholds });
    const directory = options.out
      ? path.resolve(dependencies.workingDirectory, options.out)
      : defaultReportDirectory(dependencies.projectRoot, now());
    const written = await writeEvalReport(report, directory);

    stdout.write(`\n${renderTotalsMarkdown(report)}\n\n`);
    if (report.gate.checked) {
      for (const result of report.gate.results) {
        stdout.write(`${result.passed ? '✓' : '✗'} ${result.rule} ${result.candidate}: ${result.message}\n`);
      }
      stdout.write(report.gate.passed ? 'Gate passed.\n\n' : 'Gate FAILED.\n\n');
    }
    stdout.write(`Report: ${written.markdown}\n        ${written.html}\n        ${written.results}\n`);
    return report.gate.passed ? EVAL_EXIT.ok : EVAL_EXIT.gateFailed;
  } finally {
    await brief.close();
  }
}
