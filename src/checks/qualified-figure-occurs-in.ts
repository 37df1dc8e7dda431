import type { Figure, NumberFigure } from './extract-figures.js';

/** How a summary qualifies a number: "rund 100", "more than 100", "knapp 100", "bis zu 100". */
export type NumberQualifier = 'about' | 'nearly' | 'more' | 'atLeast' | 'less' | 'atMost';

const QUALIFIER_WORDS: Readonly<Record<NumberQualifier, readonly string[]>> = {
  about: [
    'rund',
    'etwa',
    'ungefähr',
    'circa',
    'ca.',
    'zirka',
    'about',
    'around',
    'roughly',
    'approximately',
    'some',
    'an estimated',
  ],
  nearly: ['knapp', 'fast', 'beinahe', 'nahezu', 'nearly', 'almost', 'just under', 'close to'],
  more: ['mehr als', 'über', 'gut', 'more than', 'over', 'just over', 'upwards of'],
  atLeast: ['mindestens', 'wenigstens', 'at least'],
  less: ['weniger als', 'unter', 'less than', 'fewer than', 'under'],
  atMost: ['höchstens', 'maximal', 'bis zu', 'at most', 'up to'],
};

const escapeForPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const QUALIFIER_OF_WORDS = new Map(
  Object.entries(QUALIFIER_WORDS).flatMap(([qualifier, words]) =>
    words.map((words) => [words, qualifier as NumberQualifier] as const),
  ),
);
// The qualifier ends right before the figure; the pattern reads only a short slice before it.
const QUALIFIER_BEFORE = new RegExp(
  `(?<!\\p{L})(${[...QUALIFIER_OF_WORDS.keys()]
    .sort((left, right) => right.length - left.length)
    .map(escapeForPattern)
    .join('|')})[ \\u00A0]$`,
  'iu',
);
const LONGEST_QUALIFIER = Math.max(...[...QUALIFIER_OF_WORDS.keys()].map((words) => words.length)) + 2;

/** The qualifier written right before a figure that starts at `at` in `text`, if any. */
export function qualifierBefore(text: string, at: number): NumberQualifier | undefined {
  const before = text.slice(Math.max(0, at - LONGEST_QUALIFIER), at);
  const words = QUALIFIER_BEFORE.exec(before)?.[1];
  return words === undefined ? undefined : QUALIFIER_OF_WORDS.get(words.toLowerCase());
}

// "rund 100" stands for 90 to 110; "mehr als 100" for up to 200; "weniger als 100" for down to 50.
const ABOUT_TOLERANCE = 0.1;
const BOUND_FACTOR = 2;

function agrees(stated: number, qualifier: NumberQualifier, value: number): boolean {
  switch (qualifier) {
    case 'about':
      return Math.abs(value - stated) <= ABOUT_TOLERANCE * Math.abs(stated);
    case 'nearly':
      return value <= stated && value >= stated * (1 - ABOUT_TOLERANCE);
    case 'more':
    case 'atLeast':
      return value >= stated && value <= stated * BOUND_FACTOR;
    case 'less':
    case 'atMost':
      return value <= stated && value >= stated / BOUND_FACTOR;
  }
}

/**
 * Whether the source states a number that a qualified figure of a summary fairly stands for: "more than
 * 100" for 103 does, "about 200" for 103 does not.
 */
export function qualifiedFigureOccursIn(
  figure: Figure,
  qualifier: NumberQualifier,
  source: readonly Figure[],
): boolean {
  if (figure.kind !== 'number') return false;
  const stated: NumberFigure = figure;
  return source.some(
    (candidate) =>
      candidate.kind === 'number' &&
      candidate.percent === stated.percent &&
      agrees(stated.value, qualifier, candidate.value),
  );
}
