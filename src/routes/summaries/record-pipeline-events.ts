import type { Context } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import type { PipelineEvent } from '../../summarize/summarize-article.js';

/**
 * An observer of the pipeline that notes on the request what its log line and metrics report: the
 * prompt version once resolved, and the model, attempts and token usage once summarized.
 */
export function recordPipelineEvents(context: Context<AppEnv>): (event: PipelineEvent) => void {
  return (event) => {
    if (event.type === 'prompt') {
      context.set('promptVersion', event.prompt.version);
    } else if (event.type === 'result') {
      const { model, attempts, usage } = event.result;
      context.set('summary', { model, attempts, usage });
    }
  };
}
