/**
 * Members that several namespaces share in Wix.js 1.90.0 (one implementation called with the
 * namespace name). Argument checks and their messages are the SDK's, word for word.
 */
import { EDITOR_ONLY, SITE_ONLY, type SurfaceContext } from './context';
import { PREMIUM_INTENT } from './constants';
import { colorReference } from './site';
import { has, isBool, isFn, isNum, isObj, isPercent, isStr, isValueOf } from './sdk-types';

type Cb = ((...a: any[]) => any) | undefined;

/** Calls `onError` when the reply has `onError`, else `onSuccess`. */
export const onErrorSplit = (onSuccess: any, onError: any) => function (this: unknown, res: any, ...rest: unknown[]) {
  (res && res.onError ? onError : onSuccess)?.call(this, res, ...rest);
};
/** Calls `onError` when the reply has `error`, else `onSuccess`. */
export const errorSplit = (onSuccess: any, onError: any) => (res: any) => (res && res.error ? onError : onSuccess)?.(res);
/** `Wix.Error` string of a failed reply (the SDK's getWixError). */
export const wixError = (code: unknown) => (code === 404 ? 'NOT_FOUND' : code === 400 ? 'BAD_REQUEST' : code === 'INVALID_SCHEMA' ? 'INVALID_SCHEMA' : 'WIX_ERROR');
/** The SDK's data-response handling: `res.data` to onSuccess, a Wix.Error string to onFailure. */
export const dataReply = (onSuccess: Cb, onFailure: Cb) => (res: any) => (res.error ? onFailure?.(wixError(res.error.errorCode)) : onSuccess!(res.data));

