/** `Wix.Data`, `PubSub`, `Analytics`, `Performance`, `Billing`, `Editor`, `Features`, `Preview` of Wix.js 1.90.0. */
import type { SurfaceContext } from './context';
import { BILLING_CYCLE, DATA_SCOPE, FEATURE_TYPES, PIXEL_EVENT_TYPE, PIXEL_TYPE, PUBSUB_PREFIX } from './constants';
import type { Shared } from './shared';
import { dataReply, errorSplit } from './shared';
import { has, hasValue, isArray, isBool, isFn, isNum, isObj, isStr } from './sdk-types';

export function createMisc(c: SurfaceContext, s: Shared) {
  const { fail, send } = c.b;

  // Wix.Data.Public: options may be {scope} or be left out (then the callbacks move up).
  const dataCall = (type: string, data: any, options: any, onSuccess: any, onFailure: any) => {
    let scope = DATA_SCOPE.COMPONENT;
    if (options) {
      if (isObj(options) && options.scope && (options.scope === DATA_SCOPE.APP || options.scope === DATA_SCOPE.COMPONENT)) scope = options.scope;
      else {
        if (!isFn(options)) fail('Invalid argument - options should be of type object, containing scope of type Wix.Data.SCOPE');
        onFailure = onSuccess;
        onSuccess = options;
      }
    }
    if (onSuccess && !isFn(onSuccess)) fail('Invalid argument - onSuccess - should be a function');
    send(type, 'Data.Public', { ...data, scope }, errorSplit(onSuccess, onFailure));
  };
  const keyCheck = (key: unknown) => isStr(key) || fail('Mandatory argument - key - should be of type String');

  const Data = {
    SCOPE: DATA_SCOPE,
    Public: {
      /** Stores a value (editor mode only, as in the SDK); onSuccess gets `{[key]: value}`. */
      set(key: string, value: unknown, options?: unknown, onSuccess?: unknown, onFailure?: unknown) {
        s.editorOnly();
        keyCheck(key);
        if (!(isStr(value) || isBool(value) || isNum(value) || isObj(value))) fail('Mandatory argument - value - should be of type String, Number, Boolean or Json');
        dataCall('setValue', { key, value }, options, onSuccess, onFailure);
      },
      /** onSuccess gets `{[key]: value}`; an unknown key goes to onFailure. */
      get(key: string, options?: unknown, onSuccess?: unknown, onFailure?: unknown) {
        keyCheck(key);
        dataCall('getValue', { key }, options, onSuccess, onFailure);
      },
      remove(key: string, options?: unknown, onSuccess?: unknown, onFailure?: unknown) {
        s.editorOnly();
        keyCheck(key);
        dataCall('removeValue', { key }, options, onSuccess, onFailure);
      },
      /** onSuccess gets `{key: value, …}` for the keys that exist. */
      getMulti(keys: string[], options?: unknown, onSuccess?: unknown, onFailure?: unknown) {
        if (!isArray(keys)) fail('Mandatory argument - keys - should be of type Array');
        dataCall('getValues', { keys }, options, onSuccess, onFailure);
      },
    },
  };

  const PubSub = {
    /** Stops a subscription (the function, or the id `subscribe` returned). */
    unsubscribe: (eventName: string, callbackOrId: unknown) => c.b.unlisten(`${PUBSUB_PREFIX}${eventName}`, 'PubSub', callbackOrId, true),
    /** Hears `publish` from the app's other frames and tabs: `callback({name, data, origin})`; returns an id. */
    subscribe(eventName: string, callback: (event: { name: string; data: unknown; origin: string | null }) => void, receivePastEvents?: boolean): number {
      if (!isStr(eventName)) fail('Missing mandatory argument - eventName, must be a string');
      if (!isFn(callback)) fail('Missing mandatory argument - callBack, must be a function');
      return c.b.listen(`${PUBSUB_PREFIX}${eventName}`, 'PubSub', callback, true, { receivePastEvents });
    },
    publish(eventName: string, data?: unknown, isPersistent?: boolean) {
      if (!isStr(eventName)) fail('Missing mandatory argument - eventName, must be a string');
      send('publish', 'PubSub', { eventKey: `${PUBSUB_PREFIX}${eventName}`, isPersistent: !!isPersistent, eventData: data || {} });
    },
  };

  const Analytics = {
    PixelType: { ...PIXEL_TYPE },
    PixelEventType: { ...PIXEL_EVENT_TYPE },
    registerCampaignPixel(pixelType: unknown, pixelId: unknown) {
      s.siteOnly();
      if (!isStr(pixelType) || !has(PIXEL_TYPE, pixelType)) fail('Missing mandatory argument - pixelType - should be one of Wix.Analytics.PIXEL_TYPES');
      if (!isStr(pixelId) || !Number(pixelId) || pixelId === '') fail('Missing mandatory argument - pixelId - should be of type String, composes only digits, non empty');
      send('registerCampaignPixel', 'Analytics', { pixelId, pixelType });
    },
    reportCampaignEvent(eventName: unknown, data?: any) {
      s.siteOnly();
      const event = Object.values(PIXEL_EVENT_TYPE).find((e) => e.eventName === eventName);
      if (!isStr(eventName) || !event) fail('Missing mandatory argument - eventType - should be one of Wix.Analytics.PixelEventType[event].eventName');
      for (const p of event!.requiredParameters) if (!isObj(data) || !hasValue(data, p)) fail(`Missing mandatory argument - ${p} - in data object`);
      // The SDK wrote eventName into the caller's object.
      const params = data || {};
      params.eventName = eventName;
      send('reportCampaignEvent', 'Analytics', params);
    },
  };

  const Performance = {
    applicationLoaded: () => send('applicationLoaded', 'Performance'),
    applicationLoadingStep(stageNumber: unknown, stageDescription?: unknown) {
      if (!isNum(stageNumber)) fail('Missing mandatory argument - stageNumber - should be of type Number');
      if (stageDescription && !isStr(stageDescription)) fail('stageDescription should be of type String');
      send('applicationLoadingStep', 'Performance', { stage: stageDescription, stageNum: stageNumber });
    },
  };

  const product = (vendorProductId: unknown, cycle: unknown) => {
    if (!isStr(vendorProductId)) fail('Missing mandatory argument - vendorProductId must be a string');
    if (!has(BILLING_CYCLE, cycle as string)) fail('Missing mandatory argument - cycle must be one of Wix.Billing.Cycle');
    return { vendorProductId, cycle };
  };
  const onSuccessCheck = (f: unknown) => isFn(f) || fail('Missing mandatory argument - onSuccess must be a function');
  const Billing = {
    Cycle: BILLING_CYCLE,
    openBillingPageForProduct: (vendorProductId: unknown, cycle: unknown, callback?: unknown) => send('openBillingPageForProduct', 'Billing', product(vendorProductId, cycle), callback),
    getBillingPageForProduct(vendorProductId: unknown, cycle: unknown, onSuccess: any, onFailure?: any) {
      const data = product(vendorProductId, cycle);
      onSuccessCheck(onSuccess);
      send('getBillingPageForProduct', 'Billing', data, dataReply(onSuccess, onFailure));
    },
    getBillingPackages(vendorProductIds: unknown, onSuccess?: any, onFailure?: any) {
      if (isFn(vendorProductIds)) { onFailure = onSuccess; onSuccess = vendorProductIds; vendorProductIds = undefined; }
      onSuccessCheck(onSuccess);
      send('getBillingPackages', 'Billing', { vendorProductIds }, dataReply(onSuccess, onFailure));
    },
    getProducts(options: unknown, onSuccess?: unknown, onError?: unknown) {
      if (isObj(options)) s.getProducts('Billing', options, onSuccess, onError);
      else if (isFn(options)) s.getProducts('Billing', {}, options, onSuccess);
      else fail('Invalid argument - first parameter must be an object or a function');
    },
  };

  const Editor = {
    isApplicationInstalled(appDefinitionId: unknown, callback: unknown) {
      c.b.once('Editor.isApplicationInstalled', 'Wix.Editor.isApplicationInstalled is DEPRECATED use Wix.isApplicationInstalled');
      s.isApplicationInstalled('Editor', appDefinitionId, callback);
    },
  };

  const Features = {
    Types: { ...FEATURE_TYPES },
    isSupported(name: unknown, callback: unknown) {
      if (!name) fail('Mandatory arguments - feature name and callback must be supplied.');
      if (isFn(name)) fail('Mandatory argument - feature name must be supplied.');
      if (!callback) fail('Mandatory argument - callback must be supplied.');
      if (!isFn(callback)) fail('Mandatory argument - callback must be a function.');
      if (!has(FEATURE_TYPES, name as string)) fail('Mandatory argument - feature must be one of Wix.Features.Types.');
      send('isSupported', 'Features', { name }, callback);
    },
  };

  const Preview = { openSettingsDialog: (params?: unknown, callback?: unknown) => send('openSettingsDialog', 'Preview', params, callback) };

  return { Data, PubSub, Analytics, Performance, Billing, Editor, Features, Preview };
}
