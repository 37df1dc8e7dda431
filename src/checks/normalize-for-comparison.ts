import { decodeHTML } from 'entities/decode';

const INVISIBLE_CHARACTERS = /[\u200B-\u200D\u2060\uFEFF]/g;
const SOFT_HYPHEN_AT_LINE_END = /\u00AD[ \t]*\r?\n[ \t]*/g;
const SOFT_HYPHEN = /\u00AD/g;
// "Bundes-\nregierung" is one word split by the layout; "US-\nRegierung" keeps its hyphen.
const HYPHENATED_LINE_BREAK = /(\p{L})-[ \t]*\r?\n[ \t]*(\p{Ll})/gu;
const HYPHEN_BEFORE_LINE_BREAK = /(\p{L})-[ \t]*\r?\n[ \t]*(?=\p{Lu}|\d)/gu;
const DOUBLE_QUOTATION_MARKS = /[„“”‟"«»❝❞〝〞＂]/g;
const SINGLE_QUOTATION_MARKS = /[‚‘’‛'‹›]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * Text as compared by the verbatim checks: HTML entities decoded, Unicode composed, and layout
 * and typography (whitespace, NBSP, soft and line-end hyphens, quotation mark and dash styles)
 * reduced to one form. Words, letters and their case are left as they are.
 */
export function normalizeForComparison(text: string): string {
  return decodeHTML(text)
    .normalize('NFC')
    .replace(INVISIBLE_CHARACTERS, '')
    .replace(SOFT_HYPHEN_AT_LINE_END, '')
    .replace(SOFT_HYPHEN, '')
    .replace(HYPHENATED_LINE_BREAK, '$1$2')
    .replace(HYPHEN_BEFORE_LINE_BREAK, '$1-')
    .replace(DOUBLE_QUOTATION_MARKS, '"')
    .replace(SINGLE_QUOTATION_MARKS, "'")
    .replace(DASHES, '-')
    .replace(/…/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
}
