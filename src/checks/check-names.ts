import { type AnalyzedField, analyzeCheckInput, type CheckAnalysis } from './analyze-check-input.js';
import type { WordToken } from './capitalised-spans.js';
import type { CheckFailure, SummaryLanguage } from './check-report-schema.js';
import { mayBeginExonymPhrase } from './create-name-matcher.js';
import {
  hasGermanNounEnding,
  isCommonWord,
  isFollowedByGermanTitle,
  isGermanTitle,
  isInstitutionWord,
  isNonNameAcronym,
  withoutPossessive,
} from './name-words.js';
import { mayBeginPlacePhrase } from './place-forms-of.js';
import type { SummaryInput } from './summary-input-schema.js';

const MAX_EXONYM_WORDS = 4;
// A headline is in title case when most of its longer words are capitalised.
const TITLE_CASE_SHARE = 0.75;
const TITLE_CASE_MIN_WORDS = 3;

interface SpanContext {
  language: SummaryLanguage;
  matchesSource: (name: string) => boolean;
  exonymsOf: (name: string) => readonly string[] | undefined;
  /** Whether a word names a place the gazetteer knows: a name in either language, with no other cue. */
  isPlace: (word: string) => boolean;
  /** Whether the other language's output names this word too (then it is a name). */
  namedInOtherLanguage: (word: string) => boolean;
  /** An English title-case headline: its capitals say nothing. */
  titleCase: boolean;
  /** The span stands before a German title in apposition: "John Kirby, Sprecher des …". */
  beforeTitle: boolean;
}

function isTitleCase(headline: string): boolean {
  const long = headline.split(/\s+/).filter((word) => /^\p{L}{4,}/u.test(word));
  const capitalised = long.filter((word) => /^\p{Lu}/u.test(word));
  return long.length >= TITLE_CASE_MIN_WORDS && capitalised.length / long.length >= TITLE_CASE_SHARE;
}

/** Spelling-insensitive keys of some capitalised words of some fields, with their exonyms. */
function capitalisedKeys(
  fields: readonly AnalyzedField[],
  include: (token: WordToken) => boolean,
  { phoneticKeyOf, exonymsOf }: CheckAnalysis,
): Set<string> {
  const keys = new Set<string>();
  for (const { spans } of fields) {
    for (const span of spans) {
      for (const token of span) {
        if (!include(token)) continue;
        const word = withoutPossessive(token.text);
        keys.add(phoneticKeyOf(word));
        for (const form of exonymsOf(word) ?? []) keys.add(phoneticKeyOf(form));
      }
    }
  }
  return keys;
}

const COMPOUND_HYPHEN = /[-\u2010\u2011]/;
const CAPITALS_ONLY = /^\p{Lu}{2,}$/u;

/**
 * German compounds are judged by their parts: "US-Außenministeriums" has the name part "US". A place
 * with a hyphen ("Baden-Württemberg") stays whole.
 */
function splitCompounds(span: WordToken[], isPlace: (word: string) => boolean): WordToken[] {
  const parts: WordToken[] = [];
  for (const token of span) {
    // A span's words are capitalised, so a word without a hyphen is its own only part.
    if (!COMPOUND_HYPHEN.test(token.text) || isPlace(token.text)) {
      const { text, at, sentenceStart } = token;
      parts.push({ text, at, sentenceStart, acronym: CAPITALS_ONLY.test(text) });
      continue;
    }
    let offset = 0;
    token.text.split(COMPOUND_HYPHEN).forEach((part, index) => {
      const at = token.at + offset;
      offset += part.length + 1;
      if (!/^\p{Lu}/u.test(part)) return;
      const sentenceStart = token.sentenceStart && index === 0;
      parts.push({ text: part, at, sentenceStart, acronym: CAPITALS_ONLY.test(part) });
    });
  }
  return parts;
}

