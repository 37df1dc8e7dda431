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

/**
 * Finds the next occurrence of a mark at or after a position, for positions that only grow. Each mark's
 * last answer is kept until the position passes it, so the text is read once per mark in all: a run of
 * unclosed opening marks does not search to the end of the text again for each one.
 */
function createNextMarkFinder(text: string): (mark: string, from: number) => number {
  const next = new Map<string, number>();
  return (mark, from) => {
    const known = next.get(mark);
    if (known !== undefined && (known >= from || known === -1)) return known;
    const found = text.indexOf(mark, from);
    next.set(mark, found);
    return found;
  };
}

/** The quoted passages of a text, outermost only, in order. */
export function extractQuotations(text: string): Quotation[] {
  const quotations: Quotation[] = [];
  const nextMark = createNextMarkFinder(text);
  OPENING_MARKS.lastIndex = 0;
  for (let opening = OPENING_MARKS.exec(text); opening !== null; opening = OPENING_MARKS.exec(text)) {
    const at = opening.index;
    const closers = CLOSERS[opening[0]] ?? '';
    const candidates = [...closers].map((closer) => nextMark(closer, at + 1)).filter((end) => end >= 0);
    const end = candidates.length === 0 ? -1 : Math.min(...candidates);
    // A closing mark may stand right after the longest quotation's last character.
    const inner = end < 0 || end > at + MAX_QUOTATION_LENGTH + 1 ? '' : text.slice(at + 1, end).trim();
    if (inner.length > 0) {
      quotations.push({ text: inner, at });
      OPENING_MARKS.lastIndex = end + 1;
    } else {
      OPENING_MARKS.lastIndex = at + 1;
    }
  }
  return quotations;
}
