/**
 * Attacks in Debian's Chromium (issue 12): F5, values nested 2,500–3,650 levels, which pass
 * Chromium's JSON but fail its IndexedDB key path (a 500 before); F3, foreign messages on the
 * cross-tab channel from another tab; F11, a sandboxed frame on the memory fallback beside a page
 * on IndexedDB. Needs `npx rollup -c` first (`npm test` builds).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpErrorBody } from '../../src/core/errors';
import type { createShim, Shim, WixNamespace } from '../../src/shim/create-shim';
import type { ChangeEvent, WebhookEvent } from '../../src/shim/events';
import { startBrowserSuite, type BrowserSuite, withContext as inContext } from './harness';

type G = {
  Wix: WixNamespace;
  WixShim: Shim & { createShim: typeof createShim };
  heard?: Array<ChangeEvent | WebhookEvent>;
  crosstalk?: { heard: Array<ChangeEvent | WebhookEvent>; child?: { reconcile?: { ok: boolean } } };
};

let suite: BrowserSuite | undefined;
beforeAll(async () => {
  suite = await startBrowserSuite();
});
afterAll(async () => {
  await suite?.stop();
});

const withContext = <T>(run: (context: BrowserContext) => Promise<T>) => inContext(suite!.browser, {}, run);

async function open(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const response = await page.goto(suite!.origin + path);
  expect(response?.status()).toBe(200);
  return { page, errors };
}

describe('F5 in Chromium: one answer for a value nested too deeply', () => {
  it('info nested 2,500, 3,000 and 3,600 levels is a 400 "nested too deeply", as 20,000 is; 1,000 is stored', async () => {
    await withContext(async (context) => {
      const { page, errors } = await open(context, '/test-pages/basic.html');
      const result = await page.evaluate(async (depths) => {
        const g = window as unknown as G;
        const shim = g.WixShim.createShim({ dbName: 'attack-f5', quiet: true });
        const nest = (depth: number) => {
          let v: Record<string, unknown> = { leaf: 1 };
          for (let i = 1; i < depth; i++) v = { v };
          return v;
        };
        const post = (depth: number) => new Promise<{ ok: boolean; value: unknown }>((done) => shim.Wix.Activities.postActivity(
          { type: 'music/album-fan', info: { album: { name: 'A', id: 'a1' }, deep: nest(depth) }, details: { additionalInfoUrl: null, summary: '' } },
          (r) => done({ ok: true, value: r }),
          (e) => done({ ok: false, value: e }),
        ));
        const out: Record<number, { ok: boolean; value: unknown }> = {};
        for (const d of depths) out[d] = await post(d);
        const counts = (await shim.status()).counts;
        await shim.close();
        return { out, counts };
      }, [1_000, 2_500, 3_000, 3_300, 3_600, 20_000]);
      expect(result.out[1_000]).toMatchObject({ ok: true });
      for (const d of [2_500, 3_000, 3_300, 3_600, 20_000]) {
        const failure = result.out[d]!;
        expect(failure.ok, `depth ${d}`).toBe(false);
        expect(failure.value as HttpErrorBody, `depth ${d}`).toMatchObject({ errorCode: 400, message: expect.stringMatching(/nested too deeply/) });
      }
      expect(result.counts).toEqual({ contacts: 0, activities: 1 });
      expect(errors).toEqual([]);
    });
  });
});

/** Two tabs of the basic page; tab a records the shim's `events` in `window.heard`, its database open. */
async function twoTabs(context: BrowserContext, events: Array<'change' | 'webhook'>) {
  const a = await open(context, '/test-pages/basic.html');
  const b = await open(context, '/test-pages/basic.html');
  await a.page.evaluate(async (events) => {
    const g = window as unknown as G;
    g.heard = [];
    for (const type of events) g.WixShim.on(type, (e: ChangeEvent | WebhookEvent) => g.heard!.push(e));
    await g.WixShim.status();
  }, events);
  return { a, b };
}

describe('F3 in Chromium: foreign messages from another tab are ignored', () => {
  it('no page error, no listener call; the shim’s own cross-tab events still arrive', async () => {
    await withContext(async (context) => {
      const { a, b } = await twoTabs(context, ['change', 'webhook']);
      await b.page.evaluate(async () => {
        const channel = new BroadcastChannel('wix-hive-shim:wix-hive-shim');
        const scope = 'indexeddb'; // the shared scope of the browser's IndexedDB: only the shape is wrong below
        for (const m of [
          { hello: 1 }, { changes: 'abc' }, { changes: 'abc', webhooks: 'xyz' }, null, 'text', [1],
          { wixHiveShim: 1, scope, changes: 'abc', webhooks: [] },
          { wixHiveShim: 1, scope, changes: [null], webhooks: [] },
          { wixHiveShim: 1, scope, changes: [{ event: 'created', entity: 'contact' }], webhooks: [] },
          { wixHiveShim: 1, scope, changes: [], webhooks: [{ eventType: '/contacts/created', body: 'x' }] },
        ]) channel.postMessage(m);
        await new Promise((r) => setTimeout(r, 300));
        channel.close();
      });
      expect(await a.page.evaluate(() => (window as unknown as G).heard)).toEqual([]);
      expect(a.errors).toEqual([]);
      // The control: a real write in tab b reaches tab a (same origin, same IndexedDB).
      const id = await b.page.evaluate(() => new Promise<string>((ok, fail) => (window as unknown as G).Wix.Contacts.reconcileContact(
        { emails: [{ tag: 'main', email: 'tab-b@example.com' }] }, (r) => ok(r.contact.id), fail)));
      await a.page.waitForFunction(() => ((window as unknown as G).heard ?? []).length >= 2, undefined, { timeout: 10_000 });
      expect(await a.page.evaluate(() => (window as unknown as G).heard)).toEqual([
        { event: 'created', entity: 'contact', id },
        { eventType: '/contacts/created', body: { contactId: id } },
      ]);
      expect([...a.errors, ...b.errors]).toEqual([]);
    });
  });
});

describe('F11 in Chromium: only instances on the same storage hear each other', () => {
  it('a tab writing to a memory instance of the same dbName is not heard by a tab on IndexedDB', async () => {
    await withContext(async (context) => {
      const { a, b } = await twoTabs(context, ['change']);
      const written = await b.page.evaluate(async () => {
        const g = window as unknown as G;
        const memory = g.WixShim.createShim({ dbName: 'wix-hive-shim', indexedDB: null, quiet: true });
        const id = await new Promise<string>((ok, fail) => memory.Wix.Contacts.reconcileContact(
          { emails: [{ tag: 'main', email: 'memory@example.com' }] }, (r) => ok(r.contact.id), fail));
        await memory.clear();
        await memory.close();
        return id;
      });
      expect(written).toEqual(expect.any(String));
      await a.page.waitForTimeout(300);
      expect(await a.page.evaluate(() => (window as unknown as G).heard)).toEqual([]);
      expect([...a.errors, ...b.errors]).toEqual([]);
    });
  });

  it('the page hears nothing of the frame’s writes', async () => {
    await withContext(async (context) => {
      const { page, errors } = await open(context, '/test-pages/sandbox-crosstalk.html');
      await page.waitForFunction(() => (window as unknown as G).crosstalk?.child !== undefined, undefined, { timeout: 15_000 });
      await page.waitForTimeout(300);
      const result = await page.evaluate(() => (window as unknown as G).crosstalk!);
      expect(result.child?.reconcile?.ok).toBe(true);
      expect(result.heard).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
});
