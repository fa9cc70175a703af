/**
 * Generators for the property suite (test/property.test.ts): hostile values for every argument
 * position, plus realistic inputs drawn from small pools so that matches and successes happen.
 *
 * Every constructed input carries what the caller should expect (`expect`), worked out here from
 * SPEC §2 independently of src/: `ok` must succeed, `bad` must fail with `code`, `unknown` may do
 * either but must still follow the calling conventions. `storageMayFail` marks inputs nested so
 * deeply that the structured clone inside IndexedDB may overflow the stack, the one case where a
 * `WIX_ERROR` (a storage failure) is a legitimate answer.
 */
import fc from 'fast-check';
import { enumPaths, requiredPaths, validActivityInfo } from './fixtures/activity-examples';

// ---------------------------------------------------------------------------------------------
// Hostile values

type Json = Record<string, unknown>;

/** Gives an object a short label for fast-check's counterexample printing (a hidden symbol key). */
function labelled<T extends object>(value: T, label: string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => label, enumerable: false });
  return value;
}

export const HUGE = 'h'.repeat(100_000);
/** An "email" of 100k characters: far over the 250 limit. */
export const HUGE_EMAIL = `${'a'.repeat(100_000 - '@example.com'.length)}@example.com`;

/** `{a: {a: … {}}}` `depth` levels deep (5,000 is beyond JSON.stringify's reach in Node 20). */
export function deepObject(depth: number): Json {
  const root: Json = {};
  let cur = root;
  for (let i = 0; i < depth; i++) {
    const next: Json = {};
    cur.a = next;
    cur = next;
  }
  return labelled(root, `<object nested ${depth} deep>`);
}

export function deepArray(depth: number): unknown[] {
  const root: unknown[] = [];
  let cur = root;
  for (let i = 0; i < depth; i++) {
    const next: unknown[] = [];
    cur.push(next);
    cur = next;
  }
  return labelled(root, `<array nested ${depth} deep>`);
}

export function cyclic(base: Json = {}): Json {
  const o: Json = { ...base };
  o.self = o;
  o.list = [o, { back: o }];
  return labelled(o, `<cyclic ${JSON.stringify(Object.keys(base))}>`);
}

/** JSON texts whose keys are own `__proto__` / `constructor` / `prototype` properties once parsed. */
export const POLLUTER_TEXTS = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
  '{"__proto__":{"isAdmin":true,"emails":[{"tag":"x","email":"proto@example.com"}]}}',
  '{"__proto__":null,"constructor":null,"prototype":null}',
  '{"__proto__":[{"polluted":"yes"}],"toString":"not a function","valueOf":1,"hasOwnProperty":2}',
];
/** The keys the payloads above try to plant on Object.prototype. */
export const POLLUTION_PROBES = ['polluted', 'isAdmin', 'emails', 'phones'] as const;

export const polluter: fc.Arbitrary<unknown> = fc.constantFrom(...POLLUTER_TEXTS).map((t) => JSON.parse(t) as unknown);

/**
 * Adds own `__proto__` / `constructor` / `prototype` keys to a JSON object (as JSON.parse does, so
 * the keys are real own properties, not prototype changes).
 */
export function poison(obj: Json, key: '__proto__' | 'constructor' | 'prototype' = '__proto__'): Json {
  const rest = JSON.stringify(obj).slice(1);
  const payload = `"${key}":{"polluted":"yes","emails":[{"tag":"x","email":"proto@example.com"}]}`;
  return JSON.parse(`{${payload}${rest === '}' ? '}' : `,${rest}`}`) as Json;
}
const poisonKey = fc.constantFrom('__proto__', 'constructor', 'prototype') as fc.Arbitrary<'__proto__' | 'constructor' | 'prototype'>;

const specialConstants: unknown[] = [
  null, undefined, NaN, Infinity, -Infinity, -0, 0, 1, -1, '', ' ', true, false,
  Symbol('weird'), Symbol.iterator, 10n, -(2n ** 80n),
  new Date(0), new Date(NaN), /re/g, new Error('e'), new Map([[1, 2]]), new Set([1]), new Uint8Array(3),
  [], [[]], [null], [undefined], {}, Object.create(null),
];

/** Anything at all, including what no JSON can hold. */
export const weird: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...specialConstants) },
  { weight: 1, arbitrary: fc.constant(HUGE) },
  // Deep values are costly (a stack overflow takes milliseconds): kept rare, still dozens per property.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(5_000, 3_000, 1_500), fc.boolean()).map(([d, obj]) => (obj ? deepObject(d) : deepArray(d))) },
  { weight: 1, arbitrary: fc.constant(null).map(() => cyclic()) },
  { weight: 2, arbitrary: polluter },
  { weight: 1, arbitrary: fc.func(fc.anything()) },
  { weight: 1, arbitrary: fc.constant(() => undefined) },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }) },
  {
    weight: 6,
    arbitrary: fc.anything({
      maxDepth: 3, maxKeys: 5, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true,
      withTypedArray: true, withSparseArray: true, withBoxedValues: true, withObjectString: true,
    }),
  },
);

/** Anything that is not a function: what a "callback" that is not one may be. */
export const weirdNonFunction: fc.Arbitrary<unknown> = weird.filter((v) => typeof v !== 'function');

