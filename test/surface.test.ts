/**
 * Issue 9 item 2: what the surface beyond Activities and Contacts does offline (decision 0011):
 * Utils from the options, events with fireEvent, PubSub across instances, Data in IndexedDB,
 * the site model, simulated members recorded in calls(), inert members warning once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closedAfterEach } from './helpers';

const shim = closedAfterEach();
afterEach(() => {
  vi.restoreAllMocks();
});

/** Resolves with the first argument the callback-taking call passes. */
const reply = <T = any>(start: (cb: (v: T) => void) => void) => new Promise<T>((ok) => start(ok));

describe('Wix.Utils from the createShim options (no URL parameters in Node)', () => {
  it('reads every getter from the options and the instance payload', () => {
    const { Wix } = shim({ compId: 'comp-9', origCompId: 'comp-8', width: '300', target: '_blank', sectionUrl: 'https://x.test/s?', instanceId: 'inst-9', instance: { uid: 'u-1', permissions: 'OWNER', demoMode: true, siteOwnerId: 'o-1' } });
    const u = Wix.Utils;
    expect([u.getCompId(), u.getOrigCompId(), u.getWidth(), u.getTarget(), u.getSectionUrl()]).toEqual(['comp-9', 'comp-8', '300', '_blank', 'https://x.test/s']);
    expect([u.getInstanceId(), u.getUid(), u.getPermissions(), u.getDemoMode(), u.getSiteOwnerId(), u.getIpAndPort()]).toEqual(['inst-9', 'u-1', 'OWNER', true, 'o-1', null]);
  });

  it('has the SDK defaults where nothing is given: no origCompId, demo mode off', () => {
    const u = shim().Wix.Utils;
    expect([u.getOrigCompId(), u.getDemoMode(), u.getCacheKiller(), u.getDeviceType()]).toEqual([null, false, null, 'desktop']);
  });
});

describe('events', () => {
  it('fireEvent reaches addEventListener listeners with its data, in a later task; removeEventListener stops them', async () => {
    const s = shim();
    const got: unknown[] = [];
    const fn = (d: unknown) => got.push(d);
    const id = s.Wix.addEventListener(s.Wix.Events.SETTINGS_UPDATED, fn);
    expect(typeof id).toBe('number');
    const fired = s.fireEvent('SETTINGS_UPDATED', { color: 'red' });
    expect(got).toEqual([]);
    await fired;
    expect(got).toEqual([{ color: 'red' }]);
    s.Wix.removeEventListener(s.Wix.Events.SETTINGS_UPDATED, id);
    await s.fireEvent('SETTINGS_UPDATED', { color: 'blue' });
    expect(got).toEqual([{ color: 'red' }]);
    expect(s.calls().map((c) => c.type)).toEqual(['registerEventListener', 'removeEventListener']);
  });

  it('EDIT_MODE_CHANGE changes the view mode, and with it what postActivity allows', async () => {
    const s = shim();
    await s.fireEvent('EDIT_MODE_CHANGE', { editMode: 'editor' });
    expect(s.Wix.Utils.getViewMode()).toBe('editor');
    expect(() => s.Wix.Activities.postActivity({} as never)).toThrow(/^TypeError: Wix SDK: Invalid view mode/);
  });

  it('a listener that throws is reported and the next listener still runs', async () => {
    const s = shim();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const got: unknown[] = [];
    s.Wix.addEventListener('SCROLL', () => { throw new Error('boom'); });
    s.Wix.addEventListener('SCROLL', (d: unknown) => got.push(d));
    await s.fireEvent('SCROLL', 1);
    expect(got).toEqual([1]);
    expect(s.log().some((e) => e.message.includes('boom'))).toBe(true);
  });
});

describe('PubSub between instances (frames and tabs share a BroadcastChannel)', () => {
  it('a publish reaches the other instance as {name, data, origin}; persistent events replay', async () => {
    const a = shim({ compId: 'comp-a' });
    const b = shim({ compId: 'comp-b' });
    const heard = reply((cb) => b.Wix.PubSub.subscribe('cart', cb));
    a.Wix.PubSub.publish('cart', { items: 2 }, true);
    expect(await heard).toEqual({ name: 'cart', data: { items: 2 }, origin: 'comp-a' });
    const past = reply((cb) => b.Wix.PubSub.subscribe('cart', cb, true));
    expect(await past).toEqual({ name: 'cart', data: { items: 2 }, origin: 'comp-a' });
  });

  it('triggerSettingsUpdatedEvent fires SETTINGS_UPDATED in the widget instance with the message', async () => {
    const panel = shim({ compId: 'settings' });
    const widget = shim({ compId: 'comp-w' });
    const heard = reply((cb) => widget.Wix.addEventListener('SETTINGS_UPDATED', cb));
    panel.Wix.Settings.triggerSettingsUpdatedEvent({ title: 'Hi' }, 'comp-w');
    expect(await heard).toEqual({ title: 'Hi' });
  });
});

