/**
 * `Wix.Activities.getActivities` (SPEC §2.2, §2.4): order, keyset paging, every filter alone and
 * combined, the errors, and activities loaded with `seed`. Expected results are computed from what
 * each test posted (ids and times it recorded), never written out by hand.
 */
import { describe, it, expect } from 'vitest';
import type { Activity, PostActivityResult } from '../src/core/types';
import type { ActivitiesQuery, ActivityDescriptor } from '../src/wix/activities';
import type { WixDataCursor } from '../src/wix/cursor';
import { failure, newShim, success } from './helpers';
import { validActivityInfo } from './fixtures/activity-examples';

type Shim = ReturnType<typeof newShim>;
type Cursor = WixDataCursor<Activity>;

const T0 = Date.parse('2024-03-01T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** A settable clock for `createShim({ now })`. */
function clock(start = T0) {
  let t = start;
  return { now: () => t, set: (ms: number) => void (t = ms), advance: (ms: number) => void (t += ms), get: () => t };
}

function infoOf(type: string): Record<string, unknown> {
  const info = validActivityInfo[type];
  if (!info) throw new Error(`test/fixtures/activity-examples.ts has no valid info for ${type}`);
  return structuredClone(info);
}

/** What a test posted: enough to compute any query's expected answer. */
interface Posted {
  id: string;
  type: string;
  t: number;
  contactId: string | null;
  /** Creation order, for ties on `t`. */
  seq: number;
}

let seq = 0;
async function post(shim: Shim, type: string, at: number, contactUpdate?: ActivityDescriptor['contactUpdate'], sentType = type): Promise<Posted> {
  const activity = { type: sentType, info: infoOf(type), details: { additionalInfoUrl: null, summary: type } } as ActivityDescriptor;
  if (contactUpdate !== undefined) activity.contactUpdate = contactUpdate;
  const r = await success<PostActivityResult>((ok, fail) => shim.Wix.Activities.postActivity(activity, ok, fail));
  return { id: r.activityId, type, t: at, contactId: r.contactId, seq: ++seq };
}

const newestFirst = (a: Posted, b: Posted) => b.t - a.t || b.seq - a.seq;
const oldestFirst = (a: Posted, b: Posted) => a.t - b.t || a.seq - b.seq;
const idsOf = (list: Array<{ id: string }>) => list.map((x) => x.id);
/** The ids the query should return, by this test's own bookkeeping. */
const expected = (records: Posted[], keep: (p: Posted) => boolean, order: 'desc' | 'asc' = 'desc') =>
  idsOf(records.filter(keep).sort(order === 'desc' ? newestFirst : oldestFirst));

const open = (shim: Shim, query?: unknown) =>
  success<Cursor>((ok, fail) => shim.Wix.Activities.getActivities(ok, fail, query as ActivitiesQuery));
const openFailure = (shim: Shim, query: unknown) =>
  failure<string>((ok, fail) => shim.Wix.Activities.getActivities(ok, fail, query as ActivitiesQuery));

/** Moves the cursor; resolves with the page and whether `onSuccess` ran before the call returned. */
function move(cursor: Cursor, way: 'next' | 'previous'): Promise<{ page: Activity[]; sync: boolean }> {
  return new Promise((resolve, reject) => {
    let returned = false;
    cursor[way]((page) => resolve({ page, sync: !returned }), (e) => reject(new Error(`cursor.${way} failed: ${String(e)}`)));
    returned = true;
  });
}

/** Every id a query returns, following `next` to the end. */
async function queryIds(shim: Shim, query: ActivitiesQuery = {}): Promise<string[]> {
  const cursor = await open(shim, { pageSize: 500, ...query });
  const out = idsOf(cursor.getData());
  while (cursor.hasNext()) out.push(...idsOf((await move(cursor, 'next')).page));
  return out;
}

const TYPES = ['music/album-fan', 'e_commerce/purchase', 'messaging/im', 'hotels/cancel'] as const;

/**
 * Three visitors on one database: two become contacts on their first activity, the third stays
 * anonymous. 16 activities, one hour apart, the four types in turn.
 */
async function mixedDataset() {
  const c = clock();
  const a = newShim({ session: 'visitor-a', now: c.now });
  const dbName = (await a.status()).dbName;
  const b = newShim({ session: 'visitor-b', now: c.now, indexedDB: a.factory, dbName });
  const anon = newShim({ session: 'visitor-c', now: c.now, indexedDB: a.factory, dbName });
  const records: Posted[] = [];
  for (let i = 0; i < 16; i++) {
    c.set(T0 + i * 3_600_000);
    const type = TYPES[i % TYPES.length] as string;
    const who = [a, b, anon][i % 3] as Shim;
    const contactUpdate =
      i === 0 ? { emails: [{ tag: 'main', email: 'a@example.com' }] } : i === 1 ? { emails: [{ tag: 'main', email: 'b@example.com' }] } : undefined;
    records.push(await post(who, type, c.get(), contactUpdate));
  }
  const contactA = records[0]?.contactId as string;
  const contactB = records[1]?.contactId as string;
  expect(contactA).toEqual(expect.any(String));
  expect(contactB).toEqual(expect.any(String));
  expect(contactA).not.toBe(contactB);
  return { shim: a, records, contactA, contactB, close: () => Promise.all([a.close(), b.close(), anon.close()]) };
}

describe('order', () => {
  it('is newest first by default and oldest first with sort asc (distinct timestamps)', async () => {
    const c = clock();
    const shim = newShim({ now: c.now });
    const records: Posted[] = [];
    // Posted out of time order on purpose: the order is by createdAt, not by insertion.
    for (const offset of [5, 1, 4, 2, 3, 0]) {
      c.set(T0 + offset * 60_000);
      records.push(await post(shim, 'music/album-fan', c.get()));
    }
    const desc = (await open(shim)).getData();
    expect(idsOf(desc)).toEqual(expected(records, () => true));
    expect(desc.map((a) => a.createdAt)).toEqual([5, 4, 3, 2, 1, 0].map((m) => iso(T0 + m * 60_000)));
    expect(await queryIds(shim, { sort: 'desc' })).toEqual(expected(records, () => true));
    expect(await queryIds(shim, { sort: 'asc' })).toEqual(expected(records, () => true, 'asc'));
  });

  it('lists same-millisecond activities in creation order (reversed for desc), with and without filters', async () => {
    const c = clock();
    const shim = newShim({ now: c.now, session: 'same-ms' });
    const records: Posted[] = [];
    records.push(await post(shim, 'music/album-fan', c.get(), { emails: [{ tag: 'main', email: 'tie@example.com' }] }));
    for (let i = 0; i < 11; i++) records.push(await post(shim, TYPES[i % 3] as string, c.get()));
    const creation = idsOf(records);
    expect(await queryIds(shim)).toEqual([...creation].reverse());
    expect(await queryIds(shim, { sort: 'asc' })).toEqual(creation);
    // Through the type index (two sources merged) and the contact index too.
    const two = (p: Posted) => p.type === 'music/album-fan' || p.type === 'messaging/im';
    expect(await queryIds(shim, { activityTypes: ['music/album-fan', 'messaging/im'] })).toEqual(expected(records, two));
    expect(await queryIds(shim, { activityTypes: ['music/album-fan', 'messaging/im'], sort: 'asc' })).toEqual(expected(records, two, 'asc'));
    const contactId = records[0]?.contactId as string;
    expect(await queryIds(shim, { contactId })).toEqual([...creation].reverse());
    // Paging one at a time through ties neither repeats nor skips.
    const cursor = await open(shim, { pageSize: 1 });
    const paged = idsOf(cursor.getData());
    while (cursor.hasNext()) paged.push(...idsOf((await move(cursor, 'next')).page));
    expect(paged).toEqual([...creation].reverse());
  });

  it('mixes equal and distinct timestamps correctly', async () => {
    const c = clock();
    const shim = newShim({ now: c.now });
    const records: Posted[] = [];
    for (const offset of [2, 2, 0, 1, 1, 2, 0]) {
      c.set(T0 + offset);
      records.push(await post(shim, 'music/album-fan', c.get()));
    }
    expect(await queryIds(shim)).toEqual(expected(records, () => true));
    expect(await queryIds(shim, { sort: 'asc' })).toEqual(expected(records, () => true, 'asc'));
  });
});

describe('paging 45 activities by 20', () => {
  it('gives 20, 20, 5 with the right hasNext/hasPrevious, goes back with previous, and has no total', async () => {
    const c = clock();
    const shim = newShim({ now: c.now });
    const records: Posted[] = [];
    for (let i = 0; i < 45; i++) {
      c.set(T0 + i * 1000);
      records.push(await post(shim, TYPES[i % TYPES.length] as string, c.get()));
    }
    const all = expected(records, () => true);

    const cursor = await open(shim);
    const page1 = idsOf(cursor.getData());
    expect(page1).toEqual(all.slice(0, 20));
    expect(cursor.getPageSize()).toBe(20);
    expect(cursor.getTotal()).toBeUndefined();
    expect(cursor.hasNext()).toBe(true);
    expect(cursor.hasPrevious()).toBe(false);

    const second = await move(cursor, 'next');
    expect(second.sync).toBe(false);
    expect(idsOf(second.page)).toEqual(all.slice(20, 40));
    expect(idsOf(cursor.getData())).toEqual(all.slice(20, 40));
    expect(cursor.hasNext()).toBe(true);
    expect(cursor.hasPrevious()).toBe(true);

    const third = await move(cursor, 'next');
    expect(idsOf(third.page)).toEqual(all.slice(40, 45));
    expect(cursor.hasNext()).toBe(false);
    expect(cursor.hasPrevious()).toBe(true);

    // No next page: onSuccess([]) at once, and the cursor stays on its page.
    const none = await move(cursor, 'next');
    expect(none).toEqual({ page: [], sync: true });
    expect(idsOf(cursor.getData())).toEqual(all.slice(40, 45));

    const back = await move(cursor, 'previous');
    expect(back.sync).toBe(false);
    expect(idsOf(back.page)).toEqual(all.slice(20, 40));
    expect(cursor.hasNext()).toBe(true);
    expect(cursor.hasPrevious()).toBe(true);

    const first = await move(cursor, 'previous');
    expect(idsOf(first.page)).toEqual(all.slice(0, 20));
    expect(cursor.hasPrevious()).toBe(false);
    expect(cursor.hasNext()).toBe(true);
    expect(await move(cursor, 'previous')).toEqual({ page: [], sync: true });

    // First-page values are kept.
    expect(cursor.getPageSize()).toBe(20);
    expect(cursor.getTotal()).toBeUndefined();

    // Forward again from the first page lands on the same second page.
    expect(idsOf((await move(cursor, 'next')).page)).toEqual(all.slice(20, 40));
  });

  it('an empty store gives an empty page with nothing either way', async () => {
    const shim = newShim();
    const cursor = await open(shim);
    expect(cursor.getData()).toEqual([]);
    expect(cursor.hasNext()).toBe(false);
    expect(cursor.hasPrevious()).toBe(false);
    expect(cursor.getTotal()).toBeUndefined();
  });
});

describe('filters', () => {
  it('activityTypes as a string, as an array, and with aliases', async () => {
    const { shim, records, close } = await mixedDataset();
    const is = (...types: string[]) => (p: Posted) => types.includes(p.type);
    expect(await queryIds(shim, { activityTypes: 'music/album-fan' })).toEqual(expected(records, is('music/album-fan')));
    expect(await queryIds(shim, { activityTypes: ['music/album-fan', 'messaging/im'] })).toEqual(expected(records, is('music/album-fan', 'messaging/im')));
    expect(await queryIds(shim, { activityTypes: 'ecommerce/purchase' })).toEqual(expected(records, is('e_commerce/purchase')));
    expect(await queryIds(shim, { activityTypes: ['Messaging/im', 'hotel/cancel'] })).toEqual(expected(records, is('messaging/im', 'hotels/cancel')));
    expect(await queryIds(shim, { activityTypes: shim.Wix.Activities.Type.MESSAGE_IM })).toEqual(expected(records, is('messaging/im')));
    // Two spellings of one type list each activity once.
    expect(await queryIds(shim, { activityTypes: ['e_commerce/purchase', 'ecommerce/purchase'] })).toEqual(expected(records, is('e_commerce/purchase')));
    // Returned types are canonical.
    const cursor = await open(shim, { activityTypes: ['Messaging/im', 'ecommerce/purchase', 'hotel/cancel'] });
    expect(new Set(cursor.getData().map((a) => a.activityType))).toEqual(new Set(['messaging/im', 'e_commerce/purchase', 'hotels/cancel']));
    // A known type with no activities is an empty list, not an error.
    expect(await queryIds(shim, { activityTypes: 'events/rsvp' })).toEqual([]);
    await close();
  });

  it('from and until are inclusive bounds, alone and together, compared as instants', async () => {
    const { shim, records, close } = await mixedDataset();
    const t = (i: number) => (records[i] as Posted).t;
    expect(await queryIds(shim, { from: iso(t(5)) })).toEqual(expected(records, (p) => p.t >= t(5)));
    expect(await queryIds(shim, { from: iso(t(5) + 1) })).toEqual(expected(records, (p) => p.t > t(5)));
    expect(await queryIds(shim, { until: iso(t(9)) })).toEqual(expected(records, (p) => p.t <= t(9)));
    expect(await queryIds(shim, { until: iso(t(9) - 1) })).toEqual(expected(records, (p) => p.t < t(9)));
    expect(await queryIds(shim, { from: iso(t(3)), until: iso(t(7)) })).toEqual(expected(records, (p) => p.t >= t(3) && p.t <= t(7)));
    expect(await queryIds(shim, { from: iso(t(4)), until: iso(t(4)) })).toEqual([records[4]?.id]);
    // The same instant written with an offset.
    const shifted = new Date(t(5) + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
    expect(await queryIds(shim, { from: shifted })).toEqual(expected(records, (p) => p.t >= t(5)));
    // A bare date is midnight UTC.
    expect(await queryIds(shim, { until: '2024-03-01' })).toEqual([]);
    expect(await queryIds(shim, { from: '2024-03-02' })).toEqual(expected(records, (p) => p.t >= Date.parse('2024-03-02T00:00:00Z')));
    await close();
  });

  it('contactId gives that contact\'s timeline; with activityTypes, sort and dates too', async () => {
    const { shim, records, contactA, contactB, close } = await mixedDataset();
    const ofA = (p: Posted) => p.contactId === contactA;
    expect(records.filter(ofA).length).toBeGreaterThan(3);
    expect(await queryIds(shim, { contactId: contactA })).toEqual(expected(records, ofA));
    expect(await queryIds(shim, { contactId: contactB })).toEqual(expected(records, (p) => p.contactId === contactB));
    const typesA = ['music/album-fan', 'hotels/cancel'];
    const combined = (p: Posted) => ofA(p) && typesA.includes(p.type);
    expect(records.filter(combined).length).toBeGreaterThan(1);
    expect(await queryIds(shim, { contactId: contactA, activityTypes: ['music/album-fan', 'hotel/cancel'], sort: 'asc' })).toEqual(
      expected(records, combined, 'asc'),
    );
    expect(await queryIds(shim, { contactId: contactA, activityTypes: ['music/album-fan', 'hotel/cancel'] })).toEqual(expected(records, combined));
    const t = (i: number) => (records[i] as Posted).t;
    expect(await queryIds(shim, { contactId: contactA, from: iso(t(3)), until: iso(t(12)), sort: 'asc' })).toEqual(
      expected(records, (p) => ofA(p) && p.t >= t(3) && p.t <= t(12), 'asc'),
    );
    // Anonymous activities are in no timeline, but in the site-wide list.
    const anonymous = records.filter((p) => p.contactId === null);
    expect(anonymous.length).toBeGreaterThan(0);
    expect(await queryIds(shim)).toEqual(expected(records, () => true));
    expect(await queryIds(shim, { contactId: 'no-such-contact' })).toEqual([]);
    await close();
  });

  it("sort 'asc' alone, and scope 'site' and 'app' accepted", async () => {
    const { shim, records, close } = await mixedDataset();
    expect(await queryIds(shim, { sort: 'asc' })).toEqual(expected(records, () => true, 'asc'));
    expect(await queryIds(shim, { scope: 'site' })).toEqual(expected(records, () => true));
    expect(await queryIds(shim, { scope: 'app' })).toEqual(expected(records, () => true));
    expect(await queryIds(shim, { scope: 'app', activityTypes: 'messaging/im', sort: 'asc' })).toEqual(
      expected(records, (p) => p.type === 'messaging/im', 'asc'),
    );
    // No query, null and {} are the defaults.
    const all = expected(records, () => true);
    expect(idsOf((await open(shim)).getData())).toEqual(all);
    expect(idsOf((await open(shim, null)).getData())).toEqual(all);
    expect(idsOf((await open(shim, {})).getData())).toEqual(all);
    await close();
  });

  it('pageSize in the query: 1 and 500 accepted, anything else is BAD_REQUEST', async () => {
    const { shim, records, close } = await mixedDataset();
    const all = expected(records, () => true);
    const one = await open(shim, { pageSize: 1 });
    expect(idsOf(one.getData())).toEqual(all.slice(0, 1));
    expect(one.getPageSize()).toBe(1);
    expect(one.hasNext()).toBe(true);
    expect(idsOf((await move(one, 'next')).page)).toEqual(all.slice(1, 2));
    const big = await open(shim, { pageSize: 500 });
    expect(idsOf(big.getData())).toEqual(all);
    expect(big.getPageSize()).toBe(500);
    expect(big.hasNext()).toBe(false);
    const seven = await open(shim, { pageSize: 7 });
    expect(seven.getData()).toHaveLength(7);
    expect(seven.getPageSize()).toBe(7);
    for (const bad of [0, 501, -1, 2.5, '20', true, [20]]) {
      expect(await openFailure(shim, { pageSize: bad }), JSON.stringify(bad)).toBe('BAD_REQUEST');
    }
    await close();
  });
});

describe('errors', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['from after until', { from: '2024-03-02T00:00:00Z', until: '2024-03-01T00:00:00Z' }, 'BAD_REQUEST'],
    ['from after until by one millisecond', { from: '2024-03-01T00:00:00.001Z', until: '2024-03-01T00:00:00.000Z' }, 'BAD_REQUEST'],
    ['a malformed from', { from: 'yesterday' }, 'BAD_REQUEST'],
    ['a malformed until', { until: '2024-13-01T00:00:00Z' }, 'BAD_REQUEST'],
    ['an impossible time', { until: '2024-03-01T25:00:00Z' }, 'BAD_REQUEST'],
    ['a numeric date', { from: 1709294400000 }, 'BAD_REQUEST'],
    ['an unknown scope', { scope: 'global' }, 'BAD_REQUEST'],
    ['an unknown activity type', { activityTypes: 'music/album-hate' }, 'NOT_FOUND'],
    ['an unknown type among known ones', { activityTypes: ['music/album-fan', 'nope/nope'] }, 'NOT_FOUND'],
    ['an SDK-cased type that does not exist', { activityTypes: 'MUSIC/ALBUM-FAN' }, 'NOT_FOUND'],
    ['a bad sort', { sort: 'newest' }, 'BAD_REQUEST'],
    ['an upper-case sort', { sort: 'DESC' }, 'BAD_REQUEST'],
  ])('%s → %s', async (_label, query, code) => {
    const shim = newShim();
    await post(shim, 'music/album-fan', T0);
    expect(await openFailure(shim, query)).toBe(code);
  });

  it('the same bounds in the right order are fine', async () => {
    const shim = newShim();
    await post(shim, 'music/album-fan', T0);
    expect(await queryIds(shim, { from: '2024-03-01T00:00:00.000Z', until: '2024-03-01T00:00:00.001Z' })).toEqual([]);
  });
});

