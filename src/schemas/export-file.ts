/**
 * The export file of `exportData`/`importData` (version 1) as a zod schema: contacts and
 * activities in the shapes `Wix.Contacts` and `Wix.Activities` return, an activity also naming its
 * linked contact. `schemas/export-v1.schema.json` is generated from it at build time. Import itself
 * validates records like a seed (src/shim/fixture.ts); this schema is what the file promises.
 */
import * as z from 'zod/mini';
import { LIMITS } from '../core/contact-schema';
import { INT, once, S } from '../core/zod-kit';

/** Descriptions and formats for the generated JSON Schema, kept out of zod's global registry. */
export const exportDocs = z.registry<{ title?: string; description?: string; format?: string }>();

const max = (n: number) => z.string().check(z.maxLength(n));
const nonEmpty = (n = Infinity) => z.string().check(z.minLength(1), ...(n < Infinity ? [z.maxLength(n)] : []));
const DELIVERY = ['valid', 'spam', 'complaint', 'rejected', 'deferral', 'bounce'] as const;

/** The export file, version 1. */
export const exportFileSchema = once(() => {
  const text100 = max(100);
  const opt100 = z.optional(text100);
  const item = { id: INT().check(z.minimum(1)), tag: text100 };
  const contact = z.looseObject({
    id: nonEmpty(),
    name: z.looseObject({ prefix: opt100, first: opt100, middle: opt100, last: opt100, suffix: opt100 }),
    picture: z.optional(S()),
    company: z.looseObject({ role: opt100, name: opt100 }),
    emails: z.array(z.looseObject({
      ...item,
      email: nonEmpty(LIMITS.email),
      emailStatus: z.optional(z.enum(['optOut', 'transactional', 'recurring'])),
      deliveryStatus: z.optional(z.enum([...DELIVERY, ...DELIVERY.map((d) => d.toUpperCase() as Uppercase<typeof d>)])),
    })),
    phones: z.array(z.looseObject({ ...item, phone: max(LIMITS.phone), normalizedPhone: z.optional(S()) })),
    addresses: z.array(z.looseObject({
      ...item,
      address: z.optional(max(LIMITS.address)),
      neighborhood: opt100,
      city: opt100,
      region: opt100,
      country: opt100,
      postalCode: z.optional(max(LIMITS.postalCode)),
    })),
    urls: z.array(z.looseObject({ ...item, url: nonEmpty() })),
    dates: z.array(z.looseObject({ ...item, date: S() })),
    tags: z.array(text100),
    notes: z.array(z.unknown()),
    custom: z.array(z.unknown()),
    links: z.array(z.unknown()),
    createdAt: S(),
    modifiedAt: S(),
  });
  const activity = z.looseObject({
    id: nonEmpty(),
    createdAt: S(),
    activityType: z.string().register(exportDocs, { description: 'Canonical type: the schema path, e.g. e_commerce/purchase, messaging/im.' }),
    activityLocationUrl: S(),
    activityDetails: z.looseObject({ additionalInfoUrl: z.nullable(S()), summary: S() }),
    activityInfo: z.looseObject({}).register(exportDocs, { description: "Valid against the activity type's schema." }),
    contactId: z.optional(z.string().register(exportDocs, { description: "The linked contact; one of this file's contacts." })),
  });
  return z.looseObject({
    format: z.literal('wix-hive-shim'),
    version: z.literal(1),
    exportedAt: z.string().register(exportDocs, { format: 'date-time' }),
    contacts: z.array(contact),
    activities: z.array(activity),
  }).register(exportDocs, {
    title: 'wix-hive-shim export file, version 1',
    description: 'What WixShim.exportData() writes and importData() reads. Contacts and activities are in the shapes Wix.Contacts and Wix.Activities return; an activity also names its linked contact.',
  });
});
