import type { BatchArticle } from '../../batches/create-batches.js';
import type { Config } from '../../config/env.js';
import {
  PayloadTooLargeError,
  UnsupportedLanguageError,
  ValidationError,
  type ValidationIssue,
} from '../../errors/brief-error.js';
import { readNinjsArticleText } from '../../ninjs/read-ninjs-article-text.js';
import { type NinjsArticle, readNinjsItem } from '../../ninjs/read-ninjs-item.js';
import type { NameLanguage } from '../../summarize/detect-source-language.js';
import { findArticleIssue, readArticle } from '../../summarize/prepare-article.js';
import { summaryRequestSchema } from '../../summarize/summary-api-schemas.js';
import type { CpuTasks } from '../../workers/cpu-tasks.js';
import type { BatchRequest } from './batches.schemas.js';

/** Pointers named in a validation problem's `detail`; `errors` lists them all. */
const POINTERS_IN_DETAIL = 5;

export interface ReadBatchArticlesOptions {
  limits: Config['limits'];
  /**
   * HTML bodies of ninjs items are read as `text/html` bodies are, and a language that is not
   * clearly German is named: on the worker pool.
   */
  cpuTasks: Pick<CpuTasks, 'htmlToArticleText' | 'nameLanguage'>;
  signal?: AbortSignal | undefined;
}

type Entry = BatchRequest['articles'][number];
type Outcome = { article: BatchArticle; issues?: never } | { article?: never; issues: ValidationIssue[] };

function prefixed(prefix: string, issues: ValidationIssue[]): ValidationIssue[] {
  return issues.map((issue) => ({ ...issue, pointer: `${prefix}${issue.pointer}` }));
}

/** The refusals of one ninjs item (read, HTML, text) as issues under its pointer; other errors go on. */
function ninjsIssues(prefix: string, error: unknown, article?: NinjsArticle): ValidationIssue[] {
  if (error instanceof ValidationError) {
    return prefixed(prefix, error.errors);
  }
  if (error instanceof UnsupportedLanguageError) {
    const declared = String(error.extensions.declared_language);
    return [{ pointer: `${prefix}/language`, detail: `must be German; the item declares "${declared}"` }];
  }
  if (error instanceof PayloadTooLargeError && article !== undefined) {
    const max = Number(error.extensions.max_body_bytes);
    return [
      { pointer: `${prefix}${article.body.pointer}`, detail: `must have at most ${max} bytes of HTML` },
    ];
  }
  throw error;
}

async function readNinjsEntry(
  item: Record<string, unknown>,
  prefix: string,
  options: ReadBatchArticlesOptions,
): Promise<Outcome> {
  let article: NinjsArticle | undefined;
  let text: string;
  try {
    article = readNinjsItem(item);
    text = await readNinjsArticleText(article.body, {
      htmlToArticleText: options.cpuTasks.htmlToArticleText,
      maxHtmlBodyBytes: options.limits.maxHtmlBodyBytes,
      signal: options.signal,
    });
  } catch (error) {
    return { issues: ninjsIssues(prefix, error, article) };
  }
  const title = summaryRequestSchema.shape.title.safeParse(article.title);
  if (!title.success) {
    return {
      issues: [{ pointer: `${prefix}/headlines`, detail: 'the main headline is over 500 characters' }],
    };
  }
  const prepared = readArticle({ text, title: article.title });
  const issue = await findArticleIssue(prepared.text, options.limits, nameLanguageOf(options));
  if (issue) {
    return { issues: [{ pointer: `${prefix}${article.body.pointer}`, detail: issue.detail }] };
  }
  return { article: { articleId: article.articleId, ...prepared } };
}

function nameLanguageOf(options: ReadBatchArticlesOptions): NameLanguage {
  return (text) => options.cpuTasks.nameLanguage(text, options.signal);
}

async function readTextEntry(
  entry: Exclude<Entry, { ninjs: unknown }>,
  prefix: string,
  options: ReadBatchArticlesOptions,
): Promise<Outcome> {
  const { text, title } = readArticle(entry);
  const issue = await findArticleIssue(text, options.limits, nameLanguageOf(options));
  if (issue) {
    return { issues: [{ pointer: `${prefix}/text`, detail: issue.detail }] };
  }
  return { article: { articleId: entry.article_id, text, title } };
}

/**
 * A batch's articles as the model will see them, or a 422 that points at every article that cannot
 * be summarized. A ninjs item is read as `POST /v1/summaries` reads one (its `uri` the article id,
 * its main headline the title, its HTML body on the worker pool, one after another so no time limit
 * counts another item's wait), and refused per item under `/articles/{index}/ninjs`.
 */
export async function readBatchArticles(
  request: BatchRequest,
  options: ReadBatchArticlesOptions,
): Promise<BatchArticle[]> {
  const issues: ValidationIssue[] = [];
  const articles: BatchArticle[] = [];
  let refused = 0;
  for (const [index, entry] of request.articles.entries()) {
    const prefix = `/articles/${index}`;
    const outcome =
      'ninjs' in entry
        ? await readNinjsEntry(entry.ninjs, `${prefix}/ninjs`, options)
        : await readTextEntry(entry, prefix, options);
    if (outcome.issues) {
      refused += 1;
      issues.push(...outcome.issues);
    } else {
      articles.push(outcome.article);
    }
  }
  if (issues.length > 0) {
    const named = issues.slice(0, POINTERS_IN_DETAIL).map((issue) => `${issue.pointer} ${issue.detail}`);
    const more = issues.length > POINTERS_IN_DETAIL ? `; and ${issues.length - POINTERS_IN_DETAIL} more` : '';
    throw new ValidationError(
      `${refused} of ${request.articles.length} articles cannot be summarized: ${named.join('; ')}${more}. Nothing was submitted.`,
      issues,
    );
  }
  return articles;
}