// ---------------------------------------------------------------------------------------------
// Callbacks

/** A callback position: a recording function (that may throw), or a value that is not a function. */
export type CbSpec = { kind: 'fn'; throws: boolean } | { kind: 'value'; value: unknown };

export const fnCb = (throws = false): CbSpec => ({ kind: 'fn', throws });
export const cbSpec: fc.Arbitrary<CbSpec> = fc.oneof(
  { weight: 12, arbitrary: fc.constant(fnCb(false)) },
  { weight: 2, arbitrary: fc.constant(fnCb(true)) },
  { weight: 1, arbitrary: weirdNonFunction.map((value): CbSpec => ({ kind: 'value', value })) },
);

// ---------------------------------------------------------------------------------------------
// Realistic contacts

/** Emails and phones drawn from these pools, so that reconciles match each other often. */
export const EMAILS = [
  'ann@example.com', '  ANN@Example.com ', 'bob@example.org', 'carol@example.net',
  'dave@example.com', 'Dave@Example.COM', 'eve@example.io', 'frank@example.co.uk',
];
export const PHONES = [
  '+1 415 555 0100', '+14155550100', '(415) 555-0100', '415.555.0100',
  '+44 20 7946 0958', '+972-3-555-0199', '050 555 0199', '+1 (212) 555-0147',
];
export const LABELS = ['vip', 'lead', 'customer', 'newsletter', 'Ünïcode label', ''];
/** ISO-8601 strings the shim accepts (checked against the spec's grammar). */
export const ISO_DATES = [
  '2024-01-01', '2024-01-01T10:00:00Z', '2024-01-01T10:00:00.123+02:00', '2024-01-01T10:00',
  '2024-01-01 10:00:00', '2014-08-19T08:20:45.484-05:00', '1999-12-31T23:59:59.999999Z', '2024-01-01T10:00+05:30',
];
export const BAD_DATES = ['yesterday', '2024-13-01', '2024-01-32', '2024-1-1', '2024-01-01T25:00:00Z', '01/02/2024', ''];

const tag = fc.constantFrom('main', 'work', 'home', 'mobile', 'other', '', 't'.repeat(100));
/** A name part, company role/name… at most 100 characters. */
const shortText = fc.oneof(
  fc.constantFrom('Dana', 'Levi', 'Marco', 'Rossi', 'Dr.', 'Jr.', 'Acme Ltd', '', 'n'.repeat(100), 'Zoë 🌍'),
  fc.string({ maxLength: 12 }),
);
const optionalNullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const email = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...EMAILS) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 999 }).map((i) => `fresh${i}@example.com`) },
);
const phone = fc.constantFrom(...PHONES);

const emailItem = fc.record(
  {
    id: fc.constantFrom(1, 99, 'x', null),
    tag,
    email,
    emailStatus: optionalNullable(fc.constantFrom('optOut', 'transactional', 'recurring')),
    deliveryStatus: optionalNullable(fc.constantFrom('valid', 'spam', 'complaint', 'rejected', 'deferral', 'bounce', 'VALID', 'BOUNCE')),
  },
  { requiredKeys: ['tag', 'email'] },
);
const phoneItem = fc.record(
  { id: fc.constantFrom(7, 'y'), tag, phone, normalizedPhone: optionalNullable(fc.constantFrom(...PHONES)) },
  { requiredKeys: ['tag', 'phone'] },
);
// Few distinct addresses, so that merges find similar ones and a contact's list stays short.
const addressItem = fc.record(
  {
    tag,
    address: fc.constantFrom('100 Market St', 'a'.repeat(250)),
    city: fc.constantFrom('San Francisco', 'c'.repeat(100), 'Zoë 🌍'),
    postalCode: fc.constantFrom('94105', '', '1'.repeat(20)),
  },
  { requiredKeys: ['tag'] },
);
const urlItem = fc.record({ tag, url: fc.constantFrom('https://example.com', 'HTTPS://Example.com ', 'ftp://x') });
const dateItem = fc.record({ tag, date: fc.constantFrom(...ISO_DATES) });
const nameArb = fc.record(
  { prefix: optionalNullable(shortText), first: optionalNullable(shortText), middle: shortText, last: shortText, suffix: shortText },
  { requiredKeys: [] },
);

/** Valid contact information, with at least one email or phone. */
export const validContactInfo: fc.Arbitrary<Json> = fc
  .record(
    {
      name: optionalNullable(nameArb),
      Name: nameArb,
      picture: optionalNullable(fc.constantFrom('https://img.example.com/a.png', '', 'p')),
      company: optionalNullable(fc.record({ role: shortText, name: shortText }, { requiredKeys: [] })),
      emails: fc.array(emailItem, { maxLength: 2 }),
      phones: fc.array(phoneItem, { maxLength: 2 }),
      addresses: optionalNullable(fc.array(addressItem, { maxLength: 2 })),
      urls: fc.array(urlItem, { maxLength: 2 }),
      dates: fc.array(dateItem, { maxLength: 2 }),
    },
    { requiredKeys: [] },
  )
  .filter((c) => (c.emails?.length ?? 0) + (c.phones?.length ?? 0) > 0) as fc.Arbitrary<Json>;

