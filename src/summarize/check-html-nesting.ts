import { createRequire } from 'node:module';
import { ValidationError } from '../errors/brief-error.js';

/**
 * How deep HTML elements may nest. Real article pages stay far below it; the converter's selector
 * engine recurses once per level and overflows the stack tens of thousands of levels down, and its
 * cost grows with depth long before that.
 */
export const MAX_HTML_DEPTH = 256;

const requireFromHere = createRequire(import.meta.url);

/**
 * Refuses HTML that nests deeper than `maxDepth`, in one streaming pass of the same parser the
 * converter builds its tree with (so the depth counted is the tree's), stopping at the first element
 * past the limit. Linear in the input and without recursion, whatever the input.
 */
export function checkHtmlNesting(html: string, maxDepth: number = MAX_HTML_DEPTH): void {
  const { Parser }: typeof import('htmlparser2') = requireFromHere('htmlparser2');
  let depth = 0;
  let tooDeep = false;
  const parser = new Parser({
    onopentag() {
      depth += 1;
      if (depth > maxDepth) {
        tooDeep = true;
        parser.pause();
      }
    },
    onclosetag() {
      depth -= 1;
    },
  });
  parser.end(html);
  if (tooDeep) {
    const detail = `The HTML nests elements more than ${maxDepth} deep.`;
    throw new ValidationError(detail, [{ pointer: '', detail }], {
      extensions: { max_html_depth: maxDepth },
    });
  }
}
