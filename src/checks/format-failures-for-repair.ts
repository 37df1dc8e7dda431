import type { CheckFailure } from './check-report-schema.js';

const LANGUAGE_NAMES = { en: 'English', de: 'German' } as const;

function instructionFor(failure: CheckFailure): string {
  const place = `${failure.language}.${failure.field}`;
  switch (failure.check) {
    case 'figures':
      return `In ${place} the figure '${failure.text}' does not appear in the article. ${failure.detail} Use only figures the article states, with the same value, or leave the figure out.`;
    case 'quotations':
      return failure.language === 'de'
        ? `In ${place} the quotation „${failure.text}“ is not in the article word for word. Quote the article exactly, or paraphrase without quotation marks.`
        : `In ${place} the quotation "${failure.text}" does not translate a quotation of the article. ${failure.detail} Translate one of the article's quotations faithfully, or paraphrase without quotation marks.`;
    case 'names':
      return `In ${place} the name '${failure.text}' is a problem: ${failure.detail} Use only people and places the article names, and name the same ones in both languages.`;
    case 'language':
      return `${place} is not written in ${LANGUAGE_NAMES[failure.language]}. ${failure.detail} Write it in ${LANGUAGE_NAMES[failure.language]}.`;
    case 'limits':
      return `${place} breaks a limit: ${failure.detail} Rewrite it to respect the limit.`;
    case 'evidence':
      return `The evidence in ${place} ("${failure.text}") is not a passage of the article. Copy the supporting passage from the article character for character.`;
  }
}

/** A numbered list of precise instructions for asking the model to repair its output. */
export function formatFailuresForRepair(failures: readonly CheckFailure[]): string {
  return failures.map((failure, index) => `${index + 1}. ${instructionFor(failure)}`).join('\n');
}
