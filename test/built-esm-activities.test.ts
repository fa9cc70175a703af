// @vitest-environment node
/**
 * The BUILT package, as an app in Node would use it (SPEC §1): a child `node` process with no DOM
 * imports `createShim` from 'wix-hive-shim' (resolved through package.json `exports` to
 * dist/index.js), posts one activity of each of the 40 types and reads each back. `npm test`
 * builds first; run `npx rollup -c --silent` before running this file alone.
 */
import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ActivityType } from '../src/core/activity-types';
import { validActivityInfo } from './fixtures/activity-examples';

const ROOT = resolve(__dirname, '..');
const SCRIPT = join(ROOT, 'test/built/esm-activities.mjs');

interface CallResult<T> { ok: boolean; value?: T; error?: unknown; sync: boolean }
interface ChildOutput {
  hasDom: boolean;
  typeKeys: string[];
  results: Array<{
    key: string;
    type: string;
    posted: CallResult<{ activityId: string; contactId: string | null }>;
    read: CallResult<Record<string, unknown>> | null;
  }>;
  listedTypes: string[];
  status: { driver: string; fallbackReason?: string; counts: { contacts: number; activities: number } };
}

function runNode(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    execFile(process.execPath, args, { cwd: ROOT, env, timeout: 60_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The child's run, shared by the tests below; built once per file run. */
let cases: Array<{ key: string; value: string; canonical: string; info: Record<string, unknown> }> = [];
let child: Promise<ChildOutput> | undefined;
function runChild(): Promise<ChildOutput> {
  child ??= (async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; exports: { '.': { import: string } } };
    expect(pkg.name).toBe('wix-hive-shim');
    const entry = join(ROOT, pkg.exports['.'].import);
    if (!existsSync(entry)) throw new Error(`${entry} is missing: build the package first (npm run build, or npx rollup -c --silent)`);

    // The fixture is TypeScript, so its values travel to the child as JSON.
    cases = Object.entries(ActivityType).map(([key, value]) => {
      const canonical = value === 'Messaging/im' ? 'messaging/im' : value;
      const info = validActivityInfo[canonical];
      if (!info) throw new Error(`test/fixtures/activity-examples.ts has no valid info for ${canonical}`);
      return { key, value, canonical, info };
    });
    const dir = mkdtempSync(join(tmpdir(), 'wix-hive-shim-built-'));
    try {
      const input = join(dir, 'input.json');
      writeFileSync(input, JSON.stringify({ cases: cases.map(({ key, info }) => ({ key, info })) }));
      const run = await runNode([SCRIPT, input]);
      if (run.code !== 0) throw new Error(`node ${SCRIPT} failed (exit ${String(run.code)}):\n${run.stderr}`);
      return JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as ChildOutput;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return child;
}

describe('the built ESM package in plain Node', () => {
  it('posts and reads back one activity of every one of the 40 types', async () => {
    const out = await runChild();
    expect(cases).toHaveLength(40);
    expect(out.hasDom).toBe(false);
    expect(out.typeKeys).toEqual(Object.keys(ActivityType));
    expect(out.results).toHaveLength(40);
    for (const [i, c] of cases.entries()) {
      const r = out.results[i];
      expect(r?.key).toBe(c.key);
      // The built enum carries the SDK's values verbatim.
      expect(r?.type, c.key).toBe(c.value);
      expect(r?.posted.ok, `${c.key}: ${JSON.stringify(r?.posted.error)}`).toBe(true);
      expect(r?.posted.sync, c.key).toBe(false);
      expect(r?.posted.value?.activityId).toEqual(expect.any(String));
      expect(r?.posted.value?.contactId).toBeNull();
      expect(r?.read?.ok, `${c.key}: read back`).toBe(true);
      const activity = r?.read?.value as Record<string, unknown>;
      expect(activity.id).toBe(r?.posted.value?.activityId);
      expect(activity.activityType, c.key).toBe(c.canonical);
      expect(activity.activityInfo, c.key).toEqual(c.info);
      expect(activity.activityDetails).toEqual({ additionalInfoUrl: null, summary: c.key });
      expect('contactId' in activity).toBe(false);
    }
    expect(out.status.counts).toEqual({ contacts: 0, activities: 40 });
    expect([...out.listedTypes].sort()).toEqual(cases.map((c) => c.canonical).sort());
  }, 90_000);

  it('stores them in the injected fake-indexeddb factory, not the memory fallback (SPEC §1)', async () => {
    const out = await runChild();
    expect(out.status.fallbackReason).toBeUndefined();
    expect(out.status.driver).toBe('indexeddb');
  }, 90_000);
});
