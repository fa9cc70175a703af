/**
 * Issue 2, Wix.Contacts.reconcileContact (SPEC §2.3): limits, enums, dates, both name spellings,
 * matching, merging, the success payload, atomicity under concurrency and the failure warning.
 */
import { describe, it, expect, vi } from 'vitest';
import { mergeContact } from '../src/core/reconcile';
import type { CleanContactInfo } from '../src/core/contact-schema';
import type { Contact, ReconcileResult } from '../src/core/types';
import type { Shim } from '../src/shim/create-shim';
import { newShim, success, failure } from './helpers';

type Info = Record<string, unknown>;

const reconciled = (shim: Shim, info: unknown) =>
  success<ReconcileResult>((ok, fail) => shim.Wix.Contacts.reconcileContact(info as object, ok, fail));
const rejected = (shim: Shim, info: unknown) =>
  failure<unknown>((ok, fail) => shim.Wix.Contacts.reconcileContact(info as object, ok, fail));
const byId = (shim: Shim, id: string) =>
  success<Contact>((ok, fail) => shim.Wix.Contacts.getContactById(id, ok, fail));
const contactCount = async (shim: Shim) => (await shim.status()).counts.contacts;
/** Every contact, newest first, via getContacts with the largest page. */
async function allContacts(shim: Shim): Promise<Contact[]> {
  const cursor = await success<{ getData(): Contact[]; getTotal(): number | undefined }>((ok, fail) =>
    shim.Wix.Contacts.getContacts({ pageSize: 500 }, ok as never, fail as never),
  );
  expect(cursor.getTotal()).toBe(cursor.getData().length);
  return cursor.getData();
}

const email = (address: string, extra: Info = {}) => ({ tag: 'main', email: address, ...extra });
const phone = (number: string, extra: Info = {}) => ({ tag: 'mobile', phone: number, ...extra });
/** An address of exactly `n` characters. */
const emailOfLength = (n: number) => `${'a'.repeat(n - '@example.com'.length)}@example.com`;
const str = (n: number, ch = 'x') => ch.repeat(n);
const BASE = { emails: [email('base@example.com')] };

/** A counter clock: every reconcile can be given its own instant. */
function clock(start = Date.UTC(2024, 0, 1)) {
  let t = start;
  return { now: () => t, set: (v: number) => { t = v; }, advance: (ms = 1000) => { t += ms; } };
}

/**
 * One row per limit of SPEC §2.3: a request whose field is exactly `n` characters long, and where
 * that value sits in the returned contact.
 */
interface LimitCase {
  field: string;
  limit: number;
  build: (n: number) => Info;
  stored: (c: Contact) => unknown;
  value: (n: number) => string;
}
const namePart = (part: string, spelling: 'name' | 'Name'): LimitCase => ({
  field: `${spelling}.${part}`,
  limit: 100,
  build: (n) => ({ ...BASE, [spelling]: { [part]: str(n) } }),
  stored: (c) => (c.name as unknown as Record<string, string>)[part],
  value: (n) => str(n),
});
const addressPart = (part: string, limit: number): LimitCase => ({
  field: `addresses[0].${part}`,
  limit,
  build: (n) => ({ ...BASE, addresses: [{ tag: 'home', [part]: str(n) }] }),
  stored: (c) => (c.addresses[0] as unknown as Record<string, string> | undefined)?.[part],
  value: (n) => str(n),
});
const tagOf = (array: string, item: (tag: string) => Info): LimitCase => ({
  field: `${array}[0].tag`,
  limit: 100,
  build: (n) => (array === 'emails' ? { emails: [item(str(n, 't'))] } : { ...BASE, [array]: [item(str(n, 't'))] }),
  stored: (c) => ((c as unknown as Record<string, Array<{ tag: string }>>)[array]?.[0])?.tag,
  value: (n) => str(n, 't'),
});

