import { Presets, SingleBar } from 'cli-progress';
import type { FolderProgress } from './run-folder.js';

/** A progress bar for a folder run, drawn on a terminal (the CLI only makes one when stderr is a TTY). */
export function createProgressBar(stream: NodeJS.WritableStream): FolderProgress {
  const bar = new SingleBar(
    {
      stream,
      format: 'Summarizing [{bar}] {value}/{total} articles · {failed} failed · {eta_formatted} left',
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  let failed = 0;
  return {
    start: (total) => bar.start(total, 0, { failed }),
    advance: (outcome) => {
      failed += outcome.ok ? 0 : 1;
      bar.increment(1, { failed });
    },
    stop: () => bar.stop(),
  };
}
