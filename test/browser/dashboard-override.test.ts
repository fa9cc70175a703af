/**
 * Seed 002's override flow in the dashboard (issue 11 item 4): a reconcile whose name or company
 * was rejected offers the user the choice, and the approved value is written through
 * `PUT /contacts/{id}/{name|company}` via `WixShim.handleHiveRequest` in the page, with the
 * contact's modifiedAt (a change made meanwhile is a 409, shown, and the next approval applies).
 * Needs `npx rollup -c --silent` first.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, tid } from './dashboard-page';
import { screenshotPath, startBrowserSuite, type BrowserSuite } from './harness';

type Contact = import('../../src/core/types').Contact;
type G = { Wix: import('../../src/shim/create-shim').WixNamespace; WixShim: import('../../src/shim/create-shim').Shim };

let suite: BrowserSuite | undefined;
beforeAll(async () => { suite = await startBrowserSuite(); });
afterAll(async () => { await suite?.stop(); });

const row = (key: string) => `${tid('override-row')}[data-key="${key}"]`;
const contactOf = (page: Page, id: string) => page.evaluate((cid) => new Promise<Contact>((ok, fail) =>
  (window as unknown as G).Wix.Contacts.getContactById(cid, ok, fail)), id);

async function waitForText(page: Page, selector: string, expected: RegExp) {
  await page.waitForFunction(({ s, src }) => new RegExp(src).test(document.querySelector(s)?.textContent ?? ''), { s: selector, src: expected.source }, { timeout: 10_000 })
    .catch(async () => { throw new Error(`${selector} never showed ${expected}; it shows ${JSON.stringify(await page.textContent(selector))}`); });
}

async function addContact(page: Page, fields: Record<string, string>) {
  for (const [name, value] of Object.entries(fields)) await page.fill(tid(`add-${name}`), value);
  await page.click(tid('add-submit'));
}

describe('dashboard: override rejected values', () => {
  it('offers the rejected name and company, writes the approved one through PUT, and recovers from a 409', async () => {
    const context = await suite!.browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const { page, problems } = await openPage(context, `${suite!.origin}/dashboard/`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.click(tid('add-toggle'));
      await addContact(page, { first: 'Rina', last: 'Carmel', email: 'rina@example.com', company: 'Acme' });
      await waitForText(page, tid('add-result'), /^Created Rina Carmel\.$/);
      expect(await page.isHidden(tid('override'))).toBe(true);

      await addContact(page, { first: 'Rinat', last: '', email: 'RINA@example.com', company: 'Globex' });
      await waitForText(page, tid('add-result'), /^Merged into Rina Carmel; kept their existing name, company\.$/);
      expect(await page.textContent(row('name'))).toContain('theirs “Rina Carmel”, yours “Rinat Carmel”');
      expect(await page.textContent(row('company'))).toContain('theirs “Acme”, yours “Globex”');
      await page.screenshot({ path: screenshotPath('dashboard-override-offer') });
      const id = await page.evaluate(async () => (await (window as unknown as G).WixShim.exportData()).contacts[0]!.id);

      // Approve the name: written through the HTTP override endpoint, read back by the SDK.
      await page.click(`${row('name')} ${tid('override-use')}`);
      await waitForText(page, `${row('name')} ${tid('override-result')}`, /^Saved: name is now “Rinat Carmel”\.$/);
      expect((await contactOf(page, id)).name).toMatchObject({ first: 'Rinat', last: 'Carmel' });
      await waitForText(page, tid('detail-name'), /Rinat Carmel/);

      // Meanwhile the contact changes elsewhere: approving the company is a 409, nothing is overwritten…
      await page.evaluate(async (cid) => {
        await new Promise((r) => setTimeout(r, 20)); // a later millisecond than the name's write
        await (window as unknown as G).WixShim.setLabels(cid, ['changed-elsewhere']);
      }, id);
      await page.click(`${row('company')} ${tid('override-use')}`);
      await waitForText(page, `${row('company')} ${tid('override-result')}`, /^Not saved: 409 .*Re-fetch/);
      expect((await contactOf(page, id)).company.name).toBe('Acme');
      // …and approving again applies to the contact as it is now.
      await page.click(`${row('company')} ${tid('override-use')}`);
      await waitForText(page, `${row('company')} ${tid('override-result')}`, /^Saved: company is now “Globex”\.$/);
      const final = await contactOf(page, id);
      expect(final.company.name).toBe('Globex');
      expect(final.tags).toEqual(['changed-elsewhere']);
      // The list hears the change events of the PUT and shows the approved company.
      await page.waitForFunction((s) => document.querySelector(s)?.textContent?.includes('Globex'), tid('contact-row'), { timeout: 10_000 });
      await page.screenshot({ path: screenshotPath('dashboard-override-saved') });

      // Keep theirs: a new rejection, dismissed, changes nothing.
      await addContact(page, { first: 'Someone', email: 'rina@example.com', company: '' });
      await page.waitForSelector(row('name'));
      await page.click(`${row('name')} ${tid('override-keep')}`);
      expect(await page.isHidden(tid('override'))).toBe(true);
      expect((await contactOf(page, id)).name.first).toBe('Rinat');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
