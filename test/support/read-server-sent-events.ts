import { EventSourceParserStream } from 'eventsource-parser/stream';

export interface ReceivedEvent {
  event: string;
  data: Record<string, unknown>;
  /** ms since `since` when the event was read. */
  at: number;
}

/** Reads a `text/event-stream` body to its end, each `data:` parsed as JSON. */
export async function readServerSentEvents(
  response: Response,
  onEvent?: (event: ReceivedEvent) => void,
  since = performance.now(),
): Promise<ReceivedEvent[]> {
  const events: ReceivedEvent[] = [];
  if (!response.body) {
    return events;
  }
  const stream = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream());
  for await (const message of stream) {
    const event = {
      event: message.event ?? 'message',
      data: JSON.parse(message.data) as Record<string, unknown>,
      at: performance.now() - since,
    };
    events.push(event);
    onEvent?.(event);
  }
  return events;
}
