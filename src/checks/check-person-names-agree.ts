import { type AnalyzedField, analyzeCheckInput, type CheckAnalysis } from './analyze-check-input.js';
import type { WordToken } from './capitalised-spans.js';
import type { CheckFailure, SummaryLanguage } from './check-report-schema.js';
import {
  hasGermanNounEnding,
  isCommonWord,
  isFollowedByGermanTitle,
  isGermanTitle,
  withoutPossessive,
} from './name-words.js';
import type { SummaryInput } from './summary-input-schema.js';

const LANGUAGE_NAMES: Readonly<Record<SummaryLanguage, string>> = { en: 'English', de: 'German' };

/**
 * Runs of two or more name words that the source confirms: "Matthew Miller", "Kim Jong Un".
 * In German, where nouns are capitalised too, only runs next to a title count as a person.
 */
function personNames(
  fields: readonly AnalyzedField[],
  language: SummaryLanguage,
  { matchesSource, exonymsOf }: CheckAnalysis,
): Array<{ name: string; field: string }> {
  const isNameWord = (token: WordToken) =>
    !token.acronym &&
    token.text.length > 1 &&
    !isCommonWord(token.text, language) &&
    exonymsOf(withoutPossessive(token.text)) === undefined &&
    !(language === 'de' && (hasGermanNounEnding(token.text) || isGermanTitle(token.text))) &&
    matchesSource(token.text);
  const names: Array<{ name: string; field: string }> = [];
  for (const { field, text, spans } of fields) {
    for (const span of spans) {
      // A name here is a run of two words or more: a span of one word (most German nouns) holds none.
      if (span.length < 2) continue;
      let run: WordToken[] = [];
      let before: WordToken | undefined;
      for (const token of [...span, undefined]) {
        if (token !== undefined && isNameWord(token)) {
          run.push(token);
          continue;
        }
        const last = run.at(-1);
        if (run.length >= 2 && last !== undefined) {
          const titled =
            (before !== undefined && isGermanTitle(before.text)) ||
            isFollowedByGermanTitle(text.slice(last.at + last.text.length));
          if (language === 'en' || titled) {
            names.push({ name: run.map((word) => withoutPossessive(word.text)).join(' '), field });
          }
        }
        run = [];
        before = token;
      }
    }
  }
  return names;
}

/**
 * A person whom the source and one language's output name must not be missing from the other
 * language's output altogether. Kept conservative: any word of the name there will do.
 */
export function checkPersonNamesAgree(
  source: string,
  summaries: { en?: SummaryInput; de?: SummaryInput },
  analysis: CheckAnalysis = analyzeCheckInput(source, summaries),
): CheckFailure[] {
  if (summaries.en === undefined || summaries.de === undefined) return [];
  const failures: CheckFailure[] = [];
  for (const [language, otherLanguage] of [
    ['en', 'de'],
    ['de', 'en'],
  ] as const) {
    const mentionedInOther = analysis.matchesOutput(otherLanguage);
    // Each person once, with every field that names them: the detail says where they do occur.
    const fieldsOfName = new Map<string, string[]>();
    for (const { name, field } of personNames(analysis.fieldsOf(language), language, analysis)) {
      const fields = fieldsOfName.get(name) ?? [];
      if (!fields.includes(field)) fields.push(field);
      fieldsOfName.set(name, fields);
    }
    for (const [name, fields] of fieldsOfName) {
      if (name.split(' ').some((word) => word.length >= 3 && mentionedInOther(word))) continue;
      failures.push({
        check: 'names',
        language,
        field: fields[0] ?? 'summary',
        text: name,
        detail: `${name} is named in the article and in the ${LANGUAGE_NAMES[language]} output (${fields.join(', ')}), but nowhere in the ${LANGUAGE_NAMES[otherLanguage]} output: both languages must state the same facts, so the ${LANGUAGE_NAMES[otherLanguage]} summary should name this person too (or neither should).`,
      });
    }
  }
  return failures;
}
