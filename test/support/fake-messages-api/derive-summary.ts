import { checkPersonNamesAgree } from '../../../src/checks/index.js';
import type { ModelLanguageSummary, ModelOutput } from '../../../src/summarize/summary-schema.js';
import { readArticleSentences } from './article-sentences.js';
import { deriveEnglishSummary } from './derive-english-summary.js';
import { type DerivedLanguageSummary, deriveGermanSummary } from './derive-german-summary.js';
import { createEvidenceSource } from './evidence-source.js';
import { extractFacts } from './extract-facts.js';
import type { OutputRequirements } from './read-output-requirements.js';

/** How the derived output should look: right, in the wrong language, or breaking the schema. */
export type SummaryVariant = 'valid' | 'wrong_language' | 'invalid';

// Past every limit a request can ask for in practice: 9 key points, a 300-character headline.
const INVALID_KEY_POINT_COUNT = 9;
const INVALID_HEADLINE_CHARS = 300;

function toOutputLanguage(summary: DerivedLanguageSummary, evidence: boolean): ModelLanguageSummary {
  const { headline, summary: text, key_points: keyPoints } = summary;
  return evidence
    ? { headline, summary: text, key_points: keyPoints }
    : { headline, summary: text, key_points: keyPoints.map((point) => point.text) };
}

function breakSchema(summary: DerivedLanguageSummary): DerivedLanguageSummary {
  const headline = `${summary.headline} `.repeat(
    Math.ceil(INVALID_HEADLINE_CHARS / (summary.headline.length + 1)),
  );
  const keyPoints = Array.from({ length: INVALID_KEY_POINT_COUNT }, (_, index) => {
    const point = summary.key_points[index % summary.key_points.length];
    return point ?? { text: 'Key point.', evidence: 'Key point.' };
  });
  return { ...summary, headline: headline.slice(0, INVALID_HEADLINE_CHARS), key_points: keyPoints };
}

/**
 * A real model names in English the people its German summary names. The templates cannot know
 * which capitalised words the names check reads as people, so ask it, and give every person the
 * German side names but the English side does not a key point of its own (replacing fillers last).
 */
function nameTheSamePeople(
  english: DerivedLanguageSummary,
  german: DerivedLanguageSummary,
  article: string,
): DerivedLanguageSummary {
  const missing = checkPersonNamesAgree(article, {
    en: toOutputLanguage(english, true),
    de: toOutputLanguage(german, true),
  })
    .filter((failure) => failure.language === 'de')
    .map((failure) => failure.text);
  if (missing.length === 0) {
    return english;
  }
  const keyPoints = [...english.key_points];
  for (const [index, name] of [...new Set(missing)].entries()) {
    const slot = keyPoints.length - 1 - index;
    const point = keyPoints[slot];
    if (slot < 0 || point === undefined) break;
    keyPoints[slot] = {
      text: `The report also names ${name} among those involved.`,
      evidence: point.evidence,
    };
  }
  return { ...english, key_points: keyPoints };
}

/**
 * A model output for `article` under the request's limits: German from the article's own sentences,
 * English from templates that only carry the article's names and numbers. With `evidence`, every key
 * point quotes 5 to 25 words of one article sentence verbatim.
 */
export function deriveSummary(
  article: string,
  requirements: OutputRequirements,
  variant: SummaryVariant = 'valid',
): ModelOutput {
  const sentences = readArticleSentences(article);
  const germanFromArticle = deriveGermanSummary(
    article,
    sentences,
    requirements.limits,
    createEvidenceSource(article, sentences),
  );
  // English names only people and places the German output names too, as a real model would:
  // the names check compares the two languages.
  const germanText = [
    germanFromArticle.headline,
    germanFromArticle.summary,
    ...germanFromArticle.key_points.map((point) => point.text),
  ].join(' ');
  const facts = extractFacts(article);
  const englishFromTemplates = deriveEnglishSummary(
    { ...facts, names: facts.names.filter((name) => germanText.includes(name)) },
    sentences,
    requirements.limits,
    createEvidenceSource(article, sentences),
  );
  const english = nameTheSamePeople(englishFromTemplates, germanFromArticle, article);
  const german = variant === 'wrong_language' ? english : germanFromArticle;
  const [en, de] = variant === 'invalid' ? [breakSchema(english), breakSchema(german)] : [english, german];
  return {
    en: toOutputLanguage(en, requirements.evidence),
    de: toOutputLanguage(de, requirements.evidence),
  };
}
