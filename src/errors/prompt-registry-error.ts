/** A prompt file or the lock file is wrong: start-up stops with a message that names the file. */
export class PromptRegistryError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
  }
}
