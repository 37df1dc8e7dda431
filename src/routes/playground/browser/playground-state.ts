import type { PromptVersion, SummaryResponse } from './api-types.js';

/** What the page remembers between events; everything else is in the DOM. */
export interface PlaygroundState {
  /** A summary is being made: the form does not start another. */
  busy: boolean;
  /** The answer the columns show, for the copy buttons. */
  lastResponse: SummaryResponse | null;
  /** What to retry once the editor has given an API key. */
  pendingAction: (() => void) | null;
  /** The `summarize` prompt versions, oldest first. */
  prompts: PromptVersion[];
}

export function createPlaygroundState(): PlaygroundState {
  return { busy: false, lastResponse: null, pendingAction: null, prompts: [] };
}
