import { z } from '@hono/zod-openapi';
import { checkReportSchema } from '../checks/index.js';
import { TRAINED_ALGORITHMIC_MEDIA } from '../ninjs/digital-source-type.js';

export const SUMMARY_OPTION_LIMITS = {
  keyPointsMin: 3,
  keyPointsMax: 7,
  headlineMinChars: 40,
  summaryMinChars: 150,
} as const;

export const summaryOptionsSchema = z
  .strictObject({
    key_points: z
      .number()
      .int()
      .min(SUMMARY_OPTION_LIMITS.keyPointsMin)
      .max(SUMMARY_OPTION_LIMITS.keyPointsMax)
      .optional()
      .describe('Exactly this many key points per language (default: 3–6, 5 asked for).'),
    max_chars: z
      .strictObject({
        headline: z.number().int().min(SUMMARY_OPTION_LIMITS.headlineMinChars).max(120).optional(),
        summary: z.number().int().min(SUMMARY_OPTION_LIMITS.summaryMinChars).max(600).optional(),
      })
      .optional()
      .describe('Tighter length limits, so the output fits the CMS fields it lands in.'),
  })
  .openapi('SummaryOptions');

export const summaryRequestSchema = z
  .strictObject({
    text: z.string().describe('The German article text (plain text).'),
    title: z.string().max(500).optional(),
    lead: z
      .string()
      .max(2_000)
      .optional()
      .describe('The teaser or lead paragraph, if the CMS keeps it apart.'),
    article_id: z.string().min(1).max(200).optional().describe('Your id for the article; echoed back.'),
    prompt_version: z
      .string()
      .max(20)
      .optional()
      .describe('Pin a prompt version (e.g. "v1"); default: the configured one.'),
    options: summaryOptionsSchema.optional(),
    strict: z
      .boolean()
      .optional()
      .describe(
        'Answer 502 instead of returning a summary that failed its fact checks (default: BRIEF_STRICT_CHECKS).',
      ),
  })
  .openapi('SummaryRequest');

const keyPointWithEvidenceSchema = z
  .object({
    text: z.string(),
    evidence: z.string().describe('Verbatim German source text the key point rests on.'),
    evidence_verified: z.boolean().describe('Whether the evidence was found in the source.'),
  })
  .openapi('KeyPointWithEvidence');

export const languageSummaryResponseSchema = z
  .object({
    headline: z.string(),
    summary: z.string(),
    key_points: z.union([z.array(z.string()), z.array(keyPointWithEvidenceSchema)]),
  })
  .openapi('LanguageSummary');

export const usageSchema = z
  .object({
    input_tokens: z.number().int().nonnegative(),
    output_tokens: z.number().int().nonnegative(),
    cache_creation_input_tokens: z.number().int().nonnegative(),
    cache_read_input_tokens: z.number().int().nonnegative(),
  })
  .openapi('Usage');

/** Which released prompt made an answer. */
export const promptReferenceSchema = z.object({ name: z.string(), version: z.string(), sha256: z.string() });

export const summaryMetaSchema = z
  .object({
    prompt: promptReferenceSchema,
    model: z.string().describe('The model that answered.'),
    fallback: z
      .boolean()
      .describe('The fallback model answered (BRIEF_FALLBACK_MODEL): the prompt’s model stayed overloaded.'),
    mode: z.enum(['live', 'record', 'replay']),
    attempts: z
      .number()
      .int()
      .nonnegative()
      .describe('Model calls this request made: 0 when served from the cache.'),
    cached: z
      .boolean()
      .describe(
        'Served from the cache or shared with an identical request in flight: no model call, no cost.',
      ),
    usage: usageSchema,
    cost_usd: z
      .number()
      .nonnegative()
      .nullable()
      .describe(
        'Estimated cost of this request in USD at list prices (6 decimals); 0 when cached, null for a model without a price.',
      ),
    request_id: z.string(),
    digital_source_type: z
      .literal(TRAINED_ALGORITHMIC_MEDIA)
      .describe(
        "IPTC's digital source type of the summaries: written by a trained model. Label the text with it.",
      ),
  })
  .openapi('SummaryMeta');

export const summaryResponseSchema = z
  .object({
    article_id: z.string().nullable(),
    summaries: z.object({ en: languageSummaryResponseSchema, de: languageSummaryResponseSchema }),
    checks: checkReportSchema,
    meta: summaryMetaSchema,
  })
  .openapi('SummaryResponse');

export const ninjsAnswerSchema = z
  .looseObject({ uri: z.string() })
  .describe(
    'An IPTC ninjs item (1.x, 2.x or 3.x): the item sent, every member kept, with the German summary headline, summary and key points added and the English summary as an association.',
  )
  .openapi('NinjsAnswer');

export type SummaryRequest = z.infer<typeof summaryRequestSchema>;
export type SummaryResponse = z.infer<typeof summaryResponseSchema>;
