/**
 * `npx tsx bench/false-flags.ts [--corpus DIR] [--rounds N] [--json FILE]`: the fact checks' flags on
 * outputs that should raise none — the fake server's summaries of every corpus article (v1 and v2
 * shape), the authored sample outputs and the outputs recorded in the sample cassettes — and the CPU
 * the checks take per output. Every flag listed here is a false flag or a fake-server defect: rerun it
 * before and after a change of the checks and compare.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type CheckFailure, checkSummaries, type SummaryInput } from '../src/checks/index.js';
import { PROJECT_ROOT } from '../src/config/env.js';
import { readSamples, sampleArticleText } from '../src/samples/read-samples.js';
import { normalizeArticle } from '../src/summarize/normalize-article.js';
import { DEFAULT_LIMITS } from '../src/summarize/summary-schema.js';
import { deriveSummary } from '../test/support/fake-messages-api/index.js';
import { readCorpus } from './read-corpus.js';
import { median, round } from './statistics.js';

type Summaries = { en: SummaryInput; de: SummaryInput };

interface CheckedOutput {
  /** Where the output comes from: `corpus/<file> (v1)`, `authored/<slug> (v2)`, `cassette/<file>`. */
  name: string;
  source: string;
  summaries: Summaries;
}

const { values: flags } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.join(PROJECT_ROOT, '..', 'shared', 'corpus', '10kgnad') },
    rounds: { type: 'string', default: '5' },
    json: { type: 'string' },
  },
});

function corpusOutputs(folder: string): CheckedOutput[] {
  return readCorpus(PROJECT_ROOT, folder).flatMap((article) => {
    const source = normalizeArticle(article.text);
    return ([false, true] as const).map((evidence) => ({
      name: `corpus/${article.name} (${evidence ? 'v2' : 'v1'})`,
      source,
      summaries: deriveSummary(source, { limits: DEFAULT_LIMITS, evidence }) as Summaries,
    }));
  });
}

function sampleOutputs(): CheckedOutput[] {
  const samplesFolder = path.join(PROJECT_ROOT, 'samples');
  const samples = new Map(readSamples(samplesFolder).map((sample) => [sample.slug, sample]));
  const outputs: CheckedOutput[] = [];
  for (const [slug, sample] of samples) {
    const file = path.join(samplesFolder, 'authored', `${slug}.json`);
    let authored: Record<string, Summaries>;
    try {
      authored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Summaries>;
    } catch {
      continue;
    }
    for (const [version, summaries] of Object.entries(authored)) {
      outputs.push({ name: `authored/${slug} (${version})`, source: sampleArticleText(sample), summaries });
    }
  }
  const cassettes = path.join(samplesFolder, 'cassettes');
  for (const file of readdirSync(cassettes).sort()) {
    const sample = samples.get(file.slice(0, file.indexOf('.')));
    if (sample === undefined) continue;
    const cassette = JSON.parse(readFileSync(path.join(cassettes, file), 'utf8')) as {
      response: { body: { content?: Array<{ type: string; text?: string }> } };
    };
    const text = cassette.response.body.content?.find((block) => block.type === 'text')?.text;
    if (text === undefined) continue;
    outputs.push({
      name: `cassette/${file}`,
      source: sampleArticleText(sample),
      summaries: JSON.parse(text) as Summaries,
    });
  }
  return outputs;
}

const outputs = [...corpusOutputs(flags.corpus), ...sampleOutputs()];
const reports = outputs.map((output) => ({
  name: output.name,
  failures: checkSummaries({ source: output.source, summaries: output.summaries }).failures,
}));

// CPU: every output checked once per round; the median round, per output.
const corpusOnly = outputs.filter((output) => output.name.startsWith('corpus/'));
const roundMs: number[] = [];
for (let round = 0; round < Number(flags.rounds); round += 1) {
  const started = process.cpuUsage();
  for (const output of corpusOnly) checkSummaries({ source: output.source, summaries: output.summaries });
  const used = process.cpuUsage(started);
  roundMs.push((used.user + used.system) / 1000 / Math.max(1, corpusOnly.length));
}

const describe = (failure: CheckFailure) =>
  `${failure.check} ${failure.language} ${failure.field}: ${failure.text} — ${failure.detail}`;
const flagged = reports.filter((report) => report.failures.length > 0);
const byCheck: Record<string, number> = {};
for (const report of reports)
  for (const failure of report.failures) byCheck[failure.check] = (byCheck[failure.check] ?? 0) + 1;

const lines = [
  `Outputs checked: ${outputs.length} (corpus ${corpusOnly.length}, samples ${outputs.length - corpusOnly.length})`,
  `Outputs flagged: ${flagged.length}; flags: ${reports.reduce((sum, report) => sum + report.failures.length, 0)} ${JSON.stringify(byCheck)}`,
  `Check CPU per corpus output: ${round(median(roundMs), 3)} ms (median of ${roundMs.length} rounds)`,
  ...flagged.flatMap((report) => [
    `- ${report.name}`,
    ...report.failures.map((failure) => `    ${describe(failure)}`),
  ]),
];
process.stdout.write(`${lines.join('\n')}\n`);
if (flags.json !== undefined) {
  writeFileSync(flags.json, `${JSON.stringify({ cpuMsPerOutput: median(roundMs), reports }, null, 2)}\n`);
}
