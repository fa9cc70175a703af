/**
 * `Wix.Utils` and `Wix.Utils.Media` (also `Wix.Media`) of Wix.js 1.90.0. Each getter reads the
 * frame's query parameters or `instance` payload as the SDK did (see query.ts), falling back to
 * the `createShim` options when the page has none, and posts its fire-and-forget message.
 */
import type { SurfaceContext } from './context';
import { AUDIO_TYPE } from './constants';
import { queryParameter } from './query';
import type { Shared } from './shared';
import { has, isFn, isObj } from './sdk-types';

const NS = 'Utils';
const STATIC = 'https://static.wixstatic.com/';

export interface UtilsDefaults {
  /** Query parameter → value used when the URL lacks it. */
  query: Record<string, string | null>;
  /** The `instance` payload (the URL's, else one made from the options). */
  instance: () => Record<string, unknown>;
}

export function createUtils(c: SurfaceContext, s: Shared, d: UtilsDefaults) {
  const { fail, send } = c.b;
  /** A query parameter, posting the getter's message first. */
  const q = (type: string, name: string) => (send(type, NS), queryParameter(name) ?? d.query[name] ?? null);
  const value = (type: string, key: string) => (send(type, NS), d.instance()[key] || null);

  const Media = {
    AudioType: { ...AUDIO_TYPE },
    getImageUrl: (relativeUrl: string) => (send('getImageUrl', 'Utils.Media'), `${STATIC}media/${relativeUrl}`),
    getResizedImageUrl(relativeUrl: string, width: number, height: number, options?: any) {
      // The SDK filled in the caller's options object; so does the shim.
      const o = options || {};
      o.quality = o.quality || 85;
      o.usm_r = (o.usm_r || 0.66).toFixed(2);
      o.usm_a = (o.usm_a || 1).toFixed(2);
      o.usm_t = (o.usm_t || 0.01).toFixed(2);
      const url = `${STATIC}media/${relativeUrl}/v1/fill/w_${Math.round(width)},h_${Math.round(height)},q_${o.quality},usm_${o.usm_r}_${o.usm_a}_${o.usm_t}/${relativeUrl}`;
      send('getResizedImageUrl', 'Utils.Media');
      return url;
    },
    getAudioUrl(relativeUrl: string, audioType?: string) {
      const type = audioType || 'STANDARD';
      if (!has(AUDIO_TYPE, type)) fail('Invalid argument - audioType value should be set using Wix.Utils.Media.AudioType');
      send('getAudioUrl', 'Utils.Media');
      return type === 'STANDARD' ? `https://music.wixstatic.com/mp3/${relativeUrl}` : `${STATIC}${type === 'PREVIEW' ? 'preview/' : ''}${relativeUrl}`;
    },
    getDocumentUrl: (relativeUrl: string) => (send('getDocumentUrl', 'Utils.Media'), `https://docs.wixstatic.com/ugd/${relativeUrl}`),
    getSwfUrl: (relativeUrl: string) => (send('getSwfUrl', 'Utils.Media'), `${STATIC}media/${relativeUrl}`),
    getPreviewSecureMusicUrl(relativeUrl: string) {
      send('getPreviewSecureMusicUrl', 'Utils.Media');
      c.b.once('getPreviewSecureMusicUrl', "Wix.Utils.Media.getPreviewSecureMusicUrl is DEPRECATED please use Wix.Utils.Media.getAudioUrl('myFileName.mp3', Wix.Utils.Media.AudioType.PREVIEW)");
      return `${STATIC}preview/${relativeUrl}`;
    },
  };

  return {
    ...s.at(NS, 'navigateToSection'),
    /** `'site'`, `'editor'`, `'preview'` (from the URL, else the option; `EDIT_MODE_CHANGE` updates it). */
    getViewMode: (): string => (send('getViewModeInternal', NS), c.viewMode()),
    toWixDate: (date: Date): string => (send('toWixDate', NS), date.toISOString()),
    getCompId: (): string | null => q('getCompId', 'compId'),
    /** The `origCompId` URL parameter (a copied component's original), else `null`. */
    getOrigCompId: (): string | null => q('getOrigCompId', 'origCompId'),
    getWidth: (): string | null => q('getWidth', 'width'),
    getLocale: (): string | null => q('getLocale', 'locale'),
    getCacheKiller: (): string | null => q('getCacheKiller', 'cacheKiller'),
    getTarget: (): string | null => q('getTarget', 'target'),
    getSectionUrl(options?: any, callback?: unknown): string | null | undefined {
      if (!isObj(options)) {
        const url = queryParameter('section-url') ?? d.query['section-url'] ?? null;
        return url && url.replace(/\?$/, '');
      }
      if (!isFn(callback)) fail('Mandatory arguments - callback must be specified');
      if (!options.sectionId) fail('Wrong arguments - an Object with sectionId must be provided');
      send('getSectionUrl', NS, { sectionIdentifier: options.sectionId }, callback);
      return undefined;
    },
    getInstanceId: () => value('getInstanceId', 'instanceId') as string | null,
    getSignDate: () => value('getSignDate', 'signDate') as string | null,
    getUid: () => value('getUid', 'uid') as string | null,
    getPermissions: () => value('getPermissions', 'permissions') as string | null,
    getIpAndPort: () => value('getIpAndPort', 'ipAndPort') as string | null,
    /** The `instance` payload's `demoMode`, `false` when absent. */
    getDemoMode: (): boolean => {
      const demo = value('getDemoMode', 'demoMode');
      return demo !== null && (demo as boolean);
    },
    getDeviceType: (): string => q('getDeviceType', 'deviceType') || 'desktop',
    getInstanceValue: (key: string): unknown => value('getInstanceValue', key),
    getSiteOwnerId: () => value('getSiteOwnerId', 'siteOwnerId') as string | null,
    Media,
  };
}
