/**
 * The dashboard at real data sizes (issue 12): search by name, email or phone, order by created or
 * modified, page size; Seed/Clear/Import ask first and say how much they replace; the database
 * picker; the site's activity stream with type and day filters; the webhook and change log kept
 * across reloads; a 390 px layout; and the time to the first page at 100,000 contacts (printed, not
 * asserted: the machine is shared). Needs `npx rollup -c --silent` first.
 * `UPDATE_DOCS_SCREENSHOT=1` writes docs/dashboard-390.png instead of test-results/.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath, startBrowserSuite, type BrowserSuite, withContext as inContext } from './harness';
import { openPage, rowIds, text, tid, waitForText, type Opened } from './dashboard-page';

type Shim = import('../../src/shim/create-shim').Shim;
type Fixture = import('../../src/shim/create-shim').Fixture;
type G = { WixShim: Shim; DemoFixture: { build(now?: number): Required<Fixture> } };

const DOCS_390 = join(process.cwd(), 'docs', 'dashboard-390.png');
const DOCS_NOW = Date.parse('2025-06-02T09:30:00Z');

let suite: BrowserSuite | undefined;
let origin: string;
let browser: Browser;
let files: string;

beforeAll(async () => {
  suite = await startBrowserSuite();
  ({ origin, browser } = suite);
  files = mkdtempSync(join(tmpdir(), 'wix-hive-shim-dashboard-data-'));
});
afterAll(async () => {
  await suite?.stop();
  if (files) rmSync(files, { recursive: true, force: true });
});

const withContext = <T>(run: (context: BrowserContext) => Promise<T>, width = 1440, height = 900) =>
  inContext(browser, { viewport: { width, height }, locale: 'en-US', timezoneId: 'UTC' }, run);

async function open(context: BrowserContext, path: string): Promise<Opened> {
  const opened = await openPage(context, origin + path);
  if (path.startsWith('/dashboard/')) await opened.page.waitForSelector('body[data-ready="true"]');
  return opened;
}

/** Waits until the rows are exactly these ids, in this order. */
async function waitForRows(page: Page, ids: string[]) {
  await page.waitForFunction(({ selector, ids }) => {
    const shown = [...document.querySelectorAll(selector)].map((r) => (r as HTMLElement).dataset.id);
    return JSON.stringify(shown) === JSON.stringify(ids);
  }, { selector: tid('contact-row'), ids }, { timeout: 15_000 }).catch(async (error: Error) => {
    throw new Error(`rows never became ${JSON.stringify(ids)}; they are ${JSON.stringify(await rowIds(page))} (${error.message})`);
  });
}

const T0 = Date.parse('2025-03-01T08:00:00Z');
const at = (hours: number) => new Date(T0 + hours * 3600_000).toISOString();

/** 35 contacts: created an hour apart, modified in another order; every third is a "Dana". */
function people() {
  return Array.from({ length: 35 }, (_, i) => ({
    id: `p${String(i).padStart(2, '0')}`,
    name: { first: i % 3 === 0 ? `Dana${i}` : `Sam${i}`, last: i % 2 ? 'Levi' : 'Okafor' },
    emails: [{ tag: 'main', email: `person${i}@example.com` }],
    phones: [{ tag: 'mobile', phone: `+1 415 555 ${String(1000 + i)}` }],
    createdAt: at(i),
    modifiedAt: at(100 + ((i * 11) % 35)),
  }));
}

async function seedPeople(page: Page) {
  await page.evaluate((contacts) => (window as unknown as G).WixShim.seed({ contacts }), people());
  await waitForText(page, 'range', '1–10 of 35');
}

