import { z } from '@hono/zod-openapi';
import { KEY_ID_PATTERN } from '../../keys/keys-file-schema.js';

/** A year and a day: enough for a year-on-year look, and a bounded read of the ledger. */
export const MAX_USAGE_DAYS = 366;
const DAY_MS = 86_400_000;

export const usageQuerySchema = z
  .object({
    from: z.iso.date().optional().openapi({
      description: 'First UTC day, included. Default: the 1st of this month.',
      example: '2026-03-01',
    }),
    to: z.iso
      .date()
      .optional()
      .openapi({ description: 'Last UTC day, included. Default: today.', example: '2026-03-31' }),
    granularity: z.enum(['day', 'month']).default('day'),
    key_id: z
      .union([z.literal('all'), z.string().regex(KEY_ID_PATTERN)])
      .optional()
      .openapi({
        description: 'Another key, or `all` keys together: needs the `admin` scope. Default: the caller.',
      }),
  })
  .superRefine((query, context) => {
    if (query.from === undefined || query.to === undefined) {
      return;
    }
    const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS + 1;
    if (days < 1) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    } else if (days > MAX_USAGE_DAYS) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be at most ${MAX_USAGE_DAYS} days after from`,
      });
    }
  });

const usageTotalsSchema = z.object({
  requests: z
    .number()
    .int()
    .openapi({ description: 'Requests booked (failed ones too: their model calls were billed).' }),
  cached: z
    .number()
    .int()
    .openapi({ description: 'Requests answered from the cache, without a model call.' }),
  input_tokens: z.number().int(),
  output_tokens: z.number().int(),
  cache_creation_input_tokens: z.number().int(),
  cache_read_input_tokens: z.number().int(),
  cost_usd: z.number().openapi({ description: 'At list prices; batches at the batch discount.' }),
});

export const usageReportSchema = z
  .object({
    key_id: z.string(),
    from: z.iso.date(),
    to: z.iso.date(),
    granularity: z.enum(['day', 'month']),
    totals: usageTotalsSchema,
    periods: z.array(usageTotalsSchema.extend({ start: z.iso.date() })).openapi({
      description: 'Only the days (or months) with usage, oldest first.',
    }),
    budget: z
      .object({
        monthly_budget_usd: z.number(),
        spent_usd: z
          .number()
          .openapi({ description: 'Booked this calendar month (UTC), without requests in progress.' }),
        remaining_usd: z.number(),
        resets_at: z.iso.datetime(),
      })
      .nullable()
      .openapi({ description: "The key's monthly budget now; null without one (and for `key_id=all`)." }),
  })
  .openapi('UsageReport');
