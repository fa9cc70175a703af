/** The contacts endpoints (facts §6.3, §6.5): the same store, reconcile rules and schema as the SDK. */
import * as z from 'zod/mini';
import { once } from '../core/zod-kit';
import { matchKeysOf, parseContactInfo, type CleanContactInfo } from '../core/contact-schema';
import { badRequest } from '../core/errors';
import { isIsoDate, isoToMillis } from '../core/iso-date';
import { emailKey } from '../core/normalize';
import type { Contact } from '../core/types';
import type { PagePlan, SortKey } from '../storage/paging';
import { isObject, sessionOf } from './activities-routes';
import { addItems, ITEM_ARRAYS, overrideValue, parseItem, replaceItem, setSubscription, type ItemKind } from './contact-edits';
import { readListing, slicePage, type Query } from './paging';
import type { Call, Route } from './route';

const FIELDS: Record<string, Array<keyof Contact>> = {
  NAME: ['name', 'picture'], COMPANY: ['company'], EMAILS: ['emails'], PHONES: ['phones'], ADDRESSES: ['addresses'],
  URLS: ['urls'], DATES: ['dates'], NOTES: ['notes'], CUSTOM: ['custom'], LINKS: ['links'],
};
const SYSTEM_FIELDS: Array<keyof Contact> = ['id', 'tags', 'createdAt', 'modifiedAt'];
const LIST_KEYS = ['email', 'phone', 'name.first', 'name.last', 'labels', 'fields', 'pageSize'];
const KINDS = Object.keys(ITEM_ARRAYS).join('|');

/**
 * A contact as the HTTP API answers it: emails carry an `emailStatus` (the 2014 server always sent
 * one, and openapi-node throws on an email without it), `transactional` where none was set.
 */
export const httpContact = (c: Contact): Contact =>
  ({ ...c, emails: c.emails.map((e) => ({ ...e, emailStatus: e.emailStatus ?? 'transactional' })) });

/** `fields=NAME,EMAILS`: the contacts trimmed to those fields plus the system fields (facts §6.3). */
function fieldTrimmer(fields: string | undefined): (c: Contact) => Contact {
  if (fields === undefined) return httpContact;
  const keep = [...SYSTEM_FIELDS];
  for (const f of fields.split(',')) {
    const keys = FIELDS[f.trim().toUpperCase()];
    if (!keys) throw badRequest(`Failed to get contacts: fields has an unknown field ${JSON.stringify(f)}. Use ${Object.keys(FIELDS).join(', ')}`, -23001);
    keep.push(...keys);
  }
  return (c) => { const h = httpContact(c); return Object.fromEntries(keep.filter((k) => k in h).map((k) => [k, h[k]])) as unknown as Contact; };
}

const keyOf = (c: Contact): SortKey => [isoToMillis(c.createdAt), c.id];

/** `phone` filter: digits compared; `?` stands for one digit, and a pattern with one matches as a prefix (facts §6.5). */
function phoneFilter(pattern: string): (c: Contact) => boolean {
  const p = pattern.replace(/[^\d?]/g, '');
  const re = new RegExp(`^${p.replace(/\?/g, '\\d')}${p.includes('?') ? '' : '$'}`);
  return (c) => c.phones.some((ph) => re.test((ph.normalizedPhone || ph.phone).replace(/\D/g, '')));
}

/** `modifiedAt` from the query: ISO-8601 or epoch seconds (the Ruby client's), as epoch ms. */
function modifiedAtOf(params: URLSearchParams): number {
  const v = params.get('modifiedAt')?.replace(' ', '+');
  if (!v) throw badRequest('Failed to update the contact: modifiedAt is missing. Send the contact\'s modifiedAt as ?modifiedAt=', -23001);
  const ms = /^\d+$/.test(v) ? Number(v) * 1000 : isIsoDate(v) ? isoToMillis(v) : NaN;
  if (Number.isNaN(ms)) throw badRequest(`Failed to update the contact: modifiedAt ${JSON.stringify(v)} is not a date. Send the contact's modifiedAt as returned`, -23001);
  return ms;
}

/** A contact body (create or reconcile): the schema's fields, plus notes and custom fields. */
function readContactBody(body: unknown): { info: CleanContactInfo; extend: (c: Contact) => Contact } {
  if (!isObject(body)) throw badRequest('Failed to save the contact: the body must be a contact object such as {"emails": [{"tag": "main", "email": "a@b.co"}]}');
  const list = (key: 'notes' | 'custom', kind: ItemKind) => (Array.isArray(body[key]) ? (body[key] as unknown[]).map((i) => parseItem(kind, i)) : []);
  const notes = list('notes', 'note');
  const custom = list('custom', 'custom');
  const addresses = Array.isArray(body.addresses)
    ? body.addresses.map((a: unknown) => (isObject(a) && typeof a.postalCode === 'number' ? { ...a, postalCode: String(a.postalCode) } : a))
    : body.addresses;
  const parsed = parseContactInfo({ ...body, addresses });
  if (!parsed.ok) throw badRequest(`Failed to save the contact: ${parsed.errors.join(', ')}. Fix these fields and send it again`);
  return { info: parsed.value, extend: (c) => addItems(addItems(c, 'note', notes), 'custom', custom) };
}

const UPSERT = once(() => z.object({ email: z.optional(z.string()), phone: z.optional(z.string()), userSessionToken: z.optional(z.string()) }));

