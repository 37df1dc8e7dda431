/** Replay mode has no recording for a request; mapped to a 503 `recording-not-found` problem. */
export class RecordingNotFoundError extends Error {
  readonly key: string;
  readonly path: string;

  constructor(message: string, options: { cause?: unknown; key: string; path: string }) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.key = options.key;
    this.path = options.path;
  }
}
