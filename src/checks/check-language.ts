import { countFunctionWords } from '../language/count-function-words.js';
import type { CheckFailure, SummaryLanguage } from './check-report-schema.js';
import { detectLanguage } from './detect-language.js';
import { keyPointFields, summaryFields } from './summary-fields.js';
import type { SummaryInput } from './summary-input-schema.js';

// Below this length detection is shaky (names and loanwords dominate), so it needs a clear lead.
const SHORT_FIELD_CHARS = 40;
const SHORT_FIELD_MARGIN = 0.15;
const LONG_FIELD_MARGIN = 0.02;
// A field with this many function words of its language and a fourfold lead over the other's reads as its
// language without asking eld: on the check bench eld flags no such field, and the fields it flags have
// far smaller leads (bench/CHECKS.md).
const MIN_FUNCTION_WORDS = 3;
const MIN_FUNCTION_WORD_LEAD = 4;

const LANGUAGE_NAMES: Readonly<Record<SummaryLanguage, string>> = { en: 'English', de: 'German' };

function readsClearlyAs(text: string, expected: SummaryLanguage, other: SummaryLanguage): boolean {
  const counts = countFunctionWords(text);
  return counts[expected] >= MIN_FUNCTION_WORDS && counts[expected] >= MIN_FUNCTION_WORD_LEAD * counts[other];
}

/** Why the text reads as the other language, or `undefined` when it does not. */
function otherLanguageDetail(text: string, expected: SummaryLanguage): string | undefined {
  const other: SummaryLanguage = expected === 'en' ? 'de' : 'en';
  if (readsClearlyAs(text, expected, other)) return undefined;
  const scores = detectLanguage(text);
  const margin = text.trim().length < SHORT_FIELD_CHARS ? SHORT_FIELD_MARGIN : LONG_FIELD_MARGIN;
  if (!scores.reliable || scores[other] - scores[expected] < margin) return undefined;
  return `The text reads as ${LANGUAGE_NAMES[other]}, not ${LANGUAGE_NAMES[expected]} (language scores: ${other} ${scores[other].toFixed(2)}, ${expected} ${scores[expected].toFixed(2)}).`;
}

/** Every field of the `de` output must be German and every field of the `en` output English. */
export function checkLanguage(language: SummaryLanguage, summary: SummaryInput): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const { field, text } of summaryFields(summary)) {
    if (text.trim().length === 0) continue;
    const detail = otherLanguageDetail(text, language);
    if (detail !== undefined) failures.push({ check: 'language', language, field, text, detail });
  }
  // Key points too short to judge one by one are judged together.
  const keyPoints = keyPointFields(summary);
  const allShort = keyPoints.every((point) => point.text.trim().length < SHORT_FIELD_CHARS);
  const flagged = failures.some((failure) => failure.field.startsWith('key_points'));
  if (keyPoints.length > 1 && allShort && !flagged) {
    const joined = keyPoints.map((point) => point.text.trim().replace(/[.!?]?$/, '.')).join(' ');
    const detail = otherLanguageDetail(joined, language);
    if (detail !== undefined)
      failures.push({ check: 'language', language, field: 'key_points', text: joined, detail });
  }
  return failures;
}
