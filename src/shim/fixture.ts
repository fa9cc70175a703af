/** Validates seed fixtures and import files into stored records; all problems at once, or none stored. */
import { badRequest } from '../core/errors';
import { normalizeActivitySeed, normalizeContactSeed } from '../core/seed';
import type { Activity, Contact } from '../core/types';

export interface Records {
  contacts: Contact[];
  activities: Array<{ activity: Activity; contactId?: string }>;
}

export interface FixtureOptions {
  newId: () => string;
  nowIso: string;
  /** For imports: every record must carry its id and createdAt, so a round trip is exact. */
  requireIds: boolean;
  /** "seed", "import": for the message. */
  doing: string;
}

/** `contacts` and `activities` are arrays already: seed and import check that before anything else. */
export function validateFixture(contacts: readonly unknown[], activities: readonly unknown[], o: FixtureOptions): Records {
  const errors: string[] = [];
  const out: Records = { contacts: [], activities: [] };
  for (const [i, c] of contacts.entries()) {
    const r = normalizeContactSeed(c, `contacts[${i}]`, o.newId, o.nowIso);
    if (!r.ok) errors.push(...r.errors);
    else if (o.requireIds && !((c as Contact).id && (c as Contact).createdAt)) errors.push(`contacts[${i}] needs its id and createdAt`);
    else out.contacts.push(r.value);
  }
  const ids = new Set(out.contacts.map((c) => c.id));
  if (ids.size !== out.contacts.length) errors.push('two contacts share an id');
  const activityIds = new Set<string>();
  for (const [i, a] of activities.entries()) {
    const r = normalizeActivitySeed(a, `activities[${i}]`, ids, o.newId, o.nowIso);
    if (!r.ok) errors.push(...r.errors);
    else if (o.requireIds && !((a as Activity).id && (a as Activity).createdAt)) errors.push(`activities[${i}] needs its id and createdAt`);
    else if (activityIds.has(r.value.activity.id)) errors.push(`activities[${i}].id repeats an earlier activity's id`);
    else { activityIds.add(r.value.activity.id); out.activities.push(r.value); }
  }
  if (errors.length) {
    const more = errors.length > 20 ? ` and ${errors.length - 20} more` : '';
    throw badRequest(`Failed to ${o.doing}: ${errors.slice(0, 20).join(', ')}${more}. Nothing was stored; fix the data and try again`);
  }
  return out;
}
