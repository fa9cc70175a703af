/** `Wix.Activities` (SDK 1.90.0; SPEC §2.2). */
import { ActivityType, canonicalActivityType } from '../core/activity-types';
import { activityDetailsSchema, validateActivityInfo, type ActivityInfo, type ActivityTypeSpelling } from '../core/activity-schemas';
import { parseContactInfo, type CleanContactInfo } from '../core/contact-schema';
import { ActivitiesError, badRequest, notFound, SdkMessage, ShimFailure, type HttpErrorBody, type WixErrorCode } from '../core/errors';
import { quote } from '../core/quote';
import { isoToMillis } from '../core/iso-date';
import { activitiesQuerySchema, badKeys } from '../core/option-schemas';
import { isRecord } from '../core/zod-kit';
import { problemsOf } from '../core/zod-issues';
import type { Activity, PostActivityResult } from '../core/types';
import type { ShimContext } from '../shim/context';
import type { PagePlan } from '../storage/paging';
import { check, isFunction, settle, type Callback } from './calling';
import { pageSizeOf, stringList } from './contacts';
import type { WixDataCursor } from './cursor';
import { runCursorQuery } from './cursor-query';
import { getById } from './get-by-id';
import { jsonCopy } from './json-copy';
import { rawQueryFailure } from './raw-query';

/** `postActivity`'s `details`. */
export interface ActivityDetails {
  additionalInfoUrl: string | null;
  summary: string;
}

/**
 * The activity descriptor `postActivity` takes. `info` is typed by `type` (any accepted spelling:
 * a `Wix.Activities.Type` value, the canonical schema path, or the docs' `ecommerce/*` and
 * `hotel/cancel`), inferred from the type's zod schema: a wrong or missing field is a compile
 * error, while unknown extra keys are allowed and kept. `ActivityDescriptor<'form/form'>` is one
 * type's descriptor.
 */
export type ActivityDescriptor<T extends ActivityTypeSpelling = ActivityTypeSpelling> = {
  [K in T]: {
    type: K;
    /** The type's fields (its JSON schema); unknown extra keys are kept. */
    info: ActivityInfo<K>;
    details: ActivityDetails;
    /** Who did it; with an email or phone it is reconciled and linked. */
    contactUpdate?: import('../core/types').ContactInfo | null;
  };
}[T];

/** The query of `getActivities`: the SDK's filters plus this shim's `contactId`, `sort` and `pageSize`. */
export interface ActivitiesQuery {
  activityTypes?: string | string[];
  /** ISO-8601, inclusive. */
  from?: string;
  /** ISO-8601, inclusive. */
  until?: string;
  scope?: 'site' | 'app';
  /** Only this contact's activities: its timeline. */
  contactId?: string;
  /** `'desc'` (newest first, default) or `'asc'`. */
  sort?: 'desc' | 'asc';
  /** Integer 1–500; default 20. */
  pageSize?: number;
}

export interface WixActivities {
  Type: typeof ActivityType;
  Error: typeof ActivitiesError;
  /**
   * Posts an activity (live site only: throws in other view modes, as the SDK did).
   * @param onSuccess receives `{activityId, contactId}`.
   * @param onFailure receives the HTTP error body `{errorCode, message, wixErrorCode}`; a
   *   validation failure lists every offending field path in `message`.
   */
  postActivity(activity: ActivityDescriptor, onSuccess?: (result: PostActivityResult) => void, onFailure?: (error: HttpErrorBody) => void): void;
  /**
   * Pages through activities, newest first. Callbacks come first, as in the SDK.
   * @param onSuccess receives a {@link WixDataCursor} over {@link Activity}s (no total, as the real one had none).
   * @param onFailure receives `'BAD_REQUEST'` for bad dates, scope, sort or page size; `'NOT_FOUND'` for an unknown type.
   */
  getActivities(onSuccess: (cursor: WixDataCursor<Activity>) => void, onFailure: (error: WixErrorCode) => void, query?: ActivitiesQuery): void;
  /**
   * @param onSuccess receives the {@link Activity} (it carries no contact id).
   * @param onFailure receives `'NOT_FOUND'` for an unknown id.
   */
  getActivityById(id: string, onSuccess: (activity: Activity) => void, onFailure: (error: WixErrorCode) => void): void;
  /** @param callback receives this visitor session's token, a string stable for the page session. */
  getUserSessionToken(callback: (token: string) => void): void;
}

