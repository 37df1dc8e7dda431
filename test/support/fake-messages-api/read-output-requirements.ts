import { DEFAULT_LIMITS, type SummaryLimits } from '../../../src/summarize/summary-schema.js';
import type { MessagesRequestBody } from './find-article.js';

export interface OutputRequirements {
  limits: SummaryLimits;
  /** Whether each key point is `{ text, evidence }` rather than a string. */
  evidence: boolean;
}

type JsonSchema = Record<string, unknown>;

const KEY_POINTS_TARGET = 5;

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` (`#/$defs/...`): the SDK's Zod helper shares the language schema that way. */
function resolve(node: unknown, root: JsonSchema): JsonSchema | undefined {
  if (!isSchema(node)) {
    return undefined;
  }
  const reference = node.$ref;
  if (typeof reference !== 'string' || !reference.startsWith('#/')) {
    return node;
  }
  let current: unknown = root;
  for (const segment of reference.slice(2).split('/')) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    current = isSchema(current) ? current[key] : undefined;
  }
  return resolve(current, root);
}

function property(node: JsonSchema | undefined, name: string, root: JsonSchema): JsonSchema | undefined {
  return node && isSchema(node.properties) ? resolve(node.properties[name], root) : undefined;
}

/**
 * A numeric constraint, wherever it is: the JSON Schema keyword itself, or the `{maxLength: 90}` suffix
 * the SDK's transform appends to the description when it strips keywords the API does not support.
 */
function keyword(node: JsonSchema | undefined, name: string): number | undefined {
  if (!node) {
    return undefined;
  }
  const value = node[name];
  if (typeof value === 'number') {
    return value;
  }
  const description = typeof node.description === 'string' ? node.description : '';
  const match = new RegExp(`\\b${name}: (\\d+)`).exec(description);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function phrase(node: JsonSchema | undefined, pattern: RegExp): number[] | undefined {
  const description = node && typeof node.description === 'string' ? node.description : '';
  const match = pattern.exec(description);
  return match ? match.slice(1).map(Number) : undefined;
}

function clamp(value: number, minimum: number, maximum: number): number {
  return Math.min(Math.max(value, minimum), maximum);
}

/**
 * The limits the request's `output_config.format.schema` asks for (from `createModelOutputSchema`, after
 * the SDK's transform moved the constraints into descriptions); defaults for whatever is missing.
 */
export function readOutputRequirements(body: MessagesRequestBody): OutputRequirements {
  const outputConfig = isSchema(body.output_config) ? body.output_config : undefined;
  const format = outputConfig && isSchema(outputConfig.format) ? outputConfig.format : undefined;
  const root = format && isSchema(format.schema) ? format.schema : undefined;
  if (!root) {
    return { limits: { ...DEFAULT_LIMITS }, evidence: false };
  }
  const language = property(root, 'en', root) ?? property(root, 'de', root);
  const headline = property(language, 'headline', root);
  const summary = property(language, 'summary', root);
  const keyPoints = property(language, 'key_points', root);
  const keyPointItem = keyPoints ? resolve(keyPoints.items, root) : undefined;

  const summarySentences = phrase(summary, /(\d+) to (\d+) sentences/);
  const keyPointItems = phrase(keyPoints, /(\d+) to (\d+) items/);
  const keyPointsMin = keyword(keyPoints, 'minItems') ?? keyPointItems?.[0] ?? DEFAULT_LIMITS.keyPointsMin;
  const keyPointsMax = keyword(keyPoints, 'maxItems') ?? keyPointItems?.[1] ?? DEFAULT_LIMITS.keyPointsMax;

  const limits: SummaryLimits = {
    headlineMaxChars:
      keyword(headline, 'maxLength') ??
      phrase(headline, /at most (\d+) characters/)?.[0] ??
      DEFAULT_LIMITS.headlineMaxChars,
    summaryMaxChars:
      keyword(summary, 'maxLength') ??
      phrase(summary, /at most (\d+) characters/)?.[0] ??
      DEFAULT_LIMITS.summaryMaxChars,
    summaryMinSentences: summarySentences?.[0] ?? DEFAULT_LIMITS.summaryMinSentences,
    summaryMaxSentences: summarySentences?.[1] ?? DEFAULT_LIMITS.summaryMaxSentences,
    keyPointsMin,
    keyPointsMax,
    keyPointsTarget: clamp(KEY_POINTS_TARGET, keyPointsMin, keyPointsMax),
  };
  const evidence = keyPointItem !== undefined && property(keyPointItem, 'evidence', root) !== undefined;
  return { limits, evidence };
}
