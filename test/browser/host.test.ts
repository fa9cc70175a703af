/**
 * The host for the real Wix.js (src/host, `wix-hive-shim/host`) in Debian's Chromium: the site-page
 * example with the contact-form widget on the real SDK, the signed instance, frames the host did not
 * create, events and heights. Needs `npx rollup -c --silent` first.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath, startBrowserSuite, type BrowserSuite } from './harness';

let suite: BrowserSuite | undefined;
let context: BrowserContext;

beforeAll(async () => {
  suite = await startBrowserSuite();
});
afterAll(async () => {
  await suite?.stop();
});

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  context = await suite!.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/Content Security Policy/.test(m.text())) problems.push(`console: ${m.text()}`); });
  await page.goto(suite!.origin + path);
  return { page, problems };
}

const tid = (id: string) => `[data-testid="${id}"]`;

describe('the site-page example hosting the real Wix.js', () => {
  it('posts the contact form through the real SDK into the default database, resizes the frame, delivers settings', async () => {
    const { page, problems } = await open('/host/');
    try {
      const frame = page.frameLocator(`${tid('host-widget-slot')} iframe`);
      await frame.locator(tid('widget-email')).waitFor();
      // The frame really runs Wix.js 1.90.0, not the shim.
      const inner = page.frames().find((f) => f.url().includes('/host/widget.html'))!;
      expect(await inner.evaluate(() => ({ shim: 'WixShim' in window, version: typeof (window as unknown as { Wix: { Activities: object } }).Wix.Activities }))).toEqual({ shim: false, version: 'object' });

      await frame.locator(tid('widget-first')).fill('Ada');
      await frame.locator(tid('widget-email')).fill('ada@example.com');
      await frame.locator(tid('widget-subject')).fill('Rye bread');
      await frame.locator(tid('widget-message')).fill('Do you bake rye on Sundays?');
      await frame.locator(tid('widget-submit')).click();
      await frame.locator(tid('widget-success')).waitFor();
      const activityId = (await frame.locator(tid('widget-activity-id')).textContent())!.trim();
      const contactId = (await frame.locator(tid('widget-contact-id')).textContent())!.trim();
      expect(activityId).toMatch(/^[0-9a-f-]{36}$/);
      expect(contactId).toMatch(/^[0-9a-f-]{36}$/);

      // The host page's default instance stored it: the database the dashboard reads.
      const stored = await page.evaluate(async (id) => {
        const data = await (window as unknown as { WixShim: { exportData(): Promise<{ activities: Array<{ id: string; activityType: string; contactId?: string }> }> } }).WixShim.exportData();
        return data.activities.find((a) => a.id === id);
      }, activityId);
      expect(stored).toMatchObject({ activityType: 'form/contact-form', contactId });

      // setHeight from the widget resized the iframe.
      await page.waitForFunction(() => {
        const f = (window as unknown as { exampleHost: { frame: { heights: number[]; iframe: HTMLIFrameElement } } }).exampleHost.frame;
        return f.heights.length > 0 && f.iframe.style.height === `${f.heights[f.heights.length - 1]}px`;
      });

      // An event the host fires reaches the widget's Wix.addEventListener callback.
      await page.click(tid('host-fire-settings'));
      await frame.locator(tid('widget-settings')).waitFor();
      expect(await frame.locator(tid('widget-settings')).textContent()).toContain('"accent":"#d2691e"');

      const types = await page.evaluate(() => (window as unknown as { exampleHost: { host: { messages(): Array<{ type: string }> } } }).exampleHost.host.messages().map((m) => m.type));
      expect(types).toEqual(expect.arrayContaining(['appIsAlive', 'registerEventListener', 'heightChanged', 'postActivity']));
      await page.screenshot({ path: screenshotPath('host-example'), fullPage: true });

      // The dashboard, in the same browser profile, lists the contact the widget created.
      const dash = await context.newPage();
      await dash.goto(`${suite!.origin}/dashboard/`);
      await dash.waitForSelector(`[data-testid="contact-row"][data-id="${contactId}"]`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('createHost', () => {
  it('signs the instance with the app secret; the real SDK reads its payload; a wrong secret or a changed payload fails verification', async () => {
    const { page, problems } = await open('/test-pages/conformance/');
    try {
      await page.waitForFunction(() => 'conformance' in window);
      const result = await page.evaluate(async () => {
        type Verify = (t: string, s: string) => Promise<Record<string, unknown> | null>;
        const c = (window as unknown as { conformance: { verifyInstance: Verify; host: { frameUrl(u: string, p: object): Promise<string> } } }).conformance;
        const { verifyInstance } = c;
        // This payload's plain base64url has a '-', which the SDK's atob would reject (see encodePayload).
        const url = await c.host.frameUrl('/x.html', { compId: 'comp-a', instance: { instanceId: 'inst-é->>>', signDate: '2026-01-01T00:00:00.000Z', uid: 'user-9', permissions: 'OWNER' } });
        const token = new URL(url).searchParams.get('instance')!;
        const [sig, payload] = token.split('.');
        const ok = await verifyInstance(token, 'conformance-secret');
        const wrongSecret = await verifyInstance(token, 'other-secret');
        const changed = await verifyInstance(`${sig}.${btoa(JSON.stringify({ ...ok, permissions: 'OWNER', uid: 'attacker' }))}`, 'conformance-secret');
        return { ok, wrongSecret, changed, payloadIsBase64url: /^[A-Za-z0-9]+$/.test(payload!), sigIsBase64url: /^[A-Za-z0-9_-]{43}$/.test(sig!) };
      });
      expect(result.ok).toEqual({ instanceId: 'inst-é->>>', signDate: '2026-01-01T00:00:00.000Z', uid: 'user-9', permissions: 'OWNER', demoMode: false });
      expect(result.wrongSecret).toBeNull();
      expect(result.changed).toBeNull();
      expect(result.payloadIsBase64url).toBe(true);
      expect(result.sigIsBase64url).toBe(true);

      // The real SDK, in a hosted frame, reads the same payload through its Utils getters.
      const names = await page.evaluate(() => (window as unknown as { conformance: { open(p: object): Promise<{ real: string }> } }).conformance.open({ instance: { instanceId: 'inst-é->>>', signDate: '2026-01-01T00:00:00.000Z', uid: 'user-9', permissions: 'OWNER' }, origCompId: 'comp-orig' }));
      const real = page.frame({ name: names.real })!;
      const utils = await real.evaluate(() => {
        const U = (window as unknown as { Wix: { Utils: Record<string, () => unknown> } }).Wix.Utils;
        return { id: U.getInstanceId!(), uid: U.getUid!(), permissions: U.getPermissions!(), orig: U.getOrigCompId!(), demo: U.getDemoMode!(), view: U.getViewMode!() };
      });
      expect(utils).toEqual({ id: 'inst-é->>>', uid: 'user-9', permissions: 'OWNER', orig: 'comp-orig', demo: false, view: 'site' });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('carries PubSub between hosted frames of the real SDK: the subscriber gets {data, name, origin}, the publisher hears nothing', async () => {
    const { page, problems } = await open('/test-pages/conformance/');
    try {
      await page.waitForFunction(() => 'conformance' in window);
      const [a, b] = await page.evaluate(async () => {
        const c = (window as unknown as { conformance: { open(p: object): Promise<{ real: string }> } }).conformance;
        return [(await c.open({ compId: 'comp-pub-a' })).real, (await c.open({ compId: 'comp-pub-b' })).real];
      });
      type W = { Wix: { PubSub: { subscribe(n: string, cb: (e: unknown) => void): void; publish(n: string, d: unknown): void } }; heard?: unknown[] };
      for (const name of [a, b]) {
        await page.frame({ name })!.evaluate(() => {
          const w = window as unknown as W;
          w.heard = [];
          w.Wix.PubSub.subscribe('orders', (e) => w.heard!.push(e));
        });
      }
      await page.frame({ name: a })!.evaluate(() => new Promise((r) => setTimeout(r, 100)).then(() => (window as unknown as W).Wix.PubSub.publish('orders', { id: 7 })));
      const frameB = page.frame({ name: b })!;
      await frameB.waitForFunction(() => ((window as unknown as W).heard ?? []).length > 0);
      expect(await frameB.evaluate(() => (window as unknown as W).heard)).toEqual([{ data: { id: 7 }, name: 'orders', origin: 'comp-pub-a' }]);
      expect(await page.frame({ name: a })!.evaluate(() => (window as unknown as W).heard)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a widget's setHeight and resizeWindow resize its own frame, not the frame the host page sits in; its appIsAlive records nothing on the host page", async () => {
    const { page, problems } = await open('/test-pages/host-in-frame.html');
    try {
      const host = await (await page.waitForSelector('#outer')).contentFrame();
      await host!.waitForFunction(() => {
        const f = (window as unknown as { exampleHost?: { frame: { heights: number[] } } }).exampleHost?.frame;
        return !!f && f.heights.length > 0;
      }, null, { timeout: 30_000 });
      // And a resizeWindow, answered to the widget as before.
      const answered = await host!.evaluate(() => new Promise((resolve) => {
        const f = (window as unknown as { exampleHost: { frame: { iframe: HTMLIFrameElement } } }).exampleHost.frame;
        const W = (f.iframe.contentWindow as unknown as { Wix: { resizeWindow(w: number, h: number, cb: (r: unknown) => void): void } }).Wix;
        W.resizeWindow(333, 444, resolve);
        setTimeout(() => resolve('no reply'), 5000);
      }));
      expect(answered).not.toBe('no reply');
      const sizes = await host!.evaluate(() => {
        const f = (window as unknown as { exampleHost: { frame: { iframe: HTMLIFrameElement } } }).exampleHost.frame;
        const outer = window.frameElement as HTMLElement | null;
        return { widgetWidth: f.iframe.style.width, widgetHeight: f.iframe.style.height, outer: outer ? `${outer.style.width}|${outer.style.height}` : 'none' };
      });
      // The widget's height follows its content again after the resize (setHeight); its width stays.
      expect(sizes).toMatchObject({ widgetWidth: '333px', widgetHeight: expect.stringMatching(/^\d+px$/), outer: '|' });
      // Answering the frame's appIsAlive made the host page's own shim record no calls of its own.
      const recorded = await host!.evaluate(() => (window as unknown as { WixShim: { calls(): Array<{ type: string }> } }).WixShim.calls().map((c) => c.type));
      expect(recorded.filter((t) => /Style|SiteColors|TextPresets|Fonts/.test(t))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('answers only frames it created: the same page in a frame of its own gets no reply', async () => {
    const { page, problems } = await open('/test-pages/conformance/');
    try {
      await page.waitForFunction(() => 'conformance' in window);
      const outcome = await page.evaluate(async () => {
        const c = (window as unknown as { conformance: { host: { frameUrl(u: string, p: object): Promise<string>; messages(): unknown[] } } }).conformance;
        const stray = document.createElement('iframe');
        stray.src = await c.host.frameUrl('/test-pages/conformance/real-frame.html', { compId: 'comp-stray' });
        document.body.appendChild(stray);
        await new Promise((r) => stray.addEventListener('load', r, { once: true }));
        const W = (stray.contentWindow as unknown as { Wix: { Activities: { getUserSessionToken(cb: (t: string) => void): void } } }).Wix;
        const answered = await new Promise((resolve) => {
          W.Activities.getUserSessionToken((t) => resolve(t));
          setTimeout(() => resolve('no reply'), 1500);
        });
        return { answered, logged: c.host.messages().length };
      });
      expect(outcome).toEqual({ answered: 'no reply', logged: 0 });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