const LIMIT_CASES: LimitCase[] = [
  tagOf('emails', (tag) => ({ tag, email: 'tag@example.com' })),
  tagOf('phones', (tag) => ({ tag, phone: '+14155550100' })),
  tagOf('addresses', (tag) => ({ tag, city: 'Paris' })),
  tagOf('urls', (tag) => ({ tag, url: 'https://example.com' })),
  tagOf('dates', (tag) => ({ tag, date: '1990-05-17' })),
  ...['prefix', 'first', 'middle', 'last', 'suffix'].map((p) => namePart(p, 'name')),
  ...['prefix', 'first', 'middle', 'last', 'suffix'].map((p) => namePart(p, 'Name')),
  ...(['role', 'name'] as const).map((p): LimitCase => ({
    field: `company.${p}`,
    limit: 100,
    build: (n) => ({ ...BASE, company: { [p]: str(n) } }),
    stored: (c) => c.company[p],
    value: (n) => str(n),
  })),
  addressPart('neighborhood', 100),
  addressPart('city', 100),
  addressPart('region', 100),
  addressPart('country', 100),
  addressPart('address', 250),
  addressPart('postalCode', 20),
  {
    field: 'emails[0].email',
    limit: 250,
    build: (n) => ({ emails: [email(emailOfLength(n))] }),
    stored: (c) => c.emails[0]?.email,
    value: (n) => emailOfLength(n),
  },
  {
    field: 'phones[0].phone',
    limit: 30,
    build: (n) => ({ phones: [phone(str(n, '7'))] }),
    stored: (c) => c.phones[0]?.phone,
    value: (n) => str(n, '7'),
  },
];

describe('reconcileContact limits (SPEC §2.3)', () => {
  it('covers every limit of the spec', () => {
    const fields = LIMIT_CASES.map((c) => c.field);
    for (const f of ['emails[0].tag', 'name.first', 'Name.first', 'company.role', 'company.name', 'addresses[0].neighborhood',
      'addresses[0].city', 'addresses[0].region', 'addresses[0].country', 'emails[0].email', 'addresses[0].address',
      'phones[0].phone', 'addresses[0].postalCode']) {
      expect(fields).toContain(f);
    }
  });

  for (const c of LIMIT_CASES) {
    it(`${c.field}: ${c.limit} characters pass and are stored`, async () => {
      const shim = newShim();
      const r = await reconciled(shim, c.build(c.limit));
      expect(c.value(c.limit)).toHaveLength(c.limit);
      expect(c.stored(r.contact)).toBe(c.value(c.limit));
      expect(c.stored(await byId(shim, r.contact.id))).toBe(c.value(c.limit));
      expect(await contactCount(shim)).toBe(1);
    });

    it(`${c.field}: ${c.limit + 1} characters fail with BAD_REQUEST and store nothing`, async () => {
      const shim = newShim();
      expect(c.value(c.limit + 1)).toHaveLength(c.limit + 1);
      expect(await rejected(shim, c.build(c.limit + 1))).toBe('BAD_REQUEST');
      expect(await contactCount(shim)).toBe(0);
      expect(await allContacts(shim)).toEqual([]);
      // The log names the field the caller has to fix (the spelling as sent).
      const last = shim.log().at(-1)?.message ?? '';
      expect(last).toContain(c.field);
    });
  }

  it('a violation in a request that matches an existing contact changes nothing', async () => {
    const shim = newShim();
    const first = await reconciled(shim, { emails: [email('keep@example.com')] });
    const before = await byId(shim, first.contact.id);
    const bad = {
      emails: [email('keep@example.com'), email('new@example.com')],
      phones: [phone('+14155550100')],
      name: { first: 'Ann' },
      addresses: [{ tag: 'home', postalCode: str(21, '9') }],
    };
    expect(await rejected(shim, bad)).toBe('BAD_REQUEST');
    expect(await byId(shim, first.contact.id)).toEqual(before);
    expect(await contactCount(shim)).toBe(1);
  });

  it('every offending field of one request is named in the message', async () => {
    const shim = newShim();
    expect(await rejected(shim, { emails: [email(emailOfLength(251))], phones: [phone(str(31, '1'))] })).toBe('BAD_REQUEST');
    const last = shim.log().at(-1)?.message ?? '';
    expect(last).toContain('emails[0].email');
    expect(last).toContain('phones[0].phone');
  });
});

