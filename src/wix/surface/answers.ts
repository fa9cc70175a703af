/**
 * What the simulated host answers, per message type (decision 0011): emulated types act on the
 * site model, Wix.Data's store and the PubSub channel; simulated ones change recorded state
 * (member, current page, frame size) and answer from options; the fire-and-forget getters are
 * only recorded. A type left out here is inert (bridge.ts).
 */
import { NO_REPLY } from './bridge';
import type { SurfaceContext } from './context';
import { DATA_SCOPE, PUBSUB_PREFIX } from './constants';

/** A site member as `Wix.currentMember` passes it. */
export interface Member {
  id: string;
  email?: string;
  name?: string;
  owner?: boolean;
  status?: string;
  [k: string]: unknown;
}

/** Billing state for the simulated `Wix.Billing` members. */
export interface BillingState {
  /** `Wix.Billing.getProducts` / `Wix.Dashboard.getProducts`. Default `[]`. */
  products?: unknown[];
  /** `Wix.Billing.getBillingPackages`. Default `[]`. */
  packages?: unknown[];
  /** `Wix.Billing.getBillingPageForProduct`. Default `''`. */
  pageUrl?: string;
}

export interface AnswerOptions {
  billing: BillingState;
  /** Who `requestLogin` logs in. */
  loginAs: Member;
  member: { current: Member | null };
  /** Posts to the app's other frames and tabs (PubSub, settings updates). */
  broadcast(message: CrossFrameMessage): void;
  /** Persistent PubSub events seen so far, by event key. */
  persisted: Record<string, unknown[]>;
}

export type CrossFrameMessage = { eventKey: string; params: unknown; to?: string; persistent?: boolean };

const QUIET =
  'getViewModeInternal toWixDate getCompId getOrigCompId getWidth getLocale getCacheKiller getTarget getInstanceId getSignDate getUid getPermissions getIpAndPort getDemoMode getDeviceType getInstanceValue getSiteOwnerId getImageUrl getResizedImageUrl getAudioUrl getDocumentUrl getSwfUrl getPreviewSecureMusicUrl getStyleParams getEditorFonts getSiteTextPresets getFontsSpriteUrl getStyleFontByKey getStyleFontByReference getSiteColors getStyleColorByKey getColorByreference setColorParam setNumberParam setBooleanParam setUILIBParamValue removeEventListener scrollTo scrollBy navigateTo navigateToAnchor navigateToComponent navigateToSectionPage appStateChanged replaceSectionState setPageMetadata registerCampaignPixel reportCampaignEvent applicationLoaded applicationLoadingStep openBillingPage appEngaged';

