import { createRequire } from 'node:module';
import type { HtmlToTextOptions } from 'html-to-text';
import { checkHtmlNesting, MAX_HTML_DEPTH } from './check-html-nesting.js';

const SKIPPED = [
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
  'footer',
  'form',
  'button',
  'iframe',
  'svg',
  'figure',
  'figcaption',
  'img',
  'picture',
  'video',
  'audio',
  '[role="navigation"]',
  '[aria-hidden="true"]',
  '.credit',
  '.caption',
];

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
  selector,
  options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 2 },
}));

const CONVERTER_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  // The <article> element when there is one, else the whole document.
  baseElements: { selectors: ['article'], returnDomByDefault: true },
  selectors: [
    ...SKIPPED.map((selector) => ({ selector, format: 'skip' })),
    ...HEADINGS,
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'p', options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
  ],
};

/**
 * html-to-text (and the HTML parser under it, ~60 files) is loaded on the first HTML body: an instance
 * that only ever sees JSON and plain text does not pay for it at start-up. Compiled once, then reused.
 */
const requireFromHere = createRequire(import.meta.url);
let convert: ((html: string) => string) | undefined;

/**
 * An article page or CMS body as plain text: paragraphs and headings kept, chrome and credits dropped.
 * HTML nested deeper than `maxDepth` is refused first (ValidationError): past it the converter's cost
 * grows with depth and, far enough down, its recursion overflows the stack.
 */
export function htmlToArticleText(html: string, maxDepth: number = MAX_HTML_DEPTH): string {
  checkHtmlNesting(html, maxDepth);
  if (convert === undefined) {
    const { compile }: typeof import('html-to-text') = requireFromHere('html-to-text');
    convert = compile(CONVERTER_OPTIONS);
  }
  return convert(html);
}
