/** The records both sides start each scenario from: fixed ids and dates, so reads compare as they are. */
const pad = (n: number) => String(n).padStart(2, '0');

/** 30 contacts (more than one page of 25), newest last; every third one labelled `vip`. */
export const CONTACTS = Array.from({ length: 30 }, (_, i) => ({
  id: `0190a000-0000-7000-8000-0000000000${pad(i + 1)}`,
  createdAt: `2024-01-${pad(i + 1)}T10:00:00.000Z`,
  name: { first: `First${i + 1}`, last: `Last${i + 1}` },
  emails: [{ tag: 'main', email: `person${i + 1}@example.com` }],
  ...(i % 3 === 0 ? { tags: ['vip'] } : {}),
}));

/** 25 activities (more than one page of 20), the first 10 linked to contact 1. */
export const ACTIVITIES = Array.from({ length: 25 }, (_, i) => ({
  id: `0190b000-0000-7000-8000-0000000000${pad(i + 1)}`,
  createdAt: `2024-02-${pad(i + 1)}T10:00:00.000Z`,
  activityType: i % 2 === 0 ? 'form/contact-form' : 'social/track',
  activityLocationUrl: 'https://example.com/page',
  activityDetails: { additionalInfoUrl: null, summary: `Seeded ${i + 1}` },
  activityInfo: i % 2 === 0 ? { subject: `Subject ${i + 1}`, content: { message: 'Hello' } } : { type: 'LIKE', itemType: 'PHOTO', itemId: `p${i + 1}` },
  ...(i < 10 ? { contactId: CONTACTS[0]!.id } : {}),
}));

export const FIXTURE = { contacts: CONTACTS, activities: ACTIVITIES };

export const CONTACT_ID = CONTACTS[0]!.id;
export const ACTIVITY_ID = ACTIVITIES[0]!.id;
