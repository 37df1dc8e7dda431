import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { z } from 'zod';
import { PromptRegistryError } from '../errors/prompt-registry-error.js';
import { type PromptLock, promptLockSchema } from './prompt-lock.js';

export const PROMPT_LOCK_FILE = 'prompts.lock.json';

const frontMatterSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.string().regex(/^v\d+$/),
  model: z.string().min(1),
  max_tokens: z.number().int().positive().max(64_000),
  evidence: z.boolean().default(false),
  description: z.string().min(1),
});

// YAML between a `---` line at the very top and the next `---` line; the Markdown body follows.
const FRONT_MATTER_PATTERN = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const SECTION_PATTERN = /^## System\s*\n([\s\S]*?)^## User\s*\n([\s\S]*)$/m;

/** The re-asks sent when an answer breaks the schema or fails its checks; `{{problems}}` lists what was found. */
export interface RepairTexts {
  invalidOutput: string;
  failedChecks: string;
  /** The lock key of the file they come from (`summarize@repair`, or `summarize@v3.repair` for a version's own). */
  lockKey: string;
  sha256: string;
  file: string;
}

export interface PromptVersion {
  name: string;
  version: string;
  model: string;
  maxTokens: number;
  /** Whether key points carry verbatim evidence from the source. */
  evidence: boolean;
  description: string;
  system: string;
  userTemplate: string;
  /** sha256 of the file's bytes: any edit, even of whitespace, changes it. */
  sha256: string;
  file: string;
  /** Pinned in the lock file: its file may never change again. */
  released: boolean;
  repair: RepairTexts;
}

export interface PromptRegistry {
  get(name: string, version: string): PromptVersion | undefined;
  list(): PromptVersion[];
  versions(name: string): string[];
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** `repair.md` is shared by the versions of a name; `v3.repair.md` is version v3's own. */
const SHARED_REPAIR_FILE = 'repair.md';
const REPAIR_FILE_PATTERN = /(?:^|\.)repair\.md$/;
const REPAIR_SECTION_PATTERN = /^## Invalid output\s*\n([\s\S]*?)^## Failed checks\s*\n([\s\S]*)$/m;

function parseRepairFile(file: string, lockKey: string, content: Buffer): RepairTexts {
  const sections = REPAIR_SECTION_PATTERN.exec(content.toString('utf8').replace(/^\uFEFF/, ''));
  const invalidOutput = sections?.[1]?.trim();
  const failedChecks = sections?.[2]?.trim();
  if (!invalidOutput?.includes('{{problems}}') || !failedChecks?.includes('{{problems}}')) {
    throw new PromptRegistryError(
      `${file}: needs a "## Invalid output" and then a "## Failed checks" section, each with {{problems}}`,
    );
  }
  return { invalidOutput, failedChecks, lockKey, sha256: sha256(content), file };
}

function parsePromptFile(file: string, content: Buffer): Omit<PromptVersion, 'released' | 'repair'> {
  // A byte-order mark some editors write is not part of the front matter.
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const frontMatterBlock = FRONT_MATTER_PATTERN.exec(text);
  if (!frontMatterBlock) {
    throw new PromptRegistryError(`${file}: the file must begin with front matter between two --- lines`);
  }
  let data: unknown;
  try {
    data = loadYaml(frontMatterBlock[1] ?? '');
  } catch (error) {
    throw new PromptRegistryError(`${file}: the front matter is not YAML (${(error as Error).message})`);
  }
  const frontMatter = frontMatterSchema.safeParse(data);
  if (!frontMatter.success) {
    const problems = frontMatter.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new PromptRegistryError(`${file}: invalid front matter (${problems.join('; ')})`);
  }
  const sections = SECTION_PATTERN.exec(text.slice(frontMatterBlock[0].length));
  if (!sections?.[1] || !sections[2]) {
    throw new PromptRegistryError(`${file}: the body needs a "## System" and then a "## User" section`);
  }
  const userTemplate = sections[2].trim();
  for (const placeholder of ['{{article}}', '{{boundary}}']) {
    if (!userTemplate.includes(placeholder)) {
      throw new PromptRegistryError(`${file}: the user template must contain ${placeholder}`);
    }
  }
  const expectedFile = `${frontMatter.data.version}.md`;
  if (path.basename(file) !== expectedFile) {
    throw new PromptRegistryError(
      `${file}: version ${frontMatter.data.version} must live in ${expectedFile}`,
    );
  }
  return {
    name: frontMatter.data.name,
    version: frontMatter.data.version,
    model: frontMatter.data.model,
    maxTokens: frontMatter.data.max_tokens,
    evidence: frontMatter.data.evidence,
    description: frontMatter.data.description,
    system: sections[1].trim(),
    userTemplate,
    sha256: sha256(content),
    file,
  };
}

export function readPromptLock(promptsDirectory: string): PromptLock {
  const lockPath = path.join(promptsDirectory, PROMPT_LOCK_FILE);
  let raw: string;
  try {
    raw = readFileSync(lockPath, 'utf8');
  } catch {
    return { released: {} };
  }
  const parsed = promptLockSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    throw new PromptRegistryError(`${lockPath}: invalid lock file (${parsed.error.message})`);
  }
  return parsed.data;
}

