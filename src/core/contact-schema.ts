/**
 * The contact input schema, with the limits of the SDK docs (seeds 000/001, SPEC §2.3). One
 * definition serves `reconcileContact`, `postActivity`'s `contactUpdate` and `seed`.
 */
import * as z from 'zod/mini';
import { describeIssues } from './issues';
import { isIsoDate } from './iso-date';
import { emailKey, phoneItemKey } from './normalize';

/** A string of at most `max` characters. */
const text = (max: number) => z.string().check(z.maxLength(max));
/** An optional property: absent or `null` both mean "not sent". */
const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
const nonEmpty = (what: string) => z.refine<string>((v) => v.trim() !== '', { message: `must not be empty: give the ${what}` });
const isoDate = z.string().check(z.refine(isIsoDate, { message: 'is not an ISO-8601 date (e.g. 1990-05-17 or 2024-01-31T10:00:00Z)' }));

export const LIMITS = Object.freeze({
  tag: 100, namePart: 100, company: 100, email: 250, phone: 30, address: 250, addressPart: 100, postalCode: 20,
});

const NAME_PARTS = ['prefix', 'first', 'middle', 'last', 'suffix'] as const;
const nameSchema = z.object(
  Object.fromEntries(NAME_PARTS.map((p) => [p, optional(text(LIMITS.namePart))])) as Record<
    (typeof NAME_PARTS)[number],
    ReturnType<typeof optional<ReturnType<typeof text>>>
  >,
);
const DELIVERY = ['valid', 'spam', 'complaint', 'rejected', 'deferral', 'bounce'] as const;

const itemId = z.optional(z.unknown());
const tag = text(LIMITS.tag);

export const contactInfoSchema = z.object({
  name: optional(nameSchema),
  Name: optional(nameSchema),
  picture: optional(z.string()),
  company: optional(z.object({ role: optional(text(LIMITS.company)), name: optional(text(LIMITS.company)) })),
  emails: optional(
    z.array(
      z.object({
        id: itemId,
        tag,
        email: text(LIMITS.email).check(nonEmpty('email address')),
        emailStatus: optional(z.enum(['optOut', 'transactional', 'recurring'])),
        deliveryStatus: optional(z.enum([...DELIVERY, ...DELIVERY.map((d) => d.toUpperCase() as Uppercase<typeof d>)])),
      }),
    ),
  ),
  phones: optional(
    z.array(
      z.object({
        id: itemId,
        tag,
        phone: text(LIMITS.phone).check(z.refine<string>((v) => /\d/.test(v), { message: 'has no digits' })),
        normalizedPhone: optional(z.string()),
      }),
    ),
  ),
  addresses: optional(
    z.array(
      z.object({
        id: itemId,
        tag,
        address: optional(text(LIMITS.address)),
        neighborhood: optional(text(LIMITS.addressPart)),
        city: optional(text(LIMITS.addressPart)),
        region: optional(text(LIMITS.addressPart)),
        country: optional(text(LIMITS.addressPart)),
        postalCode: optional(text(LIMITS.postalCode)),
      }),
    ),
  ),
  urls: optional(z.array(z.object({ id: itemId, tag, url: z.string().check(nonEmpty('URL')) }))),
  dates: optional(z.array(z.object({ id: itemId, tag, date: isoDate }))),
});

/** The validated input, with null properties dropped and `Name` folded into `name`. */
export interface CleanContactInfo {
  name?: Partial<Record<(typeof NAME_PARTS)[number], string>>;
  picture?: string;
  company?: { role?: string; name?: string };
  emails: Array<{ tag: string; email: string; emailStatus?: string; deliveryStatus?: string }>;
  phones: Array<{ tag: string; phone: string; normalizedPhone?: string }>;
  addresses: Array<{ tag: string; address?: string; neighborhood?: string; city?: string; region?: string; country?: string; postalCode?: string }>;
  urls: Array<{ tag: string; url: string }>;
  dates: Array<{ tag: string; date: string }>;
}

export type ContactParse = { ok: true; value: CleanContactInfo } | { ok: false; errors: string[] };

/** Drops null and undefined properties, and the caller's item `id`s, which the store assigns. */
function compact<T extends object>(obj: T | null | undefined): Partial<T> | undefined {
  if (!obj) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== null && v !== undefined && k !== 'id') out[k] = v;
  return out as Partial<T>;
}

const compactAll = <T extends object>(items: readonly T[] | null | undefined): T[] =>
  (items ?? []).map((item) => compact(item) as T);

/**
 * Validates contact input. `prefix` names where it sits in the caller's object (`contactUpdate`
 * for postActivity), so every message points at the field to fix.
 */
export function parseContactInfo(input: unknown, prefix = ''): ContactParse {
  const result = contactInfoSchema.safeParse(input, { reportInput: true });
  if (!result.success) return { ok: false, errors: describeIssues(result.error.issues, prefix) };
  const v = result.data;
  const name = { ...compact(v.Name), ...compact(v.name) };
  const company = compact(v.company);
  const clean: CleanContactInfo = {
    emails: compactAll(v.emails) as CleanContactInfo['emails'],
    phones: compactAll(v.phones) as CleanContactInfo['phones'],
    addresses: compactAll(v.addresses) as CleanContactInfo['addresses'],
    urls: compactAll(v.urls) as CleanContactInfo['urls'],
    dates: compactAll(v.dates) as CleanContactInfo['dates'],
  };
  if (v.name || v.Name) clean.name = name as CleanContactInfo['name'];
  if (typeof v.picture === 'string') clean.picture = v.picture;
  if (company) clean.company = company as CleanContactInfo['company'];
  return { ok: true, value: clean };
}

/** The keys a contact is matched by; empty when the input has no email and no phone. */
export function matchKeysOf(info: Pick<CleanContactInfo, 'emails' | 'phones'>): { emails: string[]; phones: string[] } {
  return {
    emails: [...new Set(info.emails.map((e) => emailKey(e.email)).filter(Boolean))],
    phones: [...new Set(info.phones.map(phoneItemKey).filter(Boolean))],
  };
}

