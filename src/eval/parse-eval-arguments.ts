import { Command, CommanderError } from 'commander';
import { z } from 'zod';
import { optionsByFlag } from '../cli/options-by-flag.js';
import { hasThresholds, type Thresholds } from './check-thresholds.js';

export interface EvalArguments {
  /** `--prompt` versions (`v1`), or undefined for every version of the registry. */
  prompts: string[] | undefined;
  baseline: string | undefined;
  candidates: string[] | undefined;
  corpus: string | undefined;
  corpusLimit: number | undefined;
  skipSamples: boolean;
  live: boolean;
  baseUrl: string | undefined;
  concurrency: number;
  out: string | undefined;
  thresholds: Thresholds;
}

/** The versions an eval runs, once the registry is known: baseline first. */
export interface EvalVersions {
  versions: string[];
  baseline: string;
  candidates: string[];
}

export type ParsedEvalArguments =
  | { kind: 'run'; arguments: EvalArguments }
  | { kind: 'help' }
  | { kind: 'invalid'; message: string };

const PROMPT_NAME = 'summarize';
const promptReference = z
  .string()
  .regex(/^(summarize@)?v\d+$/, `must name a version of ${PROMPT_NAME}, like ${PROMPT_NAME}@v2`)
  .transform((value) => value.replace(`${PROMPT_NAME}@`, ''));
const rate = z.coerce.number().min(0).max(1);
const nonNegative = z.coerce.number().min(0);

const flagsSchema = z.object({
  prompt: z.array(promptReference).optional(),
  baseline: promptReference.optional(),
  candidate: z.array(promptReference).optional(),
  corpus: z.string().min(1).optional(),
  'corpus-limit': z.coerce.number().int().positive().optional(),
  'skip-samples': z.boolean().default(false),
  live: z.boolean().default(false),
  'base-url': z.url().optional(),
  concurrency: z.coerce.number().int().positive().max(64).default(4),
  out: z.string().min(1).optional(),
  'max-rouge-drop': rate.optional(),
  'max-article-rouge-drop': rate.optional(),
  'max-check-failures-increase': z.coerce.number().int().min(0).optional(),
  'min-check-pass-rate': rate.optional(),
  'min-validity': rate.optional(),
  'min-evidence-verified': rate.optional(),
  'max-cost-increase': nonNegative.optional(),
});

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

const repeatable = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** The eval's command line: commander reads it and writes the help; `flagsSchema` validates the values. */
export function createEvalProgram(): Command {
  return new Command('npm run eval --')
    .description('Runs the samples (and optionally a corpus) through prompt versions and writes a report.')
    .optionsGroup('Versions:')
    .option(
      '--prompt <summarize@vN>',
      'a version to run (repeatable; default: every summarize version)',
      repeatable,
    )
    .option('--baseline <summarize@vN>', 'what candidates are compared with (default: the first --prompt)')
    .option(
      '--candidate <summarize@vN>',
      'a version to judge against the baseline (repeatable; default: every other --prompt)',
      repeatable,
    )
    .optionsGroup('Articles:')
    .option('--corpus <dir>', 'also every .txt file in DIR (references in DIR/references/<name>.json)')
    .option('--corpus-limit <n>', 'only the first N corpus files, by name')
    .option('--skip-samples', "leave out the project's samples/")
    .optionsGroup('Model:')
    .option('--live', 'call the Messages API with ANTHROPIC_API_KEY (default: replay recordings)')
    .option('--base-url <url>', 'live: the Messages API base URL (a gateway, or the fake server)')
    .option('--concurrency <n>', 'summaries in flight at once (default 4)')
    .optionsGroup('Output:')
    .option(
      '--out <dir>',
      'where report.md, report.html and results.json go (default eval-reports/<timestamp>)',
    )
    .optionsGroup('Gate (exit status 1 when a candidate fails one; rates and scores are 0..1):')
    .option('--max-rouge-drop <x>', 'a mean ROUGE F1 (1/2/L, EN/DE) may fall at most X below the baseline')
    .option('--max-article-rouge-drop <x>', "one article's ROUGE F1 may fall at most X below the baseline's")
    .option('--max-check-failures-increase <n>', 'at most N more check failures than the baseline')
    .option('--min-check-pass-rate <r>', 'share of valid outputs that pass every check')
    .option('--min-validity <r>', 'share of answers that meet the output schema')
    .option(
      '--min-evidence-verified <r>',
      'share of key points with verified evidence (versions with evidence)',
    )
    .option('--max-cost-increase <r>', "cost at most R above the baseline's (0.25 = +25%)")
    .optionsGroup('Options:')
    .helpOption('-h, --help', 'show this help')
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
}

