import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hasThresholds, THRESHOLD_FLAGS, type Thresholds } from './check-thresholds.js';

export const EVAL_USAGE = `Usage: npm run eval -- [options]

Runs the samples (and optionally a corpus) through prompt versions and writes a report.

Versions
  --prompt summarize@vN        a version to run (repeatable; default: every summarize version)
  --baseline summarize@vN      what candidates are compared with (default: the first --prompt)
  --candidate summarize@vN     a version to judge against the baseline (repeatable;
                               default: every other --prompt)
Articles
  --corpus DIR                 also every .txt file in DIR (references in DIR/references/<name>.json)
  --corpus-limit N             only the first N corpus files, by name
  --skip-samples               leave out the project's samples/
Model
  --live                       call the Messages API with ANTHROPIC_API_KEY (default: replay recordings)
  --base-url URL               live: the Messages API base URL (a gateway, or the fake server)
  --concurrency N              summaries in flight at once (default 4)
Output
  --out DIR                    where report.md, report.html and results.json go
                               (default eval-reports/<timestamp>)
Gate (exit status 1 when a candidate fails one; rates and scores are 0..1)
  --max-rouge-drop X           a mean ROUGE F1 (1/2/L, EN/DE) may fall at most X below the baseline
  --max-article-rouge-drop X   one article's ROUGE F1 may fall at most X below the baseline's
  --max-check-failures-increase N
                               at most N more check failures than the baseline
  --min-check-pass-rate R      share of valid outputs that pass every check
  --min-validity R             share of answers that meet the output schema
  --min-evidence-verified R    share of key points with verified evidence (versions with evidence)
  --max-cost-increase R        cost at most R above the baseline's (0.25 = +25%)
  Every gate also requires the candidate to be evaluated on every article the baseline was.

Exit status: 0 done (and every gate passed), 1 a gate failed, 2 bad arguments or configuration.`;

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

/** Reads the eval command line; which versions exist is checked by `resolveEvalVersions`. */
export function parseEvalArguments(argv: string[]): ParsedEvalArguments {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        prompt: { type: 'string', multiple: true },
        baseline: { type: 'string' },
        candidate: { type: 'string', multiple: true },
        corpus: { type: 'string' },
        'corpus-limit': { type: 'string' },
        'skip-samples': { type: 'boolean' },
        live: { type: 'boolean' },
        'base-url': { type: 'string' },
        concurrency: { type: 'string' },
        out: { type: 'string' },
        ...Object.fromEntries(
          Object.values(THRESHOLD_FLAGS).map((flag) => [flag.slice(2), { type: 'string' as const }]),
        ),
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'invalid', message: (error as Error).message };
  }
  if (values.help === true) {
    return { kind: 'help' };
  }
  const { help: _help, ...flags } = values;
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
