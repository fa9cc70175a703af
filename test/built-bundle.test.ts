// @vitest-environment node
// The built script-tag file: self-contained and free of eval, so it runs under `script-src 'self'`.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { unpkg: string; jsdelivr: string };
const file = new URL(`../${pkg.unpkg}`, import.meta.url);

describe('the script-tag bundle', () => {
  it('exists where package.json unpkg and jsdelivr point (run `npm run build` first)', () => {
    expect(pkg.jsdelivr).toBe(pkg.unpkg);
    expect(existsSync(file), `${pkg.unpkg} is missing: run npm run build`).toBe(true);
  });

  it('contains no eval and no Function constructor', () => {
    const code = readFileSync(file, 'utf8');
    expect(code).not.toMatch(/\beval\s*\(/);
    expect(code).not.toMatch(/\bFunction\s*\(/);
  });

  it('imports nothing at run time (one self-contained file)', () => {
    const code = readFileSync(file, 'utf8');
    expect(code.startsWith('!function(')).toBe(true);
    expect(code).not.toMatch(/(^|[;{}])\s*import[\s{*]|[^\w.$]import\(|[^\w.$]require\(/);
  });
});