const HELP_AFTER = `
Every gate also requires the candidate to be evaluated on every article the baseline was.
Exit status: 0 done (and every gate passed), 1 a gate failed, 2 bad arguments or configuration.
`;

/** The help text of `npm run eval -- --help`. */
export function evalHelp(): string {
  return `${createEvalProgram().helpInformation()}${HELP_AFTER}`;
}

/** Reads the eval command line; which versions exist is checked by `resolveEvalVersions`. */
export function parseEvalArguments(argv: string[]): ParsedEvalArguments {
  const program = createEvalProgram();
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError && error.code === 'commander.helpDisplayed') {
      return { kind: 'help' };
    }
    return { kind: 'invalid', message: error instanceof Error ? error.message : String(error) };
  }
  const flags = optionsByFlag(program);
  const parsed = flagsSchema.safeParse(flags);
  if (!parsed.success) {
    return {
      kind: 'invalid',
      message: parsed.error.issues
        .map((issue) => `--${issue.path[0]?.toString()}: ${issue.message}`)
        .join('\n'),
    };
  }
  const data = parsed.data;
  if (data['base-url'] !== undefined && !data.live) {
    return { kind: 'invalid', message: '--base-url only applies with --live (replay mode calls no API).' };
  }
  if (data['skip-samples'] && data.corpus === undefined) {
    return { kind: 'invalid', message: '--skip-samples needs --corpus: there would be nothing to evaluate.' };
  }
  const thresholds: Thresholds = {
    maxRougeDrop: data['max-rouge-drop'],
    maxArticleRougeDrop: data['max-article-rouge-drop'],
    maxCheckFailuresIncrease: data['max-check-failures-increase'],
    minCheckPassRate: data['min-check-pass-rate'],
    minValidity: data['min-validity'],
    minEvidenceVerified: data['min-evidence-verified'],
    maxCostIncrease: data['max-cost-increase'],
  };
  return {
    kind: 'run',
    arguments: {
      prompts: data.prompt,
      baseline: data.baseline,
      candidates: data.candidate,
      corpus: data.corpus,
      corpusLimit: data['corpus-limit'],
      skipSamples: data['skip-samples'],
      live: data.live,
      baseUrl: data['base-url'],
      concurrency: data.concurrency,
      out: data.out,
      thresholds,
    },
  };
}

/**
 * Which versions to run and judge: `--prompt` (default every version), the baseline (default the
 * first), the candidates (default the others). Every named version must exist.
 */
export function resolveEvalVersions(
  evalArguments: EvalArguments,
  availableVersions: string[],
): { ok: true; versions: EvalVersions } | { ok: false; message: string } {
  const prompts = evalArguments.prompts ?? availableVersions;
  const baseline = evalArguments.baseline ?? prompts[0];
  if (baseline === undefined) {
    return { ok: false, message: `No ${PROMPT_NAME} prompt version to run.` };
  }
  const candidates = unique(evalArguments.candidates ?? prompts.filter((version) => version !== baseline));
  const versions = unique([baseline, ...prompts, ...candidates]);
  const unknown = versions.filter((version) => !availableVersions.includes(version));
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `Unknown prompt version(s): ${unknown.map((version) => `${PROMPT_NAME}@${version}`).join(', ')}. Available: ${availableVersions.map((version) => `${PROMPT_NAME}@${version}`).join(', ')}.`,
    };
  }
  if (candidates.includes(baseline)) {
    return { ok: false, message: `${PROMPT_NAME}@${baseline} cannot be both the baseline and a candidate.` };
  }
  if (candidates.length === 0 && hasThresholds(evalArguments.thresholds)) {
    return {
      ok: false,
      message: 'Thresholds judge a candidate against a baseline: run at least two versions (--prompt twice).',
    };
  }
  return { ok: true, versions: { versions, baseline, candidates } };
}
