/**
 * The BUILT package (SPEC §1): `dist/index.js` imported by its own name in plain Node, with no DOM
 * and no IndexedDB globals, on an injected fake-indexeddb factory. `npm test` builds first.
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
}

function runNode(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [file], { cwd: root, timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const email = (i: number) => `c${String(i).padStart(2, '0')}@example.com`;

describe('built ESM package in Node', () => {
  it('imports by package name, stores in the injected IndexedDB factory, reconciles and pages', async () => {
    if (!existsSync(dist)) {
      throw new Error(`${dist} is missing: build the package first (npm run build; npm test builds before testing)`);
    }
    const run = await runNode(script);
    expect(run.stderr, `the smoke script failed:\n${run.stderr}`).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    const smoke = JSON.parse(lines[lines.length - 1] ?? '') as Smoke;

    // A bare Node: no DOM and no IndexedDB globals, so only the injected factory can be used.
    expect(smoke.env).toEqual({ window: 'undefined', document: 'undefined', indexedDB: 'undefined', IDBRequest: 'undefined', IDBKeyRange: 'undefined' });
    expect(smoke.exports).toEqual({ createShim: 'function', WixDataCursor: 'function', defaultWixContacts: 'function', wixError: 'BAD_REQUEST' });

    // The injected factory was used, not the memory fallback.
    expect(smoke.status).toEqual({ driver: 'indexeddb', persisted: true, fallbackReason: null, contacts: 30 });

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
  }, 90_000);
});
