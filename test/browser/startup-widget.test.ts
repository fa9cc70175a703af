/**
 * Issue 9 item 4 (script-tag half; the host branch runs the same file under the real Wix.js):
 * a widget that calls Utils, addEventListener, setHeight and Settings.getSiteInfo and reads
 * Analytics.PixelType at load runs unchanged on the shim's script tag, inside a host page's
 * iframe carrying Wix query parameters. Also: callbacks arrive after the click's next listener.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserSuite, type BrowserSuite } from './harness';
import { frameQuery, routeWixPages } from './wix-walk';

let suite: BrowserSuite;
beforeAll(async () => { suite = await startBrowserSuite(); });
afterAll(() => suite?.stop());

describe('a start-up widget on the script tag', () => {
  it('runs at load without an error, grows its frame, gets site info and settings updates', async () => {
    const page = await suite.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await routeWixPages(page, suite.origin);
    await page.goto(`${suite.origin}/__wix/host.html?src=${encodeURIComponent(`/test-pages/startup-widget.html${frameQuery()}`)}`);
    const frame = (await (await page.waitForSelector('#f')).contentFrame())!;
    await frame.waitForFunction(() => (window as any).startupWidget?.siteInfo !== null);
    const seen = await frame.evaluate(() => (window as any).startupWidget);
    expect(seen).toMatchObject({ compId: 'comp-1', origCompId: null, demoMode: false, pixelType: 'FACEBOOK', cycles: ['MONTHLY', 'YEARLY', 'ONE_TIME'], settingsUpdates: [] });
    expect(seen.siteInfo).toMatchObject({ siteTitle: expect.any(String), url: expect.stringContaining('/test-pages/startup-widget.html') });
    // setHeight: the host page's iframe takes the height.
    expect(await page.$eval('#f', (f) => (f as HTMLIFrameElement).clientHeight)).toBe(321);
    await frame.evaluate(() => (window as any).WixShim.fireEvent('SETTINGS_UPDATED', { title: 'New title' }));
    expect(await frame.evaluate(() => (window as any).startupWidget.settingsUpdates)).toEqual([{ title: 'New title' }]);
    expect(await frame.evaluate(() => (window as any).WixShim.calls().map((c: { type: string }) => c.type))).toEqual(
      ['getCompId', 'getOrigCompId', 'getDemoMode', 'registerEventListener', 'heightChanged', 'siteInfo'],
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('callbacks in a later task, in Chromium', () => {
  it("a click's next listener runs before any callback the first listener started", async () => {
    const page = await suite.browser.newPage();
    await routeWixPages(page, suite.origin, { 'shim.html': '<button id="b">go</button>' });
    await page.goto(`${suite.origin}/__wix/shim.html`);
    await page.evaluate(() => {
      const W = (window as any).Wix;
      const order: string[] = ((window as any).order = []);
      const b = document.getElementById('b')!;
      b.addEventListener('click', () => {
        order.push('listener 1');
        W.Activities.getUserSessionToken(() => order.push('getUserSessionToken'));
        W.Activities.postActivity({ type: 'nope' }, () => order.push('post ok'), () => order.push('post failed'));
        W.getSiteInfo(() => order.push('getSiteInfo'));
        W.Styles.getSiteColors(() => order.push('getSiteColors'));
        let p = Promise.resolve();
        for (let i = 0; i < 50; i++) p = p.then(() => undefined);
        void p.then(() => order.push('microtasks of listener 1'));
      });
      b.addEventListener('click', () => order.push('listener 2'));
    });
    await page.click('#b');
    await page.waitForFunction(() => (window as any).order.length === 7);
    const order = await page.evaluate(() => (window as any).order);
    expect(order.slice(0, 3)).toEqual(['listener 1', 'microtasks of listener 1', 'listener 2']);
    expect(order.slice(3).sort()).toEqual(['getSiteColors', 'getSiteInfo', 'getUserSessionToken', 'post failed']);
    await page.close();
  });
});