describe('reconcileContact formats and enums (SPEC §2.3)', () => {
  it.each(['1990-05-17', '2024-01-31T10:00:00Z', '2024-01-31T10:00:00.123+02:00'])('date %s is ISO-8601 and passes', async (date) => {
    const shim = newShim();
    const r = await reconciled(shim, { ...BASE, dates: [{ tag: 'birthday', date }] });
    expect(r.contact.dates).toEqual([{ id: 1, tag: 'birthday', date }]);
  });

  it.each(['17/05/1990', '1990/05/17', 'yesterday', '2024-13-01', '2024-01-32', ''])('date %j is not ISO-8601: BAD_REQUEST, nothing stored', async (date) => {
    const shim = newShim();
    expect(await rejected(shim, { ...BASE, dates: [{ tag: 'birthday', date }] })).toBe('BAD_REQUEST');
    expect(await contactCount(shim)).toBe(0);
  });

  it.each(['optOut', 'transactional', 'recurring'])('emailStatus %s passes and is kept', async (emailStatus) => {
    const shim = newShim();
    const r = await reconciled(shim, { emails: [email('s@example.com', { emailStatus })] });
    expect(r.contact.emails[0]?.emailStatus).toBe(emailStatus);
  });

  it.each(['subscribed', 'OPT_OUT', '', 'unknown'])('emailStatus %j fails with BAD_REQUEST', async (emailStatus) => {
    const shim = newShim();
    expect(await rejected(shim, { emails: [email('s@example.com', { emailStatus })] })).toBe('BAD_REQUEST');
    expect(await contactCount(shim)).toBe(0);
  });

  const delivery = ['valid', 'spam', 'complaint', 'rejected', 'deferral', 'bounce'];
  it.each([...delivery, ...delivery.map((d) => d.toUpperCase())])('deliveryStatus %s passes and is kept', async (deliveryStatus) => {
    const shim = newShim();
    const r = await reconciled(shim, { emails: [email('d@example.com', { deliveryStatus })] });
    expect(r.contact.emails[0]?.deliveryStatus).toBe(deliveryStatus);
  });

  it.each(['delivered', 'BOUNCED', 'unknown', ''])('deliveryStatus %j fails with BAD_REQUEST', async (deliveryStatus) => {
    const shim = newShim();
    expect(await rejected(shim, { emails: [email('d@example.com', { deliveryStatus })] })).toBe('BAD_REQUEST');
    expect(await contactCount(shim)).toBe(0);
  });
});

describe('reconcileContact name spellings', () => {
  it('accepts `name`', async () => {
    const shim = newShim();
    const r = await reconciled(shim, { ...BASE, name: { first: 'Ann', last: 'Lee' } });
    expect(r.contact.name).toEqual({ prefix: '', first: 'Ann', middle: '', last: 'Lee', suffix: '' });
  });

  it("accepts the seed's capitalised `Name`", async () => {
    const shim = newShim();
    const r = await reconciled(shim, { ...BASE, Name: { prefix: 'Dr', first: 'Ann', middle: 'B', last: 'Lee', suffix: 'PhD' } });
    expect(r.contact.name).toEqual({ prefix: 'Dr', first: 'Ann', middle: 'B', last: 'Lee', suffix: 'PhD' });
    expect((await byId(shim, r.contact.id)).name.first).toBe('Ann');
  });

  it('missing name parts are empty strings', async () => {
    const shim = newShim();
    const r = await reconciled(shim, BASE);
    expect(r.contact.name).toEqual({ prefix: '', first: '', middle: '', last: '', suffix: '' });
    expect(r.contact.company).toEqual({ role: '', name: '' });
  });
});

