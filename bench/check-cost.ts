/**
 * CPU per output of the fact checks, over outputs derived from corpus articles, and the language
 * verdicts they reach (to compare two implementations: `--verdicts FILE` writes them as JSON).
 *
 *   npx tsx bench/check-cost.ts [../shared/corpus/10kgnad] [--verdicts /tmp/verdicts.json]
 *
 * Each article gives a German output made of its own sentences (headline: the first, summary: the
 * next three, key points: five more) and an English output of the same sentences with their figures
 * and quotations, so every check reads real text; the English one also exercises language detection.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { cpuUsage } from 'node:process';
import { detectLanguage } from '../src/checks/detect-language.js';
import { checkSummaries } from '../src/checks/index.js';
import type { SummaryInput } from '../src/checks/summary-input-schema.js';
import { PROJECT_ROOT } from '../src/config/env.js';
import { nameLanguage } from '../src/language/name-language.js';
import { splitSentences } from '../src/summarize/count-sentences.js';
import { detectSourceLanguage } from '../src/summarize/detect-source-language.js';
import { readCorpus } from './read-corpus.js';

const ROUNDS = 20;
const args = process.argv.slice(2);
const verdictsIndex = args.indexOf('--verdicts');
const verdictsFile = verdictsIndex >= 0 ? args[verdictsIndex + 1] : undefined;
const folder = args.find(
  (arg, index) => !arg.startsWith('--') && (verdictsIndex < 0 || index !== verdictsIndex + 1),
);

const articles = [
  ...readCorpus(PROJECT_ROOT),
  ...(folder === undefined ? [] : readCorpus(PROJECT_ROOT, path.resolve(folder))),
];

const outputOf = (text: string): SummaryInput => {
  const sentences = splitSentences(text).map((sentence) => sentence.trim());
  return {
    headline: sentences[0] ?? '',
    summary: sentences.slice(1, 4).join(' '),
    key_points: sentences.slice(4, 9),
  };
};
const inputs = articles.map((article) => {
  const output = outputOf(article.text);
  return { name: article.name, source: article.text, summaries: { de: output, en: output } };
});

const verdicts = await Promise.all(
  inputs.map(async ({ name, source, summaries }) => {
    const fields = [summaries.de.headline, summaries.de.summary, ...summaries.de.key_points.map(String)];
    return {
      name,
      source: await detectSourceLanguage(source, async (text) => nameLanguage(text)),
      fields: fields.map((field) => detectLanguage(field)),
      failures: checkSummaries({ source, summaries }).failures.length,
    };
  }),
);
if (verdictsFile !== undefined) writeFileSync(verdictsFile, `${JSON.stringify(verdicts, null, 1)}\n`);

const started = cpuUsage();
for (let round = 0; round < ROUNDS; round++) {
  for (const input of inputs) checkSummaries(input);
}
const used = cpuUsage(started);
const outputs = ROUNDS * inputs.length;
const sourceCounts = verdicts.reduce<Record<string, number>>((counts, verdict) => {
  counts[verdict.source.language] = (counts[verdict.source.language] ?? 0) + 1;
  return counts;
}, {});
console.log(
  JSON.stringify({
    articles: inputs.length,
    cpuMsPerOutput: Number(((used.user + used.system) / 1000 / outputs).toFixed(3)),
    sourceLanguages: sourceCounts,
    failures: verdicts.reduce((sum, verdict) => sum + verdict.failures, 0),
  }),
);