describe('a filtered query pages correctly with inserts between pages', () => {
  const A = 'music/album-fan';
  const B = 'e_commerce/purchase';
  const C = 'messaging/im';

  async function fortyFive() {
    const c = clock();
    const shim = newShim({ now: c.now, session: 'paging' });
    const records: Posted[] = [];
    for (let i = 0; i < 45; i++) {
      // Pairs share a millisecond, so ties are paged through as well.
      c.set(T0 + Math.floor(i / 2) * 1000);
      records.push(await post(shim, [A, B, C][i % 3] as string, c.get()));
    }
    return { shim, c, records };
  }

  it('newest first: newer inserts do not shift later pages (no repeats, no skips)', async () => {
    const { shim, c, records } = await fortyFive();
    const want = expected(records, (p) => p.type === A || p.type === B);
    expect(want).toHaveLength(30);
    const cursor = await open(shim, { activityTypes: [A, 'ecommerce/purchase'], pageSize: 7 });
    const seen = idsOf(cursor.getData());
    const pageSizes = [cursor.getData().length];
    let later = c.get();
    while (cursor.hasNext()) {
      // Another visitor posts newer activities of matching and non-matching types meanwhile.
      for (const type of [A, C, B]) {
        c.set((later += 500));
        records.push(await post(shim, type, c.get()));
      }
      const { page } = await move(cursor, 'next');
      pageSizes.push(page.length);
      seen.push(...idsOf(page));
    }
    expect(pageSizes).toEqual([7, 7, 7, 7, 2]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(want);
    for (const id of seen) expect([A, B]).toContain(records.find((r) => r.id === id)?.type);
  });

  it('oldest first: inserts appear once, at the end, and nothing is repeated or skipped', async () => {
    const { shim, c, records } = await fortyFive();
    const cursor = await open(shim, { activityTypes: [A, B], sort: 'asc', pageSize: 7 });
    const seen = idsOf(cursor.getData());
    let later = c.get();
    let inserts = 0;
    while (cursor.hasNext() && inserts < 10) {
      for (const type of [A, C]) {
        c.set((later += 500));
        records.push(await post(shim, type, c.get()));
      }
      inserts++;
      seen.push(...idsOf((await move(cursor, 'next')).page));
    }
    expect(cursor.hasNext()).toBe(false);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expected(records, (p) => p.type === A || p.type === B, 'asc'));
    expect(seen.length).toBeGreaterThan(30);
  });

  it('previous after inserts returns the page seen before', async () => {
    const { shim, c, records } = await fortyFive();
    const want = expected(records, (p) => p.type === A || p.type === B);
    const cursor = await open(shim, { activityTypes: [A, B], pageSize: 7 });
    await move(cursor, 'next');
    await move(cursor, 'next');
    c.set(c.get() + 10_000);
    await post(shim, A, c.get());
    expect(idsOf((await move(cursor, 'previous')).page)).toEqual(want.slice(7, 14));
    expect(idsOf((await move(cursor, 'previous')).page)).toEqual(want.slice(0, 7));
  });
});