/** Valid, but with neither email nor phone: fine as a contactUpdate, refused by reconcileContact. */
export const keylessContactInfo: fc.Arbitrary<Json> = fc.record(
  { name: nameArb, company: fc.record({ role: shortText }), urls: fc.array(urlItem, { maxLength: 1 }) },
  { requiredKeys: [] },
) as fc.Arbitrary<Json>;

/** One way to make valid contact information invalid, each a violation of SPEC §2.3. */
const contactBreakers: Array<[string, (c: Json) => Json, 'reconcile only'?]> = [
  ['email over 250', (c) => ({ ...c, emails: [{ tag: 'main', email: `${'a'.repeat(239)}@example.com` }] })],
  ['100k email', (c) => ({ ...c, emails: [{ tag: 'main', email: HUGE_EMAIL }] })],
  ['blank email', (c) => ({ ...c, emails: [{ tag: 'main', email: '   ' }] })],
  ['email not a string', (c) => ({ ...c, emails: [{ tag: 'main', email: 42 }] })],
  ['email without tag', (c) => ({ ...c, emails: [{ email: 'ann@example.com' }] })],
  ['emails not an array', (c) => ({ ...c, emails: 'ann@example.com' })],
  ['emails [null]', (c) => ({ ...c, emails: [null] })],
  ['bad emailStatus', (c) => ({ ...c, emails: [{ tag: 'x', email: 'ann@example.com', emailStatus: 'subscribed' }] })],
  ['mixed-case deliveryStatus', (c) => ({ ...c, emails: [{ tag: 'x', email: 'ann@example.com', deliveryStatus: 'Valid' }] })],
  ['phone without digits', (c) => ({ ...c, phones: [{ tag: 'm', phone: 'call me' }] })],
  ['phone over 30', (c) => ({ ...c, phones: [{ tag: 'm', phone: '1'.repeat(31) }] })],
  ['phone missing', (c) => ({ ...c, phones: [{ tag: 'm' }] })],
  ['tag over 100', (c) => ({ ...c, emails: [{ tag: 't'.repeat(101), email: 'ann@example.com' }] })],
  ['name part over 100', (c) => ({ ...c, name: { first: 'n'.repeat(101) } })],
  ['Name part over 100', (c) => ({ ...c, Name: { last: HUGE } })],
  ['name part a number', (c) => ({ ...c, name: { first: 7 } })],
  ['company over 100', (c) => ({ ...c, company: { name: 'c'.repeat(101) } })],
  ['postalCode over 20', (c) => ({ ...c, addresses: [{ tag: 'home', postalCode: '1'.repeat(21) }] })],
  ['address over 250', (c) => ({ ...c, addresses: [{ tag: 'home', address: 'a'.repeat(251) }] })],
  ['city over 100', (c) => ({ ...c, addresses: [{ tag: 'home', city: 'c'.repeat(101) }] })],
  ['bad date', (c) => ({ ...c, dates: [{ tag: 'birthday', date: 'yesterday' }] })],
  ['blank url', (c) => ({ ...c, urls: [{ tag: 'site', url: ' ' }] })],
  ['picture a number', (c) => ({ ...c, picture: 42 })],
  ['no email and no phone', (c) => ({ name: c.name ?? { first: 'Only' }, urls: [{ tag: 'x', url: 'https://x.io' }] }), 'reconcile only'],
  ['emails only on the prototype', () => JSON.parse('{"__proto__":{"emails":[{"tag":"x","email":"proto@example.com"}]}}') as Json, 'reconcile only'],
];
/** Breakers that make contact data invalid anywhere (seed, contactUpdate), not only for reconcile. */
const dataBreakers = contactBreakers.filter((b) => b[2] === undefined);

/** What a reconcile input should do: succeed, fail with a code, or either. */
export interface Expectation {
  expect: 'ok' | 'bad' | 'unknown';
  /** The onFailure code (or postActivity errorCode family) when `bad`. */
  code?: 'BAD_REQUEST' | 'NOT_FOUND';
  /** Why, for messages. */
  why: string;
  /** Nested deeply enough that IndexedDB's structured clone may overflow: WIX_ERROR is allowed. */
  storageMayFail?: boolean;
}

export interface ContactCase extends Expectation {
  info: unknown;
}

