/**
 * Validates and completes seed records (SPEC §1 `seed`): contacts in the stored shape, where `id`,
 * `createdAt`, `modifiedAt`, item ids and empty parts may be left out and are filled in. Item ids are
 * renumbered 1, 2, 3… per array, the invariant every stored contact keeps. Pure.
 */
import { parseContactInfo, LIMITS, text } from './contact-schema';
import { describeIssues, isRecord, typed, validate, type ObjectSpec } from './schema-dsl';
import { isIsoDate } from './iso-date';
import { quote } from './quote';
import { emptyName } from './reconcile';
import { canonicalActivityType } from './activity-types';
import { validateActivityInfo } from './activity-schemas';
import type { Activity, Contact } from './types';

const anyArray = typed(Array.isArray, 'an array');

/** What a seed record may carry beyond the contact input. */
const CONTACT_SEED_EXTRAS: ObjectSpec = {
  'id?': text(200, [(v) => v !== '', 'must be at least 1 characters']),
  'createdAt?': 'd',
  'modifiedAt?': 'd',
  'tags?': [text(LIMITS.tag)],
  notes: anyArray,
  custom: anyArray,
  links: anyArray,
};

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
  const extras = validate(CONTACT_SEED_EXTRAS, input);
  const info = parseContactInfo(input, path);
  const errors = [...describeIssues(extras, path), ...(info.ok ? [] : info.errors)];
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
  if (a.id !== undefined && (typeof a.id !== 'string' || !a.id)) errors.push(`${path}.id must be a non-empty string`);
  if (a.createdAt !== undefined && !isIsoDate(a.createdAt)) errors.push(`${path}.createdAt is not an ISO-8601 date`);
  if (a.activityLocationUrl !== undefined && typeof a.activityLocationUrl !== 'string') errors.push(`${path}.activityLocationUrl must be a string`);
  const details = (a.activityDetails ?? { additionalInfoUrl: null, summary: '' }) as Activity['activityDetails'];
  if (typeof details !== 'object' || (details.additionalInfoUrl !== null && typeof details.additionalInfoUrl !== 'string') || typeof details.summary !== 'string') {
    errors.push(`${path}.activityDetails must be {additionalInfoUrl: string|null, summary: string}`);
  }
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