/** Runs a contact edit behind the modifiedAt check; answers the full contact. */
const edit = (call: Call, change: (c: Contact, body: unknown) => Contact) => async () => {
  const modifiedAt = modifiedAtOf(call.params);
  const body = await call.body();
  return httpContact(await call.ctx.store.editContact(call.m[1]!, modifiedAt, (c) => change(c, body)));
};

const listContacts = ({ ctx, params, path }: Call) =>
  readListing<Contact>(params, path, LIST_KEYS, 25, ctx.now(), async (q, size, after, forward) => {
    const trim = fieldTrimmer(q.fields);
    const page = await readContacts(ctx, q, size, after, forward);
    return { ...page, items: page.items.map(trim) };
  });

async function readContacts(ctx: Call['ctx'], q: Query, size: number, after: SortKey | undefined, forward: boolean) {
  const labels = q.labels?.split(',').filter(Boolean);
  if (q.email === undefined && q.phone === undefined && q['name.first'] === undefined && q['name.last'] === undefined) {
    const plan: PagePlan = { store: 'contacts', order: 'desc', sources: labels ? labels.map((l) => ({ index: 'byTag', prefix: [l] })) : [{ index: 'byCreated', prefix: [] }] };
    return ctx.store.page<Contact>(plan, size, after, forward, true);
  }
  // Filters no index pages: read the candidates, filter, then page by the same keys.
  const phone = q.phone === undefined ? undefined : phoneFilter(q.phone);
  const found = (await ctx.store.findContacts(q.email === undefined ? undefined : emailKey(q.email))).filter((c) =>
    (!phone || phone(c)) &&
    (q['name.first'] === undefined || c.name.first === q['name.first']) &&
    (q['name.last'] === undefined || c.name.last === q['name.last']) &&
    (!labels || labels.some((l) => c.tags.includes(l))));
  found.sort((a, b) => { const [x, y] = [keyOf(a), keyOf(b)]; return y[0] - x[0] || (y[1] > x[1] ? 1 : -1); });
  return slicePage(found, keyOf, size, after, forward);
}

export const contactRoutes: Route[] = [
  ['GET', /^\/contacts$/, listContacts],
  ['POST', /^\/contacts$/, async ({ ctx, body, params }) => {
    const { info, extend } = readContactBody(await body());
    const keys = matchKeysOf(info);
    if (params.get('version') === '2.0.0') {
      if (!keys.emails.length && !keys.phones.length) throw badRequest('Failed to reconcile the contact: Contact info must contain at least one phone or email. Include emails[] or phones[]');
      const r = await ctx.store.saveContact(info, true, extend);
      const contact = httpContact(r.contact);
      return { ...r, Contact: contact, contact };
    }
    if (!keys.emails.length && !keys.phones.length && !info.addresses.length) {
      throw badRequest('Failed to create the contact: Contact info must contain at least one phone, email or address. Include emails[], phones[] or addresses[]');
    }
    return { contactId: (await ctx.store.saveContact(info, false, extend)).contact.id };
  }, /^2\.0\.0$/],
  ['PUT', /^\/contacts$/, async ({ ctx, body }) => {
    const r = UPSERT().safeParse(await body());
    if (!r.success || (!r.data.email && !r.data.phone)) throw badRequest('Failed to upsert the contact: send {"email": "…"} or {"phone": "…"} (or both, which must both match)');
    const { email, phone, userSessionToken } = r.data;
    const parsed = parseContactInfo({ emails: email ? [{ tag: 'main', email }] : [], phones: phone ? [{ tag: 'main', phone }] : [] });
    if (!parsed.ok) throw badRequest(`Failed to upsert the contact: ${parsed.errors.join(', ')}. Fix the email or phone`);
    const session = userSessionToken === undefined ? undefined : sessionOf(userSessionToken);
    return { contactId: await ctx.store.upsertContact(matchKeysOf(parsed.value), parsed.value, session) };
  }],
  // Pending in 2014: the server read the word as a contact id (facts §6.3).
  ['GET', /^\/contacts\/(tags|subscribers|mailinglist)$/, async ({ m }) => {
    throw badRequest(`Required path variable [contact-id] at position [2] has illegal value [${m[1]}]`, -23001);
  }],
  ['GET', /^\/contacts\/([^/]+)$/, async ({ ctx, m }) => httpContact(await ctx.store.getContact(m[1]!))],
  ['POST', new RegExp(`^/contacts/([^/]+)/(${KINDS})$`), (call) =>
    edit(call, (c, body) => addItems(c, call.m[2] as ItemKind, [parseItem(call.m[2] as ItemKind, body)]))()],
  ['PUT', /^\/contacts\/([^/]+)\/(name|company|picture)$/, (call) =>
    edit(call, (c, body) => overrideValue(c, call.m[2] as 'name', body))()],
  ['PUT', /^\/contacts\/([^/]+)\/email\/([^/]+)\/subscription$/, (call) =>
    edit(call, (c, body) => setSubscription(c, call.m[2]!, body))()],
  ['PUT', new RegExp(`^/contacts/([^/]+)/(${KINDS})/([^/]+)$`), (call) =>
    edit(call, (c, body) => {
      const item = parseItem(call.m[2] as ItemKind, body);
      return replaceItem(c, call.m[2] as ItemKind, call.m[3]!, () => item);
    })()],
];
