/**
 * Issue 9 item 2: the shim's argument checks and view-mode rules are the real SDK's, word for
 * word. Each call runs in a frame with the real Wix.js 1.90.0 and in one with the shim's script
 * tag, in site, preview and editor mode; what it throws (first line) or returns must match.
 * No host answers either frame, so only synchronous behaviour is compared here; callbacks and
 * replies are the conformance suite's (host branch).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserSuite, type BrowserSuite } from './harness';
import { frameQuery, openInFrame, routeWixPages } from './wix-walk';

/** Calls, as source run with `W` = window.Wix and `f` = a function. */
const CALLS = [
  // Root
  'W.setHeight()', "W.setHeight('1')", 'W.setHeight(-1)', 'W.setHeight(10, 5)', 'W.setHeight(10, {overflow: 1})', 'W.setHeight(10, {overflow: true})', 'W.setHeight(NaN)',
  "W.openModal('u', 1, 1)", "W.openPopup('u', 1, 1, f)", 'W.scrollTo(1, 2, {scrollAnimation: 1})', 'W.scrollTo(1, 2)', 'W.scrollBy(1, 2)',
  'W.navigateToComponent(1)', "W.navigateToComponent('c', 5)", "W.navigateToComponent('c', {pageId: 5})", "W.navigateToComponent('c', {pageId: 'p', noPageTransition: 1})",
  'W.getSitePages(5)', 'W.getSitePages({includePagesUrl: 1})', 'W.getSitePages({}, 5)', 'W.getSiteMap()', 'W.getSiteInfo()',
  "W.addEventListener('NOPE', f)", 'W.addEventListener()', "W.addEventListener('SETTINGS_UPDATED', f)", "W.removeEventListener('NOPE', f)", "W.removeEventListener('SCROLL', f)",
  'W.requestLogin(f, 5)', "W.requestLogin({mode: 'x'})", 'W.requestLogin({}, 5)', 'W.requestLogin()', 'W.logOutCurrentMember(5)', 'W.logOutCurrentMember({}, 5)',
  'W.navigateTo(5)', 'W.navigateTo({}, 5)', 'W.navigateToPage()', "W.navigateToPage('p', 5)", "W.navigateToPage('p', {}, 5)", "W.navigateToPage('p', {anchorId: 'a'})", "W.navigateToPage('p', {noTransition: 1})",
  'W.getCurrentPageId()', 'W.pushState(5)', 'W.reportHeightChange()', 'W.getExternalId()', 'W.resizeComponent({width: 1})', 'W.revalidateSession()', 'W.revalidateSession(5)',
  'W.getCurrentPageAnchors()', 'W.navigateToAnchor(5)', "W.navigateToAnchor('a', 5)", 'W.getComponentInfo()', 'W.replaceSectionState()', 'W.replaceSectionState(5)',
  'W.setPageMetadata(5)', 'W.setPageMetadata({})', 'W.setPageMetadata({title: 5})', "W.setPageMetadata({description: 5, title: 't'})", "W.setPageMetadata({title: 't', overrideTitle: 1})",
  'W.getStateUrl(5)', "W.getStateUrl('s', 5)", "W.getStateUrl('s', 't')", 'W.getAdsOnPage()', 'W.isApplicationInstalled(5, f)', "W.isApplicationInstalled('a')",
  'W.isAppSectionInstalled(5)', "W.isAppSectionInstalled('s', {})", "W.isAppSectionInstalled('s', 5, f)", 'W.isVisualFocusEnabled()', 'typeof W.getStyleParams()',
  // Settings
  'W.Settings.getWindowPlacement()', "W.Settings.getDashboardAppUrl()", 'W.Settings.getDashboardAppUrl({})', 'W.Settings.getDashboardAppUrl(5, f)',
  "W.Settings.openBillingPage({premiumIntent: 'X'})", 'W.Settings.appEngaged(5)', "W.Settings.appEngaged('FREE')",
  "W.Settings.openMediaDialog('x', true, f)", "W.Settings.openMediaDialog('photos', 1, f)", "W.Settings.openMediaDialog('photos', true, 5)",
  "W.Settings.setWindowPlacement('c')", "W.Settings.setWindowPlacement('c', 'X')", 'W.Settings.openModal()', 'W.Settings.openModal(5, 1, 1)', "W.Settings.openModal('u', 'x', 1)", "W.Settings.openModal('u', '50%', true)",
  'W.Settings.addComponent({})', "W.Settings.addComponent({componentType: 'X', copyStyle: 1})", "W.Settings.addComponent({componentType: 'WIDGET'})", "W.Settings.addComponent({componentType: 'PAGE'})",
  'W.Settings.resizeComponent({})', 'W.Settings.setExternalId()', 'W.Settings.setFullWidth(1)', 'W.Settings.isFullWidth()', 'W.Settings.isComponentInstalled()', "W.Settings.isComponentInstalled('c')",
  'W.Settings.openLinkPanel(5)', 'W.Settings.openLinkPanel({}, 5)', 'W.Settings.openLinkPanel(f, 5)', "W.Settings.setColorParam('k', {})", "W.Settings.setBooleanParam()", 'W.Settings.getStyleColorByKey("k")',
  // Styles
  'W.Styles.setStyleParams(5)', 'W.Styles.setStyleParams([{}])', "W.Styles.setStyleParams([{key: 'k', type: 'x', value: {}}])", "W.Styles.setStyleParams([{key: 5, type: 'color', value: {}}])",
  "W.Styles.setStyleParams([{key: 'k', type: 'color', value: 5}])", 'W.Styles.setFontParam()', 'W.Styles.getStyleId()', 'W.Styles.getStyleId(5)', 'W.Styles.getStyleParamsByStyleId()',
  'W.Styles.getStyleParamsByStyleId(5, f)', "W.Styles.getStyleParamsByStyleId('s', 5)", "W.Styles.getStyleParamsByStyleId('s', f, 5)", 'W.Styles.getStyleColorByKey("k")', 'JSON.stringify(W.Styles.getColorByreference("nope"))',
  // Utils
  'W.Utils.getViewMode()', 'W.Utils.getCompId()', 'W.Utils.getOrigCompId()', 'W.Utils.getWidth()', 'W.Utils.getLocale()', 'W.Utils.getCacheKiller()', 'W.Utils.getTarget()',
  'W.Utils.getSectionUrl()', 'W.Utils.getSectionUrl({})', 'W.Utils.getSectionUrl({}, f)', 'W.Utils.getInstanceId()', 'W.Utils.getSignDate()', 'W.Utils.getUid()', 'W.Utils.getPermissions()',
  'W.Utils.getIpAndPort()', 'W.Utils.getDemoMode()', 'W.Utils.getDeviceType()', "W.Utils.getInstanceValue('siteOwnerId')", 'W.Utils.getSiteOwnerId()', 'W.Utils.toWixDate(new Date(0))',
  "W.Utils.Media.getImageUrl('a.png')", "W.Utils.Media.getResizedImageUrl('a.png', 10.4, 20.6)", "W.Utils.Media.getAudioUrl('a.mp3')", "W.Utils.Media.getAudioUrl('a.mp3', 'PREVIEW')",
  "W.Utils.Media.getAudioUrl('a.mp3', 'SHORT_PREVIEW')", "W.Utils.Media.getAudioUrl('a.mp3', 'X')", "W.Media.getDocumentUrl('d.pdf')", "W.Media.getSwfUrl('s.swf')", "W.Media.getPreviewSecureMusicUrl('m')",
  // Data, PubSub, Analytics, Performance, Billing, Dashboard, Features, Editor
  "W.Data.Public.set('k', 'v')", 'W.Data.Public.get(5)', "W.Data.Public.get('k', {})", "W.Data.Public.get('k', {scope: 'APP'}, 5)", "W.Data.Public.get('k', f, 5)", "W.Data.Public.remove('k')", 'W.Data.Public.getMulti(5)',
  'W.PubSub.subscribe(5)', "W.PubSub.subscribe('e', 5)", 'W.PubSub.publish(5)', "typeof W.PubSub.subscribe('e', f)",
  "W.Analytics.registerCampaignPixel('X', '1')", "W.Analytics.registerCampaignPixel('FACEBOOK', 'abc')", "W.Analytics.registerCampaignPixel('FACEBOOK', '12')",
  "W.Analytics.reportCampaignEvent('X')", "W.Analytics.reportCampaignEvent('Purchase', {value: 1})", "W.Analytics.reportCampaignEvent('Lead')",
  "W.Performance.applicationLoadingStep('1')", 'W.Performance.applicationLoadingStep(1, 5)', 'W.Performance.applicationLoaded()',
  'W.Billing.openBillingPageForProduct(5)', "W.Billing.openBillingPageForProduct('p', 'X')", "W.Billing.getBillingPageForProduct('p', 'MONTHLY')", 'W.Billing.getBillingPackages()', 'W.Billing.getProducts(5)',
  "W.Billing.getProducts({currency: 5}, f)", 'W.Billing.getProducts({})', 'W.Billing.getProducts({}, f, 5)',
  'W.Dashboard.getEditorUrl()', 'W.Dashboard.pushState(5)', 'W.Dashboard.getSiteViewUrl(5)', 'W.Dashboard.getSiteViewUrl({})', 'W.Dashboard.getProducts()', 'W.Dashboard.setHeight(-2)',
  'W.Features.isSupported()', 'W.Features.isSupported(f)', "W.Features.isSupported('X')", "W.Features.isSupported('X', 5)", "W.Features.isSupported('X', f)", "W.Editor.isApplicationInstalled(5, f)",
  // Activities and Contacts
  'W.Activities.postActivity({})', 'W.Activities.getActivityById(5)', 'W.Contacts.getContacts()', 'W.Contacts.reconcileContact()',
];

