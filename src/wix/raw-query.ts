/**
 * `getActivities` validates a JSON copy of its query (as the SDK sent it), and JSON turns NaN and
 * ±Infinity into null and drops a Symbol or a function: the mistake would read as "no filter".
 * `getContacts` validates the values themselves; this gives `getActivities` the same answer
 * (issue 12, F6), read at call time.
 */
import { badRequest, type ShimFailure } from '../core/errors';
import { quote } from '../core/quote';
import { pageSizeOf } from './contacts';

const HINTS: Record<string, string> = {
  activityTypes: 'a Wix.Activities.Type value or an array of them',
  from: 'an ISO-8601 date string',
  until: 'an ISO-8601 date string',
  scope: "'site' or 'app'",
  contactId: 'a contact id string',
  sort: "'desc' or 'asc'",
};

/** Values JSON would silently change. */
const lostInJson = (v: unknown) =>
  typeof v === 'symbol' || typeof v === 'function' || (typeof v === 'number' && !Number.isFinite(v));

/** The failure for a query value JSON cannot carry, or undefined. Never throws. */
export function rawQueryFailure(query: unknown, doing: string, defaultPageSize: number): ShimFailure | undefined {
  if (typeof query !== 'object' || query === null || Array.isArray(query)) return undefined;
  try {
    const q = query as Record<string, unknown>;
    pageSizeOf(q.pageSize, defaultPageSize, doing);
    for (const [key, hint] of Object.entries(HINTS)) {
      const v = q[key];
      if (lostInJson(v)) return badRequest(`Failed to ${doing}: ${key} ${quote(v)} is invalid. Pass ${hint}`);
    }
    return undefined;
  } catch (error) {
    // pageSizeOf's failure; or a throwing getter, which the JSON copy reports in its own words.
    return (error as { code?: unknown }).code === 'BAD_REQUEST' ? (error as ShimFailure) : undefined;
  }
}