const DEFAULT_ACTIVITIES_PAGE = 20;

/** Validates a descriptor; returns every problem as a path message. */
export function validateDescriptor(a: unknown): { errors: string[]; type?: string; contact?: CleanContactInfo } {
  if (!isRecord(a)) return { errors: ['activity must be an object'] };
  const { type, info, details, contactUpdate } = a;
  const errors: string[] = [];
  const canonical = canonicalActivityType(type);
  if (type === undefined || type === null) errors.push('type is missing');
  else if (!canonical) errors.push(`type ${quote(type)} is not a known activity type (use a Wix.Activities.Type value)`);
  else errors.push(...validateActivityInfo(canonical, info));
  errors.push(...problemsOf(activityDetailsSchema(), details, 'details'));
  let contact: CleanContactInfo | undefined;
  if (contactUpdate !== undefined && contactUpdate !== null) {
    const c = parseContactInfo(contactUpdate, 'contactUpdate');
    if (c.ok) contact = c.value;
    else errors.push(...c.errors);
  }
  return { errors, ...(canonical && { type: canonical }), ...(contact && { contact }) };
}

export const validationFailure = (errors: string[]) => {
  const message = `activity request failed validation check with errors: [${errors.join(', ')}]`;
  return new ShimFailure('BAD_REQUEST', message, { errorCode: 400, message, wixErrorCode: -23012 });
};

/** Reads the query into a page plan, or throws the failure the HTTP API gave. */
export function planActivities(query: unknown): { plan: PagePlan; pageSize: number } {
  const doing = 'get activities';
  if (query !== undefined && query !== null && (typeof query !== 'object' || Array.isArray(query))) {
    throw badRequest(`Failed to ${doing}: the query must be an object such as {activityTypes: [...], from, until}`);
  }
  const q = (query ?? {}) as Record<string, unknown>;
  // One parse says which fields are wrong; each is then reported in the HTTP API's order, one per call.
  const bad = badKeys(activitiesQuerySchema(), q);
  const pageSize = pageSizeOf(q.pageSize, DEFAULT_ACTIVITIES_PAGE, doing);
  const types = stringList(q.activityTypes, 'activityTypes', doing)?.map((t) => {
    const canonical = canonicalActivityType(t);
    if (!canonical) throw notFound(`Failed to ${doing}: Activity Type not found: ${quote(t)}. Use a Wix.Activities.Type value`, -23014);
    return canonical;
  });
  const date = (key: 'from' | 'until') => {
    const v = q[key];
    if (bad.has(key)) throw badRequest(`Failed to ${doing}: ${key} ${quote(v)} is not an ISO-8601 date. Use e.g. 2024-01-31T10:00:00Z`);
    return v === undefined || v === null ? undefined : isoToMillis(v as string);
  };
  const from = date('from');
  const until = date('until');
  if (from !== undefined && until !== undefined && from > until) throw badRequest(`Failed to ${doing}: from is after until. Swap them`);
  if (bad.has('scope')) throw badRequest(`Failed to ${doing}: scope must be 'site' or 'app'`);
  if (bad.has('sort')) throw badRequest(`Failed to ${doing}: sort must be 'desc' or 'asc'`);
  if (bad.has('contactId')) throw badRequest(`Failed to ${doing}: contactId must be a string`);
  const cid = q.contactId as string | undefined;
  // Each filter has its own index, so a filtered page reads about as many keys as an unfiltered one.
  const sources = types
    ? [...new Set(types)].map((t) => (cid ? { index: 'byContactType', prefix: [cid, t] } : { index: 'byType', prefix: [t] }))
    : [cid ? { index: 'byContact', prefix: [cid] } : { index: 'byCreated', prefix: [] }];
  const plan: PagePlan = { store: 'activities', sources, order: q.sort === 'asc' ? 'asc' : 'desc' };
  if (from !== undefined) plan.from = from;
  if (until !== undefined) plan.until = until;
  return { plan, pageSize };
}

