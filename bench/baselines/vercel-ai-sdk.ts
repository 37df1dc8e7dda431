/**
 * Baseline B: the same handler written with the Vercel AI SDK (`ai` 6 with `@ai-sdk/anthropic` 3):
 * `generateText` with `Output.object` (what `generateObject` became in AI SDK 6) and the same Zod schema.
 *
 *   node dist/bench/baselines/vercel-ai-sdk.js PORT BASE_URL [PROMPT_VERSION]    (ANTHROPIC_API_KEY set)
 */
import { createAnthropic } from '@ai-sdk/anthropic';
import { serve } from '@hono/node-server';
import { generateText, Output } from 'ai';
import { Hono } from 'hono';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { loadPromptRegistry } from '../../src/prompts/prompt-registry.js';
import { renderPrompt } from '../../src/prompts/render-prompt.js';
import { createModelOutputSchema, DEFAULT_LIMITS } from '../../src/summarize/summary-schema.js';

const [port = '8789', baseURL, version = 'v1'] = process.argv.slice(2);
const prompt = loadPromptRegistry(`${PROJECT_ROOT}/prompts`).get('summarize', version);
if (!prompt) throw new Error(`No prompt summarize@${version}`);
const schema = createModelOutputSchema(DEFAULT_LIMITS, { evidence: prompt.evidence });
// The AI SDK's base URL includes the API version.
const anthropic = createAnthropic(baseURL ? { baseURL: `${baseURL}/v1` } : {});

const app = new Hono();
app.get('/readyz', (context) => context.json({ status: 'ready' }));
app.post('/v1/summaries', async (context) => {
  const { text, title } = await context.req.json<{ text: string; title?: string }>();
  const { system, user } = renderPrompt(prompt, { article: text, title, limits: DEFAULT_LIMITS });
  const result = await generateText({
    model: anthropic(prompt.model),
    maxOutputTokens: prompt.maxTokens,
    system,
    prompt: user,
    output: Output.object({ schema }),
  });
  return context.json(result.output);
});

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(port) });
