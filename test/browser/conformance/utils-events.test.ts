// Wix.Utils getters (from the frame's URL and signed instance) and Wix events, on both sides.
import { conformanceSuite, type Scenario } from './harness';

const FULL = {
  compId: 'comp-utils', origCompId: 'comp-orig-7', viewMode: 'site' as const, deviceType: 'mobile' as const, locale: 'fr',
  width: 320, target: '_blank', sectionUrl: 'https://example.com/shop/',
  instance: { instanceId: 'inst-utils', signDate: '2026-01-01T00:00:00.000Z', uid: 'visitor-3', permissions: 'OWNER', demoMode: true, siteOwnerId: 'owner-1' },
};

const GETTERS = `
  const U = Wix.Utils;
  for (const name of ['getCompId', 'getOrigCompId', 'getViewMode', 'getDeviceType', 'getLocale', 'getInstanceId', 'getSignDate', 'getUid',
    'getPermissions', 'getDemoMode', 'getWidth', 'getTarget', 'getSectionUrl', 'getCacheKiller', 'getSiteOwnerId', 'getIpAndPort']) {
    await ctx.step(name, () => U[name]());
  }
  await ctx.step('getInstanceValue(instanceId)', () => U.getInstanceValue('instanceId'));
  await ctx.step('getInstanceValue(missing)', () => U.getInstanceValue('missing'));
  await ctx.step('toWixDate', () => U.toWixDate(new Date(Date.UTC(2020, 1, 3, 4, 5, 6))));`;

const listen = (event: string, params: string) => `
  await ctx.step('add', () => Wix.addEventListener(Wix.Events.${event}, ctx.cb('listener')));
  await new Promise((r) => setTimeout(r, 50));
  ctx.fire(Wix.Events.${event}, ${params});`;

const scenarios: Scenario[] = [
  { name: 'Utils getters with every URL parameter and a full instance', expect: 0, frame: FULL, source: GETTERS },
  { name: 'Utils getters with the minimal parameters (origCompId, width, target absent)', expect: 0, frame: { compId: 'comp-min' }, source: GETTERS },
  { name: 'Utils getters in the editor', expect: 0, frame: { compId: 'comp-ed', viewMode: 'editor' }, source: GETTERS },
  { name: 'Utils getters in preview on mobile', expect: 0, frame: { compId: 'comp-pre', viewMode: 'preview', deviceType: 'mobile' }, source: GETTERS },
  {
    name: 'Utils.Media URL builders',
    expect: 0,
    source: `
      const M = Wix.Utils.Media;
      await ctx.step('image', () => M.getImageUrl('abc.png'));
      await ctx.step('resized', () => M.getResizedImageUrl('abc.png', 100, 50, { quality: 80 }));
      await ctx.step('audio', () => M.getAudioUrl('a.mp3'));
      await ctx.step('audio preview', () => M.getAudioUrl('a.mp3', M.AudioType.PREVIEW));
      await ctx.step('audio bad type', () => M.getAudioUrl('a.mp3', 'LOUD'));
      await ctx.step('document', () => M.getDocumentUrl('d.pdf'));
      await ctx.step('swf', () => M.getSwfUrl('m.swf'));`,
  },
  {
    name: 'getSectionUrl with a callback but no sectionId throws; without an object reads the URL',
    expect: 0,
    frame: FULL,
    source: `
      await ctx.step('no section', () => Wix.Utils.getSectionUrl({}, ctx.cb('never')));
      await ctx.step('no callback', () => Wix.Utils.getSectionUrl({ sectionId: 's' }));
      await ctx.step('plain', () => Wix.Utils.getSectionUrl());`,
  },
  { name: 'SETTINGS_UPDATED with data reaches the listener once, in a later task', expect: 1, source: listen('SETTINGS_UPDATED', `{ color: 'red', size: 3 }`) },
  { name: 'PAGE_NAVIGATION with a page id', expect: 1, source: listen('PAGE_NAVIGATION', `{ toPage: 'about', fromPage: 'home' }`) },
  { name: 'SITE_PUBLISHED without data', expect: 1, source: listen('SITE_PUBLISHED', 'undefined') },
  {
    name: 'two listeners for one event both run, in the order they were added',
    expect: 2,
    source: `
      await ctx.step('add 1', () => Wix.addEventListener('STATE_CHANGED', ctx.cb('first')));
      await ctx.step('add 2', () => Wix.addEventListener('STATE_CHANGED', ctx.cb('second')));
      await new Promise((r) => setTimeout(r, 50));
      ctx.fire('STATE_CHANGED', { newState: 'x' });`,
  },
  {
    name: 'removeEventListener by callback: the event no longer arrives',
    expect: 0,
    grace: 300,
    source: `
      const fn = ctx.cb('removed listener');
      await ctx.step('add', () => Wix.addEventListener(Wix.Events.SCROLL, fn));
      await ctx.step('remove', () => Wix.removeEventListener(Wix.Events.SCROLL, fn));
      await new Promise((r) => setTimeout(r, 50));
      ctx.fire(Wix.Events.SCROLL, { top: 10 });`,
  },
  { name: 'addEventListener with an unknown event name throws', expect: 0, source: `await ctx.step('add', () => Wix.addEventListener('NOT_AN_EVENT', ctx.cb('x')));` },
  { name: 'removeEventListener with an unknown event name throws', expect: 0, source: `await ctx.step('remove', () => Wix.removeEventListener('NOT_AN_EVENT', () => {}));` },
  {
    name: 'EDIT_MODE_CHANGE to preview changes getViewMode',
    expect: 1,
    frame: { compId: 'comp-edit-mode', viewMode: 'editor' },
    source: `
      await ctx.step('before', () => Wix.Utils.getViewMode());
      await ctx.step('add', () => Wix.addEventListener(Wix.Events.EDIT_MODE_CHANGE, ctx.cb('listener')));
      await new Promise((r) => setTimeout(r, 50));
      ctx.fire('EDIT_MODE_CHANGE', { editMode: 'preview' });
      await new Promise((r) => setTimeout(r, 200));
      await ctx.step('after', () => Wix.Utils.getViewMode());`,
  },
  {
    name: 'Events, Theme, WindowOrigin, WindowPlacement, Analytics, Billing, Settings constants',
    expect: 0,
    source: `
      for (const k of ['Events', 'Theme', 'WindowOrigin', 'WindowPlacement']) ctx.note(k, Wix[k]);
      ctx.note('Analytics.PixelType', Wix.Analytics.PixelType);
      ctx.note('Analytics.PixelEventType', Wix.Analytics.PixelEventType);
      ctx.note('Billing.Cycle', Wix.Billing.Cycle);
      ctx.note('Settings.MediaType', Wix.Settings.MediaType);
      ctx.note('Data.SCOPE', Wix.Data.SCOPE);
      ctx.note('Utils.Media.AudioType', Wix.Utils.Media.AudioType);`,
  },
];

conformanceSuite('Wix.Utils and events', scenarios);
