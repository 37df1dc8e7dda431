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

/** The quoted passages of a text, outermost only, in order. */
export function extractQuotations(text: string): Quotation[] {
  const quotations: Quotation[] = [];
  let index = 0;
  while (index < text.length) {
    const closers = CLOSERS[text.charAt(index)];
    if (closers === undefined) {
      index += 1;
      continue;
    }
    let end = index + 1;
    while (end < text.length && end - index <= MAX_QUOTATION_LENGTH && !closers.includes(text.charAt(end)))
      end += 1;
    const inner = text.slice(index + 1, end).trim();
    if (end < text.length && closers.includes(text.charAt(end)) && inner.length > 0) {
      quotations.push({ text: inner, at: index });
      index = end + 1;
    } else {
      index += 1;
    }
  }
  return quotations;
}
