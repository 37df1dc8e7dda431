import { checkSummaries } from '../checks/index.js';
import { ValidationError } from '../errors/brief-error.js';
import { nameLanguage } from '../language/name-language.js';
import { htmlToArticleText } from '../summarize/html-to-article-text.js';
import type { CpuTask, CpuTaskResult } from './cpu-task.js';

/**
 * A worker thread's entry: calls the pure functions and nothing else. Errors other than a refused
 * HTML body reach the caller as the pool rejects the task.
 */
export default function runCpuTask(task: CpuTask): CpuTaskResult {
  switch (task.kind) {
    case 'warm-up':
      // Loads the converter and eld's database (both on first use) and compiles the hot paths once.
      htmlToArticleText('<p>Berlin, 1. Januar.</p>');
      nameLanguage('Berlin, 1. Januar.');
      checkSummaries({
        source: 'Berlin',
        summaries: { de: { headline: 'Berlin', summary: '', key_points: [] } },
      });
      return { kind: 'warm-up' };
    case 'check-summaries':
      return { kind: 'check-summaries', report: checkSummaries(task.input) };
    case 'name-language':
      return { kind: 'name-language', detected: nameLanguage(task.text) };
    case 'html-to-article-text':
      try {
        return { kind: 'html-to-article-text', text: htmlToArticleText(task.html) };
      } catch (error) {
        if (error instanceof ValidationError) {
          const { message, errors, extensions } = error;
          return { kind: 'html-refused', refused: { message, errors, extensions } };
        }
        throw error;
      }
  }
}
