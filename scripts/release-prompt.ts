/**
 * Pins a prompt version's sha256 in prompts/prompts.lock.json, and that of the repair texts it re-asks
 * with (`repair.md`, or its own `<version>.repair.md`). After this neither file may change: the registry
 * refuses to start and the tests fail if one does.
 *
 *   npm run release-prompt -- summarize@v2
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createToolConfig } from '../src/config/env.js';
import { loadPromptRegistry, PROMPT_LOCK_FILE, readPromptLock } from '../src/prompts/prompt-registry.js';

const config = createToolConfig();
const [reference] = process.argv.slice(2);
const [name, version] = reference?.split('@') ?? [];
if (!name || !version) {
  console.error('usage: npm run release-prompt -- <name>@<version>   (e.g. summarize@v2)');
  process.exit(2);
}
const prompt = loadPromptRegistry(config.promptsDir).get(name, version);
if (!prompt) {
  console.error(`no prompt ${reference} in ${config.promptsDir}`);
  process.exit(1);
}
const lock = readPromptLock(config.promptsDir);
if (lock.released[reference as string] && lock.released[prompt.repair.lockKey]) {
  console.log(`${reference} is already released (${prompt.sha256})`);
  process.exit(0);
}
const released = Object.fromEntries(
  Object.entries({
    ...lock.released,
    [reference as string]: prompt.sha256,
    [prompt.repair.lockKey]: prompt.repair.sha256,
  }).sort(([left], [right]) => left.localeCompare(right, 'en', { numeric: true })),
);
writeFileSync(path.join(config.promptsDir, PROMPT_LOCK_FILE), `${JSON.stringify({ released }, null, 2)}\n`);
console.log(
  `released ${reference}: sha256 ${prompt.sha256}; repair texts ${prompt.repair.file}: sha256 ${prompt.repair.sha256}`,
);