export const contactCase: fc.Arbitrary<ContactCase> = fc.oneof(
  { weight: 10, arbitrary: validContactInfo.map((info): ContactCase => ({ info, expect: 'ok', why: 'valid' })) },
  {
    weight: 2,
    arbitrary: fc.tuple(validContactInfo, poisonKey, fc.constantFrom('top', 'name', 'email', 'company')).map(([c, key, where]): ContactCase => {
      // Own __proto__/constructor/prototype keys are unknown keys: dropped, never followed.
      let info: Json;
      if (where === 'top') info = poison(c, key);
      else if (where === 'name') info = { ...c, name: poison((c.name as Json | null) ?? {}, key) };
      else if (where === 'company') info = { ...c, company: poison((c.company as Json | null) ?? {}, key) };
      else info = { ...c, emails: [poison({ tag: 'main', email: 'ann@example.com' }, key)] };
      return { info, expect: 'ok', why: `valid with an own ${key} key (${where})` };
    }),
  },
  {
    weight: 6,
    arbitrary: fc.tuple(validContactInfo, fc.constantFrom(...contactBreakers)).map(([c, [why, brk]]): ContactCase => ({
      info: brk(c), expect: 'bad', code: 'BAD_REQUEST', why,
    })),
  },
  {
    weight: 1,
    arbitrary: validContactInfo.map((c): ContactCase => ({ info: cyclic(c), expect: 'bad', code: 'BAD_REQUEST', why: 'cyclic' })),
  },
  {
    weight: 1,
    arbitrary: validContactInfo.map((c): ContactCase => ({ info: { ...c, extra: 10n }, expect: 'bad', code: 'BAD_REQUEST', why: 'a BigInt inside' })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(validContactInfo, fc.constantFrom(1_500, 3_000, 5_000)).map(([c, d]): ContactCase =>
      d === 5_000
        ? { info: { ...c, name: deepObject(d) }, expect: 'bad', code: 'BAD_REQUEST', why: 'nested 5000 deep (beyond JSON)' }
        : { info: { ...c, name: deepObject(d) }, expect: 'unknown', why: `name nested ${d} deep` }),
  },
  {
    weight: 1,
    arbitrary: validContactInfo.map((c): ContactCase => ({
      // A function and undefined vanish in the JSON the SDK sent; a Date becomes a string.
      info: { ...c, onClick: () => 1, nothing: undefined, when: new Date(0) }, expect: 'ok', why: 'function, undefined and Date extras',
    })),
  },
  { weight: 3, arbitrary: weird.map((info): ContactCase => ({ info, expect: 'unknown', why: 'weird' })) },
);

// ---------------------------------------------------------------------------------------------
// Activities

export const ACTIVITY_TYPES = Object.keys(validActivityInfo);

/** Every accepted spelling of a canonical type (SPEC §2.2). */
export function spellingsOf(type: string): string[] {
  const out = [type];
  if (type.startsWith('e_commerce/')) out.push(type.replace('e_commerce/', 'ecommerce/'));
  if (type === 'messaging/im') out.push('Messaging/im');
  if (type === 'hotels/cancel') out.push('hotel/cancel');
  return out;
}

/** The canonical type of an accepted spelling, or undefined. */
export function canonicalOf(spelling: unknown): string | undefined {
  if (typeof spelling !== 'string') return undefined;
  return ACTIVITY_TYPES.find((t) => spellingsOf(t).includes(spelling));
}

export const typeSpelling: fc.Arbitrary<{ canonical: string; spelling: string }> = fc
  .constantFrom(...ACTIVITY_TYPES)
  .chain((canonical) => fc.constantFrom(...spellingsOf(canonical)).map((spelling) => ({ canonical, spelling })));

const keysOf = (path: string): Array<string | number> =>
  path.split(/\.|(?=\[)/).map((part) => (part.startsWith('[') ? Number(part.slice(1, -1)) : part));

/** A deep copy of `info` with the parent of `path` changed. */
function editPath(info: Json, path: string, change: (parent: Record<string | number, unknown>, key: string | number) => void): Json {
  const copy = structuredClone(info);
  const keys = keysOf(path);
  let parent = copy as Record<string | number, unknown>;
  for (const k of keys.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  change(parent, keys[keys.length - 1]!);
  return copy;
}

const detailsArb = fc.record({
  additionalInfoUrl: fc.constantFrom(null, 'https://example.com/more', ''),
  summary: fc.constantFrom('Bought a mug', '', 'Ünïcode ✓'),
});

export interface ActivityCase extends Expectation {
  activity: unknown;
  /** The canonical type, when the descriptor is valid. */
  canonical?: string;
}

const contactUpdateArb: fc.Arbitrary<{ value: unknown; present: boolean }> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ value: undefined, present: false }) },
  { weight: 1, arbitrary: fc.constant({ value: null, present: true }) },
  { weight: 1, arbitrary: fc.constant({ value: {}, present: true }) },
  { weight: 4, arbitrary: validContactInfo.map((value) => ({ value, present: true })) },
  { weight: 2, arbitrary: keylessContactInfo.map((value) => ({ value, present: true })) },
);

const validActivity: fc.Arbitrary<ActivityCase> = fc
  .record({
    t: typeSpelling,
    details: detailsArb,
    cu: contactUpdateArb,
    extra: fc.oneof(
      { weight: 30, arbitrary: fc.constant('none') },
      { weight: 3, arbitrary: fc.constantFrom('unknownKey', 'poison', 'dateAndFn') },
      { weight: 1, arbitrary: fc.constantFrom('huge', 'deep1000', 'deep3000', 'deep5000') },
    ),
  })
  .map(({ t, details, cu, extra }): ActivityCase => {
    let info: Json = validActivityInfo[t.canonical]!;
    let storageMayFail = false;
    if (extra === 'unknownKey') info = { ...info, myOwnField: { nested: [1, 'two', null] } };
    if (extra === 'poison') info = poison(info);
    if (extra === 'huge') info = { ...info, notes: HUGE };
    if (extra === 'deep1000') info = { ...info, tree: deepObject(1_000) };
    if (extra === 'deep3000') { info = { ...info, tree: deepObject(3_000) }; storageMayFail = true; }
    if (extra === 'deep5000') {
      const activity = { type: t.spelling, info: { ...info, tree: deepObject(5_000) }, details };
      return { activity, expect: 'bad', code: 'BAD_REQUEST', why: 'info nested 5000 deep (beyond JSON)' };
    }
    if (extra === 'dateAndFn') info = { ...info, at: new Date(0), fn: () => 1 };
    const activity: Json = { type: t.spelling, info, details };
    if (cu.present) activity.contactUpdate = cu.value;
    return { activity, canonical: t.canonical, expect: 'ok', why: `valid ${t.spelling} (${extra})`, storageMayFail };
  });

