/**
 * The options of `getContacts`, `getActivities` and `configure` as zod/mini schemas. The callers
 * keep their own one-line messages (the SDK's error path gives one reason per call), so these
 * only say whether a value is acceptable; built on first use.
 */
import * as z from 'zod/mini';
import { LIMITS } from './contact-schema';
import { DATE, INT, N, once, S } from './zod-kit';

export const MAX_PAGE = 500;

/** A page size: an integer 1–500, or absent (null too) for the default. */
export const pageSizeSchema = once(() => z.nullish(INT().check(z.minimum(1), z.maximum(MAX_PAGE))));

/** A string or a non-empty array of strings; absent or null for none. */
export const stringListSchema = once(() => z.nullish(z.union([S(), z.array(S()).check(z.minLength(1))])));

/** `getActivities`' query, field by field (activity types are canonicalised by the caller). */
export const activitiesQuerySchema = once(() =>
  z.looseObject({
    pageSize: pageSizeSchema(),
    activityTypes: stringListSchema(),
    from: z.nullish(DATE()),
    until: z.nullish(DATE()),
    scope: z.optional(z.enum(['site', 'app'])),
    sort: z.optional(z.enum(['desc', 'asc'])),
    contactId: z.optional(S()),
  }));

/** The `Wix.Error` codes a fault may use. */
export const WIX_ERROR_CODES = ['WIX_ERROR', 'NOT_FOUND', 'BAD_REQUEST', 'INVALID_SCHEMA', 'FORBIDDEN'] as const;
/** The methods faults can be injected into. */
export const FAULT_METHODS = ['postActivity', 'getActivities', 'getActivityById', 'getContacts', 'getContactById', 'reconcileContact'] as const;

/** `configure`'s parts: latency (ms, `[min, max]` with min ≤ max, or 'real'), a fault's method and code. */
export const configureSchemas = once(() => {
  const ms = N().check(z.minimum(0));
  return {
    latency: z.union([
      z.enum(['real']),
      ms,
      z.array(ms).check(z.minLength(2), z.maxLength(2), z.refine((range) => range[0]! <= range[1]!)),
    ]),
    faultMethod: z.enum(FAULT_METHODS),
    faultCode: z.enum(WIX_ERROR_CODES),
  };
});

/** The top-level keys of `value` that `schema` finds fault with, for callers that phrase one problem per key. */
export function badKeys(schema: z.ZodMiniType, value: unknown): Set<PropertyKey | undefined> {
  const result = schema.safeParse(value);
  return new Set(result.success ? [] : result.error.issues.map((issue) => issue.path[0]));
}

/** `searchContacts`' options (absent or null for all defaults) and its keyset cursor, decoded from `after`. */
export const searchSchemas = once(() => ({
  options: z.nullish(z.looseObject({
    pageSize: z.optional(INT().check(z.minimum(1), z.maximum(MAX_PAGE))),
    sort: z.optional(z.enum(['created', 'modified'])),
    after: z.nullish(S()),
  })),
  /** `next`'s `[sort, created, id]`, read into an object (zod's tuple would add 1 KB to the script tag). */
  cursor: z.object({ sort: z.enum(['created', 'modified']), created: N(), id: S() }),
}));

/** `setLabels`' labels: strings of 1 to LIMITS.tag characters (an empty list clears them). */
export const labelsSchema = once(() => z.array(S().check(z.minLength(1), z.maxLength(LIMITS.tag))));
