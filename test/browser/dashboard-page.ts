/**
 * What the dashboard's Chromium suites share: opening a page with its problems recorded, and
 * reading and waiting on the elements by `data-testid`.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface Opened { page: Page; problems: string[]; dialogs: string[] }

/**
 * Opens `url`, recording console errors, uncaught errors, requests off 127.0.0.1 (the dashboard
 * needs no network) and dialogs, which are dismissed.
 */
export async function openPage(context: BrowserContext, url: string): Promise<Opened> {
  const page = await context.newPage();
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('request', (r) => {
    const target = new URL(r.url());
    if (!['blob:', 'data:'].includes(target.protocol) && target.hostname !== '127.0.0.1') problems.push(`network: ${r.url()}`);
  });
  page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss(); });
  await page.goto(url);
  return { page, problems, dialogs };
}

export const tid = (id: string) => `[data-testid="${id}"]`;
export const text = async (page: Page, id: string) => ((await page.textContent(tid(id))) ?? '').trim();
export const rowIds = (page: Page) => page.$$eval(tid('contact-row'), (rows) => rows.map((r) => (r as HTMLElement).dataset.id!));

/** Waits until the element shows exactly `expected` (a string) or matches it (a RegExp). */
export async function waitForText(page: Page, id: string, expected: string | RegExp, timeout = 15_000) {
  await page.waitForFunction(
    ({ selector, source, flags }) => {
      const t = document.querySelector(selector)?.textContent?.trim() ?? '';
      return flags === null ? t === source : new RegExp(source, flags).test(t);
    },
    { selector: tid(id), source: typeof expected === 'string' ? expected : expected.source, flags: typeof expected === 'string' ? null : expected.flags },
    { timeout },
  ).catch(async (error: Error) => {
    throw new Error(`[data-testid="${id}"] never showed ${String(expected)}; it shows ${JSON.stringify(await text(page, id))} (${error.message})`);
  });
}