const invalidActivity: fc.Arbitrary<ActivityCase> = fc
  .record({ t: typeSpelling, details: detailsArb, n: fc.nat(), kind: fc.nat({ max: 15 }), bad: fc.constantFrom(...dataBreakers) })
  .map(({ t, details, n, kind, bad }): ActivityCase => {
    const info = validActivityInfo[t.canonical]!;
    const base: Json = { type: t.spelling, info, details };
    const req = requiredPaths[t.canonical] ?? [];
    const enums = enumPaths[t.canonical] ?? [];
    const bad400 = (activity: unknown, why: string): ActivityCase => ({ activity, expect: 'bad', code: 'BAD_REQUEST', why });
    switch (kind) {
      case 0: return bad400({ ...base, type: undefined }, 'type missing');
      case 1: return bad400({ ...base, type: 'nope/nope' }, 'unknown type');
      case 2: return bad400({ ...base, type: t.canonical.toUpperCase() }, 'type in upper case');
      case 3: return bad400({ ...base, type: 42 }, 'type a number');
      case 4: return bad400({ ...base, info: undefined }, 'info missing');
      case 5: return bad400({ ...base, info: null }, 'info null');
      case 6: return bad400({ ...base, info: [info] }, 'info an array');
      case 7: return bad400({ ...base, details: undefined }, 'details missing');
      case 8: return bad400({ ...base, details: { summary: 'x' } }, 'details.additionalInfoUrl missing');
      case 9: return bad400({ ...base, details: { additionalInfoUrl: null, summary: 42 } }, 'details.summary a number');
      case 10: return bad400({ ...base, contactUpdate: bad[1]({ emails: [{ tag: 'm', email: 'ann@example.com' }] }) }, `contactUpdate: ${bad[0]}`);
      case 11: return bad400({ ...base, contactUpdate: [{ emails: [] }] }, 'contactUpdate an array');
      case 12: return bad400({ ...base, contactUpdate: 'ann@example.com' }, 'contactUpdate a string');
      case 13:
        if (enums.length) {
          const path = enums[n % enums.length]!;
          return bad400({ ...base, info: editPath(info, path, (p, k) => { p[k] = 'NOT_AN_ENUM_VALUE'; }) }, `info.${path} off its enum`);
        }
      // falls through
      default: {
        if (!req.length) return bad400({ ...base, info: 'a string' }, 'info a string');
        const path = req[n % req.length]!;
        return bad400({ ...base, info: editPath(info, path, (p, k) => { if (Array.isArray(p)) p.splice(k as number, 1); else delete p[k]; }) }, `info.${path} missing`);
      }
    }
  });

export const activityCase: fc.Arbitrary<ActivityCase> = fc.oneof(
  { weight: 10, arbitrary: validActivity },
  { weight: 6, arbitrary: invalidActivity },
  { weight: 1, arbitrary: validActivity.map((a): ActivityCase => ({ activity: cyclic(a.activity as Json), expect: 'bad', code: 'BAD_REQUEST', why: 'cyclic' })) },
  { weight: 1, arbitrary: validActivity.map((a): ActivityCase => ({ activity: { ...(a.activity as Json), big: 1n }, expect: 'bad', code: 'BAD_REQUEST', why: 'BigInt inside' })) },
  { weight: 3, arbitrary: weird.map((activity): ActivityCase => ({ activity, expect: 'unknown', why: 'weird' })) },
  { weight: 1, arbitrary: polluter.map((activity): ActivityCase => ({ activity, expect: 'bad', code: 'BAD_REQUEST', why: 'polluter' })) },
);

// ---------------------------------------------------------------------------------------------
// Queries and options

export interface OptionsCase extends Expectation {
  value: unknown;
}

const pageSizeOk = fc.oneof(fc.constantFrom(1, 2, 25, 499, 500), fc.integer({ min: 1, max: 500 }));
/** Page sizes outside 1–500 or not integers, valid for neither getContacts nor getActivities. */
const BAD_PAGE_SIZES: Array<[string, () => unknown]> = [
  ['0', () => 0], ['501', () => 501], ['-1', () => -1], ['2.5', () => 2.5], ['"25"', () => '25'],
  ['true', () => true], ['[25]', () => [25]], ['{}', () => ({})], ['1e9', () => 1e9],
];

