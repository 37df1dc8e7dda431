import type { Config } from '../config/env.js';
import type { Brief } from '../create-brief.js';
import { DEFAULT_LIMITS } from '../summarize/summary-schema.js';
import { type Sample, sampleArticleText } from './read-samples.js';

export interface RecordOutcome {
  label: string;
  ok: boolean;
  attempts?: number;
  error?: string;
}

/**
 * Sends every sample through the real summarizer in record mode, once per prompt version: each
 * model exchange is written as a cassette named `<sample>.<prompt>-<version>[.repair].json`.
 * `current` is read by the recording fetch (see `createBrief`'s `recordingName`).
 */
export async function recordSamples(input: {
  config: Config;
  brief: Pick<Brief, 'summarizer'>;
  samples: Sample[];
  promptVersions: string[];
  current: { label?: string };
}): Promise<RecordOutcome[]> {
  if (input.config.mode !== 'record') {
    throw new Error('Recording needs BRIEF_MODE=record and ANTHROPIC_API_KEY.');
  }
  const outcomes: RecordOutcome[] = [];
  for (const sample of input.samples) {
    for (const version of input.promptVersions) {
      const label = `${sample.slug}.summarize-${version}`;
      input.current.label = label;
      try {
        const result = await input.brief.summarizer.summarize({
          text: sampleArticleText(sample),
          promptVersion: version,
          limits: DEFAULT_LIMITS,
        });
        outcomes.push({ label, ok: true, attempts: result.attempts });
      } catch (error) {
        outcomes.push({ label, ok: false, error: (error as Error).message });
      }
    }
  }
  input.current.label = undefined;
  return outcomes;
}

/** File name for a recording: the first call of a summary, or its repair re-ask. */
export function recordingNameFor(label: string | undefined, request: { body: unknown }): string | undefined {
  if (label === undefined) {
    return undefined;
  }
  const messages = (request.body as { messages?: unknown[] } | null)?.messages ?? [];
  return messages.length > 1 ? `${label}.repair` : label;
}
