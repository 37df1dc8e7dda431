/** The client went away: nobody will read the answer, so the work stops. Logged as 499, never answered. */
export class ClientClosedRequestError extends Error {
  constructor(
    message = 'The client closed the connection before the answer was ready.',
    options: { cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
  }
}