/** getContacts options. */
export const contactsOptionsCase: fc.Arbitrary<OptionsCase> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record(
        {
          pageSize: fc.option(pageSizeOk, { nil: null }),
          label: fc.oneof(fc.constantFrom(...LABELS), fc.uniqueArray(fc.constantFrom(...LABELS, 'nobody-has-this'), { minLength: 1, maxLength: 3 })),
        },
        { requiredKeys: [] },
      )
      .map((value): OptionsCase => ({ value, expect: 'ok', why: 'valid options' })),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, [], {}).map((value): OptionsCase => ({ value, expect: 'ok', why: 'null, [] or {} (typeof object passes, as in the SDK)' })) },
  { weight: 1, arbitrary: fc.constant(null).map((): OptionsCase => ({ value: poison({ pageSize: 3 }), expect: 'ok', why: 'own __proto__ key' })) },
  {
    weight: 4,
    arbitrary: fc.constantFrom<[string, () => unknown]>(
      ...BAD_PAGE_SIZES,
      ['NaN', () => NaN], ['Infinity', () => Infinity], ['BigInt 25n', () => 25n], ['a cyclic object', () => cyclic()],
      ['a Symbol', () => Symbol('25')],
    ).map(([why, make]): OptionsCase => ({ value: { pageSize: make() }, expect: 'bad', code: 'BAD_REQUEST', why: `pageSize ${why}` })),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>([], [1], 42, {}, [null], ['vip', 7], true).map((label): OptionsCase => ({
      value: { label }, expect: 'bad', code: 'BAD_REQUEST', why: `label ${String(label)}`,
    })),
  },
  { weight: 3, arbitrary: weird.map((value): OptionsCase => ({ value, expect: 'unknown', why: 'weird' })) },
);

/** getActivities query (after the SDK's JSON trip). `contactIds` are known contact ids. */
export function activitiesQueryCase(contactIds: string[], isoRange: [number, number]): fc.Arbitrary<OptionsCase> {
  const [lo, hi] = isoRange;
  const iso = fc.oneof(
    fc.integer({ min: lo - 5_000, max: hi + 5_000 }).map((ms) => new Date(ms).toISOString()),
    fc.integer({ min: lo, max: hi }).map((ms) => new Date(ms).toISOString().slice(0, 10)),
    fc.integer({ min: lo, max: hi }).map((ms) => new Date(ms + 7_200_000).toISOString().replace('Z', '+02:00')),
  );
  const types = fc.oneof(
    typeSpelling.map((t) => t.spelling),
    fc.uniqueArray(typeSpelling.map((t) => t.spelling), { minLength: 1, maxLength: 3 }),
  );
  const valid = fc
    .record(
      {
        activityTypes: types,
        from: iso,
        until: iso,
        scope: fc.constantFrom('site', 'app'),
        contactId: fc.oneof(fc.constantFrom(...contactIds), fc.constant('no-such-contact')),
        sort: fc.constantFrom('asc', 'desc'),
        pageSize: pageSizeOk,
      },
      { requiredKeys: [] },
    )
    .map((value): OptionsCase => {
      const { from, until } = value;
      if (from !== undefined && until !== undefined && instant(from) > instant(until)) {
        return { value, expect: 'bad', code: 'BAD_REQUEST', why: 'from after until' };
      }
      return { value, expect: 'ok', why: 'valid query' };
    });
  const badField = (why: string, value: unknown, code: 'BAD_REQUEST' | 'NOT_FOUND' = 'BAD_REQUEST'): OptionsCase => ({ value, expect: 'bad', code, why });
  return fc.oneof(
    { weight: 8, arbitrary: valid },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, {}).map((value): OptionsCase => ({ value, expect: 'ok', why: 'no query' })) },
    { weight: 1, arbitrary: fc.constant(null).map((): OptionsCase => ({ value: poison({ sort: 'asc' }), expect: 'ok', why: 'own __proto__ key' })) },
    {
      weight: 6,
      arbitrary: fc.constantFrom<OptionsCase>(
        ...BAD_PAGE_SIZES.map(([why, make]) => badField(`pageSize ${why}`, { pageSize: make() })),
        badField('activityTypes []', { activityTypes: [] }),
        badField('activityTypes [42]', { activityTypes: [42] }),
        badField('activityTypes 42', { activityTypes: 42 }),
        badField('unknown type', { activityTypes: 'nope/nope' }, 'NOT_FOUND'),
        badField('unknown type in a list', { activityTypes: ['music/album-fan', 'MUSIC/ALBUM-FAN'] }, 'NOT_FOUND'),
        ...BAD_DATES.map((d) => badField(`from ${JSON.stringify(d)}`, { from: d })),
        badField('until a number', { until: 1704067200000 }),
        badField('from after until', { from: '2024-01-02', until: '2024-01-01' }),
        badField('scope global', { scope: 'global' }),
        badField('sort up', { sort: 'up' }),
        badField('contactId a number', { contactId: 7 }),
        badField('query a string', 'music/album-fan'),
        badField('query a number', 42),
        badField('query an array', [{ sort: 'asc' }]),
        badField('query true', true),
        badField('query with a BigInt', { pageSize: 10n }),
        badField('query cyclic', cyclic({ sort: 'asc' })),
        badField('query nested 5000 deep', deepObject(5_000)),
      ),
    },
    { weight: 3, arbitrary: weird.map((value): OptionsCase => ({ value, expect: 'unknown', why: 'weird' })) },
  );
}