/** Multi-word exonyms in a span ("North Korea", "White House"), as [from, to) index ranges. */
function exonymPhrases(tokens: WordToken[], exonymsOf: SpanContext['exonymsOf']): Array<[number, number]> {
  const phrases: Array<[number, number]> = [];
  let index = 0;
  while (index < tokens.length) {
    let end = Math.min(tokens.length, index + MAX_EXONYM_WORDS);
    const first = tokens[index]?.text ?? '';
    if (end > index + 1 && !mayBeginExonymPhrase(first) && !mayBeginPlacePhrase(first)) end = index + 1;
    while (end > index + 1 && exonymsOf(wordsOf(tokens.slice(index, end))) === undefined) end -= 1;
    if (end > index + 1) phrases.push([index, end]);
    index = Math.max(end, index + 1);
  }
  return phrases;
}

const wordsOf = (tokens: WordToken[]) => tokens.map((token) => token.text).join(' ');

// "Federal Office for Migration and Refugees": the name goes on after these small words.
const INSTITUTION_NAME_GLUE = /^\s+(?:(?:of|for|and|on)(?:\s+the)?)\s+$/;

/**
 * Which English spans belong to an institution's name ("Federal Employment Agency",
 * "Ministry of Economic Affairs"): translated names of bodies, not people or places.
 */
function institutionSpans(text: string, spans: readonly WordToken[][]): boolean[] {
  const institution: boolean[] = [];
  spans.forEach((span, index) => {
    const previous = spans[index - 1];
    const previousEnd = previous?.at(-1);
    const first = span[0];
    const glued =
      institution[index - 1] === true &&
      previousEnd !== undefined &&
      first !== undefined &&
      INSTITUTION_NAME_GLUE.test(text.slice(previousEnd.at + previousEnd.text.length, first.at));
    institution.push(glued || (span.length > 1 && span.some((token) => isInstitutionWord(token.text))));
  });
  return institution;
}

/**
 * Which words of a span count as names. English capitalises only names, so any capitalised word
 * that is not common and not at a sentence start counts. German capitalises every noun, so a word
 * counts only with a cue: an acronym, the English output names it too, a title stands before or
 * after it, or two unexplained words stand together ("John Kirby").
 */
function nameWords(tokens: WordToken[], context: SpanContext, skip: (at: number) => boolean): boolean[] {
  const { language, matchesSource, namedInOtherLanguage } = context;
  // Each word's answers are read up to four times below: each is asked once.
  const common = tokens.map((token) => isCommonWord(token.text, language));
  const isName = tokens.map((token, at) => {
    if (skip(at)) return false;
    if (token.acronym) return !isNonNameAcronym(token.text);
    if (common[at]) return false;
    if (language === 'en')
      return context.titleCase || token.sentenceStart
        ? namedInOtherLanguage(token.text) || context.isPlace(token.text)
        : true;
    const previous = tokens[at - 1];
    return namedInOtherLanguage(token.text) || (previous !== undefined && isGermanTitle(previous.text));
  });
  if (language === 'en') return isName;

  const plain = tokens.map((token, at) => !skip(at) && !common[at] && !hasGermanNounEnding(token.text));
  // Only two or more unexplained words make a name: a span of one word (most German nouns) asks nothing.
  const unexplained =
    tokens.length < 2
      ? []
      : tokens.map((token, at) => plain[at] === true && !token.sentenceStart && !matchesSource(token.text));
  const pairOfUnexplained = unexplained.filter(Boolean).length >= 2;
  tokens.forEach((_token, at) => {
    if ((pairOfUnexplained && unexplained[at]) || (context.beforeTitle && plain[at])) isName[at] = true;
    // A name goes on after a cued word: "Außenminister Sergej Lawrow".
    if (at > 0 && isName[at - 1] && !skip(at) && !common[at]) isName[at] = true;
  });
  // A place is a name on its own, but the noun after it is not: "in Graz Gespräche führen".
  tokens.forEach((token, at) => {
    if (!skip(at) && !common[at] && context.isPlace(token.text)) isName[at] = true;
  });
  return isName;
}

