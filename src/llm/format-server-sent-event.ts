import type { RecordedStreamEvent } from './cassette.js';

/** One event in the `text/event-stream` wire format, as the Messages API writes it. */
export function formatServerSentEvent(event: RecordedStreamEvent): string {
  const data = typeof event.data === 'string' ? event.data : JSON.stringify(event.data);
  const lines = event.event === null ? [] : [`event: ${event.event}`];
  for (const line of data.split('\n')) {
    lines.push(`data: ${line}`);
  }
  return `${lines.join('\n')}\n\n`;
}
