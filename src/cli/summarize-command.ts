import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors/usage-error.js';
import { createLogger } from '../logging/create-logger.js';
import { buildNinjsAnswer } from '../ninjs/build-ninjs-answer.js';
import { readNinjsArticleText } from '../ninjs/read-ninjs-article-text.js';
import type { NinjsArticle } from '../ninjs/read-ninjs-item.js';
import type { SummaryRequest } from '../summarize/summary-api-schemas.js';
import { inThreadCpuTasks } from '../workers/in-thread-cpu-tasks.js';
import type { CliContext } from './cli-context.js';
import { createProgressBar } from './create-progress-bar.js';
import { createRemoteClient } from './create-remote-client.js';
import { describeProblem } from './describe-problem.js';
import { formatMarkdown } from './format-markdown.js';
import { listArticleFiles } from './list-article-files.js';
import { readApiKey } from './read-api-key.js';
import { type ArticleFormat, articleTextOf, formatOfFile, readArticleFile } from './read-article-file.js';
import { readNinjsFile } from './read-ninjs-file.js';
import { runFolder } from './run-folder.js';
import type { SummaryClient, SummaryOutcome } from './summary-client.js';
import { createProgressLine } from './summary-progress.js';

export const STDIN_TARGET = '-';

export interface SummarizeOptions {
  json?: boolean;
  out?: string;
  concurrency: number;
  promptVersion?: string;
  title?: string;
  keyPoints?: number;
  format?: ArticleFormat;
  /** The input is an IPTC ninjs item; the output is the ninjs answer. */
  ninjs?: boolean;
  url?: string;
  apiKey?: string;
  apiKeyFile?: string;
  logLevel: string;
  /** Stream one article and show its progress on stderr; default: when stderr is a terminal. */
  stream?: boolean;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function kindOf(target: string): Promise<'stdin' | 'file' | 'folder'> {
  if (target === STDIN_TARGET) {
    return 'stdin';
  }
  const stats = await stat(target).catch(() => undefined);
  if (!stats) {
    throw new UsageError(`No such file or folder: ${target}`);
  }
  return stats.isDirectory() ? 'folder' : 'file';
}

/** `brief summarize FILE|DIR|-`: Markdown or JSON for one article, JSON Lines for a folder. Returns the exit code. */
export async function runSummarize(
  target: string,
  options: SummarizeOptions,
  context: CliContext,
): Promise<number> {
  const kind = await kindOf(target);
  if (kind === 'folder' && options.title !== undefined) {
    throw new UsageError('--title names one article; it cannot be used with a folder.');
  }
  if (options.ninjs && (kind === 'folder' || options.title !== undefined || options.format !== undefined)) {
    throw new UsageError(
      '--ninjs reads one ninjs item, its title and format included: no folder, --title or --format.',
    );
  }
  const { io } = context;
  const config = context.loadConfig();
  const url = options.url ?? config.cli.url;
  const apiKey = await readApiKey(options, config.cli.apiKey);
  const client: SummaryClient = url
    ? createRemoteClient({ url, apiKey })
    : // Loaded only here: all of Brief (prompts, language model, SDK) is not needed for --url or --help.
      (await import('./create-in-process-client.js')).createInProcessClient(config, {
        logger: createLogger({
          level: options.logLevel,
          destination: { write: (line: string) => io.stderr.write(line) },
        }),
      });

  const requestFor = (text: string, articleId: string | undefined): SummaryRequest => ({
    text,
    ...(articleId === undefined ? {} : { article_id: articleId }),
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.promptVersion === undefined ? {} : { prompt_version: options.promptVersion }),
    ...(options.keyPoints === undefined ? {} : { options: { key_points: options.keyPoints } }),
  });

