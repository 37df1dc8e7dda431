import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env.js';
import type { PromptRegistry } from '../../prompts/prompt-registry.js';
import { PROMPT_NAME } from '../../summarize/create-summarizer.js';
import type { listPromptsRoute } from './prompts.routes.js';

export function createListPromptsHandler(dependencies: {
  prompts: PromptRegistry;
  defaultVersion: string;
}): RouteHandler<typeof listPromptsRoute, AppEnv> {
  const body = {
    prompts: dependencies.prompts.list().map((prompt) => ({
      name: prompt.name,
      version: prompt.version,
      sha256: prompt.sha256,
      model: prompt.model,
      max_tokens: prompt.maxTokens,
      evidence: prompt.evidence,
      description: prompt.description,
      released: prompt.released,
      default: prompt.name === PROMPT_NAME && prompt.version === dependencies.defaultVersion,
    })),
  };
  return function listPrompts(context) {
    return context.json(body, 200);
  };
}
