/** The query parameters Wix.js reads from its iframe's URL (facts §3.5), built the way a Wix host did. */
import { signInstance, type InstancePayload } from './instance-token';

/** Where a widget runs and as what; every field becomes the query parameter the SDK reads. */
export interface FrameParams {
  /** `Wix.Utils.getCompId()`. Default: `comp-` and a counter. */
  compId?: string;
  /** `Wix.Utils.getOrigCompId()`; absent by default (the SDK then returns `null`). */
  origCompId?: string;
  /** `'site'` (default), `'editor'` or `'preview'`. */
  viewMode?: 'site' | 'editor' | 'preview';
  /** `'desktop'` (default) or `'mobile'`. */
  deviceType?: 'desktop' | 'mobile';
  /** Default `'en'`. */
  locale?: string;
  /** `Wix.Utils.getWidth()`, as the string the SDK returns. */
  width?: number | string;
  /** `Wix.Utils.getTarget()`. */
  target?: string;
  /** `Wix.Utils.getSectionUrl()`. */
  sectionUrl?: string;
  /** `Wix.Utils.getCacheKiller()`. */
  cacheKiller?: string;
  /** Fields of the signed `instance` token, over the host's defaults. */
  instance?: Partial<InstancePayload>;
  /** Any other query parameters, as given. */
  params?: Record<string, string>;
}

/** Builds the frame URL: the widget's own URL with the Wix parameters added (its own kept). */
export async function buildFrameUrl(url: string, base: string, p: FrameParams & { compId: string }, instance: InstancePayload, secret: string): Promise<string> {
  const u = new URL(url, base);
  const pairs = new Map<string, string>(u.searchParams);
  const set = (key: string, value: unknown) => {
    if (value !== undefined && value !== null) pairs.set(key, String(value));
  };
  set('compId', p.compId);
  set('origCompId', p.origCompId);
  set('viewMode', p.viewMode ?? 'site');
  set('deviceType', p.deviceType ?? 'desktop');
  set('locale', p.locale ?? 'en');
  set('width', p.width);
  set('target', p.target);
  set('section-url', p.sectionUrl);
  set('cacheKiller', p.cacheKiller);
  set('instance', await signInstance(instance, secret));
  for (const [key, value] of Object.entries(p.params ?? {})) set(key, value);
  // encodeURIComponent, not URLSearchParams: the SDK decodes with decodeURIComponent, which
  // would leave URLSearchParams' `+` for a space as a `+`.
  u.search = [...pairs].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return u.href;
}