/** An id argument: a known id, a near miss, any string, or not a string at all. */
export function idCase(known: string[]): fc.Arbitrary<{ id: unknown; known: boolean }> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...known).map((id) => ({ id, known: true })) },
    { weight: 1, arbitrary: fc.constantFrom(...known).map((id) => ({ id: ` ${id}`, known: false })) },
    { weight: 1, arbitrary: fc.constantFrom(...known).map((id) => ({ id: id.toUpperCase() === id ? `${id}x` : id.toUpperCase(), known: false })) },
    { weight: 1, arbitrary: fc.constantFrom('', HUGE, '__proto__', 'constructor', 'toString', '\u0000', '../../etc').map((id) => ({ id, known: false })) },
    { weight: 1, arbitrary: fc.string().filter((s) => !known.includes(s)).map((id) => ({ id, known: false })) },
    { weight: 3, arbitrary: weird.filter((v) => typeof v !== 'string').map((id) => ({ id, known: false })) },
  );
}

// ---------------------------------------------------------------------------------------------
// Seed fixtures

export interface FixtureCase extends Expectation {
  fixture: unknown;
}

/** Milliseconds of an ISO-8601 string the way SPEC §2.3 orders records (zone-less read as UTC). */
export function instant(iso: string): number {
  const zoned = iso.length === 10 || /(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`;
  return Date.parse(zoned.replace(' ', 'T'));
}

const seedIso = fc.oneof(
  fc.constantFrom(...ISO_DATES),
  fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
);
const seedContactId = fc.oneof(fc.constantFrom('c-1', 'c-2', 'c-3', 'c-4', 'c-5', 'c-6', 'C-1', ' c-1', '__proto__', 'constructor'), fc.uuid());

const seedContact = fc
  .record(
    {
      id: seedContactId,
      createdAt: seedIso,
      modifiedAt: seedIso,
      tags: fc.array(fc.constantFrom(...LABELS), { maxLength: 3 }),
      notes: fc.constantFrom([], [{ content: 'called back' }]),
      custom: fc.constantFrom([], [{ field: 'x', value: 'y' }]),
      links: fc.constant([]),
      info: validContactInfo,
    },
    { requiredKeys: ['info'] },
  )
  .map(({ info, ...rest }) => ({ ...info, ...rest }) as Json);

const describeKind = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? Object.prototype.toString.call(v) : `a ${typeof v}`;

/**
 * Why a fixture is not shaped `{contacts?: [], activities?: []}`, or '' when it is. `null` and
 * `undefined` count as "no fixture" (an empty one) and absent lists as empty lists; anything else
 * that is not a plain object, or a list that is not an array, is a mistake seed must refuse rather
 * than read as "replace everything with nothing".
 */
export function misshapen(f: unknown): string {
  if (f === null || f === undefined) return '';
  if (typeof f !== 'object' || Array.isArray(f) || Object.prototype.toString.call(f) !== '[object Object]') return describeKind(f);
  for (const key of ['contacts', 'activities'] as const) {
    const list = (f as Json)[key];
    if (list !== undefined && list !== null && !Array.isArray(list)) return `${key}: ${describeKind(list)}`;
  }
  return '';
}

export const fixtureCase: fc.Arbitrary<FixtureCase> = fc
  .record({
    contacts: fc.array(seedContact, { maxLength: 6 }),
    activities: fc.array(
      fc.record(
        {
          id: fc.constantFrom('a-1', 'a-2', 'a-3', 'a-4', 'a-5', 'a-6', 'a-7', 'a-8'),
          createdAt: seedIso,
          t: typeSpelling,
          link: fc.nat(),
          linked: fc.boolean(),
          details: detailsArb,
          url: fc.constantFrom('https://site.example.com/page', ''),
        },
        { requiredKeys: ['t', 'link', 'linked'] },
      ),
      { maxLength: 6 },
    ),
    // -1: leave the fixture valid (as valid as its ids allow).
    breakKind: fc.oneof({ weight: 2, arbitrary: fc.constant(-1) }, { weight: 3, arbitrary: fc.nat({ max: 28 }) }),
    which: fc.nat(),
    breaker: fc.constantFrom(...dataBreakers),
    junk: weird,
  })
  .map(({ contacts, activities, breakKind, which, breaker, junk }): FixtureCase => {
    const contactIds = contacts.map((c) => c.id).filter((id): id is string => typeof id === 'string');
    const acts: Json[] = activities.map((a) => {
      const out: Json = { activityType: a.t.spelling, activityInfo: validActivityInfo[a.t.canonical] };
      if (a.id !== undefined) out.id = a.id;
      if (a.createdAt !== undefined) out.createdAt = a.createdAt;
      if (a.details !== undefined) out.activityDetails = a.details;
      if (a.url !== undefined) out.activityLocationUrl = a.url;
      if (a.linked && contactIds.length) out.contactId = contactIds[a.link % contactIds.length];
      return out;
    });
    const fixture = { contacts, activities: acts };
    const dupContactIds = new Set(contactIds).size !== contactIds.length;
    const actIds = acts.map((a) => a.id).filter((id) => id !== undefined);
    const dupActivityIds = new Set(actIds).size !== actIds.length;
    const base = (why: string): FixtureCase =>
      dupContactIds
        ? { fixture, expect: 'bad', code: 'BAD_REQUEST', why: `${why}; two contacts share an id` }
        : dupActivityIds
          ? { fixture, expect: 'bad', code: 'BAD_REQUEST', why: `${why}; two activities share an id (one would silently overwrite the other)` }
          : { fixture, expect: 'ok', why };
    const bad = (f: unknown, why: string, storageMayFail = false): FixtureCase => ({ fixture: f, expect: 'bad', code: 'BAD_REQUEST', why, storageMayFail });
    const c0 = contacts[which % Math.max(1, contacts.length)];
    const a0 = acts[which % Math.max(1, acts.length)];
    switch (breakKind) {
      case 0: return bad(contacts, 'the fixture is an array (the contacts list passed directly)');
      case 1: return bad(42, 'the fixture is a number');
      case 2: return bad('contacts', 'the fixture is a string');
      case 3: return bad({ contacts: 'c-1' }, 'contacts is a string');
      case 4: return bad({ contacts: {} }, 'contacts is an object');
      case 5: return bad({ activities: 7 }, 'activities is a number');
      case 6: return bad({ contacts: [null] }, 'a contact is null');
      case 7: return c0 ? bad({ ...fixture, contacts: [...contacts, breaker[1](c0)] }, `a contact: ${breaker[0]}`) : base('valid');
      case 8: return c0 ? bad({ ...fixture, contacts: [...contacts, { ...c0, id: '' }] }, 'a contact id is empty') : base('valid');
      case 9: return bad({ contacts: [{ emails: [{ tag: 'x', email: 'a@b.co' }], createdAt: 'yesterday' }] }, 'createdAt not ISO');
      case 10: return bad({ contacts: [{ phones: [{ tag: 'x', phone: '123' }], tags: [7] }] }, 'a tag is a number');
      case 11: return bad({ contacts: [{ phones: [{ tag: 'x', phone: '123' }], tags: ['t'.repeat(101)] }] }, 'a tag over 100');
      case 12: return a0 ? bad({ ...fixture, activities: [...acts, { ...a0, activityType: 'nope/nope' }] }, 'unknown activity type') : base('valid');
      case 13: return a0 ? bad({ ...fixture, activities: [...acts, { ...a0, contactId: 'no-such-contact', id: 'a-x' }] }, 'activity names a contact outside the fixture') : base('valid');
      case 14: return a0 ? bad({ ...fixture, activities: [...acts, { ...a0, activityInfo: null, id: 'a-y' }] }, 'activityInfo null') : base('valid');
      case 15: return a0 ? bad({ ...fixture, activities: [...acts, { ...a0, createdAt: 'noon', id: 'a-z' }] }, 'activity createdAt not ISO') : base('valid');
      // Not JSON: either refused, or stored as its JSON (the function or symbol dropped or null).
      case 16: return { fixture: { contacts: [{ phones: [{ tag: 'x', phone: '123' }], notes: [() => 1] }] }, expect: 'unknown', why: 'a function inside notes' };
      case 17: return { fixture: { contacts: [{ phones: [{ tag: 'x', phone: '123' }], notes: [Symbol('s')] }] }, expect: 'unknown', why: 'a symbol inside notes' };
      case 18: return {
        fixture: { contacts: [], activities: [{ activityType: 'music/album-fan', activityInfo: { album: { name: 'x' }, fn: () => 1 } }] },
        expect: 'unknown', why: 'a function inside activityInfo',
      };
      case 26: return bad({ contacts: [{ phones: [{ tag: 'x', phone: '123' }], notes: [10n] }] }, 'a BigInt inside notes');
      case 27: return bad(cyclic({ contacts: [] }), 'a cyclic fixture');
      case 28: return bad({ contacts: [{ phones: [{ tag: 'x', phone: '123' }], notes: [deepObject(5_000)] }] }, 'notes nested 5000 deep (beyond JSON)');
      case 19: return { fixture: { ...fixture, contacts: [...contacts, { phones: [{ tag: 'x', phone: '1' }], notes: [deepObject(3_000)] }] }, expect: 'unknown', why: 'notes nested 3000 deep', storageMayFail: true };
      case 20: return { ...base('own __proto__ key on the fixture'), fixture: poison(fixture) };
      case 21: return { ...base('own __proto__ key on a contact'), fixture: { ...fixture, contacts: contacts.map((c) => poison(c)) } };
      case 22: return { fixture: { contacts: [junk] }, expect: 'unknown', why: 'weird contact' };
      case 23: return { fixture: { activities: [junk] }, expect: 'unknown', why: 'weird activity' };
      case 24: return misshapen(junk) ? bad(junk, `the fixture is ${misshapen(junk)}`) : { fixture: junk, expect: 'unknown', why: 'weird fixture' };
      case 25: {
        const f = { ...fixture, contacts: junk };
        return misshapen(f) ? bad(f, `contacts is ${misshapen(f)}`) : { fixture: f, expect: 'unknown', why: 'weird contacts list' };
      }
      default: return base('valid');
    }
  });
