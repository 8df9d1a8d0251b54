/**
 * Validation of published records against the JSON Schemas in `schema/`
 * (CONTRACT.md: the project publishes a schema for articles.jsonl records and
 * summary.json, and tests real output against it).
 *
 * The schemas are written to draft 2020-12: it is the current JSON Schema
 * release, so a dashboard team validating in another language (Python's
 * jsonschema, Go, Java) finds it supported, and its `$defs` and union `type`
 * arrays express the contract's nullable fields directly.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { projectPath } from '../paths.ts';

/** The schema files, in the project's schema/ folder. */
export const SCHEMA_FILES = {
  article: projectPath('schema', 'article.schema.json'),
  summary: projectPath('schema', 'summary.schema.json'),
} as const;

export type SchemaName = keyof typeof SCHEMA_FILES;

/** Reads one schema file as a plain object. */
export function loadSchema(name: SchemaName): Record<string, unknown> {
  return JSON.parse(readFileSync(SCHEMA_FILES[name], 'utf8')) as Record<string, unknown>;
}

// ajv-formats is CommonJS; under NodeNext its default import is the module object, whose `default` is the plugin.
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin) as unknown as (ajv: Ajv2020) => Ajv2020;

const compiled = new Map<SchemaName, ValidateFunction>();

/** Compiles a schema on first use; later calls reuse the compiled function. */
function validator(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    // strict mode rejects unknown keywords, so a typo in a schema file fails loudly instead of validating nothing
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    validate = ajv.compile(loadSchema(name));
    compiled.set(name, validate);
  }
  return validate;
}

/** One readable line per problem: where (a JSON pointer into the record), then what. */
function describe(error: ErrorObject): string {
  const at = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${at}: unknown property "${String(params.additionalProperty)}" (add it to the schema if it is a new field)`;
    case 'required':
      return `${at}: missing required property "${String(params.missingProperty)}"`;
    case 'enum':
      return `${at}: ${error.message} (${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`;
    case 'const':
      return `${at}: must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return `${at}: ${error.message ?? `fails ${error.keyword}`}`;
  }
}

function check(name: SchemaName, record: unknown): string[] {
  const validate = validator(name);
  if (validate(record)) return [];
  return (validate.errors ?? []).map(describe);
}

/** Checks one articles.jsonl record against schema/article.schema.json; an empty list means valid. */
export function validateArticle(record: unknown): string[] {
  return check('article', record);
}

/** Checks a summary.json object against schema/summary.schema.json; an empty list means valid. */
export function validateSummary(record: unknown): string[] {
  return check('summary', record);
}
