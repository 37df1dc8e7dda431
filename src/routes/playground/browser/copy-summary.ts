import type { Summary } from './api-types.js';
import { element } from './element.js';
import { keyPointText } from './render-summary.js';

export type CopyFormat = 'text' | 'markdown';

export function asPlainText(summary: Summary): string {
  return [summary.headline, '', summary.summary, '']
    .concat(summary.key_points.map((point) => `- ${keyPointText(point)}`))
    .join('\n');
}

export function asMarkdown(summary: Summary): string {
  return [`## ${summary.headline}`, '', summary.summary, '', '### Key points', '']
    .concat(summary.key_points.map((point) => `- ${keyPointText(point)}`))
    .join('\n');
}

/** The Clipboard API needs a secure context (https or localhost); elsewhere a selection is copied. */
function copyWithSelection(text: string): boolean {
  const scratch = element('textarea', 'visually-hidden');
  scratch.value = text;
  scratch.readOnly = true;
  document.body.append(scratch);
  scratch.select();
  let copied = false;
  try {
    // Deprecated, but the only way to copy outside a secure context.
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  scratch.remove();
  return copied;
}

export async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return copyWithSelection(text);
    }
  }
  return copyWithSelection(text);
}
