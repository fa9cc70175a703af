/**
 * The script-tag build in Debian's Chromium, on pages served from 127.0.0.1 (SPEC §1, §3; issue 4):
 * a working window.Wix, persistence across reloads, two tabs racing on one database, change events
 * across tabs, a strict CSP, a page's own `Wix`, the memory fallback in a sandboxed iframe, and
 * another tab upgrading the database. Needs `npx rollup -c` first (dist/wix-hive-shim.min.js).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_VERSION } from '../../src/storage/schema';
import { launchPersistent, screenshotPath, startBrowserSuite, type BrowserSuite, withContext as inContext } from './harness';

/**
 * The page's globals, as the script tag and the test pages define them. Cast inside each
 * evaluated function (no `declare global`: other suites may type `window.Wix` their own way).
 */
type WixNs = import('../../src/shim/create-shim').WixNamespace;
type G = {
  Wix: WixNs & { mine?: boolean };
  WixShim: import('../../src/shim/create-shim').Shim & { ownsWix: boolean; version: string; Wix: WixNs };
  changes?: unknown[];
  hooks?: unknown[];
  cspViolations?: Array<Record<string, unknown>>;
  cspResult?: Record<string, unknown>;
  sandboxResult?: Record<string, unknown>;
  inlineRan?: boolean;
};

const DB_NAME = 'wix-hive-shim'; // the script tag's default instance

let suite: BrowserSuite | undefined;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  suite = await startBrowserSuite();
  ({ origin, browser } = suite);
});

afterAll(async () => {
  await suite?.stop();
});

/** A fresh context (its own in-memory profile) for one test; closed however the test ends. */
const withContext = <T>(run: (context: BrowserContext) => Promise<T>) => inContext(browser, {}, run);

/** Opens a page and fails on any uncaught page error. */
async function open(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[]; console: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  const console: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
  const response = await page.goto(origin + path);
  expect(response?.status()).toBe(200);
  return { page, errors, console };
}

// In-page calls. Each is serialised into the page, so each names window.Wix itself.
const reconcileIn = (page: Page, email: string, first = '') =>
  page.evaluate(([email, first]) => new Promise<{ isNew: boolean; id: string; emails: string[] }>((ok, fail) =>
    (window as unknown as G).Wix.Contacts.reconcileContact(
      { name: { first }, emails: [{ tag: 'main', email }] },
      (r) => ok({ isNew: r.isNew, id: r.contact.id, emails: r.contact.emails.map((e) => e.email) }),
      (e) => fail(new Error(`reconcileContact failed: ${e}`)),
    )), [email, first] as const);

const contactByIdIn = (page: Page, id: string) =>
  page.evaluate((id) => new Promise<{ ok: boolean; value: unknown }>((ok) =>
    (window as unknown as G).Wix.Contacts.getContactById(id, (c) => ok({ ok: true, value: c }), (e) => ok({ ok: false, value: e }))), id);

const allContactsIn = (page: Page) =>
  page.evaluate(() => new Promise<{ total: number | undefined; emails: string[] }>((ok, fail) =>
    (window as unknown as G).Wix.Contacts.getContacts({ pageSize: 500 }, (cursor) => ok({
      total: cursor.getTotal(),
      emails: cursor.getData().flatMap((c) => c.emails.map((e) => e.email)),
    }), (e) => fail(new Error(`getContacts failed: ${e}`)))));

