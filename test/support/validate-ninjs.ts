import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type AnySchemaObject, type ErrorObject } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { PROJECT_ROOT } from '../../src/config/env.js';
import type { NinjsVersion } from '../../src/ninjs/ninjs-item-schemas.js';

const GEOJSON_SCHEMA_FILE = 'GeoJSON-schema.json';
const SCHEMA_FILES: Record<NinjsVersion, string> = {
  1: 'ninjs-schema_1.6.json',
  2: 'ninjs-schema_2.2.json',
  3: 'ninjs-schema_3.1.json',
};

function readSchema(file: string): AnySchemaObject {
  const fullPath = path.join(PROJECT_ROOT, 'test', 'fixtures', 'ninjs', 'schemas', file);
  return JSON.parse(readFileSync(fullPath, 'utf8')) as AnySchemaObject;
}

/**
 * IPTC ninjs decision record 0004 (status: proposed): `aiInfo` entries on the news object and an
 * `aiInfoRef` on each object that can hold generated content; 1.x and 2.x spell them in lowercase.
 */
function withAiInfoProposal(schema: AnySchemaObject, version: NinjsVersion): AnySchemaObject {
  const lower = version !== 3;
  const name = (camel: string) => (lower ? camel.toLowerCase() : camel);
  const concept = {
    type: 'object',
    additionalProperties: false,
    properties: {
      name: { type: 'string' },
      uri: { type: 'string', format: 'uri' },
      literal: { type: 'string' },
    },
  };
  const aiInfoEntry = {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: { type: 'string' },
      role: { type: 'string' },
      system: concept,
      provider: concept,
      [name('promptInfo')]: {
        type: 'object',
        additionalProperties: false,
        properties: {
          value: { type: 'string' },
          uri: { type: 'string', format: 'uri' },
          version: { type: 'string' },
        },
      },
      [name('promptWriter')]: concept,
    },
  };
  const copy = structuredClone(schema);
  const ninjsType = (version === 1 ? copy : copy.$defs.ninjsType) as {
    properties: Record<string, AnySchemaObject>;
  };
  ninjsType.properties[name('aiInfo')] = { type: 'array', items: aiInfoEntry };
  ninjsType.properties[name('aiInfoRef')] = { type: 'string' };
  if (version !== 1) {
    for (const member of ['headlines', 'descriptions', 'bodies']) {
      const entry = ninjsType.properties[member]?.items as { properties: Record<string, unknown> };
      entry.properties[name('aiInfoRef')] = { type: 'string' };
    }
  }
  copy.$id = `${String(copy.$id).replace(/#$/, '')}-with-ai-info-proposal`;
  return copy;
}

function createValidator(version: NinjsVersion, aiInfoProposal: boolean) {
  // 1.x declares draft-07, 2.x and 3.x draft 2020-12.
  const ajv = version === 1 ? new Ajv({ allErrors: true }) : new Ajv2020({ allErrors: true });
  // A CommonJS module: its default export is the plugin object under NodeNext, the function is `.default`.
  ajvFormats.default(ajv);
  if (version !== 1) {
    // 2.x and 3.x refer to GeoJSON's schema for places; a local copy keeps the tests off the network.
    ajv.addSchema(readSchema(GEOJSON_SCHEMA_FILE));
  }
  const schema = readSchema(SCHEMA_FILES[version]);
  return ajv.compile(aiInfoProposal ? withAiInfoProposal(schema, version) : schema);
}

const validators = new Map<string, ReturnType<typeof createValidator>>();

/** The schema errors of a ninjs item against IPTC's released schema of its version (empty: valid). */
export function ninjsSchemaErrors(
  item: unknown,
  version: NinjsVersion,
  options: { aiInfoProposal?: boolean } = {},
): ErrorObject[] {
  const key = `${version}:${options.aiInfoProposal ?? false}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = createValidator(version, options.aiInfoProposal ?? false);
    validators.set(key, validate);
  }
  return validate(item) ? [] : [...(validate.errors ?? [])];
}
