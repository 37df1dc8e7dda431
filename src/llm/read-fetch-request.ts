/** The parts of a fetch call that identify a request, whichever form the caller used. */
export async function readFetchRequest(
  input: string | URL | Request,
  init?: RequestInit,
): Promise<{ url: string; method: string; body: string | undefined }> {
  if (input instanceof Request) {
    const body = await input.clone().text();
    return { url: input.url, method: input.method, body: body === '' ? undefined : body };
  }
  const body = init?.body;
  if (body !== undefined && body !== null && typeof body !== 'string') {
    throw new TypeError('Only string request bodies can be recorded or replayed');
  }
  return { url: String(input), method: init?.method ?? 'GET', body: body ?? undefined };
}
