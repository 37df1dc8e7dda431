import type { KeyPoint, Summary } from './api-types.js';
import { element } from './element.js';
import type { PartialSummary } from './stream-summary.js';

export function keyPointText(point: KeyPoint): string {
  return typeof point === 'string' ? point : point.text;
}

/** Clears a column's warnings and highlights from an earlier answer. */
export function resetColumn(column: HTMLElement): void {
  for (const node of column.querySelectorAll('.has-warning')) {
    node.classList.remove('has-warning');
  }
  for (const node of column.querySelectorAll('.warning')) {
    node.remove();
  }
  const columnWarnings = column.querySelector<HTMLElement>('[data-warnings]');
  if (columnWarnings) {
    columnWarnings.hidden = true;
  }
}

/** Sets one text field of a column: `headline` or `summary` (each can arrive on its own). */
export function renderTextField(column: HTMLElement, field: 'headline' | 'summary', text: string): void {
  const target = column.querySelector(`[data-field="${field}"]`);
  if (target) {
    target.textContent = text;
  }
}

function renderEvidence(point: KeyPoint, index: number): HTMLElement | null {
  if (typeof point !== 'object' || point === null || typeof point.evidence !== 'string') {
    return null;
  }
  const evidence = element('figure', 'evidence');
  evidence.dataset.field = `key_points[${index}].evidence`;
  const quote = element('blockquote', null, point.evidence);
  quote.lang = 'de';
  const caption = element('figcaption');
  caption.lang = 'en';
  const verified = point.evidence_verified === true;
  caption.append(
    element(
      'span',
      `badge ${verified ? 'verified' : 'unverified'}`,
      verified ? '✓ Verified in the article' : '⚠ Not found in the article',
    ),
  );
  evidence.append(quote, caption);
  return evidence;
}

export function renderKeyPoints(column: HTMLElement, points: KeyPoint[]): void {
  const list = column.querySelector('[data-key-points]');
  if (!list) {
    return;
  }
  list.textContent = '';
  points.forEach((point, index) => {
    const item = element('li', 'key-point');
    item.dataset.field = `key_points[${index}]`;
    item.append(element('p', 'key-point-text', keyPointText(point)));
    const evidence = renderEvidence(point, index);
    if (evidence) {
      item.append(evidence);
    }
    list.append(item);
  });
}

export function enableCopyButtons(column: HTMLElement, enabled: boolean): void {
  for (const button of column.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    button.disabled = !enabled;
  }
}

const REPAIR_NOTE = '[data-repair-note]';

/** Shows what has arrived of a summary while the model writes it; the copy buttons wait for the whole. */
export function renderPartialSummary(column: HTMLElement, summary: PartialSummary): void {
  renderTextField(column, 'headline', summary.headline ?? '');
  renderTextField(column, 'summary', summary.summary ?? '');
  renderKeyPoints(
    column,
    (summary.key_points ?? []).filter(
      (point) => typeof point === 'string' || typeof point?.text === 'string',
    ),
  );
}

/** A re-ask started: what the column showed is dropped, and a note says why it starts again. */
export function restartColumn(column: HTMLElement, note: string): void {
  renderPartialSummary(column, {});
  enableCopyButtons(column, false);
  column.querySelector(REPAIR_NOTE)?.remove();
  const paragraph = element('p', 'repair-note', note);
  paragraph.dataset.repairNote = '';
  paragraph.lang = 'en';
  column.querySelector('.column-header')?.after(paragraph);
}

/** Fills one language's column with a whole summary. */
export function renderSummary(column: HTMLElement, summary: Summary): void {
  resetColumn(column);
  column.querySelector(REPAIR_NOTE)?.remove();
  renderTextField(column, 'headline', summary.headline);
  renderTextField(column, 'summary', summary.summary);
  renderKeyPoints(column, summary.key_points);
  enableCopyButtons(column, true);
}
