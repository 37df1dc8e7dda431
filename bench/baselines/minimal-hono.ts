/**
 * Baseline A: the smallest honest alternative to Brief. One Hono handler that renders the same prompt,
 * calls `messages.parse` with the same Zod schema (through the SDK's `zodOutputFormat`) and returns
 * the parsed output. No checks, no logging, no metrics, no limits.
 *
 *   node dist/bench/baselines/minimal-hono.js PORT BASE_URL [PROMPT_VERSION]    (ANTHROPIC_API_KEY set)
 */
import Anthropic from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { loadPromptRegistry } from '../../src/prompts/prompt-registry.js';
import { renderPrompt } from '../../src/prompts/render-prompt.js';
import { createModelOutputSchema, DEFAULT_LIMITS } from '../../src/summarize/summary-schema.js';

const [port = '8788', baseURL, version = 'v1'] = process.argv.slice(2);
const prompt = loadPromptRegistry(`${PROJECT_ROOT}/prompts`).get('summarize', version);
if (!prompt) throw new Error(`No prompt summarize@${version}`);
const format = zodOutputFormat(createModelOutputSchema(DEFAULT_LIMITS, { evidence: prompt.evidence }));
const client = new Anthropic({ baseURL });

const app = new Hono();
app.get('/readyz', (context) => context.json({ status: 'ready' }));
app.post('/v1/summaries', async (context) => {
  const { text, title } = await context.req.json<{ text: string; title?: string }>();
  const { system, user } = renderPrompt(prompt, { article: text, title, limits: DEFAULT_LIMITS });
  const message = await client.messages.parse({
    model: prompt.model,
    max_tokens: prompt.maxTokens,
    system,
    messages: [{ role: 'user', content: user }],
    output_config: { format },
  });
  return context.json(message.parsed_output);
});

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(port) });
