/** A mistake in how the CLI was called: shown as one line with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
  }
}