export function createActivities(ctx: ShimContext): WixActivities {
  const r = ctx.reporter;
  return {
    Type: ActivityType,
    Error: ActivitiesError,

    postActivity(activity, onSuccess, onFailure) {
      check(ctx.viewMode() === 'site', SdkMessage.viewMode, r, `postActivity works only on the live site; this instance's viewMode is '${ctx.viewMode()}'. Create it with viewMode: 'site'`);
      const copy = jsonCopy(activity, 'activity');
      settle<PostActivityResult, HttpErrorBody>({
        method: 'Wix.Activities.postActivity', doing: 'post the activity', reporter: r, delay: ctx.delay,
        // The SDK's reply handler was `status && onSuccess ? onSuccess(r) : onFailure && onFailure(r)`:
        // with no onSuccess, a success reaches onFailure (the conformance suite shows it).
        onSuccess: isFunction(onSuccess) ? onSuccess : !onSuccess && isFunction(onFailure) ? (onFailure as unknown as (r: PostActivityResult) => void) : undefined,
        onFailure: isFunction(onFailure) ? onFailure : undefined,
        failureValue: (f) => f.http,
        work: async () => {
          if (!copy.ok) throw copy.failure;
          ctx.fault('Wix.Activities.postActivity');
          const { errors, type, contact } = validateDescriptor(copy.value);
          if (errors.length || !type) throw validationFailure(errors);
          const a = copy.value as unknown as { info: Record<string, unknown>; details: ActivityDetails };
          const stored: Activity = {
            id: ctx.newId(),
            createdAt: new Date(ctx.now()).toISOString(),
            activityType: type,
            activityLocationUrl: ctx.locationUrl(),
            activityDetails: { additionalInfoUrl: a.details.additionalInfoUrl, summary: a.details.summary },
            activityInfo: a.info,
          };
          return ctx.store.postActivity({ activity: stored, contactUpdate: contact ?? null, session: ctx.session });
        },
      });
    },

    getActivities(onSuccess, onFailure, query) {
      check(isFunction(onSuccess), SdkMessage.onSuccess, r, 'getActivities takes its callbacks first: getActivities(onSuccess, onFailure, query)');
      check(isFunction(onFailure), SdkMessage.onFailure, r, 'getActivities takes its callbacks first: getActivities(onSuccess, onFailure, query)');
      const copy = jsonCopy(query, 'query');
      const rawFailure = rawQueryFailure(query, 'get activities', DEFAULT_ACTIVITIES_PAGE);
      runCursorQuery<Activity>(ctx, {
        method: 'Wix.Activities.getActivities',
        doing: 'get activities',
        withTotal: false,
        plan: () => {
          if (!copy.ok) throw copy.failure;
          if (rawFailure) throw rawFailure;
          return planActivities(copy.value);
        },
      }, onSuccess as Callback<WixDataCursor<Activity>>, onFailure);
    },

    getActivityById(id, onSuccess, onFailure) {
      getById(ctx, 'Wix.Activities.getActivityById', 'activity', [id, onSuccess, onFailure], (i) => ctx.store.getActivity(i));
    },

    getUserSessionToken(callback) {
      // The SDK checks nothing here and drops the reply when there is no callback.
      if (!isFunction(callback)) return;
      settle<string, never>({
        method: 'Wix.Activities.getUserSessionToken', doing: 'get the session token', reporter: r, delay: ctx.delay,
        onSuccess: callback, onFailure: undefined, failureValue: () => undefined as never,
        work: async () => `wix-hive-shim.${ctx.session}`,
      });
    },
  };
}
