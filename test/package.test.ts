/**
 * The package as a user gets it (issue 12; SPEC §1): `npm pack` ships the built files; publint and
 * arethetypeswrong find no problem in the tarball; the types compile with `--lib es2022` and no DOM,
 * without skipLibCheck; a consumer project bundles `wix-hive-shim/script` with esbuild and the
 * bundle defines `window.Wix`. Generic over whatever `exports` lists. `npm test` builds first.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  scripts: Record<string, string>;
  sideEffects: unknown;
};
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const run = (file: string, args: string[], cwd = root) =>
  execFileSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });

let work: string;
let tarball: string;
/** A consumer project with the unpacked tarball and the package's runtime dependencies installed. */
let consumer: string;

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'wix-hive-shim-package-'));
  // --ignore-scripts: `npm test` has just built; prepack (checked below) builds on a fresh clone.
  const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work])) as Array<{ filename: string }>;
  tarball = join(work, packed[0]!.filename);
  consumer = join(work, 'consumer');
  const modules = join(consumer, 'node_modules');
  mkdirSync(modules, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', work]);
  cpSync(join(work, 'package'), join(modules, pkg.name), { recursive: true });
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    mkdirSync(dirname(join(modules, dep)), { recursive: true });
    symlinkSync(join(root, 'node_modules', dep), join(modules, dep), 'dir');
  }
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Every file an export condition names, e.g. `./dist/index.js`. */
function exportedFiles(): string[] {
  return Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
}

describe('the packed tarball', () => {
  it('builds before packing and ships every exported file, the types and the LICENSE', () => {
    expect(pkg.scripts.prepack).toMatch(/npm run build/);
    const files = readdirSync(join(work, 'package'), { recursive: true }).map(String);
    for (const file of exportedFiles()) expect(files, file).toContain(file.replace(/^\.\//, ''));
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'dist/index.d.ts', 'dist/wix-hive-shim.min.js']));
  });

  it('publint reports no problem', () => {
    const out = run(bin('publint'), ['run', tarball, '--strict']);
    expect(out).toMatch(/All good!/);
  }, 60_000);

  it('arethetypeswrong reports no problem for an ESM-only package (decision 0022)', () => {
    // Throws (a non-zero exit) on any problem; the output names it. Every entry point must resolve
    // cleanly for ESM importers and bundlers (CommonJS and node10 are out of scope for ESM-only).
    const out = run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii']);
    const verdicts = out.split('\n').filter((line) => /^(node16 \(from ESM\)|bundler):/.test(line));
    expect(verdicts).toHaveLength(2 * Object.keys(pkg.exports).length);
    for (const line of verdicts) expect(line).toMatch(/🟢/);
  }, 60_000);
});

describe('a consumer project', () => {
  it('type-checks the types with --lib es2022, no DOM and no skipLibCheck (nodenext and bundler resolution; import and reference directive)', () => {
    writeFileSync(join(consumer, 'esm.ts'), [
      "import { Wix, createShim, WixDataCursor, type Contact, type IndexedDBFactory } from 'wix-hive-shim';",
      "const factory: IndexedDBFactory | null = null;",
      "const shim = createShim({ dbName: 'types', indexedDB: factory, quiet: true });",
      "Wix.Contacts.getContacts({ pageSize: 5 }, (cursor: WixDataCursor<Contact>) => cursor.getData().map((c) => c.emails[0]?.email));",
      "shim.Wix.Activities.getActivities((cursor) => cursor.hasNext(), (error) => error.length, { sort: 'asc' });",
      "export const done: Promise<void> = shim.close();",
    ].join('\n'));
    writeFileSync(join(consumer, 'script.ts'), [
      "import 'wix-hive-shim/script';",
      "Wix.Contacts.reconcileContact({ emails: [{ tag: 'main', email: 'a@b.co' }] }, (r) => r.contact.id);",
      "export const version: string = WixShim.version;",
      "export const owns: boolean = globalThis.WixShim.ownsWix;",
    ].join('\n'));
    // A page that loads the script tag and checks its own code: the globals by a reference directive.
    writeFileSync(join(consumer, 'reference.ts'), [
      '/// <reference types="wix-hive-shim/script" />',
      "Wix.Activities.getUserSessionToken((token) => token.length);",
      "export const version: string = WixShim.version;",
    ].join('\n'));
    for (const [resolution, files] of [['nodenext', ['esm.ts', 'script.ts']], ['bundler', ['esm.ts', 'reference.ts']]] as const) {
      const compilerOptions = {
        strict: true, noEmit: true, lib: ['es2022'], types: [], target: 'es2022', skipLibCheck: false,
        module: resolution === 'bundler' ? 'esnext' : 'nodenext', moduleResolution: resolution,
      };
      writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }));
      let output = '';
      try {
        output = run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], consumer);
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? error);
      }
      expect(output, `tsc (${resolution})`).toBe('');
    }
  }, 120_000);

  it('bundles `wix-hive-shim/script` with esbuild, and the bundle defines window.Wix', async () => {
    expect(pkg.sideEffects).toEqual(expect.arrayContaining(['./dist/wix-hive-shim.min.js']));
    writeFileSync(join(consumer, 'app.js'), "import 'wix-hive-shim/script';\n");
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [join(consumer, 'app.js')], absWorkingDir: consumer, bundle: true, minify: true,
      format: 'iife', platform: 'browser', write: false, logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    expect(code.length).toBeGreaterThan(10_000); // the whole shim, not an empty module
    // Run in this file's happy-dom window (IndexedDB from fake-indexeddb, test/setup.ts).
    const g = globalThis as unknown as { Wix?: { Contacts: { reconcileContact: Function } }; WixShim?: { version: string; ownsWix: boolean; close(): Promise<void> } };
    Reflect.deleteProperty(g, 'Wix');
    new Function(code)();
    expect(typeof g.Wix?.Contacts.reconcileContact).toBe('function');
    expect(g.WixShim?.ownsWix).toBe(true);
    const isNew = await new Promise((ok, fail) =>
      g.Wix!.Contacts.reconcileContact({ emails: [{ tag: 'main', email: 'bundled@example.com' }] }, (r: { isNew: boolean }) => ok(r.isNew), fail));
    expect(isNew).toBe(true);
    await g.WixShim!.close();
  }, 60_000);
});
