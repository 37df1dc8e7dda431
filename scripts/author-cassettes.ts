/**
 * Turns the hand-written model outputs in samples/authored/<slug>.json into cassettes in the exact
 * wire format of a Messages API response, marked `provenance: "authored"`. The requests are made by
 * the real summarizer and SDK, so the cassette keys are exactly those that replay will look up.
 *
 *   npm run author-cassettes            # all samples, every prompt version they carry
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createToolConfig, PROJECT_ROOT } from '../src/config/env.js';
import { canonicalizeRequest, cassetteKey } from '../src/llm/cassette.js';
import { createCassetteStore } from '../src/llm/cassette-store.js';
import { createAnthropicClient } from '../src/llm/create-anthropic-client.js';
import { readFetchRequest } from '../src/llm/read-fetch-request.js';
import { readNinjsArticleText } from '../src/ninjs/read-ninjs-article-text.js';
import { readNinjsItem } from '../src/ninjs/read-ninjs-item.js';
import { loadPromptRegistry } from '../src/prompts/prompt-registry.js';
import { readSamples, sampleArticleText } from '../src/samples/read-samples.js';
import { createSummarizer, PROMPT_NAME } from '../src/summarize/create-summarizer.js';
import { normalizeArticle } from '../src/summarize/normalize-article.js';
import { DEFAULT_LIMITS } from '../src/summarize/summary-schema.js';
import { inThreadCpuTasks } from '../src/workers/in-thread-cpu-tasks.js';

const NINJS_SAMPLE_FILE = /^(.+)\.ninjs-\d\.json$/;

// A rough count for authored responses (German news: about 3.5 characters a token); recorded ones carry real counts.
const estimateTokens = (text: string) => Math.ceil(text.length / 3.5);

const samplesDirectory = path.join(PROJECT_ROOT, 'samples');
const config = createToolConfig({ BRIEF_MODE: 'live', ANTHROPIC_API_KEY: 'authoring-no-network' });
const store = createCassetteStore([config.cassetteDir]);
const prompts = loadPromptRegistry(config.promptsDir);

let current: { label: string; output: unknown } | undefined;

const authoringFetch: typeof fetch = async (input, init) => {
  if (!current) {
    throw new Error('no authored output selected');
  }
  const request = await readFetchRequest(input, init);
  const canonical = canonicalizeRequest(request.method, request.url, request.body);
  const body = canonical.body as { model: string; system: string; messages: Array<{ content: string }> };
  const key = cassetteKey(canonical);
  const text = JSON.stringify(current.output);
  const response = {
    id: `msg_authored_${key.slice(0, 24)}`,
    type: 'message',
    role: 'assistant',
    model: body.model,
    content: [{ type: 'text', text, citations: null }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    stop_details: null,
    container: null,
    diagnostics: null,
    usage: {
      input_tokens: estimateTokens(body.system + body.messages.map((message) => message.content).join('')),
      output_tokens: estimateTokens(text),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation: null,
      inference_geo: null,
      output_tokens_details: null,
      server_tool_use: null,
      service_tier: 'standard',
      speed: null,
    },
  };
  const headers = { 'content-type': 'application/json', 'request-id': `req_authored_${key.slice(0, 24)}` };
  const existing = store.find(key);
  // Unchanged output: keep the file as it is (no churn in its date).
  if (existing && JSON.stringify(existing.response.body) === JSON.stringify(response)) {
    return new Response(JSON.stringify(response), { status: 200, headers });
  }
  store.save(
    {
      key,
      provenance: 'authored',
      label: current.label,
      created_at: new Date().toISOString(),
      request: canonical,
      response: { status: 200, headers, body: response },
    },
    `${current.label}.json`,
  );
  return new Response(JSON.stringify(response), { status: 200, headers });
};

const client = createAnthropicClient(config, { cassettes: store, fetch: authoringFetch });
const summarizer = createSummarizer({ client, prompts });
let failures = 0;

/** Authors the cassettes of one article for every prompt version its sample has an output for. */
async function authorArticle(slug: string, labelPrefix: string, text: string, title: string | undefined) {
  const authoredFile = path.join(samplesDirectory, 'authored', `${slug}.json`);
  if (!existsSync(authoredFile)) {
    console.log(`- ${labelPrefix}: no authored output, skipped`);
    return;
  }
  const authored = JSON.parse(readFileSync(authoredFile, 'utf8')) as Record<string, unknown>;
  for (const [promptKey, output] of Object.entries(authored)) {
    const [name, version] = promptKey.split('@');
    if (name !== PROMPT_NAME || !version || !prompts.get(name, version)) {
      console.log(`- ${labelPrefix} ${promptKey}: no such prompt, skipped`);
      continue;
    }
    current = { label: `${labelPrefix}.${name}-${version}`, output };
    try {
      const result = await summarizer.summarize({
        text,
        title,
        promptVersion: version,
        limits: DEFAULT_LIMITS,
      });
      if (result.attempts !== 1) {
        throw new Error('the authored output needed a repair');
      }
      console.log(`✓ ${current.label}`);
    } catch (error) {
      failures += 1;
      const extensions = (error as { extensions?: unknown }).extensions;
      console.error(`✗ ${current.label}: ${(error as Error).message} ${JSON.stringify(extensions ?? '')}`);
    }
  }
}

for (const sample of readSamples(samplesDirectory)) {
  await authorArticle(sample.slug, sample.slug, sampleArticleText(sample), undefined);
}

// A ninjs sample (samples/ninjs/<slug>.ninjs-<major>.json) carries a sample's article with a main
// headline, so its requests have a title: recordings of their own, with the sample's output.
const ninjsDirectory = path.join(samplesDirectory, 'ninjs');
for (const file of readdirSync(ninjsDirectory).sort()) {
  const slug = NINJS_SAMPLE_FILE.exec(file)?.[1];
  if (!slug) continue;
  const article = readNinjsItem(JSON.parse(readFileSync(path.join(ninjsDirectory, file), 'utf8')));
  const title = article.title === undefined ? undefined : normalizeArticle(article.title) || undefined;
  const text = await readNinjsArticleText(article.body, {
    htmlToArticleText: inThreadCpuTasks.htmlToArticleText,
  });
  await authorArticle(slug, path.basename(file, '.json'), normalizeArticle(text), title);
}
process.exitCode = failures > 0 ? 1 : 0;
