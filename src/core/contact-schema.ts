/**
 * The contact input schema, with the limits of the SDK docs (seeds 000/001, SPEC §2.3). One
 * definition serves `reconcileContact`, `postActivity`'s `contactUpdate` and `seed`.
 */
import * as z from 'zod/mini';
import { isIsoDate } from './iso-date';
import { emailKey, phoneItemKey } from './normalize';
import { list, once, oneOf, opt, oS } from './zod-kit';
import { describeIssues, PARSE } from './zod-issues';

export const LIMITS = Object.freeze({
  tag: 100, namePart: 100, company: 100, email: 250, phone: 30, address: 250, addressPart: 100, postalCode: 20,
});

/** A string of at most `max` characters that passes every `[test, phrase if it fails]`, all reported. */
export const text = (max: number, ...tests: Array<[(v: string) => boolean, string]>) =>
  z.string().check(...(max < Infinity ? [z.maxLength(max)] : []), ...tests.map(([test, phrase]) => z.refine<string>(test, phrase)));
const nonEmpty = (what: string): [(v: string) => boolean, string] => [(v) => v.trim() !== '', `must not be empty: give the ${what}`];
const DELIVERY = ['valid', 'spam', 'complaint', 'rejected', 'deferral', 'bounce'] as const;

// Built on first use, like the activity schemas.
const parts = once(() => {
  const name = z.object({
    prefix: opt(text(LIMITS.namePart)),
    first: opt(text(LIMITS.namePart)),
    middle: opt(text(LIMITS.namePart)),
    last: opt(text(LIMITS.namePart)),
    suffix: opt(text(LIMITS.namePart)),
  });
  const tag = text(LIMITS.tag);
  const addressPart = opt(text(LIMITS.addressPart));
  // Item ids are accepted and ignored (not listed, so not kept): the store numbers items itself.
  return {
    name,
    company: z.object({ role: opt(text(LIMITS.company)), name: opt(text(LIMITS.company)) }),
    emails: z.object({
      tag,
      email: text(LIMITS.email, nonEmpty('email address')),
      emailStatus: opt(oneOf('optOut', 'transactional', 'recurring')),
      deliveryStatus: opt(z.enum([...DELIVERY, ...DELIVERY.map((d) => d.toUpperCase() as Uppercase<typeof d>)])),
    }),
    phones: z.object({ tag, phone: text(LIMITS.phone, [(v) => /\d/.test(v), 'has no digits']), normalizedPhone: oS() }),
    addresses: z.object({
      tag,
      address: opt(text(LIMITS.address)),
      neighborhood: addressPart,
      city: addressPart,
      region: addressPart,
      country: addressPart,
      postalCode: opt(text(LIMITS.postalCode)),
    }),
    urls: z.object({ tag, url: text(Infinity, nonEmpty('URL')) }),
    dates: z.object({
      tag,
      date: z.string().check(z.refine(isIsoDate, 'is not an ISO-8601 date (e.g. 1990-05-17 or 2024-01-31T10:00:00Z)')),
    }),
  };
});

/**
 * The contact input of `reconcileContact` and `contactUpdate`: every property optional, and `null`
 * the same as absent. Unknown keys are allowed and dropped, as the backend dropped them.
 */
export const contactInfoSchema = once(() => {
  const p = parts();
  return z.object({
    name: opt(p.name),
    Name: opt(p.name),
    picture: oS(),
    company: opt(p.company),
    emails: opt(list(p.emails)),
    phones: opt(list(p.phones)),
    addresses: opt(list(p.addresses)),
    urls: opt(list(p.urls)),
    dates: opt(list(p.dates)),
  });
});

/** The validated input, with null properties dropped and `Name` folded into `name`. */
export interface CleanContactInfo {
  name?: Partial<Record<'prefix' | 'first' | 'middle' | 'last' | 'suffix', string>>;
  picture?: string;
  company?: { role?: string; name?: string };
  emails: Array<{ tag: string; email: string; emailStatus?: string; deliveryStatus?: string }>;
  phones: Array<{ tag: string; phone: string; normalizedPhone?: string }>;
  addresses: Array<{ tag: string; address?: string; neighborhood?: string; city?: string; region?: string; country?: string; postalCode?: string }>;
  urls: Array<{ tag: string; url: string }>;
  dates: Array<{ tag: string; date: string }>;
}

export type ContactParse = { ok: true; value: CleanContactInfo } | { ok: false; errors: string[] };

/** Drops null and undefined properties (zod keeps a `null` it was sent for an optional key). */
function compact<T extends object>(obj: T | null | undefined): { [K in keyof T]?: NonNullable<T[K]> } | undefined {
  if (!obj) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v != null) out[k] = v;
  return out as { [K in keyof T]?: NonNullable<T[K]> };
}

/**
 * Validates contact input. `prefix` names where it sits in the caller's object (`contactUpdate`
 * for postActivity), so every message points at the field to fix. The value it returns is a copy
 * with only the known properties: unknown keys are dropped, as the backend dropped them.
 */
export function parseContactInfo(input: unknown, prefix = ''): ContactParse {
  const result = contactInfoSchema().safeParse(input, PARSE);
  if (!result.success) return { ok: false, errors: describeIssues(result.error.issues, prefix) };
  const v = result.data;
  const items = <T extends object>(values: readonly T[] | null | undefined) => (values ?? []).map((item) => compact(item)) as never;
  const clean: CleanContactInfo = {
    emails: items(v.emails),
    phones: items(v.phones),
    addresses: items(v.addresses),
    urls: items(v.urls),
    dates: items(v.dates),
  };
  if (v.name != null || v.Name != null) clean.name = { ...compact(v.Name), ...compact(v.name) };
  if (typeof v.picture === 'string') clean.picture = v.picture;
  const company = compact(v.company);
  if (company) clean.company = company;
  return { ok: true, value: clean };
}

/** The keys a contact is matched by; empty when the input has no email and no phone. */
export function matchKeysOf(info: Pick<CleanContactInfo, 'emails' | 'phones'>): { emails: string[]; phones: string[] } {
  return {
    emails: [...new Set(info.emails.map((e) => emailKey(e.email)).filter(Boolean))],
    phones: [...new Set(info.phones.map(phoneItemKey).filter(Boolean))],
  };
}

