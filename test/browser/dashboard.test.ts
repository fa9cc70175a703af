/**
 * The examples of issue 4 in Debian's Chromium, on pages served from 127.0.0.1: the dashboard
 * (list, paging, label filter, timeline with type filter and order, labels, add, delete, export,
 * import, live updates from another tab, untrusted data rendered inert), the contact-form widget
 * (success and validation failure) and the ES-module app (import map, isolated instance). Every
 * page runs under its own strict CSP, so the suites also fail on any console error.
 * Needs `npx rollup -c --silent` first. `UPDATE_DOCS_SCREENSHOT=1` writes the README screenshot to docs/dashboard.png instead of test-results/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath, startBrowserSuite, type BrowserSuite, withContext as inContext } from './harness';
import { openPage, rowIds, text, tid, waitForText as waitForTextIn, type Opened } from './dashboard-page';

type WixNs = import('../../src/shim/create-shim').WixNamespace;
type Shim = import('../../src/shim/create-shim').Shim;
type Fixture = import('../../src/shim/create-shim').Fixture;
/** The page's globals (cast inside evaluated functions; no `declare global`). */
type G = {
  Wix: WixNs;
  WixShim: Shim & { version: string };
  DemoFixture: { build(now?: number): Required<Fixture> };
};

const DOCS_SCREENSHOT = join(process.cwd(), 'docs', 'dashboard.png');
/** The demo data's clock for the docs screenshot, so the picture does not change on every run. */
const DOCS_NOW = Date.parse('2025-06-02T09:30:00Z');

let suite: BrowserSuite | undefined;
let origin: string;
let browser: Browser;
let downloads: string;

beforeAll(async () => {
  suite = await startBrowserSuite();
  ({ origin, browser } = suite);
  downloads = mkdtempSync(join(tmpdir(), 'wix-hive-shim-downloads-'));
});

