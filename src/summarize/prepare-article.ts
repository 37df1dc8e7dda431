import { PayloadTooLargeError, UnsupportedLanguageError, ValidationError } from '../errors/brief-error.js';
import { detectSourceLanguage, type NameLanguage } from './detect-source-language.js';
import { normalizeArticle } from './normalize-article.js';

/** Brief summarizes German articles; anything else is refused before it costs a model call. */
export const SOURCE_LANGUAGE = 'de';

export interface TextLengthLimits {
  minTextChars: number;
  maxTextChars: number;
}

/** An article as callers send it: the CMS may keep the lead apart from the text. */
export interface ArticleInput {
  text: string;
  lead?: string | undefined;
  title?: string | undefined;
}

/** The article as the model sees it: normalised, the lead before the text, a blank title dropped. */
export interface PreparedArticle {
  text: string;
  title: string | undefined;
}

export interface TextLengthIssue {
  kind: 'empty' | 'too-short' | 'too-long';
  /** For the problem's `detail`: the whole story. */
  message: string;
  /** For the `errors` member at the text's pointer. */
  detail: string;
}

export interface LanguageIssue {
  kind: 'language';
  detectedLanguage: string;
  message: string;
  detail: string;
}

export type ArticleIssue = TextLengthIssue | LanguageIssue;

/** Normalises an article (lead and text joined, title blank -> absent); checks nothing. */
export function readArticle(article: ArticleInput): PreparedArticle {
  const text = normalizeArticle(article.lead ? `${article.lead}\n\n${article.text}` : article.text);
  const title = article.title === undefined ? undefined : normalizeArticle(article.title) || undefined;
  return { text, title };
}

/** What is wrong with a normalised text's length, if anything; `subject` names it in the message. */
export function findTextLengthIssue(
  text: string,
  limits: TextLengthLimits,
  subject = 'article text',
): TextLengthIssue | undefined {
  if (text.length === 0) {
    return { kind: 'empty', message: `The ${subject} is empty.`, detail: 'must not be empty or blank' };
  }
  if (text.length < limits.minTextChars) {
    return {
      kind: 'too-short',
      message: `The ${subject} is too short to summarize: ${text.length} characters after normalisation, at least ${limits.minTextChars} are needed.`,
      detail: `must have at least ${limits.minTextChars} characters`,
    };
  }
  if (text.length > limits.maxTextChars) {
    return {
      kind: 'too-long',
      message: `The ${subject} has ${text.length} characters after normalisation; at most ${limits.maxTextChars} are accepted.`,
      detail: `must have at most ${limits.maxTextChars} characters`,
    };
  }
  return undefined;
}

/** Why a normalised article cannot be summarized (length first, then language), if anything. */
export async function findArticleIssue(
  text: string,
  limits: TextLengthLimits,
  nameLanguage: NameLanguage,
): Promise<ArticleIssue | undefined> {
  const lengthIssue = findTextLengthIssue(text, limits);
  if (lengthIssue) {
    return lengthIssue;
  }
  const detected = await detectSourceLanguage(text, nameLanguage);
  if (detected.language !== SOURCE_LANGUAGE && detected.reliable) {
    return {
      kind: 'language',
      detectedLanguage: detected.language,
      message: `Brief summarizes German articles; this text reads as "${detected.language}".`,
      detail: `must be German; the text reads as "${detected.language}"`,
    };
  }
  return undefined;
}

/** The issue as the error a single article answers with: too long is a 413, the rest 422 at `/text`. */
export function articleIssueError(issue: ArticleIssue, limits: TextLengthLimits): Error {
  switch (issue.kind) {
    case 'too-long':
      return new PayloadTooLargeError(issue.message, { extensions: { max_text_chars: limits.maxTextChars } });
    case 'language':
      return new UnsupportedLanguageError(issue.message, {
        extensions: { detected_language: issue.detectedLanguage, expected_language: SOURCE_LANGUAGE },
      });
    default:
      return new ValidationError(issue.message, [{ pointer: '/text', detail: issue.detail }]);
  }
}

/** A source text that summaries are checked against (no model call): any length up to the maximum, any language. */
export function prepareSourceText(text: string, limits: Pick<TextLengthLimits, 'maxTextChars'>): string {
  const source = normalizeArticle(text);
  const bounds = { minTextChars: 0, maxTextChars: limits.maxTextChars };
  const issue = findTextLengthIssue(source, bounds, 'source text');
  if (issue) {
    throw articleIssueError(issue, bounds);
  }
  return source;
}

/** Step one of the pipeline: the article as the model will see it, or the error that refuses it. */
export async function prepareArticle(
  article: ArticleInput,
  limits: TextLengthLimits,
  nameLanguage: NameLanguage,
): Promise<PreparedArticle> {
  const prepared = readArticle(article);
  const issue = await findArticleIssue(prepared.text, limits, nameLanguage);
  if (issue) {
    throw articleIssueError(issue, limits);
  }
  return prepared;
}
