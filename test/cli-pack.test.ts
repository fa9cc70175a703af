// @vitest-environment node
/**
 * What a new user gets: `npm pack` holds the CLI, the dashboard and the examples; installed from
 * the tarball in a fresh folder (offline: its dependencies come from npm's cache),
 * `npx wix-hive-shim dev` serves the dashboard and `npx wix-hive-shim serve` answers the API.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type RunningCli } from './cli-helpers';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let out: string;
let app: string;
let files: string[];
const running: RunningCli[] = [];

beforeAll(() => {
  // --ignore-scripts: `npm test` has just built; a prepack build here would rewrite dist/ while
  // other test files read it.
  out = mkdtempSync(join(tmpdir(), 'whs-pack-'));
  const [packed] = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = packed!.files.map((f) => f.path);
  app = mkdtempSync(join(tmpdir(), 'whs-app-'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'my-app', version: '1.0.0', private: true }));
  execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', join(out, packed!.filename)], { cwd: app, stdio: 'ignore' });
}, 240_000);

afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
  for (const dir of [out, app]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('holds the CLI, the dashboard and the examples', () => {
    for (const file of ['dist/cli.js', 'dist/wix-hive-shim.min.js', 'examples/index.html', 'examples/dashboard/index.html', 'examples/dashboard/dashboard.js', 'examples/widget/index.html']) {
      expect(files).toContain(file);
    }
  });

  it('npx wix-hive-shim dev serves the dashboard and the script it loads, from the installed package', async () => {
    const dev = await startCli(['wix-hive-shim', 'dev', '--port', '0'], { cwd: app, command: [npx, '--offline'] });
    running.push(dev);
    const page = await fetch(`${dev.url}/dashboard/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/dist/wix-hive-shim.min.js');
    const script = await fetch(`${dev.url}/dist/wix-hive-shim.min.js`);
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('WixShim');
    expect((await fetch(`${dev.url}/dashboard/dashboard.js`)).status).toBe(200);
    expect((await fetch(`${dev.url}/../package.json`)).status).toBe(404);
    // The app example's import map: the package's own dependencies, found as Node finds them.
    for (const path of ['/node_modules/zod/mini/index.js', '/node_modules/idb/build/index.js']) {
      const served = await fetch(`${dev.url}${path}`);
      expect(served.status, path).toBe(200);
      expect(served.headers.get('content-type'), path).toMatch(/^text\/javascript/);
    }
    // Never a folder above a package, however spelled.
    for (const path of ['/node_modules/%2e%2e/package.json', '/node_modules/zod/%2e%2e/%2e%2e/package.json', '/node_modules/%2e%2e%2fwix-hive-shim/package.json', '/node_modules/nope/index.js']) {
      expect((await fetch(`${dev.url}${path}`)).status, path).toBe(404);
    }
  }, 90_000);

  it('npx wix-hive-shim serve answers GET /v1/activities/types', async () => {
    const serve = await startCli(['wix-hive-shim', 'serve', '--port', '0'], { cwd: app, command: [npx, '--offline'] });
    running.push(serve);
    const res = await fetch(`${serve.url}/v1/activities/types?version=1.0.0`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { types: string[] }).types.length).toBeGreaterThan(10);
  }, 90_000);
});
