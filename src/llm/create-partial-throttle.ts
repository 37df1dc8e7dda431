/** The fastest pace of partial outputs: a reader's eye gains nothing from more. */
export const DEFAULT_PARTIAL_INTERVAL_MS = 50;

export interface PartialThrottleOptions {
  intervalMs?: number;
  now?: () => number;
}

export interface PartialThrottle {
  /** The answer grew: emit now if the interval has passed or a field has just completed, else once it passes. */
  update(fieldCompleted: boolean): void;
  /** Emits now what an interval still holds back (the stream has ended). */
  flush(): void;
  /** Drops a pending emit (the stream failed). */
  cancel(): void;
}

/**
 * Paces `emit` to at most one call per interval, except that a completed field is always emitted at
 * once; growth inside an interval is emitted when the interval ends, so a pause never hides it.
 */
export function createPartialThrottle(
  emit: () => void,
  options: PartialThrottleOptions = {},
): PartialThrottle {
  const intervalMs = options.intervalMs ?? DEFAULT_PARTIAL_INTERVAL_MS;
  const now = options.now ?? (() => performance.now());
  let lastEmitAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const cancel = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
  const fire = () => {
    cancel();
    lastEmitAt = now();
    emit();
  };

  return {
    update(fieldCompleted) {
      const waitMs = lastEmitAt + intervalMs - now();
      if (fieldCompleted || waitMs <= 0) {
        fire();
      } else if (timer === undefined) {
        timer = setTimeout(fire, waitMs);
      }
    },
    flush() {
      if (timer !== undefined) {
        fire();
      }
    },
    cancel,
  };
}
