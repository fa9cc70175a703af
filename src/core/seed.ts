/**
 * Validates and completes seed records (SPEC §1 `seed`): contacts in the stored shape, where `id`,
 * `createdAt`, `modifiedAt`, item ids and empty parts may be left out and are filled in. Item ids are
 * renumbered 1, 2, 3… per array, the invariant every stored contact keeps. Pure.
 */
import * as z from 'zod/mini';
import { contactInfoSchema, parseContactInfo, LIMITS } from './contact-schema';
import { describeIssues } from './issues';
import { isIsoDate } from './iso-date';
import { emptyName } from './reconcile';
import type { Contact } from './types';

const isoDate = z.string().check(z.refine(isIsoDate, { message: 'is not an ISO-8601 date' }));
const plainArray = z.optional(z.nullable(z.array(z.unknown())));

const contactSeedExtras = z.object({
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  createdAt: z.optional(isoDate),
  modifiedAt: z.optional(isoDate),
  tags: z.optional(z.array(z.string().check(z.maxLength(LIMITS.tag)))),
  notes: plainArray,
  custom: plainArray,
  links: plainArray,
});

export type ContactSeed = Partial<Omit<Contact, 'emails' | 'phones' | 'addresses' | 'urls' | 'dates'>> & {
  emails?: Array<Partial<Contact['emails'][number]>>;
  phones?: Array<Partial<Contact['phones'][number]>>;
  addresses?: Array<Partial<Contact['addresses'][number]>>;
  urls?: Array<Partial<Contact['urls'][number]>>;
  dates?: Array<Partial<Contact['dates'][number]>>;
};

export type SeedResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const ARRAYS = ['emails', 'phones', 'addresses', 'urls', 'dates'] as const;

export function normalizeContactSeed(input: unknown, path: string, newId: () => string, nowIso: string): SeedResult<Contact> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, errors: [`${path} must be an object`] };
  const extras = contactSeedExtras.safeParse(input);
  const info = parseContactInfo(input, path);
  const errors = [...(extras.success ? [] : describeIssues(extras.error.issues, path)), ...(info.ok ? [] : info.errors)];
  if (!extras.success || !info.ok) return { ok: false, errors };
  const e = extras.data;
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

export { contactInfoSchema };
