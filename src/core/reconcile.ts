/**
 * How `reconcileContact` builds a new contact or merges into an existing one (SPEC §2.3). Pure:
 * the storage layer finds the match and writes the result inside one transaction.
 */
import type { CleanContactInfo } from './contact-schema';
import { emailKey, phoneItemKey } from './normalize';
import type { Contact, ContactName, ReconcileDatum } from './types';

const NAME_PARTS = ['prefix', 'first', 'middle', 'last', 'suffix'] as const;
type ArrayKey = 'emails' | 'phones' | 'addresses' | 'urls' | 'dates';
const ARRAY_KEYS: readonly ArrayKey[] = ['emails', 'phones', 'addresses', 'urls', 'dates'];

const fold = (s: string | undefined) => (s ?? '').trim().toLowerCase();

/**
 * When an incoming item is "similar" to one the contact has, it adds nothing. Emails and phones
 * compare by their matching keys, URLs by address, addresses by every part, dates by tag and date.
 * Parts are joined as a JSON array, never with a separator character that a part may itself hold:
 * with NUL as separator, a NUL inside a part made a different address "similar" (issue 12, F9).
 */
const similarityKey: Record<ArrayKey, (item: Record<string, unknown>) => string> = {
  emails: (i) => emailKey(String(i.email)),
  phones: (i) => phoneItemKey(i as { phone: string; normalizedPhone?: string }),
  urls: (i) => fold(String(i.url)),
  addresses: (i) =>
    JSON.stringify(['address', 'neighborhood', 'city', 'region', 'country', 'postalCode'].map((k) => fold(i[k] as string))),
  dates: (i) => JSON.stringify([fold(i.tag as string), fold(i.date as string)]),
};

/** Appends the items no similar item covers yet, numbering them on from the array's largest id. */
function mergeItems(existing: ReadonlyArray<{ id: number }>, incoming: ReadonlyArray<object>, key: ArrayKey) {
  const seen = new Set(existing.map((i) => similarityKey[key](i as Record<string, unknown>)));
  let nextId = existing.reduce((max, i) => Math.max(max, Number(i.id) || 0), 0) + 1;
  const added: Array<{ id: number }> = [];
  for (const item of incoming) {
    const k = similarityKey[key](item as Record<string, unknown>);
    if (seen.has(k)) continue;
    seen.add(k);
    added.push({ id: nextId++, ...item });
  }
  return added;
}

export function emptyName(): ContactName {
  return { prefix: '', first: '', middle: '', last: '', suffix: '' };
}

/** A new contact from validated input. */
export function createContact(info: CleanContactInfo, id: string, nowIso: string): Contact {
  const contact: Contact = {
    id,
    name: { ...emptyName(), ...info.name },
    company: { role: info.company?.role ?? '', name: info.company?.name ?? '' },
    emails: [], phones: [], addresses: [], urls: [], dates: [],
    tags: [], notes: [], custom: [], links: [],
    createdAt: nowIso,
    modifiedAt: nowIso,
  };
  if (info.picture !== undefined) contact.picture = info.picture;
  for (const key of ARRAY_KEYS) (contact[key] as Array<{ id: number }>) = mergeItems([], info[key], key);
  return contact;
}

export interface MergeOutcome {
  contact: Contact;
  changed: boolean;
  rejectedData: ReconcileDatum[];
  existingData: ReconcileDatum[];
}

/**
 * Fills empty parts of a structured property; if any sent part conflicts with a non-empty stored
 * one, the whole sent value is dismissed (as the backend dismissed a property, not a part).
 */
function mergeParts<T extends Record<string, string>>(
  stored: T, sent: Partial<T> | undefined, parts: readonly (keyof T)[],
): { value: T; changed: boolean; conflict: boolean } {
  if (!sent) return { value: stored, changed: false, conflict: false };
  const value = { ...stored };
  let changed = false;
  for (const part of parts) {
    const incoming = sent[part];
    if (incoming === undefined || incoming === '') continue;
    if (stored[part] === '' || stored[part] === undefined) { value[part] = incoming as T[keyof T]; changed = true; }
    else if (stored[part] !== incoming) return { value: stored, changed: false, conflict: true };
  }
  return { value, changed, conflict: false };
}

/** Merges validated input into a stored contact (SPEC §2.3 merge rules). Never mutates `stored`. */
export function mergeContact(stored: Contact, info: CleanContactInfo, nowIso: string): MergeOutcome {
  const contact: Contact = { ...stored };
  const rejectedData: ReconcileDatum[] = [];
  const existingData: ReconcileDatum[] = [];
  let changed = false;

  const name = mergeParts(stored.name as unknown as Record<string, string>, info.name, NAME_PARTS);
  if (name.conflict) { rejectedData.push({ key: 'name', value: info.name }); existingData.push({ key: 'name', value: stored.name }); }
  else if (name.changed) { contact.name = name.value as unknown as ContactName; changed = true; }

  const company = mergeParts(stored.company as unknown as Record<string, string>, info.company, ['role', 'name']);
  if (company.conflict) { rejectedData.push({ key: 'company', value: info.company }); existingData.push({ key: 'company', value: stored.company }); }
  else if (company.changed) { contact.company = company.value as unknown as Contact['company']; changed = true; }

  if (info.picture !== undefined && info.picture !== '' && info.picture !== stored.picture) {
    if (!stored.picture) { contact.picture = info.picture; changed = true; }
    else { rejectedData.push({ key: 'picture', value: info.picture }); existingData.push({ key: 'picture', value: stored.picture }); }
  }

  for (const key of ARRAY_KEYS) {
    const added = mergeItems(stored[key], info[key], key);
    if (added.length) { (contact[key] as Array<{ id: number }>) = [...stored[key], ...added]; changed = true; }
  }
  if (changed) contact.modifiedAt = nowIso;
  return { contact, changed, rejectedData, existingData };
}
