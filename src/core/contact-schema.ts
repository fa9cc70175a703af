/**
 * The contact input schema, with the limits of the SDK docs (seeds 000/001, SPEC §2.3). One
 * definition serves `reconcileContact`, `postActivity`'s `contactUpdate` and `seed`.
 */
import { describeIssues, isRecord, isString, keysOf, OK, typed, validate, wrongType, type ObjectSpec, type Rule } from './schema-dsl';
import { isIsoDate } from './iso-date';
import { emailKey, phoneItemKey } from './normalize';

export const LIMITS = Object.freeze({
  tag: 100, namePart: 100, company: 100, email: 250, phone: 30, address: 250, addressPart: 100, postalCode: 20,
});

/** A string of at most `max` characters that passes every `[test, phrase if it fails]`. */
export const text = (max: number, ...tests: Array<[(v: string) => boolean, string]>): Rule => (v) => {
  if (typeof v !== 'string') return [wrongType(v, 'a string')];
  const out = v.length > max ? [`is longer than ${max} characters`] : [];
  for (const [test, phrase] of tests) if (!test(v)) out.push(phrase);
  return out.length ? out : OK;
};
const nonEmpty = (what: string): [(v: string) => boolean, string] => [(v) => v.trim() !== '', `must not be empty: give the ${what}`];
const oneOf = (values: string[]): Rule => (v) => (values.includes(v as string) ? OK : [`must be one of ${values.join('|')}`]);
const isoDate = typed(isString, 'a string', (v: string) => !isIsoDate(v) && 'is not an ISO-8601 date (e.g. 1990-05-17 or 2024-01-31T10:00:00Z)');

const NAME: ObjectSpec = Object.fromEntries(['prefix', 'first', 'middle', 'last', 'suffix'].map((p) => [p, text(LIMITS.namePart)]));
const COMPANY: ObjectSpec = { role: text(LIMITS.company), name: text(LIMITS.company) };
const DELIVERY = ['valid', 'spam', 'complaint', 'rejected', 'deferral', 'bounce'];
const tag = text(LIMITS.tag);
// Item ids are accepted and ignored: the store numbers items itself.
const ITEMS: Record<'emails' | 'phones' | 'addresses' | 'urls' | 'dates', ObjectSpec> = {
  emails: {
    'tag!': tag,
    'email!': text(LIMITS.email, nonEmpty('email address')),
    emailStatus: oneOf(['optOut', 'transactional', 'recurring']),
    deliveryStatus: oneOf([...DELIVERY, ...DELIVERY.map((d) => d.toUpperCase())]),
  },
  phones: { 'tag!': tag, 'phone!': text(LIMITS.phone, [(v) => /\d/.test(v), 'has no digits']), normalizedPhone: 's' },
  addresses: {
    'tag!': tag,
    address: text(LIMITS.address),
    neighborhood: text(LIMITS.addressPart),
    city: text(LIMITS.addressPart),
    region: text(LIMITS.addressPart),
    country: text(LIMITS.addressPart),
    postalCode: text(LIMITS.postalCode),
  },
  urls: { 'tag!': tag, 'url!': text(Infinity, nonEmpty('URL')) },
  dates: { 'tag!': tag, 'date!': isoDate },
};

/** The contact input: every property optional, and `null` the same as absent. */
export const CONTACT_INFO: ObjectSpec = {
  name: NAME,
  Name: NAME,
  picture: 's',
  company: COMPANY,
  emails: [ITEMS.emails],
  phones: [ITEMS.phones],
  addresses: [ITEMS.addresses],
  urls: [ITEMS.urls],
  dates: [ITEMS.dates],
};

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

/** The listed keys of a validated object, without null or undefined values (nor the caller's item ids). */
function pick(obj: unknown, spec: ObjectSpec): Record<string, unknown> | undefined {
  if (!isRecord(obj)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of keysOf(spec)) if (obj[key] != null) out[key] = obj[key];
  return out;
}

/**
 * Validates contact input. `prefix` names where it sits in the caller's object (`contactUpdate`
 * for postActivity), so every message points at the field to fix. The value it returns is a copy
 * with only the known properties: unknown keys are dropped, as the backend dropped them.
 */
export function parseContactInfo(input: unknown, prefix = ''): ContactParse {
  const issues = validate(CONTACT_INFO, input);
  if (issues.length) return { ok: false, errors: describeIssues(issues, prefix) };
  const v = input as Record<string, unknown>;
  const items = (key: keyof typeof ITEMS) => ((v[key] as unknown[] | null | undefined) ?? []).map((item) => pick(item, ITEMS[key])) as never;
  const clean: CleanContactInfo = {
    emails: items('emails'),
    phones: items('phones'),
    addresses: items('addresses'),
    urls: items('urls'),
    dates: items('dates'),
  };
  if (v.name != null || v.Name != null) clean.name = { ...pick(v.Name, NAME), ...pick(v.name, NAME) };
  if (typeof v.picture === 'string') clean.picture = v.picture;
  const company = pick(v.company, COMPANY);
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

