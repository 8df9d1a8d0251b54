/**
 * Renders docs/output-fields.md, the analysts' field reference, from the
 * descriptions in schema/*.schema.json, so the documentation and the schemas
 * tests validate against cannot say different things.
 *
 *   npx tsx scripts/schema-docs.ts           rewrite docs/output-fields.md
 *   npx tsx scripts/schema-docs.ts --check   exit 1 when the file is out of date
 *
 * tests/report/schema.test.ts fails when the file differs from what this renders.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadSchema, type SchemaName } from '../src/report/schema.ts';

/** The part of JSON Schema the published schemas use. */
interface SchemaNode {
  title?: string;
  description?: string;
  type?: string | string[];
  $ref?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  additionalProperties?: boolean | SchemaNode;
  propertyNames?: SchemaNode;
  $defs?: Record<string, SchemaNode>;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  uniqueItems?: boolean;
  format?: string;
  examples?: unknown[];
}

/** Where the rendered reference is written. */
export const DOCS_FILE = new URL('../docs/output-fields.md', import.meta.url);

/** The two files the reference covers, in the order they are documented. */
const FILES: ReadonlyArray<{ name: SchemaName; file: string }> = [
  { name: 'article', file: 'articles.jsonl' },
  { name: 'summary', file: 'summary.json' },
];

// a table cell may not hold a raw pipe or a line break
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const code = (v: unknown) => `\`${cell(typeof v === 'string' ? v : JSON.stringify(v))}\``;
const anchor = (ns: string, def: string) => `${ns}-${def.toLowerCase()}`;
const defName = (ref: string) => ref.replace(/^#\/\$defs\//, '');

/** The type column: the JSON type in words, with its bounds, allowed values or an example. */
function typeText(node: SchemaNode, ns: string): string {
  if (node.$ref) return `[${defName(node.$ref)}](#${anchor(ns, defName(node.$ref))})`;
  if ('const' in node) return code(node.const);
  if (node.enum) return `one of ${node.enum.map(code).join(', ')}`;
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  const words = types.filter((t) => t !== 'null').map((t) => baseText(t, node, ns));
  if (types.includes('null')) words.push('null');
  const text = words.join(' or ') || 'any';
  return node.examples?.length ? `${text}, e.g. ${code(node.examples[0])}` : text;
}

function baseText(type: string, node: SchemaNode, ns: string): string {
  switch (type) {
    case 'integer':
    case 'number':
      if (node.minimum !== undefined && node.maximum !== undefined) return `${type}, ${node.minimum} to ${node.maximum}`;
      if (node.minimum !== undefined) return `${type} ≥ ${node.minimum}`;
      if (node.exclusiveMinimum !== undefined) return `${type} > ${node.exclusiveMinimum}`;
      return type;
    case 'string':
      return node.format === 'date-time' ? 'string (ISO 8601 date-time)' : 'string';
    case 'array': {
      const notes = [node.minItems ? `at least ${node.minItems}` : '', node.uniqueItems ? 'no repeats' : ''].filter(Boolean);
      const of = node.items ? ` of ${typeText(node.items, ns)}` : '';
      return `array${notes.length ? ` (${notes.join(', ')})` : ''}${of}`;
    }
    case 'object': {
      const values = node.additionalProperties;
      if (typeof values !== 'object') return 'object';
      const keys = node.propertyNames?.enum ? node.propertyNames.enum.map(code).join(', ') : 'string';
      return `object mapping ${keys} to ${typeText(values, ns)}`;
    }
    default:
      return type;
  }
}

/** Rows for an object's properties; inline objects and arrays of inline objects are opened as `a.b` and `a[].b`. */
function rows(node: SchemaNode, prefix: string, ns: string): string[] {
  const out: string[] = [];
  const required = new Set(node.required ?? []);
  for (const [key, prop] of Object.entries(node.properties ?? {})) {
    const field = `${prefix}${key}`;
    out.push(`| \`${field}\` | ${typeText(prop, ns)} | ${required.has(key) ? 'yes' : 'no'} | ${cell(prop.description ?? '')} |`);
    if (prop.properties) out.push(...rows(prop, `${field}.`, ns));
    else if (prop.items?.properties) out.push(...rows(prop.items, `${field}[].`, ns));
  }
  return out;
}

function table(node: SchemaNode, ns: string): string[] {
  return ['| field | type | required | description |', '| --- | --- | --- | --- |', ...rows(node, '', ns)];
}

/** The whole reference as Markdown, rendered from the given schemas (by default the files in schema/). */
export function renderFieldDocs(schemas: Record<SchemaName, SchemaNode> = { article: loadSchema('article') as SchemaNode, summary: loadSchema('summary') as SchemaNode }): string {
  const lines = [
    '# Output fields',
    '',
    '<!-- Generated by `npx tsx scripts/schema-docs.ts` from schema/*.schema.json. Edit the descriptions there and rerun it; tests fail when this file is out of date. -->',
    '',
    'A reference to every field of `articles.jsonl` and `summary.json`, taken from the JSON Schemas in',
    '`schema/` that the tests check real output against. *required* says whether the field is always',
    'written (it may still be `null` when its type allows). A field marked *no* is left out when it does not',
    'apply. Offsets (`start`, `end`) count UTF-16 code units into the article\'s `text`, end exclusive.',
    'New fields may be added; a field listed here keeps its name and meaning within a major `schemaVersion`.',
  ];
  for (const { name, file } of FILES) {
    const schema = schemas[name];
    lines.push('', `<a id="${name}"></a>`, '', `## ${file}: ${schema.title ?? name}`, '', schema.description ?? '', '', ...table(schema, name));
    for (const [def, node] of Object.entries(schema.$defs ?? {})) {
      lines.push('', `<a id="${anchor(name, def)}"></a>`, '', `### ${node.title ?? def}`, '', node.description ?? '', '', ...table(node, name));
    }
  }
  return `${lines.join('\n')}\n`;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const rendered = renderFieldDocs();
  const target = fileURLToPath(DOCS_FILE);
  if (process.argv.includes('--check')) {
    const current = (() => {
      try {
        return readFileSync(target, 'utf8');
      } catch {
        return '';
      }
    })();
    if (current !== rendered) {
      console.error('docs/output-fields.md is out of date; run: npx tsx scripts/schema-docs.ts');
      process.exitCode = 1;
    }
  } else {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, rendered);
    console.log('wrote docs/output-fields.md');
  }
}