describe('seeded activities', () => {
  const fixture = () => ({
    contacts: [
      { id: 'contact-dana', name: { first: 'Dana' }, emails: [{ tag: 'main', email: 'dana@example.com' }], createdAt: '2014-08-01T00:00:00Z' },
      { id: 'contact-omer', name: { first: 'Omer' }, phones: [{ tag: 'mobile', phone: '+972 50 555 0101' }], createdAt: '2014-08-02T00:00:00Z' },
    ],
    activities: [
      // 07:46:48.107Z written in the server's zone, as the real API returned it.
      { id: 'act-1', activityType: 'music/album-fan', activityInfo: infoOf('music/album-fan'), contactId: 'contact-dana', createdAt: '2014-08-27T02:46:48.107-05:00' },
      { id: 'act-2', activityType: 'ecommerce/purchase', activityInfo: infoOf('e_commerce/purchase'), contactId: 'contact-dana', createdAt: '2014-08-27T08:00:00Z' },
      { id: 'act-3', activityType: 'Messaging/im', activityInfo: infoOf('messaging/im'), contactId: 'contact-dana', createdAt: '2014-08-27T07:00:00.000Z' },
      { id: 'act-4', activityType: 'form/form', activityInfo: infoOf('form/form'), contactId: 'contact-omer', createdAt: '2014-08-27T07:30:00Z' },
      { id: 'act-5', activityType: 'social/track', activityInfo: infoOf('social/track'), createdAt: '2014-08-27T09:00:00Z' },
    ],
  });

  it("reads a contact's timeline newest first by instant, with canonical types and verbatim createdAt", async () => {
    const shim = newShim();
    await shim.seed(fixture());
    const dana = (await open(shim, { contactId: 'contact-dana' })).getData();
    expect(idsOf(dana)).toEqual(['act-2', 'act-1', 'act-3']);
    expect(dana.map((a) => a.activityType)).toEqual(['e_commerce/purchase', 'music/album-fan', 'messaging/im']);
    expect(dana[1]?.createdAt).toBe('2014-08-27T02:46:48.107-05:00');
    for (const a of dana) expect('contactId' in a).toBe(false);
    expect(await queryIds(shim, { contactId: 'contact-dana', sort: 'asc' })).toEqual(['act-3', 'act-1', 'act-2']);
    expect(await queryIds(shim, { contactId: 'contact-dana', activityTypes: ['Messaging/im', 'music/album-fan'] })).toEqual(['act-1', 'act-3']);
    expect(await queryIds(shim, { contactId: 'contact-omer' })).toEqual(['act-4']);
    expect(await queryIds(shim)).toEqual(['act-5', 'act-2', 'act-1', 'act-4', 'act-3']);
    expect(await queryIds(shim, { from: '2014-08-27T07:46:48.107Z', until: '2014-08-27T08:00:00Z' })).toEqual(['act-2', 'act-1']);
    const one = await success<Activity>((ok, fail) => shim.Wix.Activities.getActivityById('act-2', ok, fail));
    expect(one.activityInfo).toStrictEqual(infoOf('e_commerce/purchase'));
    expect(one.activityDetails).toEqual({ additionalInfoUrl: null, summary: '' });
  });

  it('a posted activity whose contactUpdate matches a seeded contact joins its timeline', async () => {
    const shim = newShim({ now: () => Date.parse('2014-08-28T00:00:00Z'), session: 'seeded-visitor' });
    await shim.seed(fixture());
    const posted = await post(shim, 'form/contact-form', 0, { emails: [{ tag: 'work', email: 'DANA@example.com' }] });
    expect(posted.contactId).toBe('contact-dana');
    expect(await queryIds(shim, { contactId: 'contact-dana' })).toEqual([posted.id, 'act-2', 'act-1', 'act-3']);
  });

  it('an activity whose contactId names no fixture contact fails the seed, and nothing is stored', async () => {
    const fresh = newShim();
    const bad = fixture();
    bad.activities.push({ id: 'act-6', activityType: 'music/album-fan', activityInfo: infoOf('music/album-fan'), contactId: 'contact-ghost', createdAt: '2014-08-27T10:00:00Z' });
    await expect(fresh.seed(bad)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('contact-ghost') });
    expect((await fresh.status()).counts).toEqual({ contacts: 0, activities: 0 });
    expect(await queryIds(fresh)).toEqual([]);

    // After a good seed, a bad one leaves the earlier data as it was.
    const seeded = newShim();
    await seeded.seed(fixture());
    await expect(seeded.seed(bad)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await seeded.status()).counts).toEqual({ contacts: 2, activities: 5 });
    expect(await queryIds(seeded)).toEqual(['act-5', 'act-2', 'act-1', 'act-4', 'act-3']);
  });

  it('an activity with an invalid info or unknown type fails the seed too', async () => {
    const shim = newShim();
    const bad = fixture();
    (bad.activities as Array<Record<string, unknown>>).push({ activityType: 'music/album-fan', activityInfo: { artist: { name: 'x' } } });
    (bad.activities as Array<Record<string, unknown>>).push({ activityType: 'music/album-hate', activityInfo: {} });
    await expect(shim.seed(bad)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await shim.status()).counts).toEqual({ contacts: 0, activities: 0 });
  });
});
