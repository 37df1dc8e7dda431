import type { Problem } from './api-types.js';
import { element } from './element.js';
import { checkName, FIELD_NAMES, LANGUAGE_NAMES, quoteLanguage } from './labels.js';

export function hideProblem(problemBox: HTMLElement, textArea: HTMLTextAreaElement): void {
  problemBox.hidden = true;
  problemBox.textContent = '';
  textArea.removeAttribute('aria-invalid');
}

/** Shows a problem document as it came: title, detail, field errors, failed checks, request id. */
export function showProblem(problemBox: HTMLElement, textArea: HTMLTextAreaElement, problem: Problem): void {
  problemBox.textContent = '';
  problemBox.append(element('h2', 'problem-title', problem.title));
  problemBox.append(element('p', 'problem-detail', problem.detail));
  if (problem.errors.length > 0) {
    const list = element('ul', 'problem-errors');
    for (const issue of problem.errors) {
      const item = element('li');
      const pointer = typeof issue.pointer === 'string' ? issue.pointer : '';
      item.append(element('strong', null, FIELD_NAMES[pointer] || pointer), ` ${issue.detail ?? ''}`);
      list.append(item);
      if (pointer === '/text') {
        textArea.setAttribute('aria-invalid', 'true');
      }
    }
    problemBox.append(list);
  }
  if (problem.checkFailures.length > 0) {
    const failures = element('ul', 'problem-checks');
    for (const failure of problem.checkFailures) {
      const item = element('li');
      const language = LANGUAGE_NAMES[failure.language] ?? failure.language;
      item.append(
        element('strong', null, `${checkName(failure.check)} check, ${language} ${failure.field}: `),
      );
      if (failure.text) {
        const quoted = element('q', null, failure.text);
        quoted.lang = quoteLanguage(failure.language);
        item.append(quoted, ' ');
      }
      item.append(failure.detail ?? '');
      failures.append(item);
    }
    problemBox.append(failures);
  }
  if (problem.retryAfter) {
    problemBox.append(element('p', 'problem-retry', `Try again in ${problem.retryAfter} seconds.`));
  }
  if (problem.requestId) {
    const reference = element('p', 'problem-request-id', 'Request ID: ');
    reference.append(element('code', null, problem.requestId));
    problemBox.append(reference);
  }
  problemBox.hidden = false;
}
