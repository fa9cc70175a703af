/**
 * What the HTTP item and override endpoints do to a contact (facts §6.3, §6.5). Pure: every
 * value is validated by the contact schema the SDK uses (one item wrapped in its array), and
 * `HiveStore.editContact` writes the result after its `modifiedAt` check.
 */
import * as z from 'zod/mini';
import { once } from '../core/zod-kit';
import { parseContactInfo } from '../core/contact-schema';
import { badRequest } from '../core/errors';
import { emptyName } from '../core/reconcile';
import type { Contact } from '../core/types';

/** The path word of each item kind, and the contact array it lives in. */
export const ITEM_ARRAYS = {
  email: 'emails', phone: 'phones', address: 'addresses', url: 'urls', date: 'dates', note: 'notes', custom: 'custom',
} as const;
export type ItemKind = keyof typeof ITEM_ARRAYS;
type Item = Record<string, unknown>;

// Built on first use, as every schema is: building them is most of what loading the script costs.
const OWN_ITEMS = once((): Partial<Record<ItemKind, z.ZodMiniType<Item>>> => {
  const text = z.string().check(z.minLength(1));
  return { note: z.object({ content: text }), custom: z.object({ field: text, value: z.string() }) };
});

/** Validates a body with the contact schema's rules for `key`; returns its clean value. */
function viaContactSchema(key: string, value: unknown, what: string): Item {
  // The Node client sends postalCode as a number; the 2014 server accepted it (facts §6.5).
  const v = value as Item | null;
  const body = key === 'addresses' && typeof v?.postalCode === 'number' ? { ...v, postalCode: String(v.postalCode) } : value;
  const parsed = parseContactInfo({ [key]: key === 'name' || key === 'company' ? body : [body] });
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !parsed.ok) {
    throw badRequest(`Failed to save the ${what}: ${what} information is malformed${parsed.ok ? '' : ` (${parsed.errors.join(', ')})`}. Send one JSON object such as in facts §6.3`);
  }
  const clean = parsed.value as unknown as Record<string, Item | Item[]>;
  return ((key === 'name' || key === 'company' ? clean[key] : (clean[key] as Item[])[0]) ?? {}) as Item;
}

/** The clean item of a kind from a request body, or a 400 naming the kind. */
export function parseItem(kind: ItemKind, body: unknown): Item {
  const own = OWN_ITEMS()[kind];
  if (!own) return viaContactSchema(ITEM_ARRAYS[kind], body, kind);
  const r = own.safeParse(body);
  if (!r.success) throw badRequest(`Failed to save the ${kind}: ${kind} information is malformed (${r.error.issues.map((i) => i.path.join('.') || 'body').join(', ')} invalid). Send ${kind === 'note' ? '{content}' : '{field, value}'}`);
  return r.data;
}

type Items = Array<Item & { id: number }>;
const itemsOf = (c: Contact, kind: ItemKind) => c[ITEM_ARRAYS[kind]] as unknown as Items;

/** Appends items, numbered on from the array's largest id (ids are sequential per array). */
export function addItems(contact: Contact, kind: ItemKind, items: Item[]): Contact {
  if (!items.length) return contact;
  const list = itemsOf(contact, kind);
  let next = list.reduce((max, i) => Math.max(max, Number(i.id) || 0), 0);
  return { ...contact, [ITEM_ARRAYS[kind]]: [...list, ...items.map((i) => ({ id: ++next, ...i }))] };
}

/** Replaces item `id` in place: it keeps its id and position (facts §6.5). */
export function replaceItem(contact: Contact, kind: ItemKind, id: string, change: (old: Item) => Item): Contact {
  const list = itemsOf(contact, kind);
  const at = list.findIndex((i) => String(i.id) === id);
  if (at < 0) throw badRequest(`Failed to update the ${kind}: ${kind} id not found: the contact has no ${kind} with id [${id}]. Use an id from the contact's ${ITEM_ARRAYS[kind]}`);
  const copy = [...list];
  copy[at] = { ...change(list[at]!), id: list[at]!.id };
  return { ...contact, [ITEM_ARRAYS[kind]]: copy };
}

const STATUS = once(() => z.object({ status: z.enum(['optOut', 'transactional', 'recurring']) }));

/** `PUT /contacts/{id}/{name|company|picture}`: the approved value replaces the stored one. */
export function overrideValue(contact: Contact, what: 'name' | 'company' | 'picture', body: unknown): Contact {
  if (what === 'picture') {
    // A bare JSON string (the 2014 traffic, the Node client) or {picture} (the Scala client).
    const picture = typeof body === 'string' ? body : (body as Item | null)?.picture;
    if (typeof picture !== 'string' || !picture) throw badRequest('Failed to save the picture: picture information is malformed. Send a JSON string or {"picture": "https://…"}');
    return { ...contact, picture };
  }
  const value = viaContactSchema(what, body, what);
  return what === 'name'
    ? { ...contact, name: { ...emptyName(), ...value } }
    : { ...contact, company: { role: '', name: '', ...value } };
}

/** `PUT /contacts/{id}/email/{emailId}/subscription`: `{status}` becomes the email's emailStatus. */
export function setSubscription(contact: Contact, emailId: string, body: unknown): Contact {
  const r = STATUS().safeParse(body);
  if (!r.success) throw badRequest('Failed to set the subscription: status must be optOut, transactional or recurring. Send {"status": "optOut"}');
  return replaceItem(contact, 'email', emailId, (old) => ({ ...old, emailStatus: r.data.status }));
}
