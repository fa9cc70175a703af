/** `Wix.Settings` of Wix.js 1.90.0: the settings panel's API. */
import type { SurfaceContext } from './context';
import { MEDIA_TYPE, PREMIUM_INTENT, WINDOW_PLACEMENT } from './constants';
import type { Shared } from './shared';
import { onErrorSplit } from './shared';
import { has, isBool, isFn, isObj, isStr } from './sdk-types';

const NS = 'Settings';

export function createSettings(c: SurfaceContext, s: Shared) {
  const { fail, send, once } = c.b;
  /** The SDK logged these (console.log of a TypeError) and then did the Styles equivalent. */
  const deprecated = (member: string, type: string) => {
    once(`Settings.${member}`, `Wix.Settings.${member} is DEPRECATED use Wix.Styles.${member}`);
    send(type, NS);
  };
  const callbackCheck = (callback: unknown) => callback || fail('Mandatory arguments - a callback must be specified');

  return {
    ...s.at(NS, 'getCurrentPageId', 'getSiteInfo', 'getSitePages', 'getSiteMap', 'closeWindow', 'revalidateSession', 'getCurrentPageAnchors', 'getStateUrl', 'isApplicationInstalled', 'resizeComponent'),
    MediaType: MEDIA_TYPE,
    PremiumIntent: PREMIUM_INTENT,
    getColorByreference: (reference: string) => (deprecated('getColorByreference', 'getColorByreference'), s.colorByReference(reference)),
    setBooleanParam: (key: unknown, value: unknown) => (deprecated('setBooleanParam', 'setBooleanParam'), s.setEditorParam(NS, 'boolean', key, value)),
    // As in the SDK, which passed the key as the namespace: this always throws a TypeError.
    setColorParam: (key: unknown, value: unknown) => (deprecated('setColorParam', 'setColorParam'), s.setColorParam(key as string, value, undefined)),
    // As in the SDK, which sent number parameters with type 'color'.
    setNumberParam: (key: unknown, value: unknown) => (deprecated('setNumberParam', 'setNumberParam'), s.setEditorParam(NS, 'color', key, value)),
    getSiteColors: (callback?: unknown) => (deprecated('getSiteColors', 'getSiteColors'), s.getStyle(callback, 'siteColors')),
    getStyleColorByKey: (key: string) => (deprecated('getStyleColorByKey', 'getStyleColorByKey'), s.styleColorByKey(key)),
    getWindowPlacement(compId: unknown, callback: unknown) {
      if (!compId || !callback) fail('Mandatory arguments - compId & callback must be specified');
      send('getWindowPlacement', NS, { compId }, callback);
    },
    getDashboardAppUrl(options: any, callback?: unknown) {
      callbackCheck(options);
      if (isFn(options)) { callback = options; options = undefined; }
      if (!isFn(callback)) fail('Mandatory arguments - a callback must be specified');
      if (options && !isObj(options)) fail('Invalid argument - options must be of type object');
      send('getDashboardAppUrl', NS, options, callback);
    },
    getStyleParams(callback?: unknown) {
      deprecated('getStyleParams', 'getStyleParams');
      return s.getStyle(callback, 'style');
    },
    openBillingPage: (options?: unknown) => send('openBillingPage', NS, s.billingParams(options)),
    appEngaged(premiumIntent: unknown) {
      if (!isStr(premiumIntent) || !has(PREMIUM_INTENT, premiumIntent)) fail('Missing mandatory argument - premiumIntent - should be one of Wix.Settings.PremiumIntent');
      send('appEngaged', NS, { premiumIntent });
    },
    openMediaDialog: (mediaType: unknown, multiple: unknown, onSuccess: unknown, onCancel?: unknown, options?: unknown) =>
      s.openMediaDialog('openMediaDialog', NS, MEDIA_TYPE, mediaType, multiple, onSuccess, onCancel, options),
    openSiteMembersSettingsDialog: () => send('openSiteMembersSettingsDialog', NS),
    refreshApp: (queryParams?: unknown) => send('refreshApp', NS, { queryParams }),
    refreshAppByCompIds: (compIds: unknown, queryParams?: unknown) => send('refreshApp', NS, { queryParams, compIds }),
    setWindowPlacement(compId: unknown, placement: unknown, verticalMargin?: unknown, horizontalMargin?: unknown) {
      if (!compId || !placement) fail('Mandatory arguments - compId & placement must be specified');
      if (!Object.prototype.hasOwnProperty.call(WINDOW_PLACEMENT, placement as string)) fail('Invalid argument - placement value should be set using Wix.WindowPlacement');
      send('setWindowPlacement', NS, { compId, placement, verticalMargin, horizontalMargin });
    },
    /** Tells the widget(s) of this app that settings changed: they get `SETTINGS_UPDATED` with `message`. */
    triggerSettingsUpdatedEvent: (message?: unknown, compId?: unknown) => send('postMessage', NS, { message: message || {}, compId: compId || '*' }),
    openModal: (url: unknown, width: unknown, height: unknown, titleOrOnClose?: unknown, onClose?: unknown, isBareMode?: unknown) =>
      s.openModal(NS, url, width, height, titleOrOnClose, onClose, isBareMode, undefined),
    addComponent(options: any, onSuccess?: unknown, onFailure?: unknown) {
      if (options && options.appDefinitionId) delete options.appDefinitionId;
      s.addComponent(NS, options, onSuccess, onFailure);
    },
    setExternalId(guid: unknown, onSuccess?: unknown, onFailure?: unknown) {
      if (!guid) fail('Mandatory arguments - GUID must be provided');
      send('setExternalId', NS, { externalId: guid }, onErrorSplit(onSuccess, onFailure));
    },
    setFullWidth(stretch: unknown, options?: any, onSuccess?: unknown, onFailure?: unknown) {
      if (!isBool(stretch)) fail('Mandatory argument - shouldBeFullWidth - should be of type Boolean');
      const margins = options && options.margins;
      // The SDK turned '%' margins into 'vw' with the page's lodash (absent: a ReferenceError); the shim needs none.
      if (margins) for (const k in margins) if (isStr(margins[k]) && margins[k].endsWith('%')) margins[k] = margins[k].replace('%', 'vw');
      send('setFullWidth', NS, { stretch, margins }, onErrorSplit(onSuccess, onFailure));
    },
    isFullWidth(callback: unknown) {
      callbackCheck(callback);
      send('isFullWidth', NS, undefined, callback);
    },
    openReviewInfo: () => send('openReviewInfo', NS),
    isComponentInstalled(componentId: unknown, callback: unknown) {
      if (!componentId || !isStr(componentId)) fail('Missing mandatory argument - componentId - should be a non empty String');
      if (!isFn(callback)) fail('Missing mandatory argument - callback - should be of type Function');
      send('isComponentInstalled', NS, { componentId }, callback);
    },
    openLinkPanel(options: any, onSuccess?: any, onCancel?: any) {
      if (isFn(options)) { onCancel = onSuccess; onSuccess = options; options = {}; }
      else if (!options || !isObj(options)) fail('Missing mandatory argument - first argument should be of type Object or Function');
      if (!isFn(onSuccess)) fail('Missing mandatory argument - onSuccess - should be of type Function');
      if (onCancel && !isFn(onCancel)) fail('Invalid argument - onCacnel - should be of type Function');
      send('openLinkPanel', NS, options.link ? { link: options.link } : {}, (res: any) => (res && res.onCacnel ? onCancel?.(res) : onSuccess(res)));
    },
  };
}

export type WixSettings = ReturnType<typeof createSettings>;
