import type { CheckFailure, Checks } from './api-types.js';
import { element } from './element.js';
import { checkName, quoteLanguage } from './labels.js';
import { summaryColumn } from './page-elements.js';

/** The text a field shows, without any warning already added to it. */
function contentOf(target: Element | null): Element | null {
  if (!target) {
    return null;
  }
  if (target.tagName === 'P') {
    return target;
  }
  return target.querySelector('blockquote, .key-point-text');
}

/** Marks the first occurrence of the offending text inside the field, when it is only part of it. */
function highlight(content: Element | null, text: string | undefined): boolean {
  if (!content || !text || content.textContent?.trim() === text.trim()) {
    return false;
  }
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node instanceof Text) || node.parentElement?.tagName === 'MARK') {
      continue;
    }
    const index = node.data.indexOf(text);
    if (index >= 0) {
      const match = node.splitText(index);
      match.splitText(text.length);
      const mark = element('mark', 'flagged');
      match.replaceWith(mark);
      mark.append(match);
      return true;
    }
  }
  return false;
}

/** The offending text is marked in the field itself; it is quoted only where it could not be. */
function warningNode(failure: CheckFailure, shownInField: boolean): HTMLElement {
  const note = element('p', 'warning');
  note.lang = 'en';
  note.append(element('strong', null, `${checkName(failure.check)} check: `));
  if (failure.text && !shownInField) {
    const quoted = element('q', null, failure.text);
    quoted.lang = quoteLanguage(failure.language);
    note.append(quoted, ' ');
  }
  note.append(failure.detail ?? '');
  return note;
}

function placeWarning(results: HTMLElement, failure: CheckFailure): void {
  const column = summaryColumn(results, failure.language);
  if (!column) {
    return;
  }
  const target = column.querySelector(`[data-field="${String(failure.field).replace(/"/g, '')}"]`);
  const content = contentOf(target);
  const wholeField = Boolean(content && failure.text && content.textContent?.trim() === failure.text.trim());
  const shownInField = wholeField || highlight(content, failure.text);
  const note = warningNode(failure, shownInField);
  if (target) {
    target.classList.add('has-warning');
    if (target.tagName === 'P') {
      target.insertAdjacentElement('afterend', note);
    } else {
      target.append(note);
    }
    return;
  }
  const columnWarnings = column.querySelector<HTMLElement>('[data-warnings]');
  if (columnWarnings) {
    columnWarnings.append(note);
    columnWarnings.hidden = false;
  }
}

/** The checks' verdict above the columns, and each failure next to the field it is about. */
export function renderChecks(checksBox: HTMLElement, results: HTMLElement, checks: Checks | undefined): void {
  checksBox.textContent = '';
  checksBox.className = 'checks';
  if (!checks || !Array.isArray(checks.failures)) {
    checksBox.hidden = true;
    return;
  }
  const { failures } = checks;
  if (checks.passed && failures.length === 0) {
    checksBox.classList.add('passed');
    checksBox.append(
      element(
        'p',
        null,
        '✓ All fact checks passed: figures, quotations, names, language and lengths agree with the article.',
      ),
    );
  } else {
    checksBox.classList.add('failed');
    const warnings = failures.length === 1 ? ' check warning' : ' check warnings';
    checksBox.append(
      element(
        'p',
        null,
        `⚠ ${failures.length}${warnings}: review the highlighted passages before publishing.`,
      ),
    );
  }
  checksBox.hidden = false;
  for (const failure of failures) {
    placeWarning(results, failure);
  }
}
