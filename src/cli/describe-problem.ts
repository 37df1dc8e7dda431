import type { ProblemDocument } from '../http/problem-document.js';

/** A problem document for a person at a terminal: title, status and detail, then each pointer. */
export function describeProblem(problem: ProblemDocument): string {
  const status = problem.status > 0 ? ` (${problem.status})` : '';
  const lines = [`${problem.title}${status}: ${problem.detail}`];
  for (const error of problem.errors ?? []) {
    lines.push(`  ${error.pointer || '(body)'}: ${error.detail}`);
  }
  return lines.join('\n');
}
