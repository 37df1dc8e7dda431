/** What a streamed summary reports while the model writes it (`brief summarize --stream`). */
export type SummaryProgress =
  | { type: 'partial'; attempt: number; summaries: Record<string, unknown> }
  | { type: 'repair'; attempt: number; reason: string };

function describeLanguage(summary: unknown): string {
  if (typeof summary !== 'object' || summary === null) {
    return '…';
  }
  const fields = summary as Record<string, unknown>;
  const parts: string[] = [];
  for (const field of ['headline', 'summary'] as const) {
    if (typeof fields[field] === 'string') {
      parts.push(`${field} ${(fields[field] as string).length} chars`);
    }
  }
  if (Array.isArray(fields.key_points)) {
    parts.push(`${fields.key_points.length} key point${fields.key_points.length === 1 ? '' : 's'}`);
  }
  return parts.join(', ') || '…';
}

/** One line for a progress report: what each language has so far, or that a re-ask started. */
export function describeSummaryProgress(progress: SummaryProgress): string {
  if (progress.type === 'repair') {
    return `re-asking the model (attempt ${progress.attempt}, ${progress.reason})`;
  }
  const { en, de } = progress.summaries;
  const again = progress.attempt > 1 ? ` (attempt ${progress.attempt})` : '';
  return `writing${again}: en ${describeLanguage(en)} · de ${describeLanguage(de)}`;
}

/** Reports a streamed summary's progress on stderr: in place on a terminal, else one line per change. */
export function createProgressLine(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  name: string,
): { report: (progress: SummaryProgress) => void; done: () => void } {
  let last = '';
  let shown = false;
  return {
    report(progress) {
      const line = `brief: ${name}: ${describeSummaryProgress(progress)}`;
      if (line === last) {
        return;
      }
      last = line;
      shown = true;
      stream.write(stream.isTTY ? `\r\u001b[2K${line}` : `${line}\n`);
    },
    done() {
      if (shown && stream.isTTY) {
        stream.write('\r\u001b[2K');
      }
    },
  };
}
