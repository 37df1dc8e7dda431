import { z } from 'zod';
import { ninjs1ItemSchema, ninjs2ItemSchema, ninjs3ItemSchema } from './ninjs-item-schemas.js';

const IPTC_SCHEMAS = 'https://github.com/iptc/newsinjson/tree/main/specification';

/**
 * The ninjs request body for the OpenAPI document: what Brief reads from a 1.x, 2.x or 3.x item
 * (every other member is kept and passed through). A plain JSON Schema, not a Zod schema, so the
 * router adds no second JSON validator: `readNinjsBody` validates the item.
 */
export const NINJS_REQUEST_JSON_SCHEMA: { description: string; anyOf: Array<{ type?: 'object' }> } = {
  description: `An IPTC ninjs item of major version 1, 2 or 3 (IPTC's schemas: ${IPTC_SCHEMAS}). Brief reads \`uri\` (the article id), \`language\` (German only), the main headline (the title) and the HTML or plain-text body; the answer keeps every other member.`,
  anyOf: [ninjs1ItemSchema, ninjs2ItemSchema, ninjs3ItemSchema].map(
    (schema) =>
      // A JSON Schema object: its exact type is Zod's, the document only needs its shape.
      z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any' }) as { type?: 'object' },
  ),
};
