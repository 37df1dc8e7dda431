/** Which closing marks end a quotation opened by each mark. */
const CLOSERS: Readonly<Record<string, string>> = {
  '„': '“”"', // German „…“; a straight or English closing mark is a common slip
  '“': '”“', // English “…”
  '"': '"',
  '»': '«', // German »…«
  '«': '»', // Swiss and French «…»
  '‚': '‘’', // German single ‚…‘
};
// English single quotes are left out: ’ is also the apostrophe ("Putin’s").

// A "quotation" longer than this is an unbalanced mark, not a quotation.
const MAX_QUOTATION_LENGTH = 1000;

export interface Quotation {
  /** The words between the marks. */
  text: string;
  /** Where the opening mark stands in the text. */
  at: number;
}

const OPENING_MARKS = new RegExp(`[${Object.keys(CLOSERS).join('')}]`, 'g');

/** Where the first of the closing marks stands in `from..to` (inclusive), or -1. */
function firstClosingMark(text: string, closers: string, from: number, to: number): number {
  let first = -1;
  for (const closer of closers) {
    const at = text.indexOf(closer, from);
    if (at >= 0 && at <= to && (first < 0 || at < first)) first = at;
  }
  return first;
}

/** The quoted passages of a text, outermost only, in order. */
export function extractQuotations(text: string): Quotation[] {
  const quotations: Quotation[] = [];
  OPENING_MARKS.lastIndex = 0;
  for (let opening = OPENING_MARKS.exec(text); opening !== null; opening = OPENING_MARKS.exec(text)) {
    const at = opening.index;
    const closers = CLOSERS[opening[0]] ?? '';
    // A closing mark may stand right after the longest quotation's last character.
    const end = firstClosingMark(text, closers, at + 1, at + MAX_QUOTATION_LENGTH + 1);
    const inner = end < 0 ? '' : text.slice(at + 1, end).trim();
    if (inner.length > 0) {
      quotations.push({ text: inner, at });
      OPENING_MARKS.lastIndex = end + 1;
    } else {
      OPENING_MARKS.lastIndex = at + 1;
    }
  }
  return quotations;
}
