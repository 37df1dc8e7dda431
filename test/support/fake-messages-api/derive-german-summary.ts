import type { SummaryLimits } from '../../../src/summarize/summary-schema.js';
import { composeKeyPoints, composeSummary, shortenHeadline } from './compose-summary.js';
import type { EvidenceSource } from './evidence-source.js';

export interface DerivedKeyPoint {
  text: string;
  evidence: string;
}

export interface DerivedLanguageSummary {
  headline: string;
  summary: string;
  key_points: DerivedKeyPoint[];
}

const SUMMARY_TARGET_SENTENCES = 3;
// Longer article sentences make unwieldy key points; they are used only when nothing else is left.
const KEY_POINT_PREFERRED_MAX_CHARS = 300;
const FALLBACK_HEADLINE = 'Kurzmeldung ohne Titel';

// For articles too short to fill the limits: German sentences that state no fact.
const GERMAN_FILLERS = [
  'Der Bericht nennt dazu weitere Einzelheiten.',
  'Die Angaben stammen aus dem vorliegenden Artikel.',
  'Der Text schildert auch die Reaktionen der Beteiligten.',
  'Der Artikel beschreibt zudem den Hintergrund der Ereignisse.',
  'Wie es weitergeht, lässt der Bericht offen.',
  'Die Lage wird im Artikel genauer beschrieben.',
  'Weitere Einzelheiten sind dem Bericht zu entnehmen.',
  'Der Beitrag ordnet die Ereignisse kurz ein.',
  'Die Beteiligten kommen im Text ebenfalls zu Wort.',
  'Der Bericht fasst die wichtigsten Punkte zusammen.',
  'Eine Bewertung der Ereignisse enthält der Text nicht.',
  'Der Artikel endet mit einem kurzen Ausblick.',
];
const GERMAN_SHORT_FILLERS = ['Es gibt Neues.', 'Details folgen.', 'Mehr ist offen.', 'Das ist alles.'];

function clamp(value: number, minimum: number, maximum: number): number {
  return Math.min(Math.max(value, minimum), maximum);
}

/** The German summary, built from the article's own sentences. */
export function deriveGermanSummary(
  article: string,
  sentences: readonly string[],
  limits: SummaryLimits,
  evidence: EvidenceSource,
): DerivedLanguageSummary {
  const firstLine = article.split('\n').find((line) => line.trim().length > 0);
  const headline = shortenHeadline(sentences[0] ?? firstLine ?? FALLBACK_HEADLINE, limits.headlineMaxChars);
  const summary =
    composeSummary([...sentences, ...GERMAN_FILLERS, ...GERMAN_SHORT_FILLERS], {
      minSentences: limits.summaryMinSentences,
      maxSentences: limits.summaryMaxSentences,
      targetSentences: clamp(
        SUMMARY_TARGET_SENTENCES,
        limits.summaryMinSentences,
        limits.summaryMaxSentences,
      ),
      maxChars: limits.summaryMaxChars,
    }) ?? GERMAN_SHORT_FILLERS.slice(0, limits.summaryMinSentences).join(' ');

  const unused = sentences.filter((sentence) => !summary.includes(sentence));
  const used = sentences.filter((sentence) => summary.includes(sentence));
  const candidates = [
    ...unused.filter((sentence) => sentence.length <= KEY_POINT_PREFERRED_MAX_CHARS),
    ...unused.filter((sentence) => sentence.length > KEY_POINT_PREFERRED_MAX_CHARS),
    ...used,
  ].map((sentence) => ({ text: sentence, source: sentence as string | undefined }));
  const fillers = GERMAN_FILLERS.map((text) => ({ text, source: undefined }));
  const keyPoints = composeKeyPoints([...candidates, ...fillers], limits.keyPointsTarget);

  return {
    headline,
    summary,
    key_points: keyPoints.map((point) => ({ text: point.text, evidence: evidence.from(point.source) })),
  };
}