/** The names in one span that the source never mentions; neighbouring words form one name. */
function unknownNamesInSpan(tokens: WordToken[], context: SpanContext): string[] {
  const { matchesSource } = context;
  if (tokens.length > 1 && matchesSource(wordsOf(tokens))) return [];
  const unknown = tokens.map(() => false);
  const phrases = exonymPhrases(tokens, context.exonymsOf);
  for (const [from, to] of phrases) {
    if (!matchesSource(wordsOf(tokens.slice(from, to)))) unknown.fill(true, from, to);
  }
  const inPhrase = (at: number) => phrases.some(([from, to]) => at >= from && at < to);
  nameWords(tokens, context, inPhrase).forEach((isName, at) => {
    const token = tokens[at];
    if (isName && token !== undefined && !matchesSource(token.text)) unknown[at] = true;
  });

  const names: string[] = [];
  let current: string[] = [];
  tokens.forEach((token, at) => {
    if (unknown[at]) current.push(token.text);
    if (!unknown[at] || at === tokens.length - 1) {
      if (current.length > 0) names.push(current.join(' '));
      current = [];
    }
  });
  return names;
}

/**
 * People and places named in a summary must be named in the source, in some inflection,
 * transliteration or exonym.
 */
export function checkNames(
  source: string,
  summaries: { en?: SummaryInput; de?: SummaryInput },
  analysis: CheckAnalysis = analyzeCheckInput(source, summaries),
): CheckFailure[] {
  const { fieldsOf, matchesSource, phoneticKeyOf, placeFormsOf } = analysis;
  // Multi-word places ("Bad Homburg", "Lake Constance") are read as one name, as exonyms are.
  const exonymsOf = (name: string) => analysis.exonymsOf(name) ?? placeFormsOf(name);
  const isPlace = (word: string) => placeFormsOf(withoutPossessive(word)) !== undefined;
  const englishNames = capitalisedKeys(
    fieldsOf('en'),
    (token) => !token.sentenceStart && !isCommonWord(token.text, 'en'),
    analysis,
  );
  const germanCapitalised = capitalisedKeys(
    fieldsOf('de'),
    (token) => !isCommonWord(token.text, 'de'),
    analysis,
  );

  const failures: CheckFailure[] = [];
  for (const language of ['en', 'de'] as const) {
    const otherKeys = language === 'en' ? germanCapitalised : englishNames;
    // German genitive: "Lawrows" is "Lawrow".
    const namedInOtherLanguage = (word: string) => {
      const bare = withoutPossessive(word);
      if (otherKeys.has(phoneticKeyOf(bare))) return true;
      return bare.endsWith('s') && otherKeys.has(phoneticKeyOf(bare.slice(0, -1)));
    };
    for (const { field, text, spans } of fieldsOf(language)) {
      const titleCase = language === 'en' && field === 'headline' && isTitleCase(text);
      const reported = new Set<string>();
      const institution = language === 'en' ? institutionSpans(text, spans) : [];
      for (const [index, span] of spans.entries()) {
        if (institution[index]) continue;
        const last = span.at(-1);
        const beforeTitle =
          language === 'de' &&
          last !== undefined &&
          isFollowedByGermanTitle(text.slice(last.at + last.text.length));
        const tokens = language === 'de' ? splitCompounds(span, isPlace) : span;
        const context = {
          language,
          matchesSource,
          exonymsOf,
          isPlace,
          namedInOtherLanguage,
          titleCase,
          beforeTitle,
        };
        for (const name of unknownNamesInSpan(tokens, context)) {
          if (reported.has(name)) continue;
          reported.add(name);
          failures.push({
            check: 'names',
            language,
            field,
            text: name,
            detail: isPlace(name)
              ? `The place '${name}' does not occur in the article (in any inflection or under any of its names in German or English).`
              : `The name '${name}' does not occur in the article (in any inflection, spelling or translation).`,
          });
        }
      }
    }
  }
  return failures;
}
