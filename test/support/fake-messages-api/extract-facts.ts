import { splitSentences } from '../../../src/summarize/count-sentences.js';

/** Names taken verbatim from an article, and numbers with the same value in English notation. */
export interface ArticleFacts {
  names: string[];
  numbers: string[];
}

const MAX_NAMES = 4;
const MAX_NUMBERS = 3;
const MAX_NAME_WORDS = 3;

// Capitalized German words that start noun phrases or sentences but never name anyone.
const NOT_NAMES = new Set(
  (
    'Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Kein Keine Im Am Beim Vom Zum Zur Ins Ans ' +
    'Auf In An Mit Nach Bei Für Von Aus Als Auch Aber Und Oder Wie Was Wer Wo Wann Warum Es Er Sie Wir Ihr ' +
    'Ich Man Dies Diese Dieser Dieses Diesen Jene So Doch Nun Noch Nicht Laut Seit Bis Um Über Unter Vor ' +
    'Zu Wenn Weil Dass Da Dort Hier Heute Gestern Morgen Jetzt Damit Dabei Dazu Denn Ob Mehr Alle Viele ' +
    'Sein Seine Ihre Unser Unsere Mein Meine Dann Schon Sogar Zudem Zwar Trotz Trotzdem Gegen Ohne Durch ' +
    'Neben Zwischen Während Wegen Außerdem Allerdings Bereits Erst Nur Immer Auch Schließlich Mittlerweile ' +
    'Insgesamt Derzeit Zuletzt Zunächst Demnach Deshalb Daher Darüber Darauf Dagegen Denen Deren Dessen ' +
    'Welche Welcher Welches Jeder Jede Jedes Einige Manche Andere Anderen Beide Beiden Etwa Rund Knapp ' +
    'Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Februar März April Mai Juni Juli ' +
    'August September Oktober November Dezember Prozent Euro Millionen Milliarden Jahr Jahre Jahren ' +
    'Ende Anfang Mitte Tag Tage Tagen Woche Wochen Monat Monate Monaten Zwei Drei Vier Fünf Zehn Hunderte ' +
    'Tausende Sollte Nachdem Wobei Kann Muss Soll Will Wird Werden Hat Haben Ist Sind War Waren Gibt'
  ).split(' '),
);

const CAPITALIZED_WORD = /^\p{Lu}[\p{L}\p{M}-]*$/u;
const ACRONYM = /^\p{Lu}{2,}/u;
// At the start of a sentence, "Neue", "Kritische" or "Weiterer" is an adjective, not part of a name.
const INFLECTED_ADJECTIVE = /(e|es|er|en|em)$/u;
// Letters, digits and hyphens are word; anything else around a word ends a run of capitalized words.
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
// Not part of a date or code ("2024-06", "21/22"), nor a decimal's second half.
const NUMBER = /(?<![\p{L}\p{N}.,/-])\d+(?:[.,]\d+)*(?![\p{L}\p{N}/-])/gu;
// A number before these is a larger amount ("72 Milliarden"), a time ("1.15 Uhr") or an ordinal date.
const NOT_A_PLAIN_NUMBER_AFTER =
  /^(?:\.(?=\s)|\s+(?:Million|Millionen|Milliarde|Milliarden|Mio|Mrd|Billion|Billionen|Tausend|Uhr)\b)/u;

interface Candidate {
  text: string;
  count: number;
  firstSeen: number;
}

function isNameWord(word: string): boolean {
  return CAPITALIZED_WORD.test(word) && !NOT_NAMES.has(word);
}

function occurrences(article: string, text: string): number {
  return article.split(text).length - 1;
}