const QUERIES = {
  site: frameQuery(),
  preview: frameQuery().replace('viewMode=site', 'viewMode=preview'),
  editor: `${frameQuery().replace('viewMode=site', 'viewMode=editor')}&origCompId=comp-0&width=320&target=_top&section-url=${encodeURIComponent('https://example.com/s?')}&cacheKiller=7`,
};

let suite: BrowserSuite;
beforeAll(async () => { suite = await startBrowserSuite(); });
afterAll(() => suite?.stop());

async function outcomes(name: string, query: string): Promise<string[]> {
  const page = await suite.browser.newPage();
  await routeWixPages(page, suite.origin);
  const frame = await openInFrame(page, suite.origin, name, query);
  const out = await frame.evaluate((calls) => calls.map((src) => {
    const W = (window as unknown as { Wix: unknown }).Wix;
    const console = { log() {}, warn() {}, info() {}, error() {} };
    try {
      const value = new Function('W', 'f', 'console', `return ${src}`)(W, () => undefined, console);
      return `${src} → ${typeof value === 'number' ? 'number' : JSON.stringify(value)}`;
    } catch (e) {
      return `${src} ✗ ${typeof e === 'string' ? e.split('\n')[0] : `${(e as Error).name}: ${(e as Error).message}`}`;
    }
  }), CALLS);
  await page.close();
  return out;
}

describe('argument checks and view modes, word for word', () => {
  for (const [mode, query] of Object.entries(QUERIES)) {
    it(`${mode} mode: every call throws or returns what the real SDK does`, async () => {
      const [real, shim] = [await outcomes('real.html', query), await outcomes('shim.html', query)];
      if (process.env.DUMP_CHECKS) console.info(real.join('\n'));
      expect(real.filter((r) => r.includes('✗ TypeError: Wix SDK:')).length).toBeGreaterThan(100);
      expect(shim).toEqual(real);
    });
  }
});