describe('reconcileContact matching', () => {
  it('needs an email or a phone: BAD_REQUEST otherwise, nothing stored', async () => {
    const shim = newShim();
    for (const info of [{}, { name: { first: 'Ann' } }, { emails: [] }, { emails: [], phones: [] }, { urls: [{ tag: 'w', url: 'https://a.b' }] }]) {
      expect(await rejected(shim, info)).toBe('BAD_REQUEST');
    }
    expect(await contactCount(shim)).toBe(0);
  });

  it('an empty email or a phone without digits is invalid', async () => {
    const shim = newShim();
    expect(await rejected(shim, { emails: [email('   ')] })).toBe('BAD_REQUEST');
    expect(await rejected(shim, { phones: [phone('call me')] })).toBe('BAD_REQUEST');
    expect(await contactCount(shim)).toBe(0);
  });

  it('matches email ignoring case and surrounding spaces', async () => {
    const shim = newShim();
    const a = await reconciled(shim, { emails: [email('ann@example.com')] });
    const b = await reconciled(shim, { emails: [email('  Ann@Example.COM ')], name: { first: 'Ann' } });
    expect(b.isNew).toBe(false);
    expect(b.contact.id).toBe(a.contact.id);
    // The similar address adds nothing; the name fills the empty name.
    expect(b.contact.emails).toEqual([{ id: 1, tag: 'main', email: 'ann@example.com' }]);
    expect(b.contact.name.first).toBe('Ann');
    expect(await contactCount(shim)).toBe(1);
  });

  it('a different email is a different contact', async () => {
    const shim = newShim();
    const a = await reconciled(shim, { emails: [email('ann@example.com')] });
    const b = await reconciled(shim, { emails: [email('ann2@example.com')] });
    expect(b.isNew).toBe(true);
    expect(b.contact.id).not.toBe(a.contact.id);
    expect(await contactCount(shim)).toBe(2);
  });

  it('matches phones by digits and a leading +: "+1 (415) 639-5555" is "+14156395555"', async () => {
    const shim = newShim();
    const a = await reconciled(shim, { phones: [phone('+14156395555')] });
    const b = await reconciled(shim, { phones: [phone('+1 (415) 639-5555')], emails: [email('p@example.com')] });
    expect(b.isNew).toBe(false);
    expect(b.contact.id).toBe(a.contact.id);
    expect(b.contact.phones).toEqual([{ id: 1, tag: 'mobile', phone: '+14156395555' }]);
    expect(b.contact.emails).toEqual([{ id: 1, tag: 'main', email: 'p@example.com' }]);
    expect(await contactCount(shim)).toBe(1);
  });

  it('matches by normalizedPhone when given', async () => {
    const shim = newShim();
    const a = await reconciled(shim, { phones: [phone('(415) 639-5555', { normalizedPhone: '+14156395555' })] });
    expect(a.contact.phones[0]?.normalizedPhone).toBe('+14156395555');
    const b = await reconciled(shim, { phones: [phone('+1 415 639 5555')] });
    expect(b.isNew).toBe(false);
    expect(b.contact.id).toBe(a.contact.id);
    // A request whose normalizedPhone is the key matches too, whatever its display form.
    const c = await reconciled(shim, { phones: [phone('639 5555', { normalizedPhone: '+1 415-639-5555' })] });
    expect(c.contact.id).toBe(a.contact.id);
    expect(await contactCount(shim)).toBe(1);
  });

  it('without normalizedPhone, a number without its country code is another phone', async () => {
    // Control for the test above: "(415) 639-5555" alone normalises to 4156395555.
    const shim = newShim();
    const a = await reconciled(shim, { phones: [phone('(415) 639-5555')] });
    const b = await reconciled(shim, { phones: [phone('+1 415 639 5555')] });
    expect(b.isNew).toBe(true);
    expect(b.contact.id).not.toBe(a.contact.id);
  });

  it('several matches: the earliest created wins (email on the older contact)', async () => {
    const c = clock();
    const shim = newShim({ now: c.now });
    const older = await reconciled(shim, { emails: [email('one@example.com')] });
    c.advance();
    const newer = await reconciled(shim, { phones: [phone('+14155550100')] });
    c.advance();
    const r = await reconciled(shim, { emails: [email('one@example.com')], phones: [phone('+1 415 555 0100')] });
    expect(r.isNew).toBe(false);
    expect(r.contact.id).toBe(older.contact.id);
    expect(r.contact.phones.map((p) => p.phone)).toEqual(['+1 415 555 0100']);
    // The other match is left alone.
    expect(await byId(shim, newer.contact.id)).toEqual(newer.contact);
    expect(await contactCount(shim)).toBe(2);
  });

  it('several matches: the earliest created wins (phone on the older contact)', async () => {
    const c = clock();
    const shim = newShim({ now: c.now });
    const older = await reconciled(shim, { phones: [phone('+14155550100')] });
    c.advance();
    const newer = await reconciled(shim, { emails: [email('one@example.com')] });
    c.advance();
    const r = await reconciled(shim, { emails: [email('one@example.com')], phones: [phone('+14155550100')] });
    expect(r.contact.id).toBe(older.contact.id);
    expect(r.contact.emails.map((e) => e.email)).toEqual(['one@example.com']);
    expect(await byId(shim, newer.contact.id)).toEqual(newer.contact);
    // The email is now on both; a request by that email alone still picks the earliest.
    const again = await reconciled(shim, { emails: [email('ONE@example.com')] });
    expect(again.contact.id).toBe(older.contact.id);
  });

  it('several matches in the same millisecond: the first created wins', async () => {
    const shim = newShim({ now: () => Date.UTC(2024, 0, 1) });
    const first = await reconciled(shim, { emails: [email('x@example.com')] });
    const second = await reconciled(shim, { phones: [phone('+33123456789')] });
    expect(second.contact.createdAt).toBe(first.contact.createdAt);
    const r = await reconciled(shim, { phones: [phone('+33123456789')], emails: [email('x@example.com')] });
    expect(r.contact.id).toBe(first.contact.id);
  });
});