/** Runs of capitalized words inside sentences, split wherever punctuation touches a word. */
function capitalizedRuns(article: string): { words: string[]; sentenceStart: boolean }[] {
  const runs: { words: string[]; sentenceStart: boolean }[] = [];
  for (const sentence of splitSentences(article)) {
    let run: string[] = [];
    let runStart = 0;
    const close = () => {
      if (run.length > 0) {
        runs.push({ words: run, sentenceStart: runStart === 0 });
      }
      run = [];
    };
    sentence
      .split(/\s+/)
      .filter(Boolean)
      .forEach((token, index) => {
        const word = token.replace(EDGE_PUNCTUATION, '');
        const leadingPunctuation = word.length > 0 && !token.startsWith(word);
        const trailingPunctuation = word.length > 0 && !token.endsWith(word);
        if (leadingPunctuation) {
          close();
        }
        if (isNameWord(word)) {
          if (run.length === 0) {
            runStart = index;
          }
          run.push(word);
        } else {
          close();
        }
        if (trailingPunctuation) {
          close();
        }
      });
    close();
  }
  return runs;
}

function rank(candidates: Map<string, Candidate>): string[] {
  return [...candidates.values()]
    .sort((left, right) => right.count - left.count || left.firstSeen - right.firstSeen)
    .map((candidate) => candidate.text);
}

function extractNames(article: string): string[] {
  const multiWord = new Map<string, Candidate>();
  const singleWord = new Map<string, Candidate>();
  for (const run of capitalizedRuns(article)) {
    const adjectiveFirst =
      run.sentenceStart && run.words.length > 1 && INFLECTED_ADJECTIVE.test(run.words[0] ?? '');
    const words = adjectiveFirst ? run.words.slice(1) : run.words;
    const text = words.slice(0, MAX_NAME_WORDS).join(' ');
    const firstSeen = article.indexOf(text);
    if (firstSeen < 0 || multiWord.has(text) || singleWord.has(text)) {
      continue;
    }
    const count = occurrences(article, text);
    if (words.length > 1) {
      multiWord.set(text, { text, count, firstSeen });
    } else if ((!run.sentenceStart || adjectiveFirst) && (ACRONYM.test(text) || count > 1)) {
      // A lone capitalized word is only a name when it is an acronym or comes back mid-sentence:
      // German capitalizes every noun.
      singleWord.set(text, { text, count, firstSeen });
    }
  }
  const names: string[] = [];
  for (const name of [...rank(multiWord), ...rank(singleWord)]) {
    if (!names.some((chosen) => chosen.includes(name) || name.includes(chosen))) {
      names.push(name);
    }
  }
  return names.slice(0, MAX_NAMES);
}

/**
 * The same value in English notation, so a value-based fact check reads what the article says:
 * "90.000" becomes "90,000", "2,4" becomes "2.4". Undefined when the notation is ambiguous.
 */
function toEnglishNotation(written: string): string | undefined {
  if (/^\d+$/.test(written)) {
    return written;
  }
  if (/^\d{1,3}(?:\.\d{3})+$/.test(written)) {
    return written.replaceAll('.', ',');
  }
  if (/^\d+,\d+$/.test(written)) {
    return written.replace(',', '.');
  }
  if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(written)) {
    return written.replaceAll('.', ',').replace(/,(\d+)$/, '.$1');
  }
  return undefined;
}

function extractNumbers(article: string): string[] {
  const plain: string[] = [];
  const converted: string[] = [];
  for (const match of article.matchAll(NUMBER)) {
    const after = article.slice(match.index + match[0].length, match.index + match[0].length + 20);
    const english = toEnglishNotation(match[0]);
    if (english === undefined || NOT_A_PLAIN_NUMBER_AFTER.test(after)) {
      continue;
    }
    // Numbers written the same way in both languages first: they are verbatim as well.
    const list = english === match[0] ? plain : converted;
    if (!list.includes(english)) {
      list.push(english);
    }
  }
  return [...plain, ...converted].slice(0, MAX_NUMBERS);
}

export function extractFacts(article: string): ArticleFacts {
  return { names: extractNames(article), numbers: extractNumbers(article) };
}
