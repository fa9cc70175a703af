/** The activities and insights endpoints (facts §6.2), over the store the SDK uses. */
import { CANONICAL_ACTIVITY_TYPES } from '../core/activity-types';
import { badRequest } from '../core/errors';
import { isIsoDate } from '../core/iso-date';
import type { Activity } from '../core/types';
import { planActivities, validateDescriptor, validationFailure } from '../wix/activities';
import type { Route } from './route';
import { readListing } from './paging';

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const BODY_KEYS = ['createdAt', 'activityType', 'activityLocationUrl', 'activityDetails', 'activityInfo', 'contactUpdate'];
const LIST_KEYS = ['activityTypes', 'from', 'until', 'scope', 'pageSize'];
/** The token `Wix.Activities.getUserSessionToken` hands out (src/wix/activities.ts). */
const TOKEN = /^wix-hive-shim\.(.+)$/;

/** The session a userSessionToken names, or a 400 saying where to get one. */
export function sessionOf(token: unknown): string {
  const session = typeof token === 'string' ? TOKEN.exec(token)?.[1] : undefined;
  if (!session) throw badRequest(`Failed to post: userSessionToken ${JSON.stringify(token ?? null)} is not a visitor session token. Pass the token from Wix.Activities.getUserSessionToken`, -23001);
  return session;
}

/** Validates an HTTP activity body with the SDK's rules; the activity keeps the sent createdAt. */
function readActivity(body: unknown, id: string) {
  // Unknown top-level keys (`activity_type`…) were a 400 -23011 in 2014 (facts §6.5).
  const unknown = isObject(body) ? Object.keys(body).filter((k) => !BODY_KEYS.includes(k)) : ['body'];
  if (unknown.length) throw badRequest(`Invalid content or bad data. Unknown or missing fields: ${unknown.join(', ')}. Send {createdAt, activityType, activityLocationUrl, activityDetails, activityInfo}`);
  const b = body as Record<string, unknown>;
  const { errors, type, contact } = validateDescriptor({ type: b.activityType, info: b.activityInfo, details: b.activityDetails, contactUpdate: b.contactUpdate });
  if (!isIsoDate(b.createdAt)) errors.push(b.createdAt == null ? 'createdAt is a null' : 'createdAt is not an ISO-8601 date');
  if (b.activityLocationUrl != null && typeof b.activityLocationUrl !== 'string') errors.push('activityLocationUrl is not a string');
  if (errors.length || !type) throw validationFailure(errors);
  const details = b.activityDetails as Activity['activityDetails'];
  const activity: Activity = {
    id,
    createdAt: b.createdAt as string,
    activityType: type,
    activityLocationUrl: (b.activityLocationUrl as string | undefined) ?? '',
    activityDetails: { additionalInfoUrl: details.additionalInfoUrl ?? null, summary: details.summary },
    activityInfo: b.activityInfo as Record<string, unknown>,
  };
  return { activity, contactUpdate: contact ?? null };
}

export const activityRoutes: Route[] = [
  ['GET', /^\/activities\/types$/, async () => ({ types: CANONICAL_ACTIVITY_TYPES })],
  ['GET', /^\/activities\/([^/]+)$/, ({ ctx, m }) => ctx.store.getActivity(m[1]!)],
  ['GET', /^\/(?:contacts\/([^/]+)\/)?activities$/, async ({ ctx, m, params, path }) => {
    const contactId = m[1];
    if (contactId) await ctx.store.getContact(contactId);
    const page = await readListing<Activity>(params, path, LIST_KEYS, 20, ctx.now(), (q, size, after, forward) => {
      const { plan } = planActivities({ activityTypes: q.activityTypes?.split(','), from: q.from, until: q.until, scope: q.scope, contactId });
      return ctx.store.page<Activity>(plan, size, after, forward, false);
    });
    // The activities envelope's pageSize is the count returned (facts §5, 2014 traffic).
    return { ...page, pageSize: page.results.length };
  }],
  ['POST', /^\/activities$/, async ({ ctx, params, body }) => {
    const session = sessionOf(params.get('userSessionToken'));
    return ctx.store.postActivity({ ...readActivity(await body(), ctx.newId()), session });
  }],
  ['POST', /^\/contacts\/([^/]+)\/activities$/, async ({ ctx, m, body }) => {
    const { activity, contactUpdate } = readActivity(await body(), ctx.newId());
    return ctx.store.postContactActivity(activity, m[1]!, contactUpdate);
  }],
  // openapi-node 3.0.3 joins `/v1/insights/contacts` and the id without a slash: answer it too.
  ['GET', /^\/insights\/(?:contacts\/?([^/]+)\/)?activities\/summary$/, async ({ ctx, m, params }) => {
    const scope = params.get('scope');
    if (scope !== null && scope !== 'site' && scope !== 'app') throw badRequest(`Failed to summarise activities: scope must be 'site' or 'app', not ${JSON.stringify(scope)}`, -23001);
    const counts = await ctx.store.activityTypeCounts(m[1]);
    const activityTypes = [...counts].map(([activityType, total]) => ({ activityType, total }));
    return { activityTypes, total: activityTypes.reduce((sum, t) => sum + t.total, 0) };
  }],
];