describe('reconcileContact merging', () => {
  it('arrays gain only new items, numbered on from the largest id; caller ids are ignored', async () => {
    const shim = newShim();
    const a = await reconciled(shim, {
      emails: [email('a@example.com', { id: 42 })],
      phones: [phone('+14155550100', { id: 'x' })],
      urls: [{ id: 9, tag: 'site', url: 'https://a.example' }],
    });
    expect(a.contact.emails).toEqual([{ id: 1, tag: 'main', email: 'a@example.com' }]);
    expect(a.contact.phones).toEqual([{ id: 1, tag: 'mobile', phone: '+14155550100' }]);
    expect(a.contact.urls).toEqual([{ id: 1, tag: 'site', url: 'https://a.example' }]);

    const b = await reconciled(shim, {
      emails: [email(' A@Example.com', { id: 1 }), email('b@example.com', { id: 1 }), email('c@example.com', { id: 77 }), email('B@example.com')],
      phones: [phone('+1 (415) 555-0100'), phone('+14155550199', { id: 5 })],
      addresses: [{ id: 3, tag: 'home', city: 'Paris' }],
      urls: [{ tag: 'site', url: 'https://a.example' }, { tag: 'blog', url: 'https://b.example' }],
      dates: [{ id: 8, tag: 'birthday', date: '1990-05-17' }],
    });
    expect(b.contact.id).toBe(a.contact.id);
    expect(b.contact.emails).toEqual([
      { id: 1, tag: 'main', email: 'a@example.com' },
      { id: 2, tag: 'main', email: 'b@example.com' },
      { id: 3, tag: 'main', email: 'c@example.com' },
    ]);
    expect(b.contact.phones).toEqual([
      { id: 1, tag: 'mobile', phone: '+14155550100' },
      { id: 2, tag: 'mobile', phone: '+14155550199' },
    ]);
    expect(b.contact.addresses).toEqual([{ id: 1, tag: 'home', city: 'Paris' }]);
    expect(b.contact.urls).toEqual([
      { id: 1, tag: 'site', url: 'https://a.example' },
      { id: 2, tag: 'blog', url: 'https://b.example' },
    ]);
    expect(b.contact.dates).toEqual([{ id: 1, tag: 'birthday', date: '1990-05-17' }]);
    expect(await byId(shim, a.contact.id)).toEqual(b.contact);

    const c = await reconciled(shim, { emails: [email('a@example.com'), email('d@example.com', { id: 2 })], addresses: [{ tag: 'work', city: 'Lyon' }] });
    expect(c.contact.id).toBe(a.contact.id);
    expect(c.contact.emails.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(c.contact.emails[3]).toEqual({ id: 4, tag: 'main', email: 'd@example.com' });
    expect(c.contact.addresses.map((x) => [x.id, x.city])).toEqual([[1, 'Paris'], [2, 'Lyon']]);
  });

  it('a new contact numbers duplicate-free items 1, 2, 3', async () => {
    const shim = newShim();
    const r = await reconciled(shim, {
      emails: [email('a@example.com', { id: 3 }), email('A@EXAMPLE.COM', { id: 2 }), email('b@example.com', { id: 1 })],
    });
    expect(r.contact.emails).toEqual([
      { id: 1, tag: 'main', email: 'a@example.com' },
      { id: 2, tag: 'main', email: 'b@example.com' },
    ]);
  });

  it('numbers on from the largest id, not the length (ids 1 and 5 → 6)', () => {
    const stored: Contact = {
      id: 'c1', name: { prefix: '', first: '', middle: '', last: '', suffix: '' }, company: { role: '', name: '' },
      emails: [{ id: 1, tag: 'main', email: 'a@example.com' }, { id: 5, tag: 'work', email: 'e@example.com' }],
      phones: [], addresses: [], urls: [], dates: [], tags: [], notes: [], custom: [], links: [],
      createdAt: '2024-01-01T00:00:00.000Z', modifiedAt: '2024-01-01T00:00:00.000Z',
    };
    const info: CleanContactInfo = { emails: [{ tag: 'main', email: 'f@example.com' }], phones: [], addresses: [], urls: [], dates: [] };
    const out = mergeContact(stored, info, '2024-02-01T00:00:00.000Z');
    expect(out.contact.emails.map((e) => e.id)).toEqual([1, 5, 6]);
    expect(out.changed).toBe(true);
    expect(out.contact.modifiedAt).toBe('2024-02-01T00:00:00.000Z');
    expect(stored.emails).toHaveLength(2);
  });

  it('name, company and picture fill empty values', async () => {
    const shim = newShim();
    const a = await reconciled(shim, BASE);
    const b = await reconciled(shim, {
      ...BASE, name: { first: 'Ann' }, company: { name: 'Acme' }, picture: 'https://img.example/ann.png',
    });
    expect(b.contact.name).toEqual({ prefix: '', first: 'Ann', middle: '', last: '', suffix: '' });
    expect(b.contact.company).toEqual({ role: '', name: 'Acme' });
    expect(b.contact.picture).toBe('https://img.example/ann.png');
    expect(b.details.rejectedData).toEqual([]);
    expect(b.details.existingData).toEqual([]);
    // Parts still empty are filled later; equal values are no conflict.
    const c = await reconciled(shim, { ...BASE, name: { first: 'Ann', last: 'Lee' }, company: { role: 'CTO', name: 'Acme' } });
    expect(c.contact.name).toEqual({ prefix: '', first: 'Ann', middle: '', last: 'Lee', suffix: '' });
    expect(c.contact.company).toEqual({ role: 'CTO', name: 'Acme' });
    expect(c.details.rejectedData).toEqual([]);
    expect(await byId(shim, a.contact.id)).toEqual(c.contact);
  });

  it('name, company and picture that conflict are rejected and listed with the kept values', async () => {
    const shim = newShim();
    const a = await reconciled(shim, {
      ...BASE, name: { first: 'Ann', last: 'Lee' }, company: { role: 'CTO', name: 'Acme' }, picture: 'https://img.example/ann.png',
    });
    const sentName = { first: 'Bob' };
    const sentCompany = { name: 'Globex' };
    const b = await reconciled(shim, { ...BASE, Name: sentName, company: sentCompany, picture: 'https://img.example/bob.png' });
    expect(b.isNew).toBe(false);
    expect(b.contact.name).toEqual(a.contact.name);
    expect(b.contact.company).toEqual(a.contact.company);
    expect(b.contact.picture).toBe('https://img.example/ann.png');
    const sortByKey = (list: Array<{ key: string }>) => [...list].sort((x, y) => x.key.localeCompare(y.key));
    expect(sortByKey(b.details.rejectedData)).toEqual([
      { key: 'company', value: sentCompany },
      { key: 'name', value: sentName },
      { key: 'picture', value: 'https://img.example/bob.png' },
    ]);
    expect(sortByKey(b.details.existingData)).toEqual([
      { key: 'company', value: { role: 'CTO', name: 'Acme' } },
      { key: 'name', value: { prefix: '', first: 'Ann', middle: '', last: 'Lee', suffix: '' } },
      { key: 'picture', value: 'https://img.example/ann.png' },
    ]);
    expect(b.details.isNew).toBe(false);
    expect(await byId(shim, a.contact.id)).toEqual(a.contact);
  });

  it('a rejected name does not stop array items from being added', async () => {
    const shim = newShim();
    await reconciled(shim, { ...BASE, name: { first: 'Ann' } });
    const b = await reconciled(shim, { ...BASE, name: { first: 'Bob' }, phones: [phone('+14155550100')] });
    expect(b.details.rejectedData.map((d) => d.key)).toEqual(['name']);
    expect(b.contact.phones).toEqual([{ id: 1, tag: 'mobile', phone: '+14155550100' }]);
    expect(b.contact.name.first).toBe('Ann');
  });

  it('modifiedAt moves on a change and stays when nothing changes', async () => {
    const c = clock();
    const shim = newShim({ now: c.now });
    const a = await reconciled(shim, BASE);
    expect(a.contact.createdAt).toBe(new Date(c.now()).toISOString());
    expect(a.contact.modifiedAt).toBe(a.contact.createdAt);
    c.advance(5000);
    const same = await reconciled(shim, BASE);
    expect(same.contact.modifiedAt).toBe(a.contact.createdAt);
    c.advance(5000);
    const changed = await reconciled(shim, { ...BASE, phones: [phone('+14155550100')] });
    expect(changed.contact.createdAt).toBe(a.contact.createdAt);
    expect(changed.contact.modifiedAt).toBe(new Date(c.now()).toISOString());
  });
});

describe('reconcileContact success payload', () => {
  it('is {Contact, contact, isNew, details} with Contact equal to contact; isNew true, then false', async () => {
    const t = Date.UTC(2024, 4, 6, 7, 8, 9, 123);
    const shim = newShim({ now: () => t });
    const first = await reconciled(shim, { emails: [email('ann@example.com')] });
    expect(Object.keys(first).sort()).toEqual(['Contact', 'contact', 'details', 'isNew']);
    expect(Object.keys(first.details).sort()).toEqual(['existingData', 'isNew', 'note', 'rejectedData']);
    const expectedContact = {
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      name: { prefix: '', first: '', middle: '', last: '', suffix: '' },
      company: { role: '', name: '' },
      emails: [{ id: 1, tag: 'main', email: 'ann@example.com' }],
      phones: [], addresses: [], urls: [], dates: [], tags: [], notes: [], custom: [], links: [],
      createdAt: '2024-05-06T07:08:09.123Z',
      modifiedAt: '2024-05-06T07:08:09.123Z',
    };
    expect(first).toEqual({
      Contact: expectedContact,
      contact: expectedContact,
      isNew: true,
      details: {
        isNew: true, rejectedData: [], existingData: [],
        note: { returnedData: 'COMPLETE', requiredPermissionsForAllData: [] },
      },
    });
    expect(first.Contact).toEqual(first.contact);
    expect(await byId(shim, first.contact.id)).toEqual(first.contact);

    const second = await reconciled(shim, { emails: [email('ann@example.com')], phones: [phone('+14155550100')] });
    expect(second.isNew).toBe(false);
    expect(second.details.isNew).toBe(false);
    expect(second.Contact).toEqual(second.contact);
    expect(second.contact.id).toBe(first.contact.id);
    expect(second.contact.phones).toHaveLength(1);
    expect(second.details.note).toEqual({ returnedData: 'COMPLETE', requiredPermissionsForAllData: [] });
  });

  it('the payload is a copy: changing it does not change the store', async () => {
    const shim = newShim();
    const r = await reconciled(shim, BASE);
    r.contact.emails.push({ id: 2, tag: 'x', email: 'mutated@example.com' });
    r.Contact.name.first = 'Mutated';
    const stored = await byId(shim, r.contact.id);
    expect(stored.emails).toHaveLength(1);
    expect(stored.name.first).toBe('');
  });
});

describe('reconcileContact atomicity', () => {
  for (const driver of ['indexeddb', 'memory'] as const) {
    it(`twenty concurrent reconciles of one email give one contact (${driver})`, async () => {
      const shim = driver === 'memory' ? newShim({ indexedDB: null }) : newShim();
      expect((await shim.status()).driver).toBe(driver);
      // All twenty start in the same tick, each bringing one more email.
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          reconciled(shim, { emails: [email('Race@Example.com'), email(`extra${i}@example.com`)] }),
        ),
      );
      expect(await contactCount(shim)).toBe(1);
      expect(new Set(results.map((r) => r.contact.id)).size).toBe(1);
      expect(results.filter((r) => r.isNew)).toHaveLength(1);
      const [only] = await allContacts(shim);
      // No update was lost: the shared email plus all twenty extras, numbered 1..21.
      expect(only?.emails).toHaveLength(21);
      expect(only?.emails.map((e) => e.id)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
      expect(new Set(only?.emails.map((e) => e.email))).toEqual(
        new Set(['Race@Example.com', ...Array.from({ length: 20 }, (_, i) => `extra${i}@example.com`)]),
      );
    });
  }

  it('twenty concurrent reconciles by phone spelled differently give one contact', async () => {
    const shim = newShim();
    const spellings = ['+1 (415) 639-5555', '+14156395555', '+1-415-639-5555', '+1 415 639 5555'];
    await Promise.all(Array.from({ length: 20 }, (_, i) => reconciled(shim, { phones: [phone(spellings[i % 4] as string)] })));
    expect(await contactCount(shim)).toBe(1);
    const [only] = await allContacts(shim);
    expect(only?.phones).toHaveLength(1);
  });
});

