/** The members right on `Wix` (and `Wix.Dashboard`, which forwards to them), as in Wix.js 1.90.0. */
import { NOT_IN_EDITOR, type SurfaceContext } from './context';
import { PREMIUM_INTENT, THEME, WINDOW_ORIGIN, WINDOW_PLACEMENT } from './constants';
import type { Shared } from './shared';
import type { WixSettings } from './settings';
import { isBool, isFn, isNum, isObj, isStr } from './sdk-types';

export function createRoot(c: SurfaceContext, s: Shared, Settings: WixSettings) {
  const { fail, send } = c.b;
  const notInEditor = () => c.viewMode() === 'editor' && fail(NOT_IN_EDITOR);

  const root = {
    ...s.at('Wix', 'closeWindow', 'getSiteInfo', 'getSitePages', 'getSiteMap', 'currentMember', 'getCurrentPageId', 'revalidateSession', 'getCurrentPageAnchors', 'getStateUrl', 'isApplicationInstalled', 'isAppSectionInstalled'),
    openModal(url: unknown, width: unknown, height: unknown, onClose?: unknown, theme?: unknown) {
      notInEditor();
      send('openModal', 'Wix', { url, width, height, theme: theme || THEME.DEFAULT }, onClose);
    },
    openPopup(url: unknown, width: unknown, height: unknown, position?: any, onClose?: unknown, theme?: unknown) {
      notInEditor();
      // As in the SDK: with four arguments and a function last, the position is reset and the
      // function is not used as onClose.
      if (arguments.length === 4 && isFn(position)) position = {};
      position = position || {};
      position.origin = position.origin || WINDOW_ORIGIN.DEFAULT;
      position.placement = position.placement || WINDOW_PLACEMENT.CENTER;
      send('openPopup', 'Wix', { url, width, height, position, theme: theme || THEME.DEFAULT }, onClose);
    },
    setHeight(height: unknown, options?: any) {
      if (!isNum(height)) fail('Mandatory argument - height - should be of type Number');
      if ((height as number) < 0) fail('height should be a positive integer');
      let overflow;
      if (options) {
        if (!isObj(options) || !isBool(options.overflow)) fail('Invalid argument - options should be of type object, containing boolean indicating if to resize this component over other components on the page');
        overflow = options.overflow;
      }
      send('heightChanged', 'Wix', { height, overflow });
    },
    scrollTo(x: unknown, y: unknown, options?: any) {
      notInEditor();
      const data: any = { x, y };
      if (options && options.hasOwnProperty('scrollAnimation')) {
        if (!isBool(options.scrollAnimation)) fail('Invalid argument - scrollAnimation should be of type boolean');
        data.scrollAnimation = options.scrollAnimation;
      }
      send('scrollTo', 'Wix', data);
    },
    scrollBy(x: unknown, y: unknown) {
      notInEditor();
      send('scrollBy', 'Wix', { x, y });
    },
    getBoundingRectAndOffsets: (callback: unknown) => send('boundingRectAndOffsets', 'Wix', null, callback),
    /** Stops a listener (the function, or the id `addEventListener` returned). */
    removeEventListener: (eventName: string, callbackOrId: unknown) => c.b.unlisten(eventName, 'Wix', callbackOrId, false),
    /** Listens for a `Wix.Events` event; returns the listener's id. */
    addEventListener: (eventName: string, callback: (data: any) => void): number => c.b.listen(eventName, 'Wix', callback, false),
    resizeWindow: (width: unknown, height: unknown, callback?: unknown) => send('resizeWindow', 'Wix', { width, height }, callback),
    requestLogin(options?: any, onSuccess?: any, onCancel?: any) {
      s.siteOnly();
      const data: any = {};
      let reply: any = () => undefined;
      let wantsReply = false;
      if (isFn(options)) {
        if (isFn(onSuccess)) onCancel = onSuccess;
        else if (onSuccess) fail('Invalid argument - onSuccess must be of type Function');
        onSuccess = options;
        wantsReply = true;
      } else if (isObj(options)) {
        if (options.mode === 'login' || options.mode === 'signup') data.mode = options.mode;
        else if (options.mode) fail("Invalid argument - mode can only be 'login' or 'signup'");
        if (options.language) data.language = options.language;
        if (isBool(options.checkCommunityCheckbox)) data.checkCommunityCheckbox = options.checkCommunityCheckbox;
        if (isFn(onSuccess)) wantsReply = true;
        else if (onSuccess) fail('Invalid argument - onSuccess must be of type Function');
      }
      if (wantsReply) {
        const callOnCancel = isFn(onCancel);
        data.callOnCancel = callOnCancel;
        reply = (res: any) => (res.wasCancelled ? callOnCancel && onCancel(res) : onSuccess(res));
      }
      send('smRequestLogin', 'Wix', data, reply);
    },
    logOutCurrentMember(options?: any, onError?: unknown) {
      s.siteOnly();
      const data: any = {};
      if (isObj(options)) {
        if (options.language) data.language = options.language;
        if (onError && !isFn(onError)) fail('Invalid argument - onError, must be a function');
        send('logOutCurrentMember', 'Wix', data, onError);
      } else if (isFn(options)) send('logOutCurrentMember', 'Wix', data, options);
      else if (options) fail('Invalid argument - options, must be an object');
      else send('logOutCurrentMember', 'Wix', data);
    },
    navigateTo(linkData: any, onFailure?: unknown) {
      notInEditor();
      if (!isObj(linkData)) fail('Missing mandatory argument - linkData of type Object');
      if (onFailure && !isFn(onFailure)) fail('Invalid argument - onFailure must be of type Function');
      // The SDK also opened an 'ExternalLink' in a new window; the shim only records it.
      send('navigateTo', 'Wix', { link: linkData }, onFailure);
    },
    navigateToPage(pageId: unknown, options?: any, onFailure?: unknown) {
      if (!pageId) fail('Missing mandatory argument - pageId of type string');
      if (options && !isObj(options)) fail('Invalid argument - options must be of type Object');
      if (onFailure && !isFn(onFailure)) fail('Invalid argument - onFailure must be of type Function');
      const data: any = { pageId };
      if (options) {
        if (options.anchorId) {
          if (c.viewMode() === 'editor') fail('Invalid view mode. This function cannot be called with anchorId in editor mode. Supported view modes are: [preview, site]');
          data.anchorId = options.anchorId;
        }
        if (options.noTransition) {
          if (!isBool(options.noTransition)) fail('Invalid argument - noTransition should be of type boolean');
          data.noTransition = options.noTransition;
        }
      }
      send('navigateToPage', 'Wix', data, onFailure);
    },
    pushState(state: unknown) {
      if (!isStr(state)) fail('Missing mandatory argument - state - should be of type String');
      send('appStateChanged', 'Wix', { state });
    },
    reportHeightChange: (): void => { fail('Deprecated, use Wix.setHeight instead'); },
    getStyleParams(callback?: unknown) {
      c.b.once('Wix.getStyleParams', 'Wix.getStyleParams is DEPRECATED use Wix.Styles.getStyleParams');
      send('getStyleParams', 'Wix');
      return s.getStyle(callback, 'style');
    },
    getExternalId(onSuccess: any, onFailure?: any) {
      if (!onSuccess) fail('Mandatory arguments - an onSuccess callback must be specified');
      send('getExternalId', 'Wix', undefined, function (this: unknown, res: any) {
        res && res.onError ? onFailure?.apply(this, arguments) : onSuccess.apply(this, arguments);
      });
    },
    navigateToComponent(compId: unknown, options?: any, onFailure?: unknown) {
      notInEditor();
      if (!isStr(compId)) fail('Missing mandatory argument - compId - should be of type String');
      const data: any = { compId };
      if (isFn(options)) onFailure = options;
      else if (options) {
        if (!isObj(options) || !options.pageId) fail('Invalid argument - options should be of type object, containing string representing page id and optionally noPageTransition');
        if (!options.pageId || !isStr(options.pageId)) fail('Invalid argument - options must contain pageId of type string');
        data.pageId = options.pageId;
        if (options.noPageTransition) {
          if (!isBool(options.noPageTransition)) fail('Invalid argument - noPageTransition should be of type boolean');
          data.noPageTransition = options.noPageTransition;
        }
      }
      send('navigateToComponent', 'Wix', data, onFailure);
    },
    resizeComponent(options: unknown, onSuccess?: unknown, onFailure?: unknown) {
      const mode = c.viewMode();
      if (mode !== 'editor') fail(`${mode} is an invalid view mode. This function can only be called in editor mode.`);
      s.resizeComponent('Wix', options, onSuccess, onFailure);
    },
    navigateToAnchor(anchorId: unknown, onFailure?: unknown) {
      notInEditor();
      if (!isStr(anchorId)) fail('Missing mandatory argument - anchorId - should be of type String');
      if (onFailure && !isFn(onFailure)) fail('Invalid argument - onFailure, must be a function');
      send('navigateToAnchor', 'Wix', { anchorId }, onFailure);
    },
    getComponentInfo(callback: unknown) {
      if (!callback || !isFn(callback)) fail('Missing mandatory argument - callback - should be of type Function');
      send('getComponentInfo', 'Wix', null, callback);
    },
    replaceSectionState(state: unknown) {
      notInEditor();
      if (!state) fail('Missing mandatory argument - state');
      if (!isStr(state)) fail('Invalid argument - state should be of type String');
      send('replaceSectionState', 'Wix', { state });
    },
    setPageMetadata(options: any) {
      s.siteOnly();
      if (!isObj(options)) fail('Missing mandatory argument - options - should be of type Object');
      if (!options.title && !options.description) fail('Invalid argument - options must contain title and/or description of type string');
      if (options.title && !isStr(options.title)) fail('Invalid argument - title must be of type string');
      if (options.description && !isStr(options.description)) fail('Invalid argument - description must be of type string');
      if (options.overrideTitle && !isBool(options.overrideTitle)) fail('Invalid argument - overrideTitle must be of type boolean');
      const data: any = {};
      for (const k of ['title', 'description', 'overrideTitle']) if (options[k]) data[k] = options[k];
      send('setPageMetadata', 'Wix', data);
    },
    getAdsOnPage(callback: unknown) {
      if (!isFn(callback)) fail('Mandatory argument - onSuccess function must be specified');
      send('getAdsOnPage', 'Wix', undefined, callback);
    },
    isVisualFocusEnabled(callback: unknown) {
      if (c.viewMode() !== 'site') fail('Invalid view mode. This function cannot be called in editor and preview mode. Supported view mode is site');
      if (!isFn(callback)) fail('Mandatory argument - callback function must be specified');
      c.b.reply('Wix.isVisualFocusEnabled', callback, !!c.site.isVisualFocusEnabled);
    },
  };

  const Dashboard = {
    PremiumIntent: PREMIUM_INTENT,
    setHeight: (height: unknown) => root.setHeight(height),
    openMediaDialog: (mediaType: unknown, multiple: unknown, onSuccess: unknown, onCancel?: unknown) => Settings.openMediaDialog(mediaType, multiple, onSuccess, onCancel),
    openBillingPage: (options?: unknown) => Settings.openBillingPage(options),
    openModal: (url: unknown, width: unknown, height: unknown, onClose?: unknown) => root.openModal(url, width, height, onClose),
    closeWindow: (message?: unknown) => root.closeWindow(message),
    scrollTo: (x: unknown, y: unknown) => root.scrollTo(x, y),
    getEditorUrl(callback: unknown) {
      if (!callback) fail('Mandatory arguments - a callback must be specified');
      send('getEditorUrl', 'Dashboard', undefined, callback);
    },
    pushState(state: unknown) {
      if (typeof state !== 'string') fail('Missing mandatory argument - state');
      send('appStateChanged', 'Dashboard', { state });
    },
    resizeWindow: (width: unknown, height: unknown, callback?: unknown) => root.resizeWindow(width, height, callback),
    revalidateSession: Settings.revalidateSession,
    getProducts: (onSuccess: unknown, onError?: unknown) => s.getProducts('Dashboard', {}, onSuccess, onError),
    getSiteViewUrl(options: unknown, callback?: unknown) {
      if (isObj(options)) {
        if (!callback || !isFn(callback)) fail('Missing mandatory argument - onSuccess');
        send('getSiteViewUrl', 'Dashboard', options, callback);
      } else if (isFn(options)) send('getSiteViewUrl', 'Dashboard', undefined, options);
      else fail('Missing mandatory argument - onSuccess');
    },
    appEngaged: (premiumIntent: unknown) => Settings.appEngaged(premiumIntent),
    navigateToDashboard: () => send('navigateToDashboard', 'Dashboard'),
  };
  return { root, Dashboard };
}
