/**
 * What the host answers to each message type of Wix.js 1.90.0. Every answer comes from the host's
 * shim instance (its store, site model and simulated state), through the shim's own methods, so
 * the rules live in one place.
 */
import type { CursorTable, PagingCursor } from './cursors';
import { errorResponse } from './protocol';

/** A member of the shim's `Wix`, looked up by path (`'Settings.getSiteInfo'`). */
export type MemberLookup = (path: string) => ((...args: unknown[]) => unknown) | undefined;

export interface AnswerContext {
  /** The call's `data`. */
  data: Record<string, unknown>;
  /** Sends `{intent:'TPA_RESPONSE', callId, res}` to the calling frame, once. */
  reply(res: unknown): void;
  member: MemberLookup;
  cursors: CursorTable;
  /** A shim member threw or is missing: warn once and reply with the documented default. */
  fallback(path: string, res: unknown, error?: unknown): void;
}

export type Answer = (a: AnswerContext) => void;

/** Calls `path` with `args` and a final callback; replies with what the callback receives. */
const viaCallback = (path: string, args: (a: AnswerContext) => unknown[], fallbackRes: unknown = {}): Answer => (a) => {
  const fn = a.member(path);
  if (!fn) return a.fallback(path, fallbackRes);
  try {
    fn(...args(a), (value: unknown) => a.reply(value));
  } catch (error) {
    a.fallback(path, fallbackRes, error);
  }
};

const dataCall = (path: string, args: (a: AnswerContext) => unknown[]): Answer => (a) => {
  const fn = a.member(path);
  if (!fn) return a.fallback(path, errorResponse('WIX_ERROR'));
  try {
    fn(...args(a), (value: unknown) => a.reply({ data: value }), (error: unknown) => a.reply(errorResponse(error)));
  } catch (error) {
    a.fallback(path, errorResponse('BAD_REQUEST'), error);
  }
};

const cursorCall = (path: string, args: (a: AnswerContext) => unknown[]): Answer => (a) => {
  const fn = a.member(path);
  if (!fn) return a.fallback(path, errorResponse('WIX_ERROR'));
  try {
    fn(...args(a), (cursor: PagingCursor) => a.reply(a.cursors.first(cursor)), (error: unknown) => a.reply(errorResponse(error)));
  } catch (error) {
    a.fallback(path, errorResponse('BAD_REQUEST'), error);
  }
};

/** `Wix.Data` replies: the SDK hands `res` to onFailure when it has `error`, else to onSuccess. */
const dataScope = (path: string, args: (a: AnswerContext) => unknown[]): Answer => (a) => {
  const fn = a.member(path);
  if (!fn) return a.fallback(path, { error: { errorCode: 500 } });
  try {
    fn(...args(a), (value: unknown) => a.reply(value), (error: unknown) => a.reply(error && typeof error === 'object' && 'error' in error ? error : { error }));
  } catch (error) {
    a.fallback(path, { error: { errorCode: 400 } }, error);
  }
};

const scopeOf = (a: AnswerContext) => ({ scope: a.data.scope });

/** Answers by namespace-independent message type; the WixDataCursor namespace is handled first. */
export const ANSWERS: Record<string, Answer> = {
  // Activities (facts §1.1)
  postActivity: (a) => {
    const fn = a.member('Activities.postActivity');
    if (!fn) return a.fallback('Activities.postActivity', { status: false, response: { errorCode: 500, message: 'null', wixErrorCode: -100 } });
    try {
      fn(a.data.activity, (response: unknown) => a.reply({ status: true, response }), (response: unknown) => a.reply({ status: false, response }));
    } catch (error) {
      a.fallback('Activities.postActivity', { status: false, response: { errorCode: 400, message: String(error).split('\n')[0], wixErrorCode: -23011 } }, error);
    }
  },
  getActivityById: dataCall('Activities.getActivityById', (a) => [a.data.id]),
  getUserSession: viaCallback('Activities.getUserSessionToken', () => [], ''),
  // Contacts (facts §2)
  getContacts: cursorCall('Contacts.getContacts', (a) => [a.data.options]),
  getContactById: dataCall('Contacts.getContactById', (a) => [a.data.id]),
  // The SDK sends the contact information itself as `data`.
  reconcileContact: dataCall('Contacts.reconcileContact', (a) => [a.data]),
  // Site model (Settings, Wix): the SDK passes the reply straight to the callback.
  siteInfo: viaCallback('getSiteInfo', () => []),
  getSitePages: viaCallback('getSitePages', (a) => [a.data], []),
  getSiteMap: viaCallback('getSiteMap', () => [], []),
  getCurrentPageId: viaCallback('getCurrentPageId', () => [], ''),
  getCurrentPageAnchors: viaCallback('getCurrentPageAnchors', () => [], []),
  getComponentInfo: viaCallback('getComponentInfo', () => []),
  getBoundingRectAndOffsets: viaCallback('getBoundingRectAndOffsets', () => []),
  boundingRectAndOffsets: viaCallback('getBoundingRectAndOffsets', () => []),
  smCurrentMember: viaCallback('currentMember', () => [], null),
  getStyleId: viaCallback('Styles.getStyleId', () => [], ''),
  // Data (Public, APP/COMPONENT scopes)
  getValue: dataScope('Data.Public.get', (a) => [a.data.key, scopeOf(a)]),
  getValues: dataScope('Data.Public.getMulti', (a) => [a.data.keys, scopeOf(a)]),
  setValue: dataScope('Data.Public.set', (a) => [a.data.key, a.data.value, scopeOf(a)]),
  removeValue: dataScope('Data.Public.remove', (a) => [a.data.key, scopeOf(a)]),
};

// getActivities takes its callbacks first: (onSuccess, onFailure, query).
ANSWERS.getActivities = (a) => {
  const fn = a.member('Activities.getActivities');
  if (!fn) return a.fallback('Activities.getActivities', errorResponse('WIX_ERROR'));
  try {
    fn((cursor: PagingCursor) => a.reply(a.cursors.first(cursor)), (error: unknown) => a.reply(errorResponse(error)), a.data.query);
  } catch (error) {
    a.fallback('Activities.getActivities', errorResponse('BAD_REQUEST'), error);
  }
};

/**
 * Messages the SDK sends without a callback (the Utils getters report which getter ran, the
 * styles ready notice): the host records them and sends nothing back.
 */
export const NOTICES = new Set([
  'getViewModeInternal', 'toWixDate', 'getCompId', 'getOrigCompId', 'getWidth', 'getLocale', 'getCacheKiller', 'getTarget',
  'getInstanceId', 'getSignDate', 'getUid', 'getPermissions', 'getIpAndPort', 'getDemoMode', 'getDeviceType',
  'getInstanceValue', 'getSiteOwnerId', 'getImageUrl', 'getResizedImageUrl', 'getAudioUrl', 'getDocumentUrl', 'getSwfUrl',
  'getPreviewSecureMusicUrl', 'stylesReady', 'getStyleParams', 'getStyleColorByKey', 'getColorByreference', 'getEditorFonts',
  'getSiteTextPresets', 'getFontsSpriteUrl', 'getStyleFontByKey', 'getStyleFontByReference', 'getSiteColors',
  'setColorParam', 'setNumberParam', 'setBooleanParam', 'setUILIBParamValue',
]);
