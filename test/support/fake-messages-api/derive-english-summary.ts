import type { SummaryLimits } from '../../../src/summarize/summary-schema.js';
import { composeKeyPoints, composeSummary, shortenHeadline } from './compose-summary.js';
import type { DerivedLanguageSummary } from './derive-german-summary.js';
import type { EvidenceSource } from './evidence-source.js';
import type { ArticleFacts } from './extract-facts.js';

const SUMMARY_TARGET_SENTENCES = 3;

// English templates that carry only names and numbers found in the article, so a fact check finds
// nothing invented and a language detector sees English. No quotation marks.
const NAME_KEY_POINTS = [
  (name: string) => `The report mentions ${name} in connection with the events.`,
  (name: string) => `The article also refers to ${name} when it describes what happened.`,
  (name: string) => `According to the report, ${name} plays a part in the story as well.`,
  (name: string) => `The text names ${name} among those involved in the matter.`,
];
const NUMBER_KEY_POINTS = [
  (number: string) => `The article cites the figure ${number} in its account of the events.`,
  (number: string) => `The number ${number} also appears in the report as a relevant detail.`,
  (number: string) => `The report gives the figure ${number} when it explains the situation.`,
];
const ENGLISH_FILLERS = [
  'The article describes the main events in some detail.',
  'It also reports reactions from the people who are involved.',
  'The report outlines what is expected to happen next.',
  'Further background on the situation is given in the text.',
  'The article places the events in a wider context for the reader.',
  'The report explains why the matter is seen as important.',
  'The text describes how the situation has developed so far.',
  'It notes that some questions about the matter are still open.',
  'The article summarizes the positions of the parties involved.',
  'The report ends with a short look at the consequences.',
  'The text gives the reader an overview of the main facts.',
  'It also points out what remains uncertain at this stage.',
];
const ENGLISH_SHORT_FILLERS = ['There is news.', 'Details follow.', 'More is open.', 'That is all.'];
const FALLBACK_HEADLINES = ['Report on the latest developments in the news', 'News report', 'News'];

function clamp(value: number, minimum: number, maximum: number): number {
  return Math.min(Math.max(value, minimum), maximum);
}

// Names stay out of the headline: a short English line around German names reads as German.
function headlineFor(_facts: ArticleFacts, maxChars: number): string {
  const candidates = FALLBACK_HEADLINES;
  return candidates.find((candidate) => candidate.length <= maxChars) ?? shortenHeadline('News', maxChars);
}

function summaryCandidates(facts: ArticleFacts): string[] {
  const [firstName, secondName] = facts.names;
  const [firstNumber] = facts.numbers;
  return [
    firstName === undefined
      ? 'The article reports on a current news story and the people involved in it.'
      : `The article reports on developments involving ${firstName}.`,
    'It gives further details and reactions from those involved.',
    firstNumber === undefined
      ? 'The report also describes the background of the events.'
      : `The report also cites the figure ${firstNumber} in its account of the events.`,
    secondName === undefined
      ? 'It closes with a short look at what may happen next.'
      : `It also mentions ${secondName} as part of the story.`,
    // Without names: the same shape, for tight character limits.
    'The article reports on a current news story.',
    'It gives further details and reactions.',
    'The report also describes the background.',
    ...ENGLISH_SHORT_FILLERS,
  ];
}

/** The English summary: templates carrying the article's names and numbers, evidence from the article. */
export function deriveEnglishSummary(
  facts: ArticleFacts,
  sentences: readonly string[],
  limits: SummaryLimits,
  evidence: EvidenceSource,
): DerivedLanguageSummary {
  const summary =
    composeSummary(summaryCandidates(facts), {
      minSentences: limits.summaryMinSentences,
      maxSentences: limits.summaryMaxSentences,
      targetSentences: clamp(
        SUMMARY_TARGET_SENTENCES,
        limits.summaryMinSentences,
        limits.summaryMaxSentences,
      ),
      maxChars: limits.summaryMaxChars,
    }) ?? ENGLISH_SHORT_FILLERS.slice(0, limits.summaryMinSentences).join(' ');

  const sentenceWith = (fact: string) => sentences.find((sentence) => sentence.includes(fact));
  const named = facts.names.map((name, index) => ({
    text: NAME_KEY_POINTS[index % NAME_KEY_POINTS.length]?.(name) ?? '',
    fact: name as string | undefined,
  }));
  const numbered = facts.numbers.map((number, index) => ({
    text: NUMBER_KEY_POINTS[index % NUMBER_KEY_POINTS.length]?.(number) ?? '',
    fact: number as string | undefined,
  }));
  const fillers = ENGLISH_FILLERS.map((text) => ({ text, fact: undefined }));
  // Names and numbers mixed, so a short list still carries both.
  const facted = [...named.slice(0, 2), ...numbered.slice(0, 1), ...named.slice(2), ...numbered.slice(1)];
  const keyPoints = composeKeyPoints([...facted, ...fillers], limits.keyPointsTarget);

  return {
    headline: headlineFor(facts, limits.headlineMaxChars),
    summary,
    key_points: keyPoints.map((point) => ({
      text: point.text,
      evidence:
        point.fact === undefined
          ? evidence.from(undefined)
          : evidence.from(sentenceWith(point.fact), point.fact),
    })),
  };
}