describe('script tag in Chromium', () => {
  it('(1) the script-tag file alone gives a working window.Wix', async () => {
    await withContext(async (context) => {
      const { page, errors } = await open(context, '/test-pages/basic.html');
      const globals = await page.evaluate(() => ({
        wix: typeof (window as unknown as G).Wix,
        sameAsShim: (window as unknown as G).Wix === (window as unknown as G).WixShim.Wix,
        ownsWix: (window as unknown as G).WixShim.ownsWix,
        version: (window as unknown as G).WixShim.version,
        createShim: typeof ((window as unknown as G).WixShim as unknown as { createShim: unknown }).createShim,
        types: Object.keys((window as unknown as G).Wix.Activities.Type).length,
      }));
      expect(globals).toEqual({ wix: 'object', sameAsShim: true, ownsWix: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/), createShim: 'function', types: 40 });

      const roundTrip = await page.evaluate(() => {
        const W = (window as unknown as G).Wix;
        const call = <T>(start: (ok: (v: T) => void, fail: (e: unknown) => void) => void) =>
          new Promise<T>((ok, fail) => start(ok, (e) => fail(new Error(JSON.stringify(e)))));
        return (async () => {
          const r = await call<{ isNew: boolean; contact: { id: string } }>((ok, fail) =>
            W.Contacts.reconcileContact({ name: { first: 'Dana' }, emails: [{ tag: 'main', email: 'dana@example.com' }] }, ok as never, fail));
          const cursor = await call<{ getTotal(): number; getData(): Array<{ id: string }> }>((ok, fail) => W.Contacts.getContacts({}, ok as never, fail));
          const posted = await call<{ activityId: string; contactId: string | null }>((ok, fail) => W.Activities.postActivity({
            type: 'music/album-fan',
            info: { album: { name: 'Daylight', id: 'alb-1' }, artist: { name: 'The Pixels' } },
            details: { additionalInfoUrl: null, summary: 'Became a fan' },
            contactUpdate: { emails: [{ tag: 'main', email: 'DANA@example.com ' }] },
          }, ok as never, fail as never));
          const activity = await call<{ id: string; activityType: string; activityLocationUrl: string }>((ok, fail) =>
            W.Activities.getActivityById(posted.activityId, ok as never, fail as never));
          return {
            isNew: r.isNew, total: cursor.getTotal(), listed: cursor.getData().map((c) => c.id), id: r.contact.id,
            posted, activity: { id: activity.id, type: activity.activityType, url: activity.activityLocationUrl },
          };
        })();
      });
      expect(roundTrip.isNew).toBe(true);
      expect(roundTrip.total).toBe(1);
      expect(roundTrip.listed).toEqual([roundTrip.id]);
      expect(roundTrip.posted.contactId).toBe(roundTrip.id);
      expect(roundTrip.activity).toEqual({ id: roundTrip.posted.activityId, type: 'music/album-fan', url: `${origin}/test-pages/basic.html` });
      expect(await page.evaluate(() => (window as unknown as G).WixShim.status())).toMatchObject({ driver: 'indexeddb', persisted: true, dbName: DB_NAME, counts: { contacts: 1, activities: 1 } });
      expect(errors).toEqual([]);
    });
  });

  it('(2) data survives a reload on an on-disk profile', async () => {
    const { context, dispose } = await launchPersistent();
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/test-pages/basic.html`);
      const created = await reconcileIn(page, 'keep@example.com', 'Kept');
      expect(created.isNew).toBe(true);
      await page.reload();
      const found = await contactByIdIn(page, created.id);
      expect(found.ok).toBe(true);
      expect(found.value).toMatchObject({ id: created.id, name: { first: 'Kept' }, emails: [{ email: 'keep@example.com' }] });
      // A new tab of the same profile sees it too (and reconciles into it).
      const other = await context.newPage();
      await other.goto(`${origin}/test-pages/basic.html`);
      expect((await reconcileIn(other, ' KEEP@example.com')).id).toBe(created.id);
      expect((await allContactsIn(other)).total).toBe(1);
    } finally {
      await dispose();
    }
  });

  it('(3) two tabs reconciling the same 40 emails at once end with exactly 40 contacts', async () => {
    await withContext(async (context) => {
      const [a, b] = await Promise.all([open(context, '/test-pages/basic.html'), open(context, '/test-pages/basic.html')]);
      // Both tabs open the database before the race, so neither merely waits for the other's open.
      await Promise.all([a.page.evaluate(() => (window as unknown as G).WixShim.status()), b.page.evaluate(() => (window as unknown as G).WixShim.status())]);
      const emails = Array.from({ length: 40 }, (_, i) => `racer${i}@example.com`);
      const startAt = Date.now() + 400;
      const race = (page: Page, spell: 'lower' | 'upper') => page.evaluate(async ([list, startAt, spell]) => {
        await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
        const started = Date.now();
        const results = await Promise.all(list.map((email) => new Promise<{ isNew: boolean; id: string }>((ok, fail) =>
          (window as unknown as G).Wix.Contacts.reconcileContact(
            { emails: [{ tag: 'main', email: spell === 'upper' ? ` ${email.toUpperCase()} ` : email }] },
            (r) => ok({ isNew: r.isNew, id: r.contact.id }),
            (e) => fail(new Error(`reconcile ${email} failed: ${e}`)),
          ))));
        return { started, results };
      }, [emails, startAt, spell] as const);
      const [ra, rb] = await Promise.all([race(a.page, 'lower'), race(b.page, 'upper')]);
      // The loops really overlapped.
      expect(Math.abs(ra.started - rb.started)).toBeLessThan(200);

      for (const page of [a.page, b.page]) {
        const all = await allContactsIn(page);
        expect(all.total).toBe(40);
        expect(all.emails.map((e) => e.trim().toLowerCase()).sort()).toEqual([...emails].sort());
      }
      // Each email: one contact, created once, and both tabs were told the same id.
      for (let i = 0; i < 40; i++) {
        expect(ra.results[i]!.id).toBe(rb.results[i]!.id);
        expect(Number(ra.results[i]!.isNew) + Number(rb.results[i]!.isNew)).toBe(1);
      }
      expect(a.errors.concat(b.errors)).toEqual([]);
    });
  });

  it("(4) a change in one tab reaches the other tab's WixShim.on('change')", async () => {
    await withContext(async (context) => {
      const a = await open(context, '/test-pages/basic.html');
      const b = await open(context, '/test-pages/basic.html');
      await b.page.evaluate(() => {
        (window as unknown as G).changes = [];
        (window as unknown as G).hooks = [];
        (window as unknown as G).WixShim.on('change', (e) => (window as unknown as G).changes!.push(e));
        (window as unknown as G).WixShim.on('webhook', (e) => (window as unknown as G).hooks!.push(e));
      });
      const created = await reconcileIn(a.page, 'cross-tab@example.com');
      await b.page.waitForFunction(() => ((window as unknown as G).changes?.length ?? 0) > 0, undefined, { timeout: 5000 });
      expect(await b.page.evaluate(() => (window as unknown as G).changes)).toEqual([{ event: 'created', entity: 'contact', id: created.id }]);
      await b.page.waitForFunction(() => ((window as unknown as G).hooks?.length ?? 0) > 0, undefined, { timeout: 5000 });
      expect(await b.page.evaluate(() => (window as unknown as G).hooks)).toEqual([{ eventType: '/contacts/created', body: { contactId: created.id } }]);

      // A control in tab A (setLabels) reaches B as an update carrying the previous contact.
      await a.page.evaluate((id) => (window as unknown as G).WixShim.setLabels(id, ['vip']).then(() => undefined), created.id);
      await b.page.waitForFunction(() => ((window as unknown as G).changes?.length ?? 0) > 1, undefined, { timeout: 5000 });
      const update = (await b.page.evaluate(() => (window as unknown as G).changes![1])) as { event: string; id: string; previous: { tags: string[] } };
      expect(update).toMatchObject({ event: 'updated', entity: 'contact', id: created.id, previous: { tags: [] } });
      // And B reads the new labels from the shared database.
      expect(await contactByIdIn(b.page, created.id)).toMatchObject({ ok: true, value: { tags: ['vip'] } });
    });
  });

  it('(5) the strict-CSP page runs the shim with no CSP violation', async () => {
    await withContext(async (context) => {
      // The canary first: the detection below does see a violation when there is one.
      const canary = await open(context, '/csp/canary.html');
      expect(await canary.page.evaluate(() => (window as unknown as G).inlineRan ?? false)).toBe(false);
      await canary.page.waitForFunction(() => ((window as unknown as G).cspViolations?.length ?? 0) > 0, undefined, { timeout: 5000 });
      expect(canary.console.some((m) => m.includes('Content Security Policy'))).toBe(true);
      await canary.page.close();

      const { page, errors, console } = await open(context, '/csp/');
      const response = await page.reload();
      expect(response?.headers()['content-security-policy']).toBe("script-src 'self'; object-src 'none'");
      await page.waitForFunction(() => (window as unknown as G).cspResult !== undefined, undefined, { timeout: 10_000 });
      const result = (await page.evaluate(() => (window as unknown as G).cspResult))!;
      await page.screenshot({ path: screenshotPath('shim-strict-csp') });
      expect(result.reconcile).toMatchObject({ ok: true });
      expect(result.post).toMatchObject({ ok: true, contactId: (result.reconcile as { id: string }).id });
      expect(result.invalid).toBe('BAD_REQUEST');
      expect(result.driver).toBe('indexeddb');
      expect(await page.evaluate(() => (window as unknown as G).cspViolations)).toEqual([]);
      expect(console.filter((m) => m.includes('Content Security Policy'))).toEqual([]);
      expect(errors).toEqual([]);
    });
  });

  it('(6) a page with its own window.Wix keeps it, and WixShim.Wix still works', async () => {
    await withContext(async (context) => {
      const { page, errors } = await open(context, '/test-pages/own-wix.html');
      const state = await page.evaluate(() => ({
        mine: (window as unknown as G).Wix.mine,
        keys: Object.keys((window as unknown as G).Wix),
        ownsWix: (window as unknown as G).WixShim.ownsWix,
        shimHasContacts: typeof (window as unknown as G).WixShim.Wix.Contacts.reconcileContact,
      }));
      expect(state).toEqual({ mine: true, keys: ['mine'], ownsWix: false, shimHasContacts: 'function' });
      const reconciled = await page.evaluate(() => new Promise<{ isNew: boolean; email: string }>((ok, fail) =>
        (window as unknown as G).WixShim.Wix.Contacts.reconcileContact({ emails: [{ tag: 'main', email: 'own@example.com' }] },
          (r) => ok({ isNew: r.isNew, email: r.contact.emails[0]!.email }), (e) => fail(new Error(String(e))))));
      expect(reconciled).toEqual({ isNew: true, email: 'own@example.com' });
      expect(await page.evaluate(() => (window as unknown as G).Wix.mine === true && !('Contacts' in (window as unknown as G).Wix))).toBe(true);
      expect(errors).toEqual([]);
    });
  });

  it('(7) in an iframe sandboxed without allow-same-origin the shim falls back to memory and works', async () => {
    await withContext(async (context) => {
      const { page, errors, console } = await open(context, '/test-pages/sandbox-parent.html');
      await page.waitForFunction(() => (window as unknown as G).sandboxResult !== undefined, undefined, { timeout: 10_000 });
      const result = (await page.evaluate(() => (window as unknown as G).sandboxResult))! as {
        origin: string; indexedDBAccess: string; reconcile: { ok: boolean; isNew: boolean; email: string }; readBack: string;
        status: { driver: string; persisted: boolean; fallbackReason?: string; counts: { contacts: number } }; log: string[];
      };
      await page.screenshot({ path: screenshotPath('shim-sandboxed-iframe') });
      expect(result.origin).toBe('null'); // really an opaque origin
      expect(result.indexedDBAccess).toMatch(/^threw /); // IndexedDB really is unusable there
      expect(result.reconcile).toEqual({ ok: true, isNew: true, email: 'sandbox@example.com', id: expect.any(String) });
      expect(result.readBack).toBe('sandbox@example.com');
      expect(result.status).toMatchObject({ driver: 'memory', persisted: false, counts: { contacts: 1, activities: 0 } });
      expect(result.status.fallbackReason).toMatch(/IndexedDB/);
      // It says so (SPEC §3), once: one notice in the frame's log, naming the reason and the consequence…
      const notice = `Using in-memory storage: ${result.status.fallbackReason}. Data will not survive a reload.`;
      expect(result.log).toEqual([notice]);
      // …and printed to the console as a warning, since the app's data will not last (the frame's
      // messages reach the page's console events).
      await expect.poll(() => console.filter((m) => m.includes('[wix-hive-shim]'))).toEqual([`warning: [wix-hive-shim] ${notice}`]);
      expect(errors).toEqual([]);
    });
  });

  describe('(8) another tab opening the database at a higher version', () => {
    it('is not blocked; the first tab then fails with WIX_ERROR instead of hanging', async () => {
      await withContext(async (context) => {
        const a = await open(context, '/test-pages/basic.html');
        const b = await open(context, '/test-pages/basic.html');
        const before = await reconcileIn(a.page, 'before-upgrade@example.com');

        // Tab B (without using its shim) upgrades the database A holds open.
        const upgrade = await b.page.evaluate((name) => new Promise<Record<string, unknown>>((ok) => {
          const events: string[] = [];
          const req = indexedDB.open(name, 99);
          const timer = setTimeout(() => ok({ events, outcome: 'timed out (blocked?)' }), 5000);
          req.onblocked = () => events.push('blocked');
          req.onupgradeneeded = (e) => events.push(`upgradeneeded ${e.oldVersion}→${e.newVersion}`);
          req.onerror = () => { clearTimeout(timer); ok({ events, outcome: `error ${req.error?.name}` }); };
          req.onsuccess = () => {
            clearTimeout(timer);
            const db = req.result;
            ok({ events, outcome: 'success', version: db.version, stores: [...db.objectStoreNames] });
            // Kept open, as another app's tab would.
          };
        }), DB_NAME);
        expect(upgrade).toEqual({
          events: [`upgradeneeded ${DB_VERSION}→99`], outcome: 'success', version: 99, stores: ['activities', 'contacts', 'meta', 'sessions'],
        });

        // A's next call: the shim stepped aside on versionchange, reopens, meets version 99 > 1.
        const next = await a.page.evaluate((email) => Promise.race([
          new Promise<{ outcome: string; value: unknown }>((ok) => (window as unknown as G).Wix.Contacts.reconcileContact(
            { emails: [{ tag: 'main', email }] },
            (r) => ok({ outcome: 'success', value: r.contact.id }),
            (e) => ok({ outcome: 'failure', value: e }),
          )),
          new Promise<{ outcome: string; value: unknown }>((ok) => setTimeout(() => ok({ outcome: 'hung', value: null }), 5000)),
        ]), 'after-upgrade@example.com');
        const log = await a.page.evaluate(() => (window as unknown as G).WixShim.log().map((e) => e.message));
        expect(next).toEqual({ outcome: 'failure', value: 'WIX_ERROR' });
        expect(log.at(-1)).toMatch(/reconcile the contact: another tab upgraded this database with a newer wix-hive-shim\. Reload/);

        // A read fails the same way, promptly, and the control API rejects rather than hangs.
        expect(await contactByIdIn(a.page, before.id)).toEqual({ ok: false, value: 'WIX_ERROR' });
        const posted = await a.page.evaluate(() => new Promise<unknown>((ok) => (window as unknown as G).Wix.Activities.postActivity({
          type: 'music/album-fan', info: { album: { name: 'a' }, artist: { name: 'b' } }, details: { additionalInfoUrl: null, summary: '' },
        }, () => ok('success'), ok as never)));
        expect(posted).toMatchObject({ errorCode: 500, message: expect.stringMatching(/version/i) });
        const status = await a.page.evaluate(() => Promise.race([
          (window as unknown as G).WixShim.status().then((s) => ({ ok: true, s: JSON.stringify(s) }), (e: Error) => ({ ok: false, s: `${e.name}: ${e.message}` })),
          new Promise<{ ok: boolean; s: string }>((ok) => setTimeout(() => ok({ ok: false, s: 'hung' }), 5000)),
        ]));
        expect(status.s).not.toBe('hung');
        expect(a.errors).toEqual([]);
      });
    });

    it('after another tab deletes the database, the next call reopens it and works', async () => {
      await withContext(async (context) => {
        const a = await open(context, '/test-pages/basic.html');
        const b = await open(context, '/test-pages/basic.html');
        const before = await reconcileIn(a.page, 'deleted-db@example.com');
        const deleted = await b.page.evaluate((name) => new Promise<string>((ok) => {
          const req = indexedDB.deleteDatabase(name);
          const timer = setTimeout(() => ok('timed out (blocked?)'), 5000);
          req.onblocked = () => undefined;
          req.onsuccess = () => { clearTimeout(timer); ok('success'); };
          req.onerror = () => { clearTimeout(timer); ok(`error ${req.error?.name}`); };
        }), DB_NAME);
        expect(deleted).toBe('success');
        // A's connection was closed for the delete; the shim reopens (a fresh, empty database).
        expect(await contactByIdIn(a.page, before.id)).toEqual({ ok: false, value: 'NOT_FOUND' });
        const again = await reconcileIn(a.page, 'deleted-db@example.com');
        expect(again.isNew).toBe(true);
        expect(await a.page.evaluate(() => (window as unknown as G).WixShim.status())).toMatchObject({ driver: 'indexeddb', counts: { contacts: 1 } });
      });
    });
  });
});
