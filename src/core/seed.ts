/**
 * Validates and completes seed records (SPEC §1 `seed`): contacts in the stored shape, where `id`,
 * `createdAt`, `modifiedAt`, item ids and empty parts may be left out and are filled in. Item ids are
 * renumbered 1, 2, 3… per array, the invariant every stored contact keeps. Pure.
 */
import * as z from 'zod/mini';
import { parseContactInfo, LIMITS, text } from './contact-schema';
import { isIsoDate } from './iso-date';
import { quote } from './quote';
import { emptyName } from './reconcile';
import { canonicalActivityType } from './activity-types';
import { activityDetailsSchema, validateActivityInfo } from './activity-schemas';
import { DATE, isRecord, list, once } from './zod-kit';
import { problemsOf } from './zod-issues';
import type { Activity, Contact } from './types';

/** What a seed record may carry beyond the contact input; `null` is refused where absent is not. */
const contactSeedExtras = once(() => {
  const anyArray = z.nullish(z.array(z.unknown()));
  return z.looseObject({
    id: z.optional(z.string().check(z.maxLength(200), z.minLength(1))),
    createdAt: z.optional(DATE()),
    modifiedAt: z.optional(DATE()),
    tags: z.optional(list(text(LIMITS.tag))),
    notes: anyArray,
    custom: anyArray,
    links: anyArray,
  });
});

/** An activity seed record's own fields (its type, info and contact are checked beside it). */
const activitySeedFields = once(() => {
  const rule = (test: (v: unknown) => boolean, phrase: string) => z.optional(z.custom(test, phrase));
  return z.looseObject({
    id: rule((v) => typeof v === 'string' && v !== '', 'must be a non-empty string'),
    createdAt: rule(isIsoDate, 'is not an ISO-8601 date'),
    activityLocationUrl: rule((v) => typeof v === 'string', 'must be a string'),
    activityDetails: z.nullish(z.custom((v) => activityDetailsSchema().safeParse(v).success, 'must be {additionalInfoUrl: string|null, summary: string}')),
  });
});

interface ContactSeedExtras {
  id?: string;
  createdAt?: string;
  modifiedAt?: string;
  tags?: string[];
  notes?: Contact['notes'] | null;
  custom?: Contact['custom'] | null;
  links?: Contact['links'] | null;
}

export type ContactSeed = Partial<Omit<Contact, 'name' | 'company' | 'emails' | 'phones' | 'addresses' | 'urls' | 'dates'>> & {
  name?: Partial<Contact['name']>;
  company?: Partial<Contact['company']>;
  emails?: Array<Partial<Contact['emails'][number]>>;
  phones?: Array<Partial<Contact['phones'][number]>>;
  addresses?: Array<Partial<Contact['addresses'][number]>>;
  urls?: Array<Partial<Contact['urls'][number]>>;
  dates?: Array<Partial<Contact['dates'][number]>>;
};

export type SeedResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const ARRAYS = ['emails', 'phones', 'addresses', 'urls', 'dates'] as const;

export function normalizeContactSeed(input: unknown, path: string, newId: () => string, nowIso: string): SeedResult<Contact> {
  if (!isRecord(input)) return { ok: false, errors: [`${path} must be an object`] };
  const extras = problemsOf(contactSeedExtras(), input, path);
  const info = parseContactInfo(input, path);
  const errors = [...extras, ...(info.ok ? [] : info.errors)];
  if (extras.length || !info.ok) return { ok: false, errors };
  const e = input as ContactSeedExtras;
  const v = info.value;
  const createdAt = e.createdAt ?? nowIso;
  const contact: Contact = {
    id: e.id ?? newId(),
    name: { ...emptyName(), ...v.name },
    company: { role: v.company?.role ?? '', name: v.company?.name ?? '' },
    emails: [], phones: [], addresses: [], urls: [], dates: [],
    tags: [...new Set(e.tags ?? [])],
    notes: e.notes ?? [],
    custom: e.custom ?? [],
    links: e.links ?? [],
    createdAt,
    modifiedAt: e.modifiedAt ?? createdAt,
  };
  if (v.picture !== undefined) contact.picture = v.picture;
  for (const key of ARRAYS) (contact[key] as unknown[]) = (v[key] as object[]).map((item, i) => ({ id: i + 1, ...item }));
  return { ok: true, value: contact };
}


/** An activity for `seed`: the stored shape, plus the contact it belongs to. */
export interface ActivitySeed {
  id?: string;
  createdAt?: string;
  /** Any accepted spelling; stored canonical. */
  activityType: string;
  activityLocationUrl?: string;
  activityDetails?: { additionalInfoUrl: string | null; summary: string };
  activityInfo: Record<string, unknown>;
  /** A contact of the same fixture. */
  contactId?: string;
}

export function normalizeActivitySeed(
  input: unknown, path: string, contactIds: ReadonlySet<string>, newId: () => string, nowIso: string,
): SeedResult<{ activity: Activity; contactId?: string }> {
  if (!isRecord(input)) return { ok: false, errors: [`${path} must be an object`] };
  const a = input;
  const errors: string[] = [];
  const type = canonicalActivityType(a.activityType);
  if (!type) errors.push(`${path}.activityType ${quote(a.activityType)} is not a known activity type`);
  else errors.push(...validateActivityInfo(type, a.activityInfo).map((m) => `${path}.activityInfo${m.slice('info'.length)}`));
  errors.push(...problemsOf(activitySeedFields(), a, path));
  const details = (a.activityDetails ?? { additionalInfoUrl: null, summary: '' }) as Activity['activityDetails'];
  if (a.contactId !== undefined && (typeof a.contactId !== 'string' || !contactIds.has(a.contactId))) {
    errors.push(`${path}.contactId ${quote(a.contactId)} names no contact of the fixture`);
  }
  if (errors.length || !type) return { ok: false, errors };
  const activity: Activity = {
    id: (a.id as string | undefined) ?? newId(),
    createdAt: (a.createdAt as string | undefined) ?? nowIso,
    activityType: type,
    activityLocationUrl: (a.activityLocationUrl as string | undefined) ?? '',
    activityDetails: { additionalInfoUrl: details.additionalInfoUrl, summary: details.summary },
    activityInfo: a.activityInfo as Record<string, unknown>,
  };
  return { ok: true, value: a.contactId ? { activity, contactId: a.contactId as string } : { activity } };
}
