/**
 * The README is true on a fresh clone and on the npm page (issue 12): its links are absolute (a
 * relative link breaks on the npm page) and stay inside the repository; its two examples run as
 * printed against the built files. `npm test` builds first.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository: { url: string }; homepage: string; bugs: { url: string } };
const repo = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** The body of the first fenced block of a language. */
function block(lang: string): string {
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(readme);
  if (!m) throw new Error(`README has no \`\`\`${lang} block`);
  return m[1]!;
}

describe('README', () => {
  it('links only to absolute URLs of this repository or the web, never to paths outside it', () => {
    const targets = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(t, t).toMatch(/^https:\/\//);
    const own = targets.filter((t) => t.includes('wix-hive-shim/wix-hive-shim'));
    for (const t of own) expect(t.startsWith(repo) || t.startsWith('https://raw.githubusercontent.com/wix-hive-shim/wix-hive-shim/main/'), t).toBe(true);
    expect(readme).not.toMatch(/\.\.\/shared|\.\.\/\.\./);
    expect(pkg.homepage.startsWith(repo)).toBe(true);
    expect(pkg.bugs.url).toBe(`${repo}/issues`);
  });

  it('says how to run the Chromium suites off Debian, and that the harness honours it', () => {
    expect(readme).toMatch(/CHROMIUM_PATH/);
    expect(readFileSync(join(root, 'test', 'browser', 'harness.ts'), 'utf8')).toMatch(/process\.env\.CHROMIUM_PATH/);
  });

  it('the script-tag example runs as printed after dist/wix-hive-shim.min.js', async () => {
    const html = block('html');
    expect(html).toMatch(/<script src="dist\/wix-hive-shim\.min\.js"><\/script>/);
    const inline = /<script>\n([\s\S]*?)<\/script>/.exec(html)![1]!;
    const logs: unknown[][] = [];
    const errors: unknown[][] = [];
    vi.spyOn(console, 'log').mockImplementation((...a) => void logs.push(a));
    vi.spyOn(console, 'error').mockImplementation((...a) => void errors.push(a));
    try {
      const g = globalThis as unknown as { Wix?: unknown; WixShim?: { close(): Promise<void> } };
      Reflect.deleteProperty(g, 'Wix');
      new Function(readFileSync(join(root, 'dist', 'wix-hive-shim.min.js'), 'utf8'))();
      new Function(inline)();
      await vi.waitFor(() => expect(logs).toHaveLength(2), { timeout: 5_000 });
      expect(errors).toEqual([]);
      expect(logs).toEqual(expect.arrayContaining([[true, expect.any(String)], [expect.any(String), expect.any(String)]]));
      await g.WixShim!.close();
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('the npm example runs as printed in Node against the built package', () => {
    const dir = mkdtempSync(join(root, 'test', '.readme-'));
    try {
      // Inside the project, so `wix-hive-shim` resolves to this package (its own name).
      writeFileSync(join(dir, 'example.mjs'), block('js'));
      const out = execFileSync(process.execPath, [join(dir, 'example.mjs')], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
      expect(out).toMatch(/^1 \[/m); // getTotal() of the 'vip' label, then the page
      expect(out).toContain("first: 'Ann'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
