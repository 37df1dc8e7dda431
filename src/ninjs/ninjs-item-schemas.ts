import { z } from 'zod';

/** The major versions Brief reads and writes: 1.x and 2.x use lowercase names, 3.x camelCase. */
export const NINJS_VERSIONS = [1, 2, 3] as const;
export type NinjsVersion = (typeof NINJS_VERSIONS)[number];

// Bounds for what Brief reads (those of `article_id` and `title`); the body limit bounds the rest.
const MAX_URI_CHARS = 200;
const MAX_LANGUAGE_CHARS = 35;
const MAX_HEADLINE_CHARS = 500;
const MAX_ENTRIES = 100;

const uri = z.string().min(1).max(MAX_URI_CHARS);
const language = z.string().min(1).max(MAX_LANGUAGE_CHARS).optional();
const standard = z.looseObject({ version: z.string().max(20).optional() }).optional();

/** ninjs 1.x: one `headline`, bodies as `body_<format>` members (`body_text`, `body_html`). */
export const ninjs1ItemSchema = z.looseObject({
  uri,
  language,
  headline: z.string().max(MAX_HEADLINE_CHARS).optional(),
  body_text: z.string().optional(),
  body_html: z.string().optional(),
  $standard: standard,
});

const entryValue = (maxValueChars?: number) =>
  maxValueChars === undefined ? z.string() : z.string().max(maxValueChars);

function lowercaseEntries(maxValueChars?: number) {
  const entry = z.looseObject({
    role: z.string().optional(),
    contenttype: z.string().optional(),
    value: entryValue(maxValueChars),
  });
  return z.array(entry).max(MAX_ENTRIES).optional();
}

function camelCaseEntries(maxValueChars?: number) {
  const entry = z.looseObject({
    role: z.string().optional(),
    contentType: z.string().optional(),
    value: entryValue(maxValueChars),
  });
  return z.array(entry).max(MAX_ENTRIES).optional();
}

/** ninjs 2.x: `headlines` and `bodies` arrays with lowercase `contenttype`. */
export const ninjs2ItemSchema = z.looseObject({
  uri,
  language,
  headlines: lowercaseEntries(MAX_HEADLINE_CHARS),
  bodies: lowercaseEntries(),
  standard,
});

/** ninjs 3.x: as 2.x, with camelCase names (`contentType`). */
export const ninjs3ItemSchema = z.looseObject({
  uri,
  language,
  headlines: camelCaseEntries(MAX_HEADLINE_CHARS),
  bodies: camelCaseEntries(),
  standard,
});

export const ninjsItemSchemas = { 1: ninjs1ItemSchema, 2: ninjs2ItemSchema, 3: ninjs3ItemSchema } as const;

export type Ninjs1Item = z.infer<typeof ninjs1ItemSchema>;
export type Ninjs2Item = z.infer<typeof ninjs2ItemSchema>;
export type Ninjs3Item = z.infer<typeof ninjs3ItemSchema>;