  try {
    if (kind === 'folder') {
      return await summarizeFolder(target, options, context, (file) =>
        readArticleFile(file, options.format).then((text) =>
          client.summarize(requestFor(text, path.basename(file))),
        ),
      );
    }
    if (options.ninjs) {
      const content = kind === 'stdin' ? await readStream(io.stdin) : await readFile(target, 'utf8');
      const article = readNinjsFile(content, kind === 'stdin' ? 'stdin' : target);
      const text = await readNinjsArticleText(article.body, {
        htmlToArticleText: inThreadCpuTasks.htmlToArticleText,
      });
      const request = requestFor(text, article.articleId);
      const outcome = await client.summarize(
        article.title === undefined ? request : { ...request, title: article.title },
      );
      return await writeOne(outcome, target, options, context, { article, aiInfo: config.ninjsAiInfo });
    }
    const text =
      kind === 'stdin'
        ? articleTextOf(await readStream(io.stdin), options.format ?? 'text')
        : await readArticleFile(target, options.format ?? formatOfFile(target));
    const progress =
      (options.stream ?? io.stderr.isTTY === true)
        ? createProgressLine(io.stderr, kind === 'stdin' ? 'stdin' : path.basename(target))
        : undefined;
    const outcome = await client.summarize(
      requestFor(text, kind === 'file' ? path.basename(target) : undefined),
      { onProgress: progress?.report },
    );
    progress?.done();
    return await writeOne(outcome, target, options, context);
  } finally {
    await client.close();
  }
}

async function writeOne(
  outcome: SummaryOutcome,
  target: string,
  options: SummarizeOptions,
  context: CliContext,
  ninjs?: { article: NinjsArticle; aiInfo: boolean },
): Promise<number> {
  if (!outcome.ok) {
    const name = target === STDIN_TARGET ? 'stdin' : target;
    context.io.stderr.write(`brief: ${name}: ${describeProblem(outcome.problem)}\n`);
    return 1;
  }
  const { response } = outcome;
  const output = ninjs
    ? `${JSON.stringify(
        buildNinjsAnswer({
          source: ninjs.article,
          summaries: response.summaries,
          articleId: response.article_id,
          requestId: response.meta.request_id,
          model: response.meta.model,
          prompt: response.meta.prompt,
          aiInfo: ninjs.aiInfo,
        }),
        null,
        2,
      )}\n`
    : options.json
      ? `${JSON.stringify(response, null, 2)}\n`
      : formatMarkdown(response, { title: options.title });
  if (options.out) {
    await writeFile(options.out, output);
  } else {
    context.io.stdout.write(output);
  }
  return 0;
}

async function summarizeFolder(
  folder: string,
  options: SummarizeOptions,
  context: CliContext,
  summarizeFile: (file: string) => Promise<SummaryOutcome>,
): Promise<number> {
  const { io } = context;
  const files = await listArticleFiles(folder);
  if (files.length === 0) {
    throw new UsageError(`No article files (.txt, .text, .html, .htm) in ${folder}.`);
  }
  const out = options.out ? createWriteStream(options.out) : io.stdout;
  const result = await runFolder({
    files,
    concurrency: options.concurrency,
    summarizeFile,
    onOutcome: (file, outcome) => {
      const line = outcome.ok ? { file, ...outcome.response } : { file, error: outcome.problem };
      out.write(`${JSON.stringify(line)}\n`);
    },
    progress: io.stderr.isTTY ? createProgressBar(io.stderr) : undefined,
  });
  if (out !== io.stdout) {
    out.end();
    await once(out, 'finish');
  }

  const destination = options.out ? ` → ${options.out}` : '';
  io.stderr.write(`Summarized ${result.succeeded} of ${files.length} articles${destination}.\n`);
  if (result.failures.length === 0) {
    return 0;
  }
  io.stderr.write(`${result.failures.length} failed:\n`);
  for (const failure of result.failures) {
    io.stderr.write(`  ${failure.file}: ${describeProblem(failure.problem).replaceAll('\n', '\n  ')}\n`);
  }
  return 1;
}