describe('Wix.Data.Public in IndexedDB', () => {
  it('set (editor mode) then get and getMulti, per scope; an unknown key fails', async () => {
    const factory = new (await import('fake-indexeddb')).IDBFactory();
    const editor = shim({ viewMode: 'editor', indexedDB: factory, dbName: 'data-1', compId: 'comp-1' });
    expect(await reply((cb) => editor.Wix.Data.Public.set('title', 'Hello', cb))).toEqual({ title: 'Hello' });
    await reply((cb) => editor.Wix.Data.Public.set('theme', { dark: true }, { scope: 'APP' }, cb));
    await editor.close();
    // The site, a reload later, reads what the editor stored.
    const site = shim({ indexedDB: factory, dbName: 'data-1', compId: 'comp-1' });
    expect(await reply((cb) => site.Wix.Data.Public.get('title', cb))).toEqual({ title: 'Hello' });
    expect(await reply((cb) => site.Wix.Data.Public.getMulti(['theme', 'nope'], { scope: 'APP' }, cb))).toEqual({ theme: { dark: true } });
    const failed = await new Promise((ok) => site.Wix.Data.Public.get('theme', () => ok('success'), ok));
    expect(failed).toMatchObject({ error: { errorCode: 404 } });
    expect(() => site.Wix.Data.Public.set('k', 'v')).toThrow('TypeError: Wix SDK: Invalid view mode. This function can be called only in editor mode.');
  });
});

describe('site model', () => {
  it('answers getSiteInfo, getSitePages, getCurrentPageId and style getters from the site option', async () => {
    const s = shim({ site: { siteInfo: { siteTitle: 'Bakery' }, pages: [{ id: 'p1', title: 'Home', isHomepage: true }, { id: 'p2', title: 'Menu' }], style: { colors: { bg: { value: '#123456' } } } } });
    expect(await reply((cb) => s.Wix.Settings.getSiteInfo(cb))).toMatchObject({ siteTitle: 'Bakery', pageTitle: 'Home' });
    expect(await reply((cb) => s.Wix.getSitePages(cb))).toEqual([{ id: 'p1', title: 'Home', isHomepage: true }, { id: 'p2', title: 'Menu' }]);
    expect(await reply((cb) => s.Wix.getCurrentPageId(cb))).toBe('p1');
    s.Wix.navigateToPage('p2');
    expect(await reply((cb) => s.Wix.Settings.getCurrentPageId(cb))).toBe('p2');
    expect(s.Wix.Styles.getStyleColorByKey('bg')).toBe('#123456');
    expect(s.Wix.Styles.getColorByreference('white/black')).toEqual({ value: '#FFFFFF', reference: 'white/black' });
  });
});

describe('simulated and inert members', () => {
  it('setHeight, scrollTo, analytics and performance are recorded in calls()', () => {
    const s = shim();
    s.Wix.setHeight(480);
    s.Wix.scrollTo(0, 100);
    s.Wix.Analytics.reportCampaignEvent('Purchase', { value: 5, currency: 'USD' });
    s.Wix.Performance.applicationLoaded();
    expect(s.calls().map(({ type, namespace, data }) => ({ type, namespace, data }))).toEqual([
      { type: 'heightChanged', namespace: 'Wix', data: { height: 480 } },
      { type: 'scrollTo', namespace: 'Wix', data: { x: 0, y: 100 } },
      { type: 'reportCampaignEvent', namespace: 'Analytics', data: { value: 5, currency: 'USD', eventName: 'Purchase' } },
      { type: 'applicationLoaded', namespace: 'Performance', data: {} },
    ]);
  });

  it('billing and member state come from the options; requestLogin logs in, logOut clears', async () => {
    const s = shim({ billing: { products: [{ id: 'gold' }] }, loginAs: { id: 'm-7', email: 'm@x.test' } });
    expect(await reply((cb) => s.Wix.Billing.getProducts(cb))).toEqual([{ id: 'gold' }]);
    expect(await reply((cb) => s.Wix.currentMember(cb))).toBeNull();
    expect(await reply((cb) => s.Wix.requestLogin(cb))).toEqual({ id: 'm-7', email: 'm@x.test' });
    expect(await reply((cb) => s.Wix.currentMember(cb))).toEqual({ id: 'm-7', email: 'm@x.test' });
    s.Wix.logOutCurrentMember();
    expect(await reply((cb) => s.Wix.currentMember(cb))).toBeNull();
  });

  it('an inert member calls its callback once with {} and warns once, naming the member', async () => {
    const s = shim();
    const cb = vi.fn();
    s.Wix.Settings.openModal('https://x.test', 400, 300, cb);
    s.Wix.Settings.openModal('https://x.test', 400, 300, cb);
    await reply((done) => s.Wix.getSiteInfo(done));
    await new Promise((ok) => setImmediate(ok));
    expect(cb.mock.calls).toEqual([[{}], [{}]]);
    expect(s.log().filter((e) => e.message.includes('Wix.Settings.openModal is not emulated'))).toHaveLength(1);
  });
});
