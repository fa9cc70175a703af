/**
 * Attacks that need a Node process of their own (issue 12: F3, F11), on the BUILT package
 * (`npm test` builds first): a foreign message on the cross-tab channel must not end the process,
 * and worker threads (one BroadcastChannel, separate fake-indexeddb storages) must not cross-talk.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function runScript(name: string): Promise<{ exit: number | null; stdout: string; stderr: string }> {
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/index.js is missing: run `npm run build` first');
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'test', 'attacks', 'scripts', name)], { cwd: root, timeout: 30_000, env: { ...process.env, NODE_OPTIONS: '' } },
      (error, stdout, stderr) => resolve({ exit: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }));
  });
}

describe('Node runtime attacks (built package)', () => {
  it('F3: foreign messages on the channel neither end the process nor reach a listener', async () => {
    const run = await runScript('foreign-message.mjs');
    expect(run.stderr).not.toMatch(/TypeError/);
    expect(run.exit).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ heard: [] });
  }, 40_000);

  it('F11: a worker thread’s writes to its own IndexedDB are not announced to the main thread', async () => {
    const run = await runScript('worker-threads.mjs');
    expect(run.stderr).toBe('');
    expect(run.exit).toBe(0);
    const out = JSON.parse(run.stdout) as { driver: string; written: { contactId: string }; heard: unknown[] };
    expect(out.driver).toBe('indexeddb');
    expect(out.written.contactId).toEqual(expect.any(String));
    expect(out.heard).toEqual([]);
  }, 40_000);
});
