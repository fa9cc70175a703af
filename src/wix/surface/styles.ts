/** `Wix.Styles` of Wix.js 1.90.0: getters answer from the site model; setters are recorded and update it. */
import type { SurfaceContext } from './context';
import type { Shared } from './shared';
import { onErrorSplit } from './shared';
import { has, isArray, isFn, isObj, isStr } from './sdk-types';

const NS = 'Styles';
const PARAM_TYPES = ['color', 'number', 'boolean', 'font'];

export function createStyles(c: SurfaceContext, s: Shared) {
  const { fail, send } = c.b;
  const sent = <T>(type: string, value: T): T => (send(type, NS), value);
  return {
    getStyleParams: (callback?: unknown) => sent('getStyleParams', s.getStyle(callback, 'style')),
    setStyleParams(styles: any, onSuccess?: unknown, onFailure?: unknown) {
      if (!isArray(styles)) fail(`${styles} is not a valid styles array.`);
      const params = styles.map((p: any, i: number) => {
        if (!has(p, 'key') || !has(p, 'type') || !has(p, 'value')) fail(`styleObjArr[${i}] is not a valid style object.`);
        if (!PARAM_TYPES.includes(p.type)) fail(`Invalid editor param type: "${p.type}"`);
        if (!isStr(p.key)) fail('Invalid key name');
        if (!isObj(p.value)) fail('Invalid value');
        return { key: p.key, type: p.type, param: p.value };
      });
      send('setStyleParam', NS, params, onErrorSplit(onSuccess, onFailure));
    },
    setFontParam: (key: unknown, value: unknown, onSuccess?: unknown, onFailure?: unknown) => s.setEditorParam(NS, 'font', key, value, onSuccess, onFailure),
    getEditorFonts: (callback?: unknown) => sent('getEditorFonts', s.getStyle(callback, 'fontsMeta')),
    getSiteTextPresets: (callback?: unknown) => sent('getSiteTextPresets', s.getStyle(callback, 'siteTextPresets')),
    getFontsSpriteUrl: (callback?: unknown) => sent('getFontsSpriteUrl', s.getStyle(callback, 'fontsSpriteUrl')),
    getStyleFontByKey: (key: string) => sent('getStyleFontByKey', s.style().fonts[key]),
    getStyleFontByReference: (reference: string) => sent('getStyleFontByReference', c.site.siteTextPresets[reference]),
    getSiteColors: (callback?: unknown) => sent('getSiteColors', s.getStyle(callback, 'siteColors')),
    getStyleColorByKey: (key: string) => sent('getStyleColorByKey', s.styleColorByKey(key)),
    getColorByreference: (reference: string) => sent('getColorByreference', s.colorByReference(reference)),
    setColorParam: (key: unknown, value: unknown, onSuccess?: unknown, onFailure?: unknown) => (send('setColorParam', NS), s.setColorParam(NS, key, value, onSuccess, onFailure)),
    setNumberParam: (key: unknown, value: unknown, onSuccess?: unknown, onFailure?: unknown) => (send('setNumberParam', NS), s.setEditorParam(NS, 'number', key, value, onSuccess, onFailure)),
    setBooleanParam: (key: unknown, value: unknown, onSuccess?: unknown, onFailure?: unknown) => (send('setBooleanParam', NS), s.setEditorParam(NS, 'boolean', key, value, onSuccess, onFailure)),
    openColorPicker: (params: unknown, callback?: unknown) => send('openColorPicker', NS, params, callback),
    openFontPicker: (params: unknown, callback?: unknown) => send('openFontPicker', NS, params, callback),
    setUILIBParamValue(type: string, key: string, value: unknown) {
      send('setUILIBParamValue', NS);
      s.style()[type][key] = value;
    },
    getStyleId(callback: unknown) {
      if (!callback) fail('Mandatory arguments - a callback must be specified');
      if (!isFn(callback)) fail('Invalid argument - callback should be of type Function');
      send('getStyleId', NS, {}, callback);
    },
    getStyleParamsByStyleId(styleId: unknown, onSuccess: any, onFailure?: any) {
      if (!styleId || !onSuccess) fail('Mandatory arguments - styleId & onSuccess must be specified');
      if (!isStr(styleId)) fail('Invalid argument - styleId must be of type string');
      if (!isFn(onSuccess)) fail('Invalid argument - onSuccess must be of type Function');
      if (onFailure && !isFn(onFailure)) fail('Invalid argument - onFailure must be of type Function');
      send('getStyleParamsByStyleId', NS, { styleId }, (res: any) => (res.error ? onFailure?.(res.error) : onSuccess(res)));
    },
  };
}
