// Writes the JSON Schema files from the zod schemas of the build (dist/schemas.js), so that they
// can never drift from what the shim enforces: `schemas/activities/<type>.schema.json` for each of
// the 40 activity types' `info`, and `schemas/export-v1.schema.json` for the export file. Run by
// `npm run build`; `--check` writes nothing and exits 1 when a file differs (test/json-schemas.test.ts
// regenerates and compares too).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as z from 'zod/mini';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every file as `[path relative to the package, JSON text]`. */
export async function generate(distFile = join(root, 'dist', 'schemas.js')) {
  const s = await import(pathToFileURL(distFile).href);
  const files = [];
  for (const type of s.CANONICAL_ACTIVITY_TYPES) {
    const schema = toJson(s.ACTIVITY_INFO_SCHEMAS[type](), s, undefined);
    files.push([`schemas/activities/${type}.schema.json`, document(schema, {
      $id: `wix-hive-shim/activities/${type}.schema.json`,
      title: `${type} activity info`,
      description: `The info of a ${type} activity, as wix-hive-shim's postActivity validates it (unknown extra keys are allowed and kept).`,
    })]);
  }
  const exportSchema = toJson(s.exportFileSchema(), s, s.exportDocs);
  files.push(['schemas/export-v1.schema.json', document(exportSchema, { $id: 'wix-hive-shim/export-v1.schema.json' })]);
  return files;
}

function document(schema, head) {
  const { $schema, title, description, ...rest } = schema;
  const top = { $schema: $schema ?? 'https://json-schema.org/draft/2020-12/schema', title, description, ...head };
  return `${JSON.stringify({ ...top, ...rest }, null, 2)}\n`;
}

// Fields the schema file and the docs spell two ways: one of the two is required (zod checks it
// with a custom check, which JSON Schema cannot read, so it is written here).
const EITHER = [['timezone', 'timeZone'], ['subtotal', 'subTotal']];

function toJson(schema, s, metadata) {
  const hasCheck = (zodSchema, fn) => (zodSchema._zod.def.checks ?? []).some((c) => c._zod.def.fn === fn);
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    ...(metadata && { metadata }),
    override: ({ zodSchema, jsonSchema }) => {
      if (hasCheck(zodSchema, Number.isInteger)) jsonSchema.type = 'integer';
      if (hasCheck(zodSchema, s.isIsoDate)) jsonSchema.description = 'An ISO-8601 date or date-time, e.g. 2024-01-31 or 2024-01-31T10:00:00Z';
    },
  });
  return tidy(json);
}

/** Plainer JSON Schema with the same meaning: `{}` extra properties go, `anyOf` of bare types becomes a type list. */
function tidy(node) {
  if (Array.isArray(node)) return node.map(tidy);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'additionalProperties' && v && typeof v === 'object' && !Object.keys(v).length) continue;
    out[k] = tidy(v);
  }
  if (Array.isArray(out.anyOf) && out.anyOf.every((m) => Object.keys(m).length === 1 && typeof m.type === 'string') && Object.keys(out).length === 1) {
    return { type: out.anyOf.map((m) => m.type) };
  }
  if (out.type === 'object' && out.properties) {
    const either = EITHER.filter(([a, b]) => a in out.properties && b in out.properties);
    if (either.length) {
      const rule = ([a, b]) => ({ anyOf: [a, b].map((k) => ({ required: [k], properties: { [k]: { not: { type: 'null' } } } })) });
      if (either.length === 1) Object.assign(out, rule(either[0]));
      else out.allOf = either.map(rule);
    }
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [path, text] of await generate()) {
    const file = join(root, path);
    let old = null;
    try { old = readFileSync(file, 'utf8'); } catch { /* new */ }
    if (old === text) continue;
    stale++;
    if (check) console.error(`[schemas] ${path} is out of date: run npm run build`);
    else { mkdirSync(dirname(file), { recursive: true }); writeFileSync(file, text); }
  }
  if (check && stale) process.exit(1);
}
