/**
 * wix-hive-shim: the legacy Wix SDK's `Wix.Activities` and `Wix.Contacts`, offline.
 * `Wix` is the default instance's namespace (database `wix-hive-shim`, opened on first use).
 */
import { createShim } from './shim/create-shim';

export { createShim } from './shim/create-shim';
export type { Shim, ShimOptions, Fixture, StatusReport, WixNamespace, WixSurface } from './shim/create-shim';
export type { SiteModel, SitePage, StyleParams, Member, BillingState, SentMessage } from './wix/surface';
export type { ContactSearchPage, SearchContactsOptions } from './shim/search-contacts';
export { WixDataCursor } from './wix/cursor';
export type { WixContacts, GetContactsOptions } from './wix/contacts';
export type { WixActivities, ActivitiesQuery, ActivityDescriptor, ActivityDetails } from './wix/activities';
export type { ActivityInfo, ActivityTypeSpelling, CanonicalActivityType } from './core/activity-schemas';
export { ActivityType } from './core/activity-types';
export { WixError } from './core/errors';
export type { WixErrorCode, HttpErrorBody } from './core/errors';
export type { ViewMode } from './shim/context';
export type { LogEntry } from './shim/reporter';
export type { IndexedDBFactory } from './storage/factory';
export type { LabelTotal } from './storage/totals';
export type * from './core/types';

/** The default instance, created on first access so importing the module opens nothing. */
let defaultShim: ReturnType<typeof createShim> | undefined;
export function getDefaultShim(): ReturnType<typeof createShim> {
  defaultShim ??= createShim();
  return defaultShim;
}

/** The default instance's `Wix` namespace. */
export const Wix = new Proxy({} as ReturnType<typeof createShim>['Wix'], {
  get: (_t, key) => Reflect.get(getDefaultShim().Wix, key),
  has: (_t, key) => Reflect.has(getDefaultShim().Wix, key),
  ownKeys: () => Reflect.ownKeys(getDefaultShim().Wix),
  getOwnPropertyDescriptor: (_t, key) => Reflect.getOwnPropertyDescriptor(getDefaultShim().Wix, key),
});

/** The host for the real Wix.js (also `wix-hive-shim/host`, which loads nothing else; decision 0013). */
export { createHost, signInstance, verifyInstance } from './host';
export type { Host, HostOptions, HostedFrame, HostedShim, FrameOptions, FrameParams, HostMessage, InstancePayload } from './host';

declare global {
  // The published types name these web types. Declared empty here so that they type-check without
  // the DOM lib (`--lib es2022`, no `skipLibCheck`: issue 12); where the DOM lib or Node's types are
  // loaded, these merge with the real declarations and change nothing. zod's own types name `URL`.
  interface Request {}
  interface Response {}
  interface Element {}
  interface HTMLIFrameElement {}
  interface IDBFactory {}
  interface URL {}
}
