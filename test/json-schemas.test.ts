// @vitest-environment node
// The JSON Schema files in schemas/ are generated from the zod schemas at build time
// (scripts/json-schemas.mjs): regenerating them from the build gives exactly the committed files,
// every valid example validates against its type's file (with Ajv, as an app would check them),
// and each required field the zod schema enforces is required there too. Needs `npm run build` (npm test builds first).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CANONICAL_ACTIVITY_TYPES } from '../src/core/activity-types';
import { validateActivityInfo } from '../src/core/activity-schemas';
import { requiredPaths, validActivityInfo } from './fixtures/activity-examples';
import { schemaViolations } from './json-schema-check';

const root = fileURLToPath(new URL('..', import.meta.url));
type Schema = Record<string, unknown>;

async function generated(): Promise<Array<[string, string]>> {
  const script = join(root, 'scripts', 'json-schemas.mjs');
  const { generate } = (await import(script)) as { generate: () => Promise<Array<[string, string]>> };
  return generate();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(root, path)];
  });
}

const activityFile = (type: string) => join(root, 'schemas', 'activities', `${type}.schema.json`);
const readSchema = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Schema;
const check = (type: string, info: unknown) => schemaViolations(info, readSchema(activityFile(type)));

/** `items[0].variants[0].title` → a copy of `info` without that key. */
function without(info: Record<string, unknown>, path: string): Record<string, unknown> {
  const copy = structuredClone(info);
  const keys = path.split(/\.|(?=\[)/).map((p) => (p.startsWith('[') ? Number(p.slice(1, -1)) : p));
  let parent = copy as Record<string | number, unknown>;
  for (const key of keys.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  delete parent[keys[keys.length - 1]!];
  return copy;
}

describe('generated JSON Schema files', () => {
  it('regenerating them from the build gives exactly the files in schemas/ (41: 40 activity types and the export file), as committed', async () => {
    const files = await generated();
    expect(files).toHaveLength(41);
    for (const [path, text] of files) expect(readFileSync(join(root, path), 'utf8'), path).toBe(text);
    expect(filesUnder(join(root, 'schemas')).sort()).toEqual(files.map(([path]) => path).sort());
    // `npm test` builds first, and the build writes schemas/: only git still holds what was
    // committed (staged files count), so a schema change without its files fails here.
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(git('ls-files', 'schemas').trim().split('\n').sort()).toEqual(files.map(([path]) => path).sort());
    for (const [path, text] of files) expect(git('show', `:${path}`), `${path} as committed: run \`npm run build\` and commit schemas/`).toBe(text);
  });

  it.each([...CANONICAL_ACTIVITY_TYPES])('%s: the valid example validates, and each required field is required', (type) => {
    expect(existsSync(activityFile(type))).toBe(true);
    const info = validActivityInfo[type]!;
    expect(check(type, info)).toEqual([]);
    expect(check(type, { ...info, someExtraKey: { kept: true } })).toEqual([]);
    for (const path of requiredPaths[type] ?? []) {
      expect(validateActivityInfo(type, without(info, path)), path).not.toEqual([]);
      expect(check(type, without(info, path)), `${type} without ${path}`).not.toEqual([]);
    }
  });

  it('an either-spelling field (timezone/timeZone) needs one of the two, as zod says', () => {
    const info = validActivityInfo['scheduler/appointment']!;
    const time = info.time as Record<string, unknown>;
    const { timezone: _tz, timeZone: _tZ, ...noZone } = time;
    expect(check('scheduler/appointment', { ...info, time: { ...noZone, timeZone: 'UTC' } })).toEqual([]);
    expect(check('scheduler/appointment', { ...info, time: noZone })).not.toEqual([]);
    expect(validateActivityInfo('scheduler/appointment', { ...info, time: noZone })).toEqual(['info.time.timezone is missing']);
  });
});

describe('wix-hive-shim/schemas, as an app imports it', () => {
  it('resolves by package name to the built ESM file and validates a form with the shim\'s rules and phrases', () => {
    const code = `
      import { activityInfoSchema, problemsOf } from 'wix-hive-shim/schemas';
      const schema = activityInfoSchema('form/contact-form');
      console.log(JSON.stringify({
        valid: schema.safeParse({ content: { message: 'hi' }, extra: 1 }).success,
        problems: problemsOf(schema, { content: {} }, 'info'),
        alias: problemsOf(activityInfoSchema('ecommerce/purchase'), {}, 'info').length,
      }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' })) as Record<string, unknown>;
    expect(out).toEqual({ valid: true, problems: ['info.content.message is missing'], alias: 4 });
  }, 60_000);
});

