import type { SummaryLanguage } from './check-report-schema.js';

const DIGIT_GROUP_SPACES = /[ \u00A0\u202F\u2009]/g;

/**
 * Reads a number written in German or English notation: `1.000,5` and `1,000.5` are both
 * 1000.5. Only a single separator followed by exactly three digits is ambiguous (`1.000`,
 * `1,000`): there the language of the text decides, as a reader of that text would.
 */
export function parseLocalizedNumber(written: string, language: SummaryLanguage): number | undefined {
  const compact = written.replace(DIGIT_GROUP_SPACES, '');
  if (!/^\d+(?:[.,]\d+)*$/.test(compact)) return undefined;
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let decimalSeparator: '.' | ',' | undefined;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalSeparator = lastDot > lastComma ? '.' : ',';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? '.' : ',';
    const parts = compact.split(separator);
    const groupsOfThree = parts.slice(1).every((part) => part.length === 3);
    if (parts.length > 2) {
      decimalSeparator = undefined;
    } else if (groupsOfThree) {
      const groupSeparator = language === 'de' ? '.' : ',';
      decimalSeparator = separator === groupSeparator ? undefined : separator;
    } else {
      decimalSeparator = separator;
    }
  }
  const [integerPart = '', fractionPart] =
    decimalSeparator === undefined ? [compact] : splitAtLast(compact, decimalSeparator);
  const digits = integerPart.replace(/[.,]/g, '');
  const value = Number(fractionPart === undefined ? digits : `${digits}.${fractionPart}`);
  return Number.isFinite(value) ? value : undefined;
}

function splitAtLast(text: string, separator: string): [string, string] {
  const at = text.lastIndexOf(separator);
  return [text.slice(0, at), text.slice(at + 1)];
}
