import { CHECK_INPUT_LIMITS } from '../../src/checks/summary-input-schema.js';

const FIRST = ['Kai', 'Franziska', 'Olaf', 'Annalena', 'Markus', 'Hendrik', 'Manuela', 'Boris'];
const LAST = ['Wegner', 'Giffey', 'Scholz', 'Baerbock', 'Söder', 'Wüst', 'Schwesig', 'Pistorius'];
const PLACES = ['Berlin', 'Hamburg', 'München', 'Köln', 'Leipzig', 'Dresden', 'Bremen', 'Kiel'];

const pick = (list: string[], index: number) => list[index % list.length] ?? '';

/** A sentence dense with a person, a place, figures and a quotation; `suffix` makes names the source lacks. */
function sentence(index: number, suffix = ''): string {
  const person = `${pick(FIRST, index)} ${pick(LAST, index >> 3)}${suffix}`;
  const place = `${pick(PLACES, index >> 6)}${suffix}`;
  return `Laut ${person} stiegen die Kosten in ${place} am ${(index % 28) + 1}. März um ${index % 97},${index % 10} Prozent auf ${1_000 + index} Millionen Euro: „Wir zahlen ${index} Euro mehr für ${place}“, sagte ${person}.`;
}

/** Sentences from `start` on, joined until `chars` characters, cut there. */
function fill(chars: number, start: number, suffix = ''): string {
  let text = '';
  for (let index = start; text.length < chars; index += 1) text += `${sentence(index, suffix)} `;
  return text.slice(0, chars);
}

/**
 * The costliest valid `/v1/checks` body we know: a source of `sourceChars` full of figures, quotations
 * and names, and both outputs at every input limit, half their names and figures absent from it.
 */
export function craftedCheckRequest(sourceChars = 60_000, variant = 0) {
  const limits = CHECK_INPUT_LIMITS;
  const summary = (suffix: string) => ({
    headline: fill(limits.headlineMaxChars, variant, suffix),
    summary: fill(limits.summaryMaxChars, variant + 5, suffix),
    key_points: Array.from({ length: limits.keyPointsMax }, (_, index) => ({
      text: fill(limits.keyPointMaxChars, variant + index * 7, index % 2 === 0 ? suffix : ''),
      evidence: fill(limits.evidenceMaxChars, variant + index * 11, index % 2 === 0 ? '' : suffix),
    })),
  });
  return { text: fill(sourceChars, variant), summaries: { en: summary('mann'), de: summary('er') } };
}
