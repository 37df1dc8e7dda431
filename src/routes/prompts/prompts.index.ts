import { createRouter } from '../../http/create-router.js';
import type { PromptRegistry } from '../../prompts/prompt-registry.js';
import { createListPromptsHandler } from './prompts.handlers.js';
import { listPromptsRoute } from './prompts.routes.js';

/** `GET /v1/prompts`. */
export function createPromptsRouter(dependencies: { prompts: PromptRegistry; defaultVersion: string }) {
  return createRouter().openapi(listPromptsRoute, createListPromptsHandler(dependencies));
}
