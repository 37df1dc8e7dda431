/** A cassette folder holds a file that is not a recording, or two recordings for one key. */
export class CassetteStoreError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
  }
}
