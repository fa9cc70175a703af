/** Envelopes between public objects and stored rows (see schema.ts). */
import { isoToMillis } from '../core/iso-date';
import { emailKey, phoneItemKey } from '../core/normalize';
import type { Activity, Contact } from '../core/types';
import type { ActivityRow, ContactRow } from './schema';

export function contactRow(contact: Contact): ContactRow {
  const created = isoToMillis(contact.createdAt);
  return {
    id: contact.id,
    created,
    emailKeys: [...new Set(contact.emails.map((e) => emailKey(e.email)).filter(Boolean))],
    phoneKeys: [...new Set(contact.phones.map(phoneItemKey).filter(Boolean))],
    tagKeys: [...new Set(contact.tags)].map((t) => [t, created, contact.id] as [string, number, string]),
    contact,
  };
}

export function activityRow(activity: Activity, contactId: string | undefined, session: string | undefined): ActivityRow {
  const row: ActivityRow = { id: activity.id, created: isoToMillis(activity.createdAt), type: activity.activityType, activity };
  if (contactId) row.contactId = contactId;
  if (session) row.session = session;
  return row;
}
