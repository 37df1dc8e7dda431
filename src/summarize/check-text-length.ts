import { PayloadTooLargeError, ValidationError } from '../errors/brief-error.js';

export interface TextLengthLimits {
  minTextChars: number;
  maxTextChars: number;
}

export interface TextLengthIssue {
  kind: 'empty' | 'too-short' | 'too-long';
  /** For the problem's `detail`: the whole story. */
  message: string;
  /** For the `errors` member at the text's pointer. */
  detail: string;
}

/** What is wrong with a normalised article's length, if anything. */
export function findTextLengthIssue(text: string, limits: TextLengthLimits): TextLengthIssue | undefined {
  if (text.length === 0) {
    return { kind: 'empty', message: 'The article text is empty.', detail: 'must not be empty or blank' };
  }
  if (text.length < limits.minTextChars) {
    return {
      kind: 'too-short',
      message: `The article text is too short to summarize: ${text.length} characters after normalisation, at least ${limits.minTextChars} are needed.`,
      detail: `must have at least ${limits.minTextChars} characters`,
    };
  }
  if (text.length > limits.maxTextChars) {
    return {
      kind: 'too-long',
      message: `The article text has ${text.length} characters after normalisation; at most ${limits.maxTextChars} are accepted.`,
      detail: `must have at most ${limits.maxTextChars} characters`,
    };
  }
  return undefined;
}

/** A single article: too short is a 422 at `/text`, too long a 413. */
export function checkTextLength(text: string, limits: TextLengthLimits): void {
  const issue = findTextLengthIssue(text, limits);
  if (issue === undefined) {
    return;
  }
  if (issue.kind === 'too-long') {
    throw new PayloadTooLargeError(issue.message, { extensions: { max_text_chars: limits.maxTextChars } });
  }
  throw new ValidationError(issue.message, [{ pointer: '/text', detail: issue.detail }]);
}