describe('reconcileContact failure warning', () => {
  it('with quiet: false, a failed call writes one [wix-hive-shim] console.warn naming the field, and log() has it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      const shim = newShim({ quiet: false });
      await shim.status(); // open the storage first, so only the call's own output is counted
      warn.mockClear();
      expect(await rejected(shim, { emails: [email(emailOfLength(251))] })).toBe('BAD_REQUEST');
      expect(warn).toHaveBeenCalledTimes(1);
      const message = String(warn.mock.calls[0]?.[0]);
      expect(message.startsWith('[wix-hive-shim]')).toBe(true);
      expect(message).toContain('emails[0].email');
      expect(message).toContain('250');
      const entry = shim.log().at(-1);
      expect(entry?.message).toContain('emails[0].email');
      expect(message).toContain(entry?.message);
    } finally {
      warn.mockRestore();
      info.mockRestore();
    }
  });

  it('the missing email and phone are explained', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const shim = newShim({ quiet: false });
      expect(await rejected(shim, { name: { first: 'Ann' } })).toBe('BAD_REQUEST');
      expect(warn).toHaveBeenCalledTimes(1);
      const message = String(warn.mock.calls[0]?.[0]);
      expect(message.startsWith('[wix-hive-shim]')).toBe(true);
      expect(message).toMatch(/email/);
      expect(message).toMatch(/phone/);
    } finally {
      warn.mockRestore();
    }
  });

  it('with quiet: true, nothing is written to the console but the log still has the entry', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const shim = newShim({ quiet: true });
      expect(await rejected(shim, { phones: [phone(str(31, '5'))] })).toBe('BAD_REQUEST');
      expect(warn).not.toHaveBeenCalled();
      expect(shim.log().at(-1)?.message).toContain('phones[0].phone');
    } finally {
      warn.mockRestore();
    }
  });

  it('a successful call writes no warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const shim = newShim({ quiet: false });
      await reconciled(shim, BASE);
      expect(warn).not.toHaveBeenCalled();
      expect(shim.log()).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });
});