function missingRepair(file: string, name: string): never {
  throw new PromptRegistryError(
    `${file}: no repair texts: add ${name}/${SHARED_REPAIR_FILE} or a <version>.repair.md beside it`,
  );
}

/**
 * Loads and validates every `prompts/<name>/<version>.md` (synchronously: called once at start-up).
 * A released version whose file no longer matches the lock file stops start-up.
 */
export function loadPromptRegistry(promptsDirectory: string): PromptRegistry {
  const lock = readPromptLock(promptsDirectory);
  const prompts = new Map<string, PromptVersion>();
  const names = readdirSync(promptsDirectory, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  const checkPinned = (key: string, sha: string, file: string) => {
    const pinned = lock.released[key];
    if (pinned !== undefined && pinned !== sha) {
      throw new PromptRegistryError(
        `${file}: released prompt ${key} was edited (sha256 ${sha}, locked ${pinned}). Released versions are immutable: restore the file and put the change in a new version.`,
      );
    }
    return pinned !== undefined;
  };
  const lockedKeys = new Set<string>();
  for (const directory of names) {
    const allFiles = readdirSync(path.join(promptsDirectory, directory.name)).filter((file) =>
      file.endsWith('.md'),
    );
    const readRepair = (file: string, lockKey: string): RepairTexts | undefined => {
      if (!allFiles.includes(file)) {
        return undefined;
      }
      const relativePath = path.join(directory.name, file);
      const repair = parseRepairFile(
        relativePath,
        lockKey,
        readFileSync(path.join(promptsDirectory, relativePath)),
      );
      checkPinned(lockKey, repair.sha256, relativePath);
      lockedKeys.add(lockKey);
      return repair;
    };
    const sharedRepair = readRepair(SHARED_REPAIR_FILE, `${directory.name}@repair`);
    for (const file of allFiles.filter((name) => !REPAIR_FILE_PATTERN.test(name))) {
      const fullPath = path.join(promptsDirectory, directory.name, file);
      const relativePath = path.relative(promptsDirectory, fullPath);
      const prompt = parsePromptFile(relativePath, readFileSync(fullPath));
      if (prompt.name !== directory.name) {
        throw new PromptRegistryError(`${relativePath}: name "${prompt.name}" must match its folder`);
      }
      const key = `${prompt.name}@${prompt.version}`;
      const released = checkPinned(key, prompt.sha256, relativePath);
      lockedKeys.add(key);
      const repair =
        readRepair(`${prompt.version}.repair.md`, `${key}.repair`) ??
        sharedRepair ??
        missingRepair(relativePath, directory.name);
      if (released && lock.released[repair.lockKey] === undefined) {
        throw new PromptRegistryError(
          `${relativePath}: released prompt ${key} re-asks with ${repair.file}, which is not in ${PROMPT_LOCK_FILE}: release it too`,
        );
      }
      prompts.set(key, { ...prompt, released, repair });
    }
  }
  for (const key of Object.keys(lock.released)) {
    if (!lockedKeys.has(key)) {
      throw new PromptRegistryError(`${PROMPT_LOCK_FILE}: released prompt ${key} has no file`);
    }
  }
  const sorted = [...prompts.values()].sort(
    (left, right) =>
      left.name.localeCompare(right.name) || Number(left.version.slice(1)) - Number(right.version.slice(1)),
  );
  return {
    get: (name, version) => prompts.get(`${name}@${version}`),
    list: () => sorted,
    versions: (name) => sorted.filter((prompt) => prompt.name === name).map((prompt) => prompt.version),
  };
}