export function createShared(c: SurfaceContext) {
  const { b } = c;
  const { fail, send } = b;

  const style = (): any => c.site.style;
  const mappedColor = (key: string) => {
    for (const color of c.site.siteColors) if (colorReference(color.name) === key) return { ...color, reference: key };
    return key.startsWith('style.') ? style().colors[key.slice(6)] : undefined;
  };
  const colorByReference = (ref: string) => {
    const { name: _n, ...rest } = mappedColor(ref) ?? {};
    return rest;
  };

  const getProducts = (ns: string, options: any, onSuccess: any, onError: any) => {
    if (!isObj(options)) fail('Missing mandatory argument - options must be an object');
    if (options && options.currency && !isStr(options.currency)) fail('Invalid argument - currency must be of type string');
    if (!isFn(onSuccess)) fail('Missing mandatory argument - onSuccess must be a function');
    if (onError && !isFn(onError)) fail('Invalid argument - onError must be a function');
    const data: any = {};
    if (options.appDefinitionId) data.appDefinitionId = options.appDefinitionId;
    if (options.currency) data.currency = options.currency;
    send('getProducts', ns, data, errorSplit(onSuccess, onError));
  };

  const setEditorParam = (ns: string, type: string, key: unknown, param: unknown, onSuccess?: any, onFailure?: any) => {
    if (!key) fail('Invalid key name');
    send('setStyleParam', ns, { type, key, param }, onErrorSplit(onSuccess, onFailure));
  };

  const resizeComponent = (ns: string, options: any, onSuccess: any, onFailure: any) => {
    if (!options || (!options.width && !options.height)) fail('Mandatory arguments - width or height must be supplied');
    const data: any = {};
    if (options.width) data.width = options.width;
    if (options.height) data.height = options.height;
    send('resizeComponent', ns, data, (res: any) => (res.onError ? onFailure?.(res) : onSuccess?.(res)));
  };

  const shared = {
    style,
    colorByReference,
    getProducts,
    setEditorParam,
    resizeComponent,
    /** Returns a style-cache entry at once and passes it to the callback (later, unlike the SDK's cache hit: SPEC §2.1). */
    getStyle(callback: unknown, key: 'style' | 'siteColors' | 'fontsMeta' | 'fontsSpriteUrl' | 'siteTextPresets') {
      const value = (c.site as any)[key];
      b.reply(`Wix.Styles ${key}`, callback, value);
      return value;
    },
    styleColorByKey: (key: string) => style().colors[key]?.value ?? '',
    setColorParam(ns: string, key: unknown, value: any, onSuccess?: any, onFailure?: any) {
      if (value.hasOwnProperty('reference') && value.reference) value.color = colorByReference(value.reference);
      setEditorParam(ns, 'color', key, value, onSuccess, onFailure);
    },
    billingParams(options: any) {
      const data: any = {};
      if (isObj(options)) {
        if (options.premiumIntent) {
          if (!isStr(options.premiumIntent) || !has(PREMIUM_INTENT, options.premiumIntent)) fail(`Unsupported premiumIntent - ${options.premiumIntent} - should be one of Wix.Settings.PremiumIntent`);
          data.premiumIntent = options.premiumIntent;
        }
        if (isStr(options.referrer)) data.referrer = options.referrer;
      }
      return data;
    },
    openMediaDialog(type: string, ns: string, mediaTypes: object, mediaType: unknown, multiple: unknown, onSuccess: any, onCancel: any, options: any) {
      if (!isStr(mediaType) || !isValueOf(mediaTypes, mediaType)) fail('Missing mandatory argument - mediaType must be one of Wix.Settings.MediaType');
      if (!isBool(multiple)) fail('Missing mandatory argument - multipleSelection must be true or false');
      if (!isFn(onSuccess)) fail('Missing mandatory argument - onSuccess must be a function');
      let callOnCancel = true;
      if (!isFn(onCancel)) {
        callOnCancel = false;
        if (!isObj(options) && isObj(onCancel)) options = onCancel;
      }
      const data: any = { mediaType, multiSelection: multiple, callOnCancel };
      if (isObj(options)) data.options = options;
      send(type, ns, data, (res: any) => (res.wasCancelled ? callOnCancel && onCancel(res) : onSuccess(res)));
    },
    openModal(ns: string, url: unknown, width: unknown, height: unknown, titleOrOnClose: unknown, onClose: unknown, isBareMode: unknown, options: unknown) {
      if (!url || !width || !height) fail('Mandatory arguments - url & width & height must be specified');
      if (!isStr(url)) fail('Invalid argument - a Url must be of type string');
      if (!isNum(width) && !isPercent(width)) fail('Invalid argument - a width must be of type Number or Percentage');
      if (!isNum(height) && !isPercent(height)) fail('Invalid argument - a height must be of type Number or Percentage');
      const data: any = { url, width, height, isBareMode, options };
      if (isFn(titleOrOnClose)) onClose = titleOrOnClose;
      else data.title = titleOrOnClose;
      send('settingsOpenModal', ns, data, onClose);
    },
    revalidateSession(ns: string, onSuccess: unknown, onFailure: any) {
      if (!onSuccess) fail('Missing Mandatory argument - onSuccess');
      if (!isFn(onSuccess)) fail('Mandatory argument - onSuccess - should be of type Function');
      send('revalidateSession', ns, {}, function (this: unknown, res: any, ...rest: unknown[]) {
        if (res && res.onError) onFailure?.call(this, wixError(res.error.errorCode));
        else (onSuccess as any).call(this, res, ...rest);
      });
    },
    getCurrentPageAnchors(ns: string, callback: unknown) {
      if (!callback || !isFn(callback)) fail('Mandatory arguments - a callback function must be specified');
      send('getCurrentPageAnchors', ns, {}, callback);
    },
    getSiteInfo: (ns: string, callback: unknown) => send('siteInfo', ns, null, callback),
    closeWindow: (ns: string, message: unknown) => send('closeWindow', ns, { message }),
    getSitePages(ns: string, options: any, callback: unknown) {
      const data: any = {};
      if (isFn(options)) callback = options;
      else if (options) {
        if (!isObj(options)) fail('Invalid argument - options should be of type Object');
        if (options.includePagesUrl) {
          if (!isBool(options.includePagesUrl)) fail('Invalid argument - includePagesUrl should be of type boolean');
          data.includePagesUrl = options.includePagesUrl;
        }
        if (callback && !isFn(callback)) fail('Invalid argument - callback should be of type Function');
      }
      send('getSitePages', ns, data, callback);
    },
    getSiteMap(ns: string, callback: unknown) {
      if (!isFn(callback)) fail('Missing mandatory argument - callback must be a function');
      send('getSiteMap', ns, {}, callback);
    },
    currentMember: (ns: string, callback: unknown) => send('smCurrentMember', ns, null, callback),
    navigateToSection(ns: string, a: unknown, b2: unknown, callback?: unknown) {
      let data: any;
      if (isFn(a)) callback = a;
      else if (isStr(a)) { data = { state: a }; callback = b2; }
      else if (isObj(a) && isFn(b2)) { data = { sectionIdentifier: a }; callback = b2; }
      else data = { sectionIdentifier: a, state: b2 };
      send('navigateToSectionPage', ns, data, callback);
    },
    getStateUrl(ns: string, sectionId: unknown, state: unknown, callback: unknown) {
      if (!isStr(sectionId)) fail('Missing mandatory argument - sectionId - should be of type String');
      if (!isStr(state)) fail('Missing mandatory argument - state - should be of type String');
      if (!isFn(callback)) fail('Missing mandatory argument - callback - should be of type Function');
      send('getStateUrl', ns, { sectionId, state }, callback);
    },
    getCurrentPageId(ns: string, callback: unknown) {
      if (!isFn(callback)) fail('Missing mandatory argument - callback - should be of type Function');
      send('getCurrentPageId', ns, null, callback);
    },
    isApplicationInstalled(ns: string, appDefinitionId: unknown, callback: unknown) {
      if (c.viewMode() === 'site') fail('Invalid view mode. This function can be called only in editor/preview mode.');
      if (!isStr(appDefinitionId)) fail('Missing mandatory argument - appDefinitionId - should be of type String');
      if (!isFn(callback)) fail('Missing mandatory argument - callback - should be of type Function');
      send('isApplicationInstalled', ns, { appDefinitionId }, callback);
    },
    isAppSectionInstalled(ns: string, sectionId: unknown, options: any, callback?: unknown) {
      if (!isStr(sectionId)) fail('Missing mandatory argument - sectionId - should be of type String');
      if (isFn(options)) { callback = options; options = {}; }
      if (!isFn(callback)) fail('Mandatory argument - callback function must be specified');
      if (!isObj(options)) fail('Invalid argument - options must be an object');
      const data: any = { sectionId };
      if (options.appDefinitionId) data.appDefinitionId = options.appDefinitionId;
      send('isAppSectionInstalled', ns, data, callback);
    },
    addComponent(ns: string, options: any, onSuccess: any, onFailure: any) {
      if (!options || !options.componentType) fail('Mandatory arguments - options has to have componentType');
      if (options.copyStyle && !isBool(options.copyStyle)) fail('Invalid argument - copyStyle should be of type Boolean');
      const data: any = { componentType: options.componentType };
      if (options.copyStyle) data.copyStyle = options.copyStyle;
      if (options.styleId) data.styleId = options.styleId;
      if (options.componentType === 'WIDGET') {
        if (!options.widget) fail('Mandatory arguments - options has to have widget object');
        data.widget = { tpaWidgetId: options.widget.widgetId, allPages: options.widget.allPages || false, wixPageId: options.widget.wixPageId };
      }
      if (options.componentType === 'PAGE') {
        if (!options.page) fail('Mandatory arguments - options has to have page object');
        data.page = { pageId: options.page.pageId, title: options.page.title, shouldNavigate: options.page.shouldNavigate };
      }
      send('addComponent', ns, data, onErrorSplit(onSuccess, onFailure));
    },
    editorOnly: () => c.viewMode() !== 'editor' && fail(EDITOR_ONLY),
    siteOnly: () => c.viewMode() !== 'site' && fail(SITE_ONLY),
    /** The named members, bound to a namespace (the SDK passed it as the first argument). */
    at: <K extends string>(ns: string, ...members: K[]) =>
      Object.fromEntries(members.map((m) => [m, (...args: unknown[]) => (shared as any)[m](ns, ...args)])) as Record<K, (...args: any[]) => any>,
  };
  return shared;
}

export type Shared = ReturnType<typeof createShared>;
