import type { CheckFailure, SummaryLanguage } from './check-report-schema.js';
import { detectLanguage } from './detect-language.js';
import { keyPointFields, summaryFields } from './summary-fields.js';
import type { SummaryInput } from './summary-input-schema.js';

// Below this length detection is shaky (names and loanwords dominate), so it needs a clear lead.
const SHORT_FIELD_CHARS = 40;
const SHORT_FIELD_MARGIN = 0.15;
const LONG_FIELD_MARGIN = 0.02;

const LANGUAGE_NAMES: Readonly<Record<SummaryLanguage, string>> = { en: 'English', de: 'German' };

function readsAsOtherLanguage(text: string, expected: SummaryLanguage): { other: boolean; detail: string } {
  const other: SummaryLanguage = expected === 'en' ? 'de' : 'en';
  const scores = detectLanguage(text);
  const margin = text.trim().length < SHORT_FIELD_CHARS ? SHORT_FIELD_MARGIN : LONG_FIELD_MARGIN;
  return {
    other: scores.reliable && scores[other] - scores[expected] >= margin,
    detail: `The text reads as ${LANGUAGE_NAMES[other]}, not ${LANGUAGE_NAMES[expected]} (language scores: ${other} ${scores[other].toFixed(2)}, ${expected} ${scores[expected].toFixed(2)}).`,
  };
}

/** Every field of the `de` output must be German and every field of the `en` output English. */
export function checkLanguage(language: SummaryLanguage, summary: SummaryInput): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const { field, text } of summaryFields(summary)) {
    if (text.trim().length === 0) continue;
    const { other, detail } = readsAsOtherLanguage(text, language);
    if (other) failures.push({ check: 'language', language, field, text, detail });
  }
  // Key points too short to judge one by one are judged together.
  const keyPoints = keyPointFields(summary);
  const allShort = keyPoints.every((point) => point.text.trim().length < SHORT_FIELD_CHARS);
  const flagged = failures.some((failure) => failure.field.startsWith('key_points'));
  if (keyPoints.length > 1 && allShort && !flagged) {
    const joined = keyPoints.map((point) => point.text.trim().replace(/[.!?]?$/, '.')).join(' ');
    const { other, detail } = readsAsOtherLanguage(joined, language);
    if (other) failures.push({ check: 'language', language, field: 'key_points', text: joined, detail });
  }
  return failures;
}
