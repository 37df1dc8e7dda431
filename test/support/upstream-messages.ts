import type { FakeMessagesApi } from './fake-messages-api/index.js';

export interface UpstreamMessage {
  role: string;
  content: string;
}

/** The messages Brief sent in upstream call number `index` (0-based) to the fake Messages API. */
export function upstreamMessages(fake: FakeMessagesApi, index: number): UpstreamMessage[] {
  const call = fake.calls[index];
  if (!call) {
    throw new Error(`the fake saw no upstream call #${index} (it saw ${fake.calls.length})`);
  }
  return (call.body as { messages: UpstreamMessage[] }).messages;
}
