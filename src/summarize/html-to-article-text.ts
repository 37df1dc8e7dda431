import { compile } from 'html-to-text';

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

// Compiled once: the converter is reused for every request.
const convert = compile({
  wordwrap: false,
  // The <article> element when there is one, else the whole document.
  baseElements: { selectors: ['article'], returnDomByDefault: true },
  selectors: [
    ...SKIPPED.map((selector) => ({ selector, format: 'skip' })),
    ...HEADINGS,
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'p', options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
  ],
});

/** An article page or CMS body as plain text: paragraphs and headings kept, chrome and credits dropped. */
export function htmlToArticleText(html: string): string {
  return convert(html);
}
