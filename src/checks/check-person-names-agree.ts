import { capitalisedSpans, type WordToken } from './capitalised-spans.js';
import type { CheckFailure, SummaryLanguage } from './check-report-schema.js';
import { createNameMatcher, exonymsOf } from './create-name-matcher.js';
import {
  hasGermanNounEnding,
  isCommonWord,
  isFollowedByGermanTitle,
  isGermanTitle,
  withoutPossessive,
} from './name-words.js';
import { type SummaryField, summaryFields } from './summary-fields.js';
import type { SummaryInput } from './summary-input-schema.js';

/**
 * Runs of two or more name words that the source confirms: "Matthew Miller", "Kim Jong Un".
 * In German, where nouns are capitalised too, only runs next to a title count as a person.
 */
function personNames(
  fields: SummaryField[],
  language: SummaryLanguage,
  matchesSource: (name: string) => boolean,
): Array<{ name: string; field: string }> {
  const isNameWord = (token: WordToken) =>
    !token.acronym &&
    token.text.length > 1 &&
    !isCommonWord(token.text, language) &&
    exonymsOf(withoutPossessive(token.text)) === undefined &&
    !(language === 'de' && (hasGermanNounEnding(token.text) || isGermanTitle(token.text))) &&
    matchesSource(token.text);
  const names: Array<{ name: string; field: string }> = [];
  for (const { field, text } of fields) {
    for (const span of capitalisedSpans(text)) {
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
  matchesSource: (name: string) => boolean = createNameMatcher(source),
): CheckFailure[] {
  const { en, de } = summaries;
  if (en === undefined || de === undefined) return [];
  const failures: CheckFailure[] = [];
  for (const [language, summary, otherLanguage, other] of [
    ['en', en, 'de', de],
    ['de', de, 'en', en],
  ] as const) {
    const mentionedInOther = createNameMatcher(
      summaryFields(other)
        .map((field) => field.text)
        .join('\n'),
    );
    const reported = new Set<string>();
    for (const { name, field } of personNames(summaryFields(summary), language, matchesSource)) {
      if (reported.has(name)) continue;
      reported.add(name);
      if (name.split(' ').some((word) => word.length >= 3 && mentionedInOther(word))) continue;
      failures.push({
        check: 'names',
        language,
        field,
        text: name,
        detail: `'${name}' is named in the ${language} output but nowhere in the ${otherLanguage} headline, summary or key points.`,
      });
    }
  }
  return failures;
}
