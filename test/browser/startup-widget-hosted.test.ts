/**
 * Issue 9's start-up widget (examples/test-pages/startup-widget.js: Utils getters, a
 * SETTINGS_UPDATED listener, setHeight, Settings.getSiteInfo and Analytics.PixelType at load) runs
 * unchanged on the real Wix.js hosted by createHost, and sees what it sees on the shim's script tag.
 * Needs `npx rollup -c --silent` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserSuite, type BrowserSuite } from './harness';

let suite: BrowserSuite;
beforeAll(async () => { suite = await startBrowserSuite(); });
afterAll(() => suite?.stop());

type Seen = { siteInfo: Record<string, unknown> | null; settingsUpdates: unknown[] } & Record<string, unknown>;

describe('the start-up widget on the hosted real Wix.js', () => {
  it('runs at load without an error, its frame takes the height, it gets site info and settings updates, as on the script tag', async () => {
    const page = await suite.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${suite.origin}/test-pages/conformance/`);
    await page.waitForFunction(() => 'conformance' in window);
    const names = await page.evaluate(async () => {
      type Host = { frame(u: string, o: object): Promise<{ iframe: HTMLIFrameElement }>; frameUrl(u: string, o: object): Promise<string> };
      const { host } = (window as unknown as { conformance: { host: Host } }).conformance;
      const loaded = (f: HTMLIFrameElement) => new Promise((r) => f.addEventListener('load', r, { once: true }));
      const real = document.createElement('iframe');
      real.name = 'startup-real';
      document.body.appendChild(real);
      const realLoaded = loaded(real);
      await host.frame('/test-pages/startup-widget-real.html', { compId: 'comp-1', iframe: real });
      // The same URL parameters, on the shim's script tag (a frame the host does not answer).
      const shim = document.createElement('iframe');
      shim.name = 'startup-shim';
      shim.src = await host.frameUrl('/test-pages/startup-widget.html', { compId: 'comp-1' });
      document.body.appendChild(shim);
      await Promise.all([realLoaded, loaded(shim)]);
      return { real: real.name, shim: shim.name };
    });
    const real = page.frame({ name: names.real })!;
    const shim = page.frame({ name: names.shim })!;
    for (const f of [real, shim]) await f.waitForFunction(() => (window as unknown as { startupWidget?: Seen }).startupWidget?.siteInfo !== null);

    // It really is the real SDK in the hosted frame.
    expect(await real.evaluate(() => 'WixShim' in window)).toBe(false);
    const seenReal = await real.evaluate(() => (window as unknown as { startupWidget: Seen }).startupWidget);
    const seenShim = await shim.evaluate(() => (window as unknown as { startupWidget: Seen }).startupWidget);
    expect(seenReal).toMatchObject({ compId: 'comp-1', origCompId: null, demoMode: false, pixelType: 'FACEBOOK', cycles: ['MONTHLY', 'YEARLY', 'ONE_TIME'], settingsUpdates: [] });
    // The same values both ways; only the page URLs in siteInfo name different pages.
    const withoutPages = (s: Seen) => ({ ...s, siteInfo: { ...s.siteInfo, url: '<page>', referrer: '<page>' } });
    expect(withoutPages(seenShim)).toEqual(withoutPages(seenReal));

    // setHeight(321): the host resized the iframe.
    expect(await page.$eval('iframe[name="startup-real"]', (f) => (f as HTMLIFrameElement).clientHeight)).toBe(321);

    // A settings update the host fires reaches the widget's listener.
    await page.evaluate(() => (window as unknown as { conformance: { host: { fireEvent(t: string, p: unknown, c: string): void } } }).conformance.host.fireEvent('SETTINGS_UPDATED', { title: 'New title' }, 'comp-1'));
    await real.waitForFunction(() => (window as unknown as { startupWidget: Seen }).startupWidget.settingsUpdates.length > 0);
    expect(await real.evaluate(() => (window as unknown as { startupWidget: Seen }).startupWidget.settingsUpdates)).toEqual([{ title: 'New title' }]);

    // What the widget asked its host, in its order (the SDK's own start-up messages left out).
    const widgetTypes = ['getCompId', 'getOrigCompId', 'getDemoMode', 'register:SETTINGS_UPDATED', 'heightChanged', 'siteInfo'];
    const types = await page.evaluate(() => (window as unknown as { conformance: { host: { messages(): Array<{ compId: string; type: string; data: { eventKey?: string } }> } } }).conformance.host.messages()
      .filter((m) => m.compId === 'comp-1')
      .map((m) => (m.type === 'registerEventListener' ? `register:${m.data.eventKey}` : m.type)));
    expect(types.filter((t) => widgetTypes.includes(t))).toEqual(widgetTypes);
    expect(errors).toEqual([]);
    await page.close();
  });
});