describe('dashboard at real data sizes', () => {
  it('searches by email, phone or name, orders by created or modified, and pages with the cursor', () => withContext(async (context) => {
    const { page, problems } = await open(context, '/dashboard/');
    await seedPeople(page);
    const all = people();
    const newest = [...all].reverse().map((p) => p.id);
    await waitForRows(page, newest.slice(0, 10));

    // Email, spelled differently: the one contact, through the index.
    await page.fill(tid('search'), '  PERSON7@Example.COM ');
    await page.press(tid('search'), 'Enter');
    await waitForRows(page, ['p07']);
    expect(await text(page, 'range')).toBe('Page 1 · 1 match');
    // Phone, formatted differently.
    await page.fill(tid('search'), '+1 (415) 555-1012');
    await page.press(tid('search'), 'Enter');
    await waitForRows(page, ['p12']);
    // No match.
    await page.fill(tid('search'), 'nobody@example.com');
    await page.press(tid('search'), 'Enter');
    await waitForRows(page, []);
    expect(await page.textContent(tid('contact-rows'))).toContain('No contact matches “nobody@example.com”.');

    // A part of the name (typed, not submitted: the search runs as you type), newest first.
    const danas = newest.filter((id) => Number(id.slice(1)) % 3 === 0);
    expect(danas).toHaveLength(12);
    await page.fill(tid('search'), 'dana');
    await waitForRows(page, danas.slice(0, 10));
    expect(await page.isDisabled(tid('prev'))).toBe(true);
    await page.click(tid('next'));
    await waitForRows(page, danas.slice(10));
    expect(await text(page, 'range')).toBe('Page 2 · 2 matches');
    expect(await page.isDisabled(tid('next'))).toBe(true);
    await page.click(tid('prev'));
    await waitForRows(page, danas.slice(0, 10));
    await page.screenshot({ path: screenshotPath('dashboard-search') });

    // Recently modified first, within the search and without one.
    const byModified = [...all].sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt)).map((p) => p.id);
    await page.selectOption(tid('sort'), 'modified');
    await waitForRows(page, byModified.filter((id) => danas.includes(id)).slice(0, 10));
    await page.fill(tid('search'), '');
    await page.press(tid('search'), 'Enter');
    await waitForRows(page, byModified.slice(0, 10));
    expect(byModified.slice(0, 10)).not.toEqual(newest.slice(0, 10));
    // Page size 25, still by modified: 25 then 10.
    await page.selectOption(tid('page-size'), '25');
    await waitForRows(page, byModified.slice(0, 25));
    await page.click(tid('next'));
    await waitForRows(page, byModified.slice(25));
    // Back to newest created: the SDK cursor, with its total, at 25 a page.
    await page.selectOption(tid('sort'), 'created');
    await waitForRows(page, newest.slice(0, 25));
    await waitForText(page, 'range', '1–25 of 35');
    await page.click(tid('next'));
    await waitForText(page, 'range', '26–35 of 35');
    expect(problems).toEqual([]);
  }));

  it('asks before Seed, Clear and Import replace stored data, saying how many records; Cancel changes nothing', () => withContext(async (context) => {
    const { page, problems, dialogs } = await open(context, '/dashboard/');
    // An empty database: nothing to replace, so Seed does not ask.
    await page.click(tid('seed'));
    await waitForText(page, 'range', '1–10 of 60');
    expect(await page.isVisible(tid('replace-bar'))).toBe(false);
    const status = await page.evaluate(() => (window as unknown as G).WixShim.status());
    const { contacts, activities } = status.counts;
    const stored = `${contacts} contacts and ${activities} activities`;
    const before = await page.evaluate(() => (window as unknown as G).WixShim.exportData());

    await page.click(tid('seed'));
    await waitForText(page, 'replace-message', `Seed: replace all ${stored} with the demo data (60 contacts, about 430 activities)?`);
    expect(await text(page, 'replace-confirm')).toBe(`Replace ${(contacts + activities).toLocaleString('en-US')} records`);
    await page.screenshot({ path: screenshotPath('dashboard-confirm-seed') });
    await page.click(tid('replace-cancel'));
    expect(await page.isVisible(tid('replace-bar'))).toBe(false);

    await page.click(tid('clear'));
    await waitForText(page, 'replace-message', `Delete all ${stored}? Reset brings back the last seed.`);
    await page.keyboard.press('Escape');
    await page.waitForSelector(tid('replace-bar'), { state: 'hidden' });

    // An import names the file and what it holds.
    const file = join(files, 'three.json');
    writeFileSync(file, JSON.stringify({ ...before, contacts: before.contacts.slice(0, 3), activities: [] }));
    await page.setInputFiles(tid('import-file'), file);
    await waitForText(page, 'replace-message', `Import: replace all ${stored} with three.json (3 contacts, 0 activities)?`);
    await page.click(tid('replace-cancel'));
    await page.waitForTimeout(300);
    // Nothing was replaced by any of the three.
    const after = await page.evaluate(() => (window as unknown as G).WixShim.exportData());
    expect(after.contacts).toEqual(before.contacts);
    expect(after.activities).toEqual(before.activities);
    expect(await text(page, 'total')).toBe('60');

    // Confirmed, the import replaces.
    await page.setInputFiles(tid('import-file'), file);
    await page.click(tid('replace-confirm'));
    await waitForText(page, 'range', '1–3 of 3');
    await waitForText(page, 'message', 'Imported three.json: 3 contacts and 0 activities.');
    await page.click(tid('clear'));
    await waitForText(page, 'replace-message', 'Delete all 3 contacts and 0 activities? Reset brings back the last seed.');
    await page.click(tid('replace-confirm'));
    await waitForText(page, 'range', '0 of 0');
    // In the page, as Delete asks: never a browser dialog.
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  }));

  it("lists the databases with the shim's layout, the app example's included, and opens the one picked", () => withContext(async (context) => {
    const app = await open(context, '/app/');
    await app.page.click(tid('app-post'));
    await waitForText(app.page, 'app-counts', '3 activities, 1 contact (indexeddb)');
    // Another library's database on the same origin: not offered, and left as it was.
    await app.page.evaluate(() => new Promise<void>((ok, fail) => {
      const req = indexedDB.open('someone-else', 3);
      req.onupgradeneeded = () => { req.result.createObjectStore('things'); };
      req.onsuccess = () => { req.result.close(); ok(); };
      req.onerror = () => fail(req.error);
    }));

    const { page, problems } = await open(context, '/dashboard/');
    await page.click(tid('seed'));
    await waitForText(page, 'range', '1–10 of 60');
    await page.waitForSelector(`${tid('db-picker')}[data-ready="true"]`);
    const options = await page.$$eval(`${tid('db-picker')} option`, (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(['wix-hive-shim', 'example-app']);
    expect(await page.inputValue(tid('db-picker'))).toBe('wix-hive-shim');

    await Promise.all([page.waitForURL(/\?db=example-app$/), page.selectOption(tid('db-picker'), 'example-app')]);
    await waitForText(page, 'range', '1–1 of 1');
    await waitForText(page, 'status', /· 1 contact · 3 activities · db “example-app”/);
    expect(await page.inputValue(tid('db-picker'))).toBe('example-app');
    await page.screenshot({ path: screenshotPath('dashboard-db-example-app') });
    // And back to the default.
    await Promise.all([page.waitForURL(/\/dashboard\/$/), page.selectOption(tid('db-picker'), 'wix-hive-shim')]);
    await waitForText(page, 'range', '1–10 of 60');

    const foreign = await page.evaluate(() => new Promise<{ version: number; stores: string[] }>((ok) => {
      const req = indexedDB.open('someone-else');
      req.onsuccess = () => { const db = req.result; ok({ version: db.version, stores: [...db.objectStoreNames] }); db.close(); };
    }));
    expect(foreign).toEqual({ version: 3, stores: ['things'] });
    expect(problems).toEqual([]);
    expect(app.problems).toEqual([]);
  }));

  it("shows the site's activity stream, unlinked activities included, filtered by type and day, paged", () => withContext(async (context) => {
    const { page, problems } = await open(context, '/dashboard/');
    const start = Date.parse('2025-04-01T12:00:00Z');
    // 50 activities, one every 6 hours (Apr 1–13); every fifth is anonymous (no contact).
    await page.evaluate((start) => (window as unknown as G).WixShim.seed({
      contacts: [{ id: 'buyer', name: { first: 'Bea', last: 'Buyer' }, emails: [{ tag: 'main', email: 'bea@example.com' }], createdAt: new Date(start).toISOString() }],
      activities: Array.from({ length: 50 }, (_, i) => ({
        ...(i % 5 ? { contactId: 'buyer' } : {}),
        createdAt: new Date(start + i * 6 * 3600_000).toISOString(),
        activityType: i % 2 ? 'social/comment' : 'form/contact-form',
        activityInfo: i % 2 ? { text: `Comment ${i}`, channel: 'SITE' } : { subject: `Question ${i}`, content: { message: `Message ${i}` } },
        activityDetails: { additionalInfoUrl: null, summary: `${i % 5 ? 'Linked' : 'Anonymous'} ${i}` },
      })),
    }), start);
    await waitForText(page, 'range', '1–1 of 1');
    await page.click(`${tid('stream')} > summary`);
    const summaries = () => page.$$eval(`${tid('stream-item')} .tl-summary`, (els) => els.map((e) => e.textContent));
    const waitForCount = (n: number) => page.waitForFunction(({ s, n }) => document.querySelectorAll(s).length === n, { s: tid('stream-item'), n });
    const label = (i: number) => `${i % 5 ? 'Linked' : 'Anonymous'} ${i}`;
    const desc = Array.from({ length: 50 }, (_, i) => 49 - i);

    await waitForCount(20);
    expect(await summaries()).toEqual(desc.slice(0, 20).map(label));
    await waitForText(page, 'stream-count', '(20+)');
    await page.click(tid('stream-more'));
    await waitForCount(40);
    await page.click(tid('stream-more'));
    await waitForCount(50);
    expect(await summaries()).toEqual(desc.map(label));
    expect(await page.isVisible(tid('stream-more'))).toBe(false);
    await waitForText(page, 'stream-count', '(50)');
    // The anonymous ones are there: the contact's own timeline does not have them.
    expect((await summaries()).filter((s) => s!.startsWith('Anonymous'))).toHaveLength(10);

    // Type: comments only (the odd ones).
    await page.selectOption(tid('stream-type'), 'social/comment');
    await waitForCount(20);
    expect(await summaries()).toEqual(desc.filter((i) => i % 2).slice(0, 20).map(label));
    await waitForText(page, 'stream-count', '(20+)');
    // Days: April 3 to 4 (UTC) hold activities 6–13; the comments among them are 7, 9, 11, 13.
    await page.fill(tid('stream-from'), '2025-04-03');
    await page.fill(tid('stream-until'), '2025-04-04');
    await waitForCount(4);
    expect(await summaries()).toEqual([13, 11, 9, 7].map(label));
    await page.selectOption(tid('stream-type'), '');
    await waitForCount(8);
    expect(await summaries()).toEqual([13, 12, 11, 10, 9, 8, 7, 6].map(label));
    await page.screenshot({ path: screenshotPath('dashboard-stream') });
    // A day with nothing.
    await page.fill(tid('stream-from'), '2025-05-01');
    await page.fill(tid('stream-until'), '2025-05-02');
    await waitForCount(0);
    await page.waitForSelector(`${tid('stream-empty')}:visible`);
    expect(problems).toEqual([]);
  }));

  it('keeps the webhook and change log across a reload, at most 200 entries, until it is cleared', () => withContext(async (context) => {
    const { page, problems } = await open(context, '/dashboard/');
    await page.click(tid('seed'));
    await waitForText(page, 'range', '1–10 of 60');
    await page.evaluate(() => new Promise((ok, fail) => (window as unknown as G).WixShim.Wix.Contacts.reconcileContact(
      { name: { first: 'Logged' }, emails: [{ tag: 'main', email: 'logged@example.com' }] }, ok, fail)));
    await page.waitForSelector(`${tid('log-entry')}[data-kind="webhook"]`, { state: 'attached' });
    const entries = () => page.$$eval(tid('log-entry'), (els) => els.map((e) => `${(e as HTMLElement).dataset.kind} ${e.querySelectorAll('code')[0]!.textContent}`));
    const shown = await entries();
    expect(shown).toContain('webhook /contacts/created');
    expect(shown).toContain('change created contact');
    expect(shown).toContain('change replaced all');

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await entries()).toEqual(shown);
    await waitForText(page, 'webhook-count', `(${shown.length})`);

    // Bounded: with 200 kept, a new entry pushes out the oldest.
    await page.evaluate(() => {
      const old = Array.from({ length: 200 }, (_, i) => ({ at: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(), kind: 'webhook', type: '/contacts/updated', text: `{"n":${i}}` }));
      localStorage.setItem('wix-hive-shim:dashboard-log:wix-hive-shim', JSON.stringify(old));
    });
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await waitForText(page, 'webhook-count', '(200)');
    await page.evaluate(() => new Promise((ok, fail) => (window as unknown as G).WixShim.Wix.Contacts.reconcileContact(
      { name: { first: 'Another' }, emails: [{ tag: 'main', email: 'another@example.com' }] }, ok, fail)));
    await page.waitForFunction((s) => document.querySelector(s)?.textContent?.includes('/contacts/created'), tid('webhooks'));
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await waitForText(page, 'webhook-count', '(200)');
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('wix-hive-shim:dashboard-log:wix-hive-shim')!) as Array<{ text: string }>);
    expect(kept).toHaveLength(200);
    // Newest first: the two new entries (a change and a webhook) pushed out the two oldest.
    expect(kept.map((e) => e.text)).toContain('{"n":197}');
    expect(kept.map((e) => e.text)).not.toContain('{"n":198}');
    expect(kept.map((e) => e.text)).not.toContain('{"n":199}');

    // Cleared, it stays cleared; malformed storage (another script's) reads as an empty log.
    await page.click('.webhooks > summary');
    await page.click(tid('log-clear'));
    await waitForText(page, 'webhook-count', '(0)');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await waitForText(page, 'webhook-count', '(0)');
    await page.evaluate(() => localStorage.setItem('wix-hive-shim:dashboard-log:wix-hive-shim', '{"not": "a list"'));
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await waitForText(page, 'webhook-count', '(0)');
    expect(problems).toEqual([]);
  }));

  it('is usable 390 px wide: nothing overlaps, nothing scrolls sideways, names are whole', () => withContext(async (context) => {
    const { page, problems } = await open(context, '/dashboard/');
    await page.evaluate((now) => (window as unknown as G).WixShim.seed((window as unknown as G).DemoFixture.build(now)), DOCS_NOW);
    await waitForText(page, 'range', '1–10 of 60');
    const layout = await page.evaluate(() => {
      const box = (el: Element) => el.getBoundingClientRect();
      const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      const pairs = (els: Element[]) => {
        const bad: string[] = [];
        const visible = els.filter((e) => box(e).width > 0);
        for (let i = 0; i < visible.length; i++) for (let j = i + 1; j < visible.length; j++) {
          if (overlap(box(visible[i]!), box(visible[j]!))) bad.push(`${visible[i]!.textContent?.slice(0, 30)} / ${visible[j]!.textContent?.slice(0, 30)}`);
        }
        return bad;
      };
      const names = [...document.querySelectorAll('[data-testid="contact-name"]')] as HTMLElement[];
      return {
        scrollWidth: document.documentElement.scrollWidth,
        topbar: pairs([...document.querySelectorAll('.topbar > *')]),
        listHead: pairs([...document.querySelectorAll('.list-tools > *, .list-head > label, .list-head > button')]),
        rowCells: [...document.querySelectorAll('[data-testid="contact-row"]')].flatMap((r) => pairs([...r.children])),
        cutNames: names.filter((n) => n.scrollWidth > n.clientWidth + 1).map((n) => n.textContent),
        narrowest: Math.min(...names.map((n) => n.getBoundingClientRect().width)),
      };
    });
    expect(layout.scrollWidth).toBeLessThanOrEqual(390);
    expect(layout.topbar).toEqual([]);
    expect(layout.listHead).toEqual([]);
    expect(layout.rowCells).toEqual([]);
    expect(layout.cutNames).toEqual([]);
    expect(layout.narrowest).toBeGreaterThan(40);
    // The controls are reachable: search works and a row opens its detail.
    await page.fill(tid('search'), 'irene');
    await waitForText(page, 'range', 'Page 1 · 1 match');
    await page.click(tid('contact-row'));
    await waitForText(page, 'detail-name', 'Irene Papadopoulos');
    await page.fill(tid('search'), '');
    await page.press(tid('search'), 'Enter');
    await waitForText(page, 'range', '1–10 of 60');
    await page.waitForSelector(tid('timeline-item'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(0, 0);
    await page.screenshot({ path: process.env.UPDATE_DOCS_SCREENSHOT === '1' ? DOCS_390 : screenshotPath('dashboard-390'), fullPage: false });
    expect(problems).toEqual([]);
  }, 390, 844));

  it('shows the first page of 100,000 contacts after a reload, and prints how fast', () => withContext(async (context) => {
    const { page, problems } = await open(context, '/dashboard/');
    const n = 100_000;
    const seedMs = await page.evaluate(async (n) => {
      const t = performance.now();
      const base = Date.parse('2020-01-01T00:00:00Z');
      await (window as unknown as G).WixShim.seed({
        contacts: Array.from({ length: n }, (_, i) => ({
          id: `c${String(i).padStart(6, '0')}`,
          name: { first: `First${i}`, last: `Last${i % 97}` },
          emails: [{ tag: 'main', email: `user${i}@example.com` }],
          ...(i % 10 === 0 ? { tags: ['tenth'] } : {}),
          createdAt: new Date(base + i * 60_000).toISOString(),
        })),
      });
      return performance.now() - t;
    }, n);
    // Polled over CDP, not with page.waitForFunction: Playwright compiles its injected script in the
    // page on first use (20–40 ms of the page's main thread), and it would land while the dashboard
    // starts and count against it.
    const cdp = await context.newCDPSession(page);
    const value = async <T>(expression: string): Promise<T> => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value as T;
    const until = async (expression: string, what: string) => {
      for (const deadline = Date.now() + 60_000; !(await value<boolean>(expression));) {
        if (Date.now() > deadline) throw new Error(`the dashboard never showed ${what}`);
        await new Promise((ok) => setTimeout(ok, 10));
      }
    };
    // Idle, as a page is when its user reloads it: the list, the status and the labels show the seed.
    const idle = `document.querySelector('${tid('status')}').textContent.includes('100000 contacts') && document.querySelector('${tid('label-filter')}').textContent.includes('tenth (10000)')`;
    await until(idle, 'the seeded data');
    const runs: Array<Record<'afterLoad' | 'fromStart' | 'fromNavigation', number>> = [];
    for (let i = 0; i < 5; i++) {
      await page.reload();
      await until(`performance.getEntriesByName('dashboard:first-rows').length > 0`, 'its first rows');
      runs.push(await value(`(() => {
        const mark = (name) => performance.getEntriesByName(name)[0].startTime;
        const rows = mark('dashboard:first-rows');
        return { afterLoad: rows - mark('dashboard:script-start'), fromStart: rows - mark('dashboard:start'), fromNavigation: rows };
      })()`));
      await until(idle, 'the status and labels after a reload');
    }
    const median = (key: 'afterLoad' | 'fromStart' | 'fromNavigation') => runs.map((r) => r[key]).sort((a, b) => a - b)[runs.length >> 1]!;
    // Printed for the report, not asserted: two cores shared by several test runs.
    // Three clocks for the first page painted. After load: from dashboard.js, the last of the page's
    // scripts, starting (issue 12's figure). From start.js, the page's first script, in <head>,
    // which asks for the page: the rest of the page's loading counts too. From navigation start:
    // the dev server's nine files as well.
    console.log(`[dashboard-data] 100,000 contacts, median of ${runs.length} reloads: first page painted ${median('afterLoad').toFixed(1)} ms after load (dashboard.js started), ${median('fromStart').toFixed(1)} ms after the page's first script, ${median('fromNavigation').toFixed(1)} ms after navigation start (after load, each: ${runs.map((r) => r.afterLoad.toFixed(0)).join(', ')} ms; seeding took ${(seedMs / 1000).toFixed(1)} s)`);
    expect(await text(page, 'range')).toBe('1–10 of 100000');
    expect(await rowIds(page)).toEqual(Array.from({ length: 10 }, (_, i) => `c${String(n - 1 - i).padStart(6, '0')}`));
    // The labels come from the kept totals, exact at this size (the old scan stopped at 20,000).
    expect(await page.$$eval(`${tid('label-filter')} option`, (options) => options.map((o) => o.textContent))).toEqual(['All contacts', 'tenth (10000)']);
    // A search by email at this size reads its index, not the store.
    await page.fill(tid('search'), 'user54321@example.com');
    await page.press(tid('search'), 'Enter');
    await waitForRows(page, ['c054321']);
    expect(problems).toEqual([]);
}), 600_000); // seeding 100,000 contacts takes 1–2 minutes on the shared machine
});
