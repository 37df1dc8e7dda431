import { countSentences } from '../summarize/count-sentences.js';
import type { SummaryLimits } from '../summarize/summary-schema.js';
import type { CheckFailure, SummaryLanguage } from './check-report-schema.js';
import { keyPointFields } from './summary-fields.js';
import type { SummaryInput } from './summary-input-schema.js';

const LINE_BREAK = /[\r\n]/;

const count = (amount: number, noun: string) => `${amount} ${noun}${amount === 1 ? '' : 's'}`;

/** The field limits of `SummaryLimits`, measured as the output schema measures them (trimmed). */
export function checkLimits(
  language: SummaryLanguage,
  summary: SummaryInput,
  limits: SummaryLimits,
): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const fail = (field: string, text: string, detail: string) =>
    failures.push({ check: 'limits', language, field, text, detail });

  const headline = summary.headline.trim();
  if (headline.length === 0) fail('headline', summary.headline, 'The headline is empty.');
  if (headline.length > limits.headlineMaxChars) {
    fail(
      'headline',
      summary.headline,
      `The headline has ${headline.length} characters; the limit is ${limits.headlineMaxChars}.`,
    );
  }
  if (LINE_BREAK.test(headline)) fail('headline', summary.headline, 'The headline must be a single line.');

  const text = summary.summary.trim();
  if (text.length > limits.summaryMaxChars) {
    fail(
      'summary',
      summary.summary,
      `The summary has ${text.length} characters; the limit is ${limits.summaryMaxChars}.`,
    );
  }
  const sentences = countSentences(text);
  if (sentences < limits.summaryMinSentences || sentences > limits.summaryMaxSentences) {
    fail(
      'summary',
      summary.summary,
      `The summary has ${count(sentences, 'sentence')}; it must have ${limits.summaryMinSentences} to ${limits.summaryMaxSentences}.`,
    );
  }

  const keyPoints = summary.key_points.length;
  if (keyPoints < limits.keyPointsMin || keyPoints > limits.keyPointsMax) {
    const points = keyPointFields(summary);
    fail(
      'key_points',
      points.map((point) => point.text).join('\n'),
      `There are ${count(keyPoints, 'key point')}; there must be ${limits.keyPointsMin} to ${limits.keyPointsMax}.`,
    );
  }
  for (const point of keyPointFields(summary)) {
    const pointSentences = countSentences(point.text);
    if (pointSentences !== 1) {
      fail(
        point.field,
        point.text,
        pointSentences === 0
          ? 'The key point is empty.'
          : `The key point has ${count(pointSentences, 'sentence')}; each key point must be exactly one sentence.`,
      );
    }
  }
  return failures;
}
