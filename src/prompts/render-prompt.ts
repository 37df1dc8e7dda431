import { hash } from 'node:crypto';
import type { SummaryLimits } from '../summarize/summary-schema.js';
import type { PromptVersion } from './prompt-registry.js';

export interface RenderedPrompt {
  system: string;
  user: string;
}

/**
 * The article's delimiter carries a digest of the article itself: text inside the article cannot
 * contain its own closing tag, so nothing in it can break out. Deterministic, so recordings replay.
 */
export function articleBoundary(article: string): string {
  return hash('sha256', article, 'hex').slice(0, 16);
}

function keyPointsInstruction(limits: SummaryLimits): string {
  if (limits.keyPointsMin === limits.keyPointsMax) {
    return `exactly ${limits.keyPointsMin} key points.`;
  }
  return `${limits.keyPointsTarget} key points (at least ${limits.keyPointsMin}, at most ${limits.keyPointsMax}).`;
}

export function renderPrompt(
  prompt: PromptVersion,
  input: { article: string; title?: string | undefined; limits: SummaryLimits },
): RenderedPrompt {
  const boundary = articleBoundary(`${input.title ?? ''}\n${input.article}`);
  const values: Record<string, string> = {
    headline_max_chars: String(input.limits.headlineMaxChars),
    summary_max_chars: String(input.limits.summaryMaxChars),
    summary_min_sentences: String(input.limits.summaryMinSentences),
    summary_max_sentences: String(input.limits.summaryMaxSentences),
    key_points_instruction: keyPointsInstruction(input.limits),
    // The title is article data too, so it travels inside the delimiters' protection: on its own tag.
    title_line: input.title ? `<title-${boundary}>${input.title}</title-${boundary}>\n` : '',
    boundary,
  };
  // One pass, so a placeholder-like string inside the article is never expanded.
  const user = prompt.userTemplate.replace(/\{\{(\w+)\}\}/g, (match, name: string) => {
    if (name === 'article') {
      return input.article;
    }
    return values[name] ?? match;
  });
  return { system: prompt.system, user };
}
