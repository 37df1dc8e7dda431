/** Shared by the server edge and the app: are we draining, and how much work is still in flight. */
export interface Lifecycle {
  readonly draining: boolean;
  readonly inFlight: number;
  startDraining(): void;
  requestStarted(): void;
  requestFinished(): void;
  /** Resolves when no request is in flight (at once if none is). */
  idle(): Promise<void>;
}

export function createLifecycle(): Lifecycle {
  let draining = false;
  let inFlight = 0;
  let waiters: Array<() => void> = [];
  return {
    get draining() {
      return draining;
    },
    get inFlight() {
      return inFlight;
    },
    startDraining() {
      draining = true;
    },
    requestStarted() {
      inFlight += 1;
    },
    requestFinished() {
      inFlight -= 1;
      if (inFlight === 0) {
        const resolved = waiters;
        waiters = [];
        for (const resolve of resolved) {
          resolve();
        }
      }
    },
    idle() {
      return inFlight === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
  };
}
