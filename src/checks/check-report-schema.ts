import { z } from 'zod';

export const checkNameSchema = z
  .enum(['figures', 'quotations', 'names', 'language', 'limits', 'evidence'])
  .describe('Which deterministic check raised the failure.');

export const summaryLanguageSchema = z.enum(['en', 'de']).describe('Language of the summary.');

export const checkFailureSchema = z
  .object({
    check: checkNameSchema,
    language: summaryLanguageSchema,
    field: z
      .string()
      .describe("The field at fault: 'headline', 'summary', 'key_points[2]' or 'key_points[2].evidence'."),
    text: z.string().describe('The offending text as the summary wrote it.'),
    detail: z.string().describe('Why it failed, for an editor.'),
  })
  .describe('One fact check that an output failed.');

export const checkReportSchema = z
  .object({
    passed: z.boolean().describe('True when no check failed.'),
    failures: z.array(checkFailureSchema),
  })
  .describe('The result of the deterministic fact checks on one model output.');

export type CheckName = z.infer<typeof checkNameSchema>;
export type SummaryLanguage = z.infer<typeof summaryLanguageSchema>;
export type CheckFailure = z.infer<typeof checkFailureSchema>;
export type CheckReport = z.infer<typeof checkReportSchema>;
