/**
 * The conformance harness: each scenario runs twice, in a frame with the shim's own `Wix` and in a
 * frame with the real Wix.js 1.90.0 hosted by `createHost`, from the same records; the two traces
 * (thrown strings, callbacks, payloads, same-task or later) must be equal once generated ids,
 * times and page URLs are normalised. One browser and one host page per suite file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { startBrowserSuite, type BrowserSuite } from '../harness';
import { FIXTURE } from './fixture';

export interface FrameSetup {
  viewMode?: 'site' | 'editor' | 'preview';
  deviceType?: 'desktop' | 'mobile';
  locale?: string;
  origCompId?: string;
  width?: number;
  target?: string;
  sectionUrl?: string;
  instance?: Record<string, unknown>;
  compId?: string;
}

export interface Scenario {
  name: string;
  /** The body of an async function of `(Wix, ctx)`; see examples/test-pages/conformance/runner.js. */
  source: string;
  /** How many callbacks to wait for before the grace period. */
  expect: number;
  frame?: FrameSetup;
  /** `false`: keep whatever the previous scenario left. Default: the shared fixture. */
  seed?: false | { contacts?: unknown[]; activities?: unknown[] };
  /** Extra wait after the expected callbacks, for surplus ones (ms). Default 60. */
  grace?: number;
}

type Trace = unknown[];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const KNOWN = new Set(JSON.stringify(FIXTURE).match(UUID) ?? []);
const KNOWN_TIMES = new Set(JSON.stringify(FIXTURE).match(/\d{4}-\d{2}-\d{2}T[0-9:.]+Z/g) ?? []);

/**
 * Generated ids become `<id1>`, `<id2>`… in order of first appearance (so "the same new id twice"
 * still compares); generated times become `<time>`; the calling page's URL (`activityLocationUrl`,
 * `siteInfo.url` and `referrer`: the host page on one side, the shim's frame on the other) becomes `<page>`.
 */
export function normalise(trace: Trace): Trace {
  const ids = new Map<string, string>();
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') {
      // The calling page: the host page on one side, the shim's frame on the other.
      if (key === 'activityLocationUrl' || v.includes('/test-pages/conformance/') || (key === 'referrer' && v === '')) return '<page>';
      if (ISO.test(v) && !KNOWN_TIMES.has(v)) return '<time>';
      return v.replace(UUID, (id) => {
        if (KNOWN.has(id)) return id;
        if (!ids.has(id)) ids.set(id, `<id${ids.size + 1}>`);
        return ids.get(id) as string;
      });
    }
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(trace) as Trace;
}

interface Pair { real: Frame; shim: Frame; compId: string }

export interface ConformanceRun {
  suite: BrowserSuite;
  page: Page;
  /** Runs one scenario on both sides; resolves with the normalised traces. */
  run(s: Scenario): Promise<{ shim: Trace; real: Trace }>;
}

export async function startConformance(): Promise<ConformanceRun> {
  const suite = await startBrowserSuite();
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${suite.origin}/test-pages/conformance/`);
  await page.waitForFunction(() => 'conformance' in window);
  const pairs = new Map<string, Pair>();

  const pairFor = async (setup: FrameSetup = {}): Promise<Pair> => {
    const key = JSON.stringify(setup);
    let pair = pairs.get(key);
    if (!pair) {
      const names = await page.evaluate((p) => (window as unknown as { conformance: { open(p: unknown): Promise<{ real: string; shim: string; compId: string }> } }).conformance.open(p), setup);
      const real = page.frame({ name: names.real });
      const shim = page.frame({ name: names.shim });
      if (!real || !shim) throw new Error('conformance frames did not open');
      pair = { real, shim, compId: names.compId };
      pairs.set(key, pair);
    }
    return pair;
  };

  const runIn = (frame: Frame, s: Scenario) =>
    frame.evaluate(([source, options]) => (window as unknown as { runScenario(s: string, o: unknown): Promise<unknown[]> }).runScenario(source, options), [s.source, { expect: s.expect, grace: s.grace ?? 60 }] as const);

  return {
    suite,
    page,
    async run(s) {
      const pair = await pairFor(s.frame);
      const seed = s.seed ?? FIXTURE;
      if (seed !== false) await pair.shim.evaluate((f) => (window as unknown as { WixShim: { seed(f: unknown): Promise<void> } }).WixShim.seed(f), seed);
      const shim = normalise(await runIn(pair.shim, s));
      if (seed !== false) await page.evaluate((f) => (window as unknown as { conformance: { hostShim: { seed(f: unknown): Promise<void> } } }).conformance.hostShim.seed(f), seed);
      const real = normalise(await runIn(pair.real, s));
      expect(errors, 'uncaught errors on the host page').toEqual([]);
      return { shim, real };
    },
  };
}

/** One suite file: a describe block with one test per scenario, sharing one browser and page. */
export function conformanceSuite(title: string, scenarios: Scenario[]): void {
  describe(`conformance: ${title}`, () => {
    let c: ConformanceRun;
    beforeAll(async () => { c = await startConformance(); });
    afterAll(async () => { await c?.suite.stop(); });
    for (const s of scenarios) {
      it(s.name, async () => {
        const { shim, real } = await c.run(s);
        // The scenario's expected callbacks all arrived from the real SDK (so equal traces are not two timeouts)…
        expect(real.filter((e) => typeof e === 'object' && e !== null && 'timedOut' in e)).toEqual([]);
        // …and the real Wix.js is the oracle: the shim's trace must equal it.
        expect(shim).toEqual(real);
      });
    }
  });
}
