/**
 * `wix-hive-shim/schemas`: the zod/mini schemas the shim validates input with, for an app to
 * validate its own forms with the same rules before posting. Each is built on its first use.
 *
 * ```ts
 * import { activityInfoSchema } from 'wix-hive-shim/schemas';
 * const result = activityInfoSchema('form/contact-form').safeParse(formValues);
 * ```
 *
 * The same rules are published as JSON Schema files in the package: `schemas/activities/<type>.schema.json`
 * (e.g. `schemas/activities/e_commerce/purchase.schema.json`) and `schemas/export-v1.schema.json`.
 */
import { ACTIVITY_INFO_SCHEMAS, type ActivityTypeSpelling, type CanonicalOf } from '../core/activity-schemas';
import { canonicalActivityType } from '../core/activity-types';

export {
  ACTIVITY_INFO_SCHEMAS,
  activityDetailsSchema,
  validateActivityInfo,
  type ActivityInfo,
  type ActivityTypeSpelling,
  type CanonicalActivityType,
  type CanonicalOf,
  type RestaurantChoice,
} from '../core/activity-schemas';
export { CANONICAL_ACTIVITY_TYPES, canonicalActivityType } from '../core/activity-types';
export { contactInfoSchema, LIMITS } from '../core/contact-schema';
export { describeIssues, formatPath, problemsOf } from '../core/zod-issues';
export { exportFileSchema } from './export-file';

/** The schema of an activity type's `info`, in any spelling `postActivity` accepts. Throws for an unknown type. */
export function activityInfoSchema<T extends ActivityTypeSpelling>(type: T): ReturnType<(typeof ACTIVITY_INFO_SCHEMAS)[CanonicalOf<T>]> {
  const canonical = canonicalActivityType(type) as keyof typeof ACTIVITY_INFO_SCHEMAS | undefined;
  if (!canonical) throw new TypeError(`[wix-hive-shim] Failed to find the schema: ${JSON.stringify(type)} is not an activity type. Use a Wix.Activities.Type value`);
  return ACTIVITY_INFO_SCHEMAS[canonical]() as never;
}
