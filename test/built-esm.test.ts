/**
 * The BUILT package (SPEC §1): `dist/index.js` imported by its own name in plain Node, with no DOM,
 * IndexedDB from `import 'fake-indexeddb/auto'` and an injected fake-indexeddb factory. `npm test`
 * builds first.
 */
import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist', 'index.js');
const script = join(root, 'test', 'built', 'esm-smoke.mjs');

interface Smoke {
  env: Record<string, string>;
  exports: { createShim: string; WixDataCursor: string; defaultWixContacts: string; wixError: string };
  created: Array<{ id: string; isNew: boolean }>;
  again: { isNew: boolean; id: string };
  cursor: {
    isWixDataCursor: boolean;
    total: number;
    pageSize: number;
    firstPage: string[];
    firstState: { hasNext: boolean; hasPrevious: boolean };
    nextPage: string[];
    nextState: { hasNext: boolean; hasPrevious: boolean };
  };
  status: { driver: string; persisted: boolean; fallbackReason: string | null; contacts: number };
  databases: { injected: string[]; global: string[] };
}

interface Run { exit: number | null; signal: string | null; timedOut: boolean; stdout: string; stderr: string }

/** Runs a script in a fresh Node (cwd: the project root, so the package resolves its own name). */
function runNode(file: string, timeout: number): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [file],
      { cwd: root, timeout, killSignal: 'SIGKILL', env: { ...process.env, NODE_OPTIONS: '' } },
      (error, stdout, stderr) => {
        const e = error as (Error & { code?: number | string; signal?: string | null; killed?: boolean }) | null;
        resolve({
          exit: e ? (typeof e.code === 'number' ? e.code : null) : 0,
          signal: e?.signal ?? null,
          timedOut: !!e?.killed,
          stdout,
          stderr,
        });
      },
    );
  });
}

const email = (i: number) => `c${String(i).padStart(2, '0')}@example.com`;
const EXIT_WITHIN_MS = 20_000;

/** The one child run both tests read; fails each test clearly when the build is missing. */
let pending: Promise<Run> | undefined;
function smokeRun(): Promise<Run> {
  pending ??= existsSync(dist)
    ? runNode(script, EXIT_WITHIN_MS)
    : Promise.reject(new Error(`${dist} is missing: build the package first (npm run build; npm test builds before testing)`));
  return pending;
}

describe('built ESM package in Node', () => {
  it('imports by package name, stores in the injected IndexedDB factory, reconciles and pages', async () => {
    const run = await smokeRun();
    expect(run.stderr, `the smoke script wrote to stderr:\n${run.stderr}`).toBe('');
    const line = run.stdout.split('\n').find((l) => l.startsWith('{'));
    expect(line, `the smoke script printed no result (exit ${run.exit}, signal ${run.signal}):\n${run.stdout}`).toBeDefined();
    const smoke = JSON.parse(line ?? '') as Smoke;

    // A bare Node: no DOM; the IndexedDB globals come from fake-indexeddb/auto alone.
    expect(smoke.env).toEqual({ window: 'undefined', document: 'undefined', indexedDB: 'object', IDBRequest: 'function', IDBKeyRange: 'function' });
    expect(smoke.exports).toEqual({ createShim: 'function', WixDataCursor: 'function', defaultWixContacts: 'function', wixError: 'BAD_REQUEST' });

    // The injected factory was used, not the memory fallback.
    expect(smoke.status).toEqual({ driver: 'indexeddb', persisted: true, fallbackReason: null, contacts: 30 });
    expect(smoke.databases).toEqual({ injected: ['esm-smoke'], global: [] });

    expect(smoke.created).toHaveLength(30);
    expect(smoke.created.every((c) => c.isNew)).toBe(true);
    expect(new Set(smoke.created.map((c) => c.id)).size).toBe(30);
    expect(smoke.again).toEqual({ isNew: false, id: smoke.created[0]?.id });

    const c = smoke.cursor;
    expect(c.isWixDataCursor).toBe(true);
    expect([c.total, c.pageSize]).toEqual([30, 25]);
    expect(c.firstPage).toEqual(Array.from({ length: 25 }, (_, i) => email(29 - i)));
    expect(c.firstState).toEqual({ hasNext: true, hasPrevious: false });
    expect(c.nextPage).toEqual([4, 3, 2, 1, 0].map(email));
    expect(c.nextState).toEqual({ hasNext: false, hasPrevious: true });
  }, EXIT_WITHIN_MS + 10_000);

  it('the Node process exits by itself once the script is done', async () => {
    const run = await smokeRun();
    expect(
      run.timedOut,
      `node was still running ${EXIT_WITHIN_MS / 1000}s later and had to be killed: a handle keeps the event loop alive ` +
        '(e.g. a BroadcastChannel opened by touching the default `Wix` instance, which nothing can close)',
    ).toBe(false);
    expect(run.exit).toBe(0);
  }, EXIT_WITHIN_MS + 10_000);
});