export function registerAnswers(c: SurfaceContext, o: AnswerOptions): void {
  const a = c.b.answers;
  for (const type of QUIET.split(' ')) a[type] = () => NO_REPLY;
  const frame = (size: { width?: unknown; height?: unknown }) => {
    // A same-origin host page sees its frame grow; elsewhere the call is only recorded.
    try {
      const el = (globalThis as { frameElement?: HTMLElement | null }).frameElement;
      for (const k of ['width', 'height'] as const) if (el && typeof size[k] === 'number') el.style[k] = `${size[k]}px`;
    } catch { /* a cross-origin parent: no visible effect */ }
  };
  // A hosted frame's first message (src/host): the style data Wix.js caches for Wix.Styles; it then
  // says `stylesReady`. Read from the site model, not through the Styles getters, which would
  // record five calls this page never made. The shim itself never sends it.
  a.appIsAlive = () => ({
    siteColors: c.site.siteColors,
    siteTextPresets: c.site.siteTextPresets,
    style: c.site.style,
    fonts: { fontsMeta: c.site.fontsMeta, imageSpriteUrl: c.site.fontsSpriteUrl },
    isVisualFocusEnabled: false,
  });
  a.heightChanged = (d) => (frame({ height: d.height }), NO_REPLY);
  a.resizeWindow = (d) => (frame(d), {});
  a.navigateToPage = (d) => ((c.site.currentPageId = d.pageId), NO_REPLY);

  const loc = () => (globalThis as { location?: Location }).location;
  const pageUrl = (id: string) => `${loc()?.origin ?? ''}/${id}`;
  a.siteInfo = () => {
    const page = c.site.pages.find((p) => p.id === c.site.currentPageId);
    return {
      siteTitle: 'My Site',
      pageTitle: page?.title ?? '',
      siteDescription: '',
      siteKeywords: '',
      referrer: (globalThis as { document?: Document }).document?.referrer ?? '',
      url: loc()?.href ?? '',
      baseUrl: loc()?.origin ?? '',
      ...c.site.siteInfo,
    };
  };
  a.getSitePages = (d) => c.site.pages.map((p) => (d.includePagesUrl ? { ...p, url: pageUrl(p.id) } : { ...p }));
  a.getSiteMap = () => c.site.pages.map((p) => ({ type: 'PageLink', pageId: p.id, title: p.title, url: pageUrl(p.id), hidden: !!p.hide, isHomePage: !!p.isHomepage }));
  a.getCurrentPageId = () => c.site.currentPageId;
  a.setStyleParam = (d) => {
    for (const { type, key, param } of [d].flat()) {
      const v = param?.value;
      (c.site.style as any)[`${type}s`][key] = type === 'color' ? { value: v?.rgba ?? v?.color ?? v } : v;
    }
    return {};
  };

  a.registerEventListener = (d) => ({ drain: !!d.receivePastEvents, data: o.persisted[d.eventKey] ?? [] });
  a.publish = (d) => {
    const params = { name: d.eventKey.slice(PUBSUB_PREFIX.length), data: d.eventData, origin: c.compId() };
    if (d.isPersistent) (o.persisted[d.eventKey] ??= []).push(params);
    o.broadcast({ eventKey: d.eventKey, params, persistent: d.isPersistent });
    return NO_REPLY;
  };
  a.postMessage = (d) => (o.broadcast({ eventKey: 'SETTINGS_UPDATED', params: d.message, to: d.compId }), NO_REPLY);

  // Wix.Data.Public: APP values are shared by the app's components; COMPONENT ones are per compId.
  const key = (d: { scope: string }, k: string) => `data:${d.scope}:${d.scope === DATA_SCOPE.APP ? '' : c.compId()}:${k}`;
  a.setValue = async (d) => (await c.store.writeMeta(key(d, d.key), d.value), { [d.key]: d.value });
  a.removeValue = async (d) => (await c.store.writeMeta(key(d, d.key), undefined), {});
  a.getValue = async (d) => {
    // The key is read before the await: a host answering for another frame sets compId only for this turn.
    const k = key(d, d.key);
    const found = await c.store.readMetaMany([k]);
    return k in found ? { [d.key]: found[k] } : { error: { errorCode: 404, message: `No value has key ${d.key} in scope ${d.scope}` } };
  };
  a.getValues = async (d) => {
    const keys: string[] = d.keys.map((k: string) => key(d, k));
    const found = await c.store.readMetaMany<unknown>(keys);
    const out: Record<string, unknown> = {};
    d.keys.forEach((k: string, i: number) => { if ((keys[i] as string) in found) out[k] = found[keys[i] as string]; });
    return out;
  };

  a.getProducts = () => o.billing.products ?? [];
  a.getBillingPackages = () => ({ data: o.billing.packages ?? [] });
  a.getBillingPageForProduct = () => ({ data: o.billing.pageUrl ?? '' });
  a.openBillingPageForProduct = () => ({});
  a.smRequestLogin = () => (o.member.current = o.loginAs);
  a.smCurrentMember = () => o.member.current;
  a.logOutCurrentMember = () => ((o.member.current = null), NO_REPLY);
}