afterAll(async () => {
  await suite?.stop();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

/** A fresh context (its own in-memory profile, fixed locale and zone) for one test. */
const withContext = <T>(run: (context: BrowserContext) => Promise<T>) =>
  inContext(browser, { viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true }, run);

const open = (context: BrowserContext, path: string) => openPage(context, origin + path);
const waitForText = (page: Page, id: string, expected: string | RegExp) => waitForTextIn(page, id, expected, 10_000);

/** Opens the dashboard and seeds the demo data with the Seed button. */
async function seededDashboard(context: BrowserContext): Promise<Opened> {
  const opened = await open(context, '/dashboard/');
  await opened.page.click(tid('seed'));
  await waitForText(opened.page, 'range', '1–10 of 60');
  await waitForText(opened.page, 'status', /60 contacts · \d+ activities/);
  return opened;
}

/** The stored records, through the public API (`WixShim.exportData`). */
function exported(page: Page) {
  return page.evaluate(() => (window as unknown as G).WixShim.exportData());
}

describe('dashboard', () => {
  it('lists the contacts ten a page, pages with Next/Previous and filters by label', () => withContext(async (context) => {
    const { page, problems } = await seededDashboard(context);
    expect(await text(page, 'total')).toBe('60');
    expect(await text(page, 'status')).toMatch(/^IndexedDB · persisted · 60 contacts · \d+ activities/);
    const first = await rowIds(page);
    expect(first).toHaveLength(10);
    expect(await page.isDisabled(tid('prev'))).toBe(true);
    await page.screenshot({ path: screenshotPath('dashboard-list') });

    // Newest first, as getContacts returns them.
    const data = await exported(page);
    const newest = [...data.contacts].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((c) => c.id);
    expect(first).toEqual(newest.slice(0, 10));

    await page.click(tid('next'));
    await waitForText(page, 'range', '11–20 of 60');
    const second = await rowIds(page);
    expect(second).toEqual(newest.slice(10, 20));
    await page.screenshot({ path: screenshotPath('dashboard-page-2') });

    await page.click(tid('prev'));
    await waitForText(page, 'range', '1–10 of 60');
    expect(await rowIds(page)).toEqual(first);

    // All the way to the end: every contact exactly once, then Next is disabled.
    const seen = [...first];
    for (let p = 2; p <= 6; p++) {
      await page.click(tid('next'));
      await waitForText(page, 'range', `${(p - 1) * 10 + 1}–${p * 10} of 60`);
      seen.push(...(await rowIds(page)));
    }
    expect(seen).toEqual(newest);
    expect(await page.isDisabled(tid('next'))).toBe(true);

    // The label filter lists the labels in use, and filters through getContacts({label}).
    const options = await page.$$eval(`${tid('label-filter')} option`, (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(['', 'customers', 'leads', 'newsletter', 'vip', 'wholesale']);
    await page.selectOption(tid('label-filter'), 'vip');
    const vip = data.contacts.filter((c) => c.tags.includes('vip'));
    await waitForText(page, 'range', `1–${vip.length} of ${vip.length}`);
    expect(await text(page, 'total')).toBe(`${vip.length} with “vip”`);
    expect((await rowIds(page)).sort()).toEqual(vip.map((c) => c.id).sort());
    await page.screenshot({ path: screenshotPath('dashboard-label-vip') });

    await page.selectOption(tid('label-filter'), 'leads');
    const leads = data.contacts.filter((c) => c.tags.includes('leads')).length;
    await waitForText(page, 'range', `1–10 of ${leads}`);
    await page.click(tid('next'));
    await waitForText(page, 'range', `11–20 of ${leads}`);
    for (const id of await rowIds(page)) expect(data.contacts.find((c) => c.id === id)!.tags).toContain('leads');

    await page.selectOption(tid('label-filter'), '');
    await waitForText(page, 'range', '1–10 of 60');
    expect(problems).toEqual([]);
  }));

  it("shows a contact's details and activity timeline, filtered by type, newest or oldest first", () => withContext(async (context) => {
    const { page, problems } = await seededDashboard(context);
    const data = await exported(page);
    // The VIP with the most activities.
    const countOf = (id: string) => data.activities.filter((a) => a.contactId === id).length;
    const contact = data.contacts.filter((c) => c.tags.includes('vip')).sort((a, b) => countOf(b.id) - countOf(a.id))[0]!;
    const theirs = data.activities.filter((a) => a.contactId === contact.id);
    expect(theirs.length).toBeGreaterThan(5);

    await page.selectOption(tid('label-filter'), 'vip');
    await page.click(`${tid('contact-row')}[data-id="${contact.id}"]`);
    await waitForText(page, 'detail-name', `${contact.name.first} ${contact.name.last}`);
    const detail = await text(page, 'detail');
    for (const e of contact.emails) expect(detail).toContain(e.email);
    for (const p of contact.phones) expect(detail).toContain(p.phone);
    for (const a of contact.addresses) expect(detail).toContain(a.city!);
    for (const t of contact.tags) expect(await page.textContent(tid('labels'))).toContain(t);
    expect(await text(page, 'detail-created')).toMatch(/\d{4}/);
    expect(await text(page, 'detail-modified')).toMatch(/\d{4}/);
    expect(await page.getAttribute(`${tid('contact-row')}[data-id="${contact.id}"]`, 'aria-selected')).toBe('true');

    const items = () => page.$$eval(tid('timeline-item'), (els) => els.map((e) => ({
      type: (e as HTMLElement).dataset.type!, createdAt: (e as HTMLElement).dataset.created!, id: (e as HTMLElement).dataset.id!,
    })));
    const waitForItems = (n: number, first?: string) => page.waitForFunction(({ selector, n, first }) => {
      const els = document.querySelectorAll(selector);
      return els.length === n && (first === undefined || (els[0] as HTMLElement).dataset.created === first);
    }, { selector: tid('timeline-item'), n, first });

    const desc = [...theirs].sort((a, b) => b.createdAt!.localeCompare(a.createdAt!));
    await waitForItems(Math.min(desc.length, 20), desc[0]!.createdAt);
    let shown = await items();
    expect(shown.map((s) => s.createdAt)).toEqual(desc.slice(0, 20).map((a) => a.createdAt));
    expect(new Set(shown.map((s) => s.type)).size).toBeGreaterThan(1);
    expect(await page.textContent(tid('timeline'))).toContain(desc[0]!.activityDetails!.summary);
    await page.screenshot({ path: screenshotPath('dashboard-timeline') });

    // Type filter: only purchases, through getActivities({contactId, activityTypes}).
    const purchases = desc.filter((a) => a.activityType === 'e_commerce/purchase');
    expect(purchases.length).toBeGreaterThan(1);
    await page.selectOption(tid('type-filter'), 'e_commerce/purchase');
    await waitForItems(purchases.length, purchases[0]!.createdAt);
    shown = await items();
    expect(shown.every((s) => s.type === 'e_commerce/purchase')).toBe(true);
    expect(shown.map((s) => s.createdAt)).toEqual(purchases.map((a) => a.createdAt));
    await page.screenshot({ path: screenshotPath('dashboard-timeline-purchases') });

    // Oldest first.
    await page.click(tid('sort-toggle'));
    await waitForItems(purchases.length, purchases[purchases.length - 1]!.createdAt);
    expect((await items()).map((s) => s.createdAt)).toEqual([...purchases].reverse().map((a) => a.createdAt));
    expect(await text(page, 'sort-toggle')).toBe('Oldest first');
    expect(await page.getAttribute(tid('sort-toggle'), 'aria-pressed')).toBe('true');
    await page.screenshot({ path: screenshotPath('dashboard-timeline-asc') });

    // All types, oldest first: the first activity is the one that made them a contact.
    await page.selectOption(tid('type-filter'), '');
    const asc = [...desc].reverse();
    await waitForItems(Math.min(asc.length, 20), asc[0]!.createdAt);
    expect((await items()).map((s) => s.createdAt)).toEqual(asc.slice(0, 20).map((a) => a.createdAt));

    // A type this contact never had: the empty state.
    await page.selectOption(tid('type-filter'), 'hotels/cancel');
    await waitForItems(0);
    await page.waitForSelector(`${tid('timeline-empty')}:visible`);

    await page.click(tid('sort-toggle'));
    expect(await text(page, 'sort-toggle')).toBe('Newest first');
    expect(problems).toEqual([]);
  }));

  it('pages through a long timeline with "Load older" (20 a page, as getActivities pages)', () => withContext(async (context) => {
    const { page, problems } = await open(context, '/dashboard/');
    await page.evaluate(() => {
      const start = Date.parse('2025-01-01T10:00:00Z');
      return (window as unknown as G).WixShim.seed({
        contacts: [{ id: 'busy', name: { first: 'Busy', last: 'Buyer' }, emails: [{ tag: 'main', email: 'busy@example.com' }], createdAt: new Date(start).toISOString() }],
        activities: Array.from({ length: 45 }, (_, i) => ({
          contactId: 'busy',
          createdAt: new Date(start + (i + 1) * 3600_000).toISOString(),
          activityType: i % 3 ? 'form/contact-form' : 'social/comment',
          activityInfo: i % 3 ? { subject: `Question ${i}`, content: { message: `Message ${i}` } } : { text: `Comment ${i}`, channel: 'SITE' },
          activityDetails: { additionalInfoUrl: null, summary: `Activity ${i}` },
        })),
      });
    });
    await waitForText(page, 'range', '1–1 of 1');
    await page.click(tid('contact-row'));
    const count = () => page.$$eval(tid('timeline-item'), (els) => els.length);
    await page.waitForFunction((s) => document.querySelectorAll(s).length === 20, tid('timeline-item'));
    expect(await text(page, 'timeline-more')).toBe('Load older');
    await page.click(tid('timeline-more'));
    await page.waitForFunction((s) => document.querySelectorAll(s).length === 40, tid('timeline-item'));
    await page.click(tid('timeline-more'));
    await page.waitForFunction((s) => document.querySelectorAll(s).length === 45, tid('timeline-item'));
    expect(await count()).toBe(45);
    expect(await page.isVisible(tid('timeline-more'))).toBe(false);
    const summaries = await page.$$eval(`${tid('timeline-item')} .tl-summary`, (els) => els.map((e) => e.textContent));
    expect(summaries).toEqual(Array.from({ length: 45 }, (_, i) => `Activity ${44 - i}`));
    // The type filter pages too: 15 comments fit one page.
    await page.selectOption(tid('type-filter'), 'social/comment');
    await page.waitForFunction((s) => document.querySelectorAll(s).length === 15, tid('timeline-item'));
    expect(await page.isVisible(tid('timeline-more'))).toBe(false);
    await page.screenshot({ path: screenshotPath('dashboard-timeline-long') });
    expect(problems).toEqual([]);
  }));

  it('adds a contact, sets its labels and deletes it', () => withContext(async (context) => {
    const { page, problems } = await seededDashboard(context);
    await page.click(tid('add-toggle'));
    await page.fill(tid('add-first'), 'Rina');
    await page.fill(tid('add-last'), 'Carmel');
    await page.fill(tid('add-email'), 'rina.carmel@example.com');
    await page.fill(tid('add-phone'), '+1 415 555 0142');
    await page.fill(tid('add-labels'), 'leads, trial');
    await page.click(tid('add-submit'));
    await waitForText(page, 'add-result', 'Created Rina Carmel.');
    await waitForText(page, 'range', '1–10 of 61');
    await waitForText(page, 'detail-name', 'Rina Carmel');
    const [id] = await rowIds(page);
    expect(await page.textContent(`${tid('contact-row')}[data-id="${id}"]`)).toContain('Rina Carmel');
    await page.waitForFunction((s) => document.querySelector(s)?.textContent?.includes('trial'), tid('labels'));
    await page.waitForSelector(`${tid('label-filter')} option[value="trial"]`, { state: 'attached' });
    await page.screenshot({ path: screenshotPath('dashboard-added') });

    // The same email again merges (reconcileContact), it does not duplicate.
    await page.fill(tid('add-first'), 'Someone');
    await page.fill(tid('add-email'), 'RINA.CARMEL@example.com');
    await page.click(tid('add-submit'));
    await waitForText(page, 'add-result', /^Merged into Rina Carmel; kept their existing name\.$/);
    expect(await text(page, 'total')).toBe('61');
    // Validation: the shim's message says what to fix.
    await page.fill(tid('add-first'), 'x'.repeat(101));
    await page.fill(tid('add-email'), 'someone.else@example.com');
    await page.click(tid('add-submit'));
    await waitForText(page, 'add-result', /^Not saved: BAD_REQUEST: .*name\.first is longer than 100 characters/);
    expect(await text(page, 'total')).toBe('61');
    await page.click(tid('add-cancel'));

    // Labels: add one, remove one (WixShim.setLabels).
    await page.fill(tid('labels-input'), 'vip');
    await page.click(tid('labels-add'));
    await page.waitForSelector(`${tid('label-remove')}[data-label="vip"]`);
    await page.click(`${tid('label-remove')}[data-label="trial"]`);
    await page.waitForSelector(`${tid('label-remove')}[data-label="trial"]`, { state: 'detached' });
    const labels = await page.evaluate((cid) => new Promise<string[]>((ok, fail) =>
      (window as unknown as G).Wix.Contacts.getContactById(cid, (c) => ok(c.tags), fail)), id!);
    expect(labels).toEqual(['leads', 'vip']);
    await page.waitForSelector(`${tid('label-filter')} option[value="trial"]`, { state: 'detached' });
    await page.screenshot({ path: screenshotPath('dashboard-labels') });

    // Delete, with an inline confirmation (no dialog).
    await page.click(tid('delete-contact'));
    await page.screenshot({ path: screenshotPath('dashboard-delete-confirm') });
    await page.click(tid('delete-confirm'));
    await waitForText(page, 'range', '1–10 of 60');
    expect(await rowIds(page)).not.toContain(id);
    expect(await page.isVisible(tid('detail-name'))).toBe(false);
    await waitForText(page, 'message', 'Deleted Rina Carmel. Their activities stay, unlinked.');
    const gone = await page.evaluate((cid) => new Promise((ok) =>
      (window as unknown as G).Wix.Contacts.getContactById(cid, () => ok('found'), ok)), id!);
    expect(gone).toBe('NOT_FOUND');
    await page.screenshot({ path: screenshotPath('dashboard-deleted') });
    expect(problems).toEqual([]);
  }));

  it('exports to a file, clears, and imports the file back; a bad file changes nothing', () => withContext(async (context) => {
    const { page, problems } = await seededDashboard(context);
    const before = await exported(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('export'))]);
    expect(download.suggestedFilename()).toMatch(/^wix-hive-shim-.*\.json$/);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json.format).toBe(before.format);
    expect(json.contacts).toHaveLength(60);
    expect(json.activities).toHaveLength(before.activities.length);
    await page.screenshot({ path: screenshotPath('dashboard-exported') });

    await page.click(tid('clear'));
    // It asks first (dashboard-data.test.ts covers the wording); nothing is deleted before that.
    await page.click(tid('replace-confirm'));
    await waitForText(page, 'range', '0 of 0');
    await waitForText(page, 'status', /· 0 contacts · 0 activities ·/);
    expect(await page.textContent(tid('contact-rows'))).toContain('No contacts yet');
    await page.screenshot({ path: screenshotPath('dashboard-cleared') });

    await page.setInputFiles(tid('import-file'), file);
    await waitForText(page, 'range', '1–10 of 60');
    await waitForText(page, 'message', new RegExp(`^Imported ${download.suggestedFilename().replace(/\./g, '\\.')}: 60 contacts and ${before.activities.length} activities\\.$`));
    const after = await exported(page);
    expect(after.contacts).toEqual(before.contacts);
    expect(after.activities).toEqual(before.activities);
    await page.screenshot({ path: screenshotPath('dashboard-imported') });

    // A malformed file: the error message is shown and the data stays.
    const bad = join(downloads, 'not-an-export.json');
    writeFileSync(bad, '{"format": "something-else", "contacts": []}');
    await page.setInputFiles(tid('import-file'), bad);
    await page.click(tid('replace-confirm'));
    await waitForText(page, 'message', /^Import failed, nothing changed: .+/);
    expect(await text(page, 'total')).toBe('60');
    expect((await exported(page)).contacts).toHaveLength(60);
    await page.screenshot({ path: screenshotPath('dashboard-import-error') });

    // Reset: back to the seed.
    await page.click(tid('clear'));
    await page.click(tid('replace-confirm'));
    await waitForText(page, 'range', '0 of 0');
    await page.click(tid('reset'));
    await waitForText(page, 'range', '1–10 of 60');
    expect(problems).toEqual([]);
  }));

  it('re-renders when another tab writes (the widget posts a form)', () => withContext(async (context) => {
    const { page, problems } = await seededDashboard(context);
    const widget = await open(context, '/widget/');
    await widget.page.fill(tid('widget-first'), 'Tal');
    await widget.page.fill(tid('widget-last'), 'Ben-Ami');
    await widget.page.fill(tid('widget-email'), 'tal@example.com');
    await widget.page.fill(tid('widget-subject'), 'Hello from the other tab');
    await widget.page.fill(tid('widget-message'), 'Do you deliver on Fridays?');
    await widget.page.click(tid('widget-submit'));
    await widget.page.waitForSelector(`${tid('widget-success')}:visible`);

    // No reload: the dashboard hears the change through WixShim.on('change').
    await waitForText(page, 'range', '1–10 of 61');
    await waitForText(page, 'status', /61 contacts/);
    const [id] = await rowIds(page);
    await page.click(`${tid('contact-row')}[data-id="${id}"]`);
    await waitForText(page, 'detail-name', 'Tal Ben-Ami');
    await page.waitForSelector(`${tid('timeline-item')}[data-type="form/contact-form"]`);
    expect(await page.textContent(tid('timeline'))).toContain('Tal Ben-Ami sent the contact form: Hello from the other tab');

    // A second message from the same visitor lands on the open timeline.
    await widget.page.fill(tid('widget-first'), 'Tal');
    await widget.page.fill(tid('widget-email'), 'tal@example.com');
    await widget.page.fill(tid('widget-subject'), 'Follow-up');
    await widget.page.fill(tid('widget-message'), 'And on Saturdays?');
    await widget.page.click(tid('widget-submit'));
    await page.waitForFunction((s) => document.querySelectorAll(s).length === 2, tid('timeline-item'));
    expect(await page.textContent(`${tid('timeline-item')} >> nth=0`)).toContain('Follow-up');
    await page.screenshot({ path: screenshotPath('dashboard-live-update') });
    expect(problems).toEqual([]);
    expect(widget.problems).toEqual([]);
  }));

  it('renders untrusted contact data as inert text: no script runs, no javascript:/data:/vbscript: URL is clickable', () => withContext(async (context) => {
    const { page, problems, dialogs } = await open(context, '/dashboard/');
    const evil = '<img src=x onerror=alert(1)>';
    await page.evaluate((name) => (window as unknown as G).WixShim.seed({
      contacts: [{
        id: 'evil-contact',
        name: { first: name, last: '<script>alert(2)</script>' },
        picture: 'javascript:alert(1)',
        company: { name: '<iframe src="javascript:alert(3)">' },
        emails: [{ tag: '"><svg onload=alert(4)>', email: '"><svg/onload=alert(5)>@example.com' }],
        urls: [
          { tag: 'js', url: 'javascript:alert(6)' },
          { tag: 'js-upper', url: '  JaVaScRiPt:alert(7)' },
          { tag: 'data', url: 'data:text/html,<script>alert(8)</script>' },
          { tag: 'vb', url: 'vbscript:msgbox(9)' },
          { tag: 'site', url: 'https://example.com/safe' },
        ],
        addresses: [{ tag: 'home', address: '<b onmouseover=alert(10)>1 Main St</b>' }],
        tags: ['<img src=y onerror=alert(11)>'],
      }],
      activities: [{
        contactId: 'evil-contact',
        activityType: 'form/contact-form',
        activityLocationUrl: 'javascript:alert(12)',
        activityInfo: { subject: '<script>alert(13)</script>', content: { message: '<img src=z onerror=alert(14)>' } },
        activityDetails: { additionalInfoUrl: 'javascript:alert(15)', summary: '<img src=w onerror=alert(16)>' },
      }],
    }), evil);
    await waitForText(page, 'range', '1–1 of 1');
    expect(await page.textContent(`${tid('contact-row')} ${tid('contact-name')}`)).toBe(`${evil} <script>alert(2)</script>`);
    await page.click(tid('contact-row'));
    await waitForText(page, 'detail-name', `${evil} <script>alert(2)</script>`);
    await page.waitForSelector(tid('timeline-item'));
    // Open every <details>, hover everything, so nothing stays unrendered or untriggered.
    await page.$$eval('details', (ds) => ds.forEach((d) => { (d as HTMLDetailsElement).open = true; }));
    for (const el of await page.$$(`${tid('detail')} *:visible`)) await el.hover({ force: true, trial: false }).catch(() => undefined);
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshotPath('dashboard-untrusted') });

    expect(dialogs).toEqual([]);
    expect(await page.textContent(tid('timeline'))).toContain('<img src=w onerror=alert(16)>');
    expect(await page.textContent(tid('labels'))).toContain('<img src=y onerror=alert(11)>');
    const unsafe = await page.evaluate(() => {
      const bad: string[] = [];
      for (const el of document.querySelectorAll('*')) {
        for (const attr of ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc']) {
          const v = el.getAttribute(attr);
          if (v !== null && /^\s*(javascript|data|vbscript):/i.test(v)) bad.push(`${el.tagName} ${attr}=${v}`);
        }
        for (const a of el.getAttributeNames()) if (a.startsWith('on')) bad.push(`${el.tagName} ${a}`);
      }
      // Only our own markup: no element the data could have smuggled in.
      const smuggled = document.querySelectorAll('main script, main iframe, main svg, main b, img[src$="/x"], img[src$="/y"], img[src$="/z"], img[src$="/w"]').length;
      return { bad, smuggled, links: [...document.querySelectorAll(`[data-testid="detail"] a[href]`)].map((a) => a.getAttribute('href')) };
    });
    expect(unsafe.bad).toEqual([]);
    expect(unsafe.smuggled).toBe(0);
    expect(unsafe.links).toEqual(['https://example.com/safe']);
    // The unsafe URLs are still there to read, as text.
    const detail = await text(page, 'detail');
    for (const shown of ['javascript:alert(6)', 'JaVaScRiPt:alert(7)', 'data:text/html,<script>alert(8)</script>', 'vbscript:msgbox(9)', 'javascript:alert(15)', 'javascript:alert(1)']) {
      expect(detail).toContain(shown);
    }
    expect(problems).toEqual([]);
  }));

  // Always runs (a skipped test proves nothing); it refreshes the README's picture only when asked.
  it('renders the demo dashboard with a timeline open (the README screenshot)', () => withContext(async (context) => {
    const { page, problems } = await open(context, '/dashboard/');
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.evaluate((now) => (window as unknown as G).WixShim.seed((window as unknown as G).DemoFixture.build(now)), DOCS_NOW);
    await waitForText(page, 'range', '1–10 of 60');
    const data = await exported(page);
    const countOf = (id: string) => data.activities.filter((a) => a.contactId === id).length;
    const firstPage = await rowIds(page);
    const pick = firstPage.map((id) => data.contacts.find((c) => c.id === id)!)
      .filter((c) => c.tags.includes('customers') && c.phones.length > 0)
      .sort((a, b) => countOf(b.id) - countOf(a.id))[0]!;
    await page.click(`${tid('contact-row')}[data-id="${pick.id}"]`);
    await page.waitForSelector(tid('timeline-item'));
    await page.waitForTimeout(300);
    await page.mouse.move(0, 999);
    expect(await page.locator(tid('timeline-item')).count()).toBeGreaterThan(0);
    await page.screenshot({ path: process.env.UPDATE_DOCS_SCREENSHOT === '1' ? DOCS_SCREENSHOT : screenshotPath('dashboard-docs') });
    expect(problems).toEqual([]);
  }));
});

