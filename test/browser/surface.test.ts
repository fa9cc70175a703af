/**
 * Issue 9 item 1: the shim's `window.Wix` has every member of the real Wix.js 1.90.0's, walked to
 * depth 4 in Chromium, with the same typeof and the same constant values; decision 0011 gives
 * each function member its tier.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserSuite, type BrowserSuite } from './harness';
import { openInFrame, routeWixPages, walkWix, type Member } from './wix-walk';

let suite: BrowserSuite;
let real: Member[];
let shim: Member[];

beforeAll(async () => {
  suite = await startBrowserSuite();
  const page = await suite.browser.newPage();
  await routeWixPages(page, suite.origin);
  real = await walkWix(await openInFrame(page, suite.origin, 'real.html'));
  shim = await walkWix(await openInFrame(page, suite.origin, 'shim.html'));
  await page.close();
});
afterAll(() => suite?.stop());

describe('the whole surface', () => {
  it('walks the real SDK: every namespace, 160 functions', () => {
    expect(real.length).toBeGreaterThan(300);
    expect(real.filter((m) => m[1] === 'function')).toHaveLength(160);
    console.info(`surface: ${real.length} members walked in the real Wix.js 1.90.0`);
  });

  it('the shim lacks no member', () => {
    const mine = new Set(shim.map((m) => m[0]));
    expect(real.map((m) => m[0]).filter((p) => !mine.has(p))).toEqual([]);
  });

  it('every member has the same typeof and every constant the same value', () => {
    const mine = new Map(shim.map((m) => [m[0], m]));
    const differing = real.filter((m) => {
      const s = mine.get(m[0]);
      return s && (s[1] !== m[1] || s[2] !== m[2]);
    });
    expect(differing.map((m) => [m, mine.get(m[0])])).toEqual([]);
  });

  it('decision 0011 gives every function member a tier', () => {
    const table = readFileSync(join(process.cwd(), 'docs', 'decisions', '0011-wix-surface-tiers.md'), 'utf8');
    const listed = new Set([...table.matchAll(/^\| `(Wix\.[\w.]+)` \| (emulated|simulated|inert) \|/gm)].map((m) => m[1]));
    expect(real.filter((m) => m[1] === 'function').map((m) => m[0]).filter((p) => !listed.has(p))).toEqual([]);
  });
});
