/**
 * The public payload types: what callbacks receive and what `seed` accepts. These mirror the
 * WixHive contact and activity objects (legacy-sdk-facts §4, SPEC §2.3).
 */

/** A contact's name; missing parts are `""`. */
export interface ContactName {
  prefix: string;
  first: string;
  middle: string;
  last: string;
  suffix: string;
}

export interface ContactCompany {
  role: string;
  name: string;
}

export type EmailStatus = 'optOut' | 'transactional' | 'recurring';
export type DeliveryStatus =
  | 'valid' | 'spam' | 'complaint' | 'rejected' | 'deferral' | 'bounce'
  | 'VALID' | 'SPAM' | 'COMPLAINT' | 'REJECTED' | 'DEFERRAL' | 'BOUNCE';

/** Items of a contact's arrays carry an integer `id`, sequential per array, starting at 1. */
export interface ContactEmail { id: number; tag: string; email: string; emailStatus?: EmailStatus; deliveryStatus?: DeliveryStatus }
export interface ContactPhone { id: number; tag: string; phone: string; normalizedPhone?: string }
export interface ContactAddress {
  id: number; tag: string; address?: string; neighborhood?: string; city?: string;
  region?: string; country?: string; postalCode?: string;
}
export interface ContactUrl { id: number; tag: string; url: string }
export interface ContactDate { id: number; tag: string; date: string }

/** A contact as `getContactById`, `getContacts` and `reconcileContact` return it. */
export interface Contact {
  id: string;
  name: ContactName;
  picture?: string;
  company: ContactCompany;
  emails: ContactEmail[];
  phones: ContactPhone[];
  addresses: ContactAddress[];
  urls: ContactUrl[];
  dates: ContactDate[];
  /** Labels. No SDK call sets them; `seed` and `setLabels` do. */
  tags: string[];
  notes: unknown[];
  custom: unknown[];
  links: unknown[];
  /** ISO-8601. */
  createdAt: string;
  /** ISO-8601; changes on every update. */
  modifiedAt: string;
}

/** What `reconcileContact` and `contactUpdate` accept (ids of items are ignored). */
export interface ContactInfo {
  name?: Partial<ContactName> | null;
  /** The capitalised spelling of the SDK docs; `name` wins where both are sent. */
  Name?: Partial<ContactName> | null;
  picture?: string | null;
  company?: Partial<ContactCompany> | null;
  emails?: Array<Omit<ContactEmail, 'id'> & { id?: unknown }> | null;
  phones?: Array<Omit<ContactPhone, 'id'> & { id?: unknown }> | null;
  addresses?: Array<Omit<ContactAddress, 'id'> & { id?: unknown }> | null;
  urls?: Array<Omit<ContactUrl, 'id'> & { id?: unknown }> | null;
  dates?: Array<Omit<ContactDate, 'id'> & { id?: unknown }> | null;
}

/** One dismissed or kept value of a non-array property. */
export interface ReconcileDatum {
  key: 'name' | 'company' | 'picture';
  value: unknown;
}

export interface ReconcileDetails {
  isNew: boolean;
  /** What was sent and dismissed because the contact already had a different value. */
  rejectedData: ReconcileDatum[];
  /** The values kept instead, for the same keys. */
  existingData: ReconcileDatum[];
  note: { returnedData: 'COMPLETE'; requiredPermissionsForAllData: string[] };
}

/** What `reconcileContact` passes to `onSuccess`. `Contact` and `contact` are the same object. */
export interface ReconcileResult {
  Contact: Contact;
  contact: Contact;
  isNew: boolean;
  details: ReconcileDetails;
}

/** An activity as `getActivityById` and `getActivities` return it. It carries no contact id. */
export interface Activity {
  id: string;
  /** ISO-8601. */
  createdAt: string;
  /** The canonical type: the schema path, e.g. `e_commerce/purchase`, `messaging/im`. */
  activityType: string;
  activityLocationUrl: string;
  activityDetails: { additionalInfoUrl: string | null; summary: string };
  activityInfo: Record<string, unknown>;
}

/** What `postActivity` passes to `onSuccess`. */
export interface PostActivityResult {
  activityId: string;
  /** The linked contact, or `null` while the visitor session has none. */
  contactId: string | null;
}