describe('contact-form widget', () => {
  it('posts a FORM_CONTACT_FORM activity, with a loading state, and shows the activity id', () => withContext(async (context) => {
    const { page, problems } = await open(context, '/widget/');
    await page.selectOption(tid('widget-latency'), '1500');
    await page.fill(tid('widget-first'), 'Dana');
    await page.fill(tid('widget-last'), 'Levi');
    await page.fill(tid('widget-email'), 'dana@example.com');
    await page.fill(tid('widget-phone'), '+1 415 555 0100');
    await page.fill(tid('widget-subject'), 'Catering question');
    await page.fill(tid('widget-message'), 'Do you cater weddings of 120 guests?');
    await page.click(tid('widget-submit'));

    // Pending: the button is busy until the callback comes.
    await page.waitForSelector(`${tid('widget-pending')}:visible`);
    expect(await page.isDisabled(tid('widget-submit'))).toBe(true);
    expect(await text(page, 'widget-submit')).toBe('Sending…');
    await page.screenshot({ path: screenshotPath('widget-loading') });

    await page.waitForSelector(`${tid('widget-success')}:visible`, { timeout: 10_000 });
    expect(await page.isVisible(tid('widget-pending'))).toBe(false);
    expect(await page.isEnabled(tid('widget-submit'))).toBe(true);
    const activityId = await text(page, 'widget-activity-id');
    const contactId = await text(page, 'widget-contact-id');
    expect(activityId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(contactId).toMatch(/^[0-9a-f]{8}-/);
    await page.screenshot({ path: screenshotPath('widget-success') });

    const stored = await page.evaluate((id) => {
      const { Wix } = window as unknown as G;
      return new Promise<{ activity: unknown; contact: unknown }>((ok, fail) => Wix.Activities.getActivityById(id, (activity) => {
        const contactId = document.querySelector('[data-testid="widget-contact-id"]')!.textContent!;
        Wix.Contacts.getContactById(contactId, (contact) => ok({ activity, contact }), fail);
      }, fail));
    }, activityId);
    expect(stored.activity).toMatchObject({
      id: activityId,
      activityType: 'form/contact-form',
      activityDetails: { additionalInfoUrl: null, summary: 'Dana Levi sent the contact form: Catering question' },
      activityInfo: { subject: 'Catering question', content: { message: 'Do you cater weddings of 120 guests?' } },
    });
    expect(stored.contact).toMatchObject({
      id: contactId,
      name: { first: 'Dana', last: 'Levi' },
      emails: [{ email: 'dana@example.com' }],
      phones: [{ phone: '+1 415 555 0100' }],
    });
    expect(problems).toEqual([]);
  }));

  it('shows the validation message of an invalid submission', () => withContext(async (context) => {
    const { page, problems } = await open(context, '/widget/');
    await page.click(tid('widget-fill-invalid'));
    await page.click(tid('widget-submit'));
    await page.waitForSelector(`${tid('widget-error')}:visible`);
    expect(await text(page, 'widget-error-code')).toBe('(400)');
    expect(await text(page, 'widget-error-message')).toBe(
      'activity request failed validation check with errors: [contactUpdate.name.first is longer than 100 characters]',
    );
    expect(await page.isVisible(tid('widget-success'))).toBe(false);
    await page.screenshot({ path: screenshotPath('widget-error') });
    // Nothing was stored.
    const count = await page.evaluate(() => (window as unknown as G).WixShim.status().then((s) => s.counts));
    expect(count).toEqual({ contacts: 0, activities: 0 });
    // The shim's own console warning is expected; nothing else.
    expect(problems).toEqual([]);
  }));
});

describe('ES-module app', () => {
  it('imports the package through an import map and runs on an isolated instance', () => withContext(async (context) => {
    const { page, problems } = await open(context, '/app/');
    await waitForText(page, 'default-counts', '0 activities, 0 contacts');
    await page.click(tid('app-post'));
    await page.waitForFunction((s) => document.querySelectorAll(s).length === 3, tid('app-activity'));
    await waitForText(page, 'app-counts', '3 activities, 1 contact (indexeddb)');
    const types = await page.$$eval(`${tid('app-activity')} code`, (els) => els.map((e) => e.textContent));
    expect(types).toEqual(['e_commerce/purchase', 'e_commerce/cart-add', 'form/contact-form']);
    // The default instance (the widget's and the dashboard's database) did not get them.
    await waitForText(page, 'default-counts', '0 activities, 0 contacts');
    await page.screenshot({ path: screenshotPath('app') });
    await page.click(tid('app-clear'));
    await waitForText(page, 'app-counts', '0 activities, 0 contacts (indexeddb)');
    expect(problems).toEqual([]);
  }));
});
