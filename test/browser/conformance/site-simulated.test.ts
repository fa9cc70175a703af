// The site model (Settings, Styles, pages) and the simulated members (height, scroll, navigation,
// members, analytics, billing) through the shim's own Wix and through the real Wix.js hosted by createHost.
import { conformanceSuite, type Scenario } from './harness';

const call = (label: string, expr: string) => `await ctx.step('${label}', () => ${expr});`;

const scenarios: Scenario[] = [
  { name: 'Wix.getSiteInfo calls back with the site model', expect: 1, source: call('siteInfo', `Wix.getSiteInfo(ctx.cb('info'))`) },
  { name: 'Wix.Settings.getSiteInfo is the same answer', expect: 1, source: call('siteInfo', `Wix.Settings.getSiteInfo(ctx.cb('info'))`) },
  { name: 'Wix.getSitePages, with and without page URLs', expect: 2, source: `${call('pages', `Wix.getSitePages(ctx.cb('pages'))`)} ${call('pages with urls', `Wix.getSitePages({ includePagesUrl: true }, ctx.cb('pages+urls'))`)}` },
  { name: 'Wix.getSitePages with a non-boolean includePagesUrl throws', expect: 0, source: call('pages', `Wix.getSitePages({ includePagesUrl: 'yes' }, ctx.cb('x'))`) },
  { name: 'Wix.getSiteMap', expect: 1, source: call('map', `Wix.getSiteMap(ctx.cb('map'))`) },
  { name: 'Wix.getCurrentPageId', expect: 1, source: call('page', `Wix.getCurrentPageId(ctx.cb('page'))`) },
  { name: 'Wix.getCurrentPageId without a callback throws', expect: 0, source: call('page', `Wix.getCurrentPageId()`) },
  {
    // Not compared: getStyleParams' callback. The real SDK calls it synchronously once its style
    // cache is filled; the shim calls it in a later task, as SPEC §2.1 asks of every callback (decision 0012).
    name: 'Wix.Styles getters after start-up (site colors with their references, style params, text presets)',
    expect: 0,
    source: `${call('siteColors', `Wix.Styles.getSiteColors()`)} ${call('styleParams', `Wix.Styles.getStyleParams()`)} ${call('textPresets', `Wix.Styles.getSiteTextPresets()`)} ${call('colorByKey', `Wix.Styles.getStyleColorByKey('missing')`)}`,
  },
  { name: 'Wix.setHeight(480) returns undefined and calls nothing', expect: 0, source: call('setHeight', `Wix.setHeight(480)`) },
  { name: 'Wix.setHeight with a string throws', expect: 0, source: call('setHeight', `Wix.setHeight('480px')`) },
  { name: 'Wix.setHeight with a negative height throws', expect: 0, source: call('setHeight', `Wix.setHeight(-1)`) },
  { name: 'Wix.setHeight with a bad overflow option throws', expect: 0, source: call('setHeight', `Wix.setHeight(100, { overflow: 'yes' })`) },
  { name: 'Wix.resizeWindow calls back', expect: 1, source: call('resize', `Wix.resizeWindow(300, 200, ctx.cb('resized'))`) },
  { name: 'Wix.scrollTo and scrollBy on the site return undefined', expect: 0, source: `${call('scrollTo', `Wix.scrollTo(0, 100)`)} ${call('scrollBy', `Wix.scrollBy(0, 10)`)}` },
  { name: 'Wix.scrollTo with a non-boolean scrollAnimation throws', expect: 0, source: call('scrollTo', `Wix.scrollTo(0, 0, { scrollAnimation: 1 })`) },
  { name: 'Wix.scrollTo in the editor throws the view-mode string', expect: 0, frame: { compId: 'comp-sim-editor', viewMode: 'editor' }, source: call('scrollTo', `Wix.scrollTo(0, 0)`) },
  { name: 'Wix.navigateToPage without a page id throws', expect: 0, source: call('navigate', `Wix.navigateToPage()`) },
  { name: 'Wix.navigateToPage with a non-function onFailure throws', expect: 0, source: call('navigate', `Wix.navigateToPage('home', {}, 'fail')`) },
  {
    name: 'members: nobody is logged in, requestLogin logs the default member in, logOut logs out',
    expect: 3,
    source: `
      const pause = () => new Promise((r) => setTimeout(r, 150));
      await ctx.step('current', () => Wix.currentMember(ctx.cb('current 1')));
      await pause();
      await ctx.step('login', () => Wix.requestLogin(ctx.cb('login')));
      await pause();
      await ctx.step('current again', () => Wix.currentMember(ctx.cb('current 2')));
      await pause();
      await ctx.step('logout', () => Wix.logOutCurrentMember());`,
  },
  { name: 'Wix.requestLogin with an unknown mode throws', expect: 0, source: call('login', `Wix.requestLogin({ mode: 'magic' })`) },
  { name: 'Wix.requestLogin in preview throws the view-mode string', expect: 0, frame: { compId: 'comp-sim-preview', viewMode: 'preview' }, source: call('login', `Wix.requestLogin(ctx.cb('x'))`) },
  { name: 'Analytics.registerCampaignPixel with an unknown pixel type throws', expect: 0, source: call('pixel', `Wix.Analytics.registerCampaignPixel('TWITTER', '123')`) },
  { name: 'Analytics.registerCampaignPixel with a non-numeric id throws', expect: 0, source: call('pixel', `Wix.Analytics.registerCampaignPixel(Wix.Analytics.PixelType.FACEBOOK, 'abc')`) },
  { name: 'Analytics.reportCampaignEvent with an unknown event throws; a known one returns undefined', expect: 0, source: `${call('bad', `Wix.Analytics.reportCampaignEvent('Dance', {})`)} ${call('good', `Wix.Analytics.reportCampaignEvent('ViewContent', { value: 1 })`)}` },
  { name: 'Performance.applicationLoadingStep with a string stage throws; applicationLoaded returns undefined', expect: 0, source: `${call('step', `Wix.Performance.applicationLoadingStep('one')`)} ${call('loaded', `Wix.Performance.applicationLoaded()`)}` },
  { name: 'Billing.getBillingPackages calls back', expect: 1, source: call('packages', `Wix.Billing.getBillingPackages(ctx.cb('packages'), ctx.cb('fail'))`) },
  { name: 'Billing.getProducts calls back', expect: 1, source: call('products', `Wix.Billing.getProducts(ctx.cb('products'), ctx.cb('fail'))`) },
  { name: 'an inert member (getBoundingRectAndOffsets) calls back with {}', expect: 1, source: call('rect', `Wix.getBoundingRectAndOffsets(ctx.cb('rect'))`) },
];

conformanceSuite('site model and simulated members', scenarios);
