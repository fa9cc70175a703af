/**
 * The developer controls of a `Shim` (SPEC issue 4): seed/reset/clear, export/import, configure
 * (latency and faults), deleteContact, setLabels, on('change'|'webhook') in this tab and across
 * instances (BroadcastChannel), Wix.Utils and status().
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HttpErrorBody } from '../src/core/errors';
import type { Activity, Contact, PostActivityResult, ReconcileResult } from '../src/core/types';
import type { ChangeEvent, WebhookEvent } from '../src/shim/events';
import type { ExportFile } from '../src/shim/export-format';
import type { ContactSeed } from '../src/core/seed';
import type { Fixture, ShimOptions } from '../src/shim/create-shim';
import type { ActivityDescriptor } from '../src/wix/activities';
import type { WixDataCursor } from '../src/wix/cursor';
import exportSchema from '../schemas/export-v1.schema.json';
import { validActivityInfo } from './fixtures/activity-examples';
import { createSimulation, type Simulation } from '../src/shim/configure';
import { failure, newShim, success } from './helpers';
import { schemaViolations } from './json-schema-check';

type TestShim = ReturnType<typeof newShim>;

// ---------------------------------------------------------------------------------------------
// Instances: every one is closed after its test (open BroadcastChannels would keep Node alive).

const opened: TestShim[] = [];
let dbCounter = 0;
/** A database name no other test file uses (Node's BroadcastChannel spans worker threads). */
const uniqueDb = () => `controls-${process.pid}-${Date.now().toString(36)}-${++dbCounter}`;

function shim(options: ShimOptions = {}): TestShim {
  const s = newShim({ dbName: uniqueDb(), ...options });
  opened.push(s);
  return s;
}
/** A second instance on the same factory and database as `first`. */
async function sibling(first: TestShim, options: ShimOptions = {}): Promise<TestShim> {
  const { dbName } = await first.status();
  return shim({ ...options, dbName, indexedDB: first.factory });
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close().catch(() => undefined)));
  vi.restoreAllMocks();
});

// ---------------------------------------------------------------------------------------------
// Callback adapters.

function infoOf(type: string): Record<string, unknown> {
  const info = validActivityInfo[type];
  if (!info) throw new Error(`test/fixtures/activity-examples.ts has no valid info for ${type}`);
  return structuredClone(info);
}
const DETAILS = { additionalInfoUrl: 'https://example.com/dashboard/1', summary: 'Did a thing' };
const descriptor = (type: string, extra: Partial<ActivityDescriptor> = {}): ActivityDescriptor =>
  ({ type, info: infoOf(type), details: DETAILS, ...extra }) as ActivityDescriptor;

const reconcile = (s: TestShim, info: object) =>
  success<ReconcileResult>((ok, fail) => s.Wix.Contacts.reconcileContact(info, ok, fail));
const reconcileFailure = (s: TestShim, info: object) =>
  failure<string>((ok, fail) => s.Wix.Contacts.reconcileContact(info, ok, fail));
const post = (s: TestShim, a: ActivityDescriptor) =>
  success<PostActivityResult>((ok, fail) => s.Wix.Activities.postActivity(a, ok, fail));
const contactById = (s: TestShim, id: string) => success<Contact>((ok, fail) => s.Wix.Contacts.getContactById(id, ok, fail));
const activityById = (s: TestShim, id: string) => success<Activity>((ok, fail) => s.Wix.Activities.getActivityById(id, ok, fail));
const contactsCursor = (s: TestShim, options: object = {}) =>
  success<WixDataCursor<Contact>>((ok, fail) => s.Wix.Contacts.getContacts(options, ok, fail));
const activitiesCursor = (s: TestShim, query: object = {}) =>
  success<WixDataCursor<Activity>>((ok, fail) => s.Wix.Activities.getActivities(ok, fail, query));
const counts = async (s: TestShim) => (await s.status()).counts;

/** The export without its timestamp: what must stay equal across a round trip or a refused import. */
async function snapshot(s: TestShim): Promise<Omit<ExportFile, 'exportedAt'>> {
  const { exportedAt: _when, ...rest } = await s.exportData();
  return rest;
}

/** Resolves with what a promise rejected with; fails if it resolves. */
async function rejection(p: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await p;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a rejection');
}

/** Polls until `check` holds (events crossing a BroadcastChannel arrive later). */
async function until(check: () => boolean, what: string, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Milliseconds from a call to its (first) callback. */
async function timed(start: (done: () => void) => void): Promise<number> {
  const t0 = performance.now();
  await new Promise<void>((resolve) => start(resolve));
  return performance.now() - t0;
}
/**
 * Node's timers may fire up to ~1 ms "early" as performance.now() measures them (libuv rounds
 * its clock to whole milliseconds), so a lower bound of N ms is checked as N - 1.
 */
const TIMER_SLACK = 1;

// ---------------------------------------------------------------------------------------------
// Fixtures.

/** A contact with every array kind, labels, a picture and the free-form arrays. */
const FULL_CONTACT: ContactSeed = {
  name: { prefix: 'Dr.', first: 'Dana', middle: 'Q', last: 'Levi', suffix: 'Jr.' },
  picture: 'https://static.example.com/dana.png',
  company: { role: 'CTO', name: 'Blue Kitchen' },
  emails: [
    { tag: 'work', email: 'dana@bluekitchen.example', emailStatus: 'recurring', deliveryStatus: 'valid' },
    { tag: 'home', email: 'dana.levi@mail.example', emailStatus: 'optOut', deliveryStatus: 'BOUNCE' },
  ],
  phones: [
    { tag: 'mobile', phone: '+1 (415) 555-0100', normalizedPhone: '+14155550100' },
    { tag: 'work', phone: '415 555 0199' },
  ],
  addresses: [
    { tag: 'home', address: '100 Market St', neighborhood: 'SoMa', city: 'San Francisco', region: 'CA', country: 'US', postalCode: '94105' },
    { tag: 'office', city: 'Oakland' },
  ],
  urls: [{ tag: 'site', url: 'https://dana.example' }],
  dates: [{ tag: 'birthday', date: '1990-05-17' }, { tag: 'anniversary', date: '2015-06-01T10:00:00Z' }],
  tags: ['vip', 'newsletter'],
  notes: [{ text: 'Met at the fair' }],
  custom: [{ key: 'shoeSize', value: 42 }],
  links: [{ href: 'https://crm.example/dana' }],
  // An offset spelling: the export must give it back exactly as stored.
  createdAt: '2014-08-19T08:20:45.484-05:00',
};

const FIXTURE: Fixture = {
  contacts: [
    { ...FULL_CONTACT, id: 'contact-dana' },
    { id: 'contact-eli', name: { first: 'Eli' }, emails: [{ tag: 'main', email: 'eli@example.com' }], tags: ['lead'], createdAt: '2020-01-02T03:04:05.000Z' },
  ],
  activities: [
    {
      id: 'activity-purchase', activityType: 'ecommerce/purchase', activityInfo: infoOf('e_commerce/purchase'),
      activityDetails: DETAILS, activityLocationUrl: 'https://shop.example/checkout', contactId: 'contact-dana', createdAt: '2021-01-01T00:00:00.000Z',
    },
    { id: 'activity-unlinked', activityType: 'social/comment', activityInfo: infoOf('social/comment'), createdAt: '2021-01-02T00:00:00.000Z' },
  ],
};

const checkExport = (value: unknown) => schemaViolations(value, exportSchema as Record<string, unknown>);

/** Builds a store with seeded, reconciled, merged and posted records of several kinds. */
async function richStore(s: TestShim): Promise<void> {
  await s.seed(FIXTURE);
  const created = await reconcile(s, { name: { first: 'Noa', last: 'Peretz' }, emails: [{ tag: 'main', email: 'noa@example.com' }], phones: [{ tag: 'cell', phone: '052-555-0101' }] });
  // Merge: more items on the same contact.
  await reconcile(s, { emails: [{ tag: 'main', email: 'NOA@example.com' }, { tag: 'alt', email: 'noa.p@example.com' }], urls: [{ tag: 'blog', url: 'https://noa.example' }] });
  await post(s, descriptor('music/album-fan', { contactUpdate: { emails: [{ tag: 'main', email: 'noa@example.com' }] } }));
  await post(s, descriptor('hotels/cancel'));
  await s.setLabels(created.contact.id, ['customer']);
}

// =============================================================================================

describe('seed, reset and clear', () => {
  it('reset restores the seed after posting, reconciling and deleting', async () => {
    const s = shim();
    await s.seed(FIXTURE);
    const seeded = await snapshot(s);
    expect(seeded.contacts.map((c) => c.id)).toEqual(['contact-dana', 'contact-eli']);
    expect(seeded.activities.map((a) => a.id)).toEqual(['activity-purchase', 'activity-unlinked']);

    await reconcile(s, { emails: [{ tag: 'x', email: 'new@example.com' }] });
    await reconcile(s, { emails: [{ tag: 'main', email: 'eli@example.com' }], phones: [{ tag: 'cell', phone: '+972 52 555 0000' }] });
    await post(s, descriptor('music/track-play', { contactUpdate: { emails: [{ tag: 'x', email: 'other@example.com' }] } }));
    await s.deleteContact('contact-dana');
    expect(await snapshot(s)).not.toEqual(seeded);

    await s.reset();
    expect(await snapshot(s)).toEqual(seeded);
    expect((await contactById(s, 'contact-dana')).emails).toHaveLength(2);
  });

  it('reset from a second instance on the same database restores the stored seed', async () => {
    const first = shim();
    await first.seed(FIXTURE);
    const seeded = await snapshot(first);
    await reconcile(first, { emails: [{ tag: 'x', email: 'more@example.com' }] });
    await first.deleteContact('contact-eli');

    const second = await sibling(first);
    expect(await counts(second)).toEqual({ contacts: 2, activities: 2 });
    await second.reset();
    expect(await snapshot(second)).toEqual(seeded);
    expect(await snapshot(first)).toEqual(seeded);
  });

  it('reset with no seed gives an empty store', async () => {
    const s = shim();
    await reconcile(s, { emails: [{ tag: 'x', email: 'a@example.com' }] });
    await post(s, descriptor('music/album-fan'));
    expect(await counts(s)).toEqual({ contacts: 1, activities: 1 });
    await s.reset();
    expect(await counts(s)).toEqual({ contacts: 0, activities: 0 });
    expect((await contactsCursor(s)).getData()).toEqual([]);
  });

  it('clear empties the store but keeps the seed for reset', async () => {
    const s = shim();
    await s.seed(FIXTURE);
    const seeded = await snapshot(s);
    await s.clear();
    expect(await counts(s)).toEqual({ contacts: 0, activities: 0 });
    expect((await failure<string>((ok, fail) => s.Wix.Contacts.getContactById('contact-dana', ok, fail)))).toBe('NOT_FOUND');
    await s.reset();
    expect(await snapshot(s)).toEqual(seeded);
  });

  it('an invalid seed is refused with every problem named, and stores nothing', async () => {
    const s = shim();
    await s.seed(FIXTURE);
    const before = await snapshot(s);
    const error = await rejection(s.seed({ contacts: [{ emails: [{ tag: 't', email: 'x'.repeat(251) }] }], activities: [{ activityType: 'no/such', activityInfo: {} }] }));
    expect(error.message).toContain('contacts[0].emails[0].email is longer than 250 characters');
    expect(error.message).toContain('activities[0].activityType "no/such" is not a known activity type');
    expect(await snapshot(s)).toEqual(before);
    await s.reset();
    expect(await snapshot(s)).toEqual(before);
  });
});

// =============================================================================================

describe('exportData and importData', () => {
  it('export → clear → import round-trips every record unchanged', async () => {
    const s = shim();
    await richStore(s);
    const exported = await s.exportData();

    // The data really covers what the round trip must preserve.
    const dana = exported.contacts.find((c) => c.id === 'contact-dana');
    expect(dana).toBeDefined();
    for (const key of ['emails', 'phones', 'addresses', 'urls', 'dates', 'tags', 'notes', 'custom', 'links'] as const) expect(dana![key].length).toBeGreaterThan(0);
    expect(dana!.picture).toBe(FULL_CONTACT.picture);
    expect(dana!.createdAt).toBe('2014-08-19T08:20:45.484-05:00');
    expect(exported.contacts.find((c) => c.tags.includes('customer'))).toBeDefined();
    expect(exported.activities.some((a) => a.contactId)).toBe(true);
    expect(exported.activities.some((a) => !a.contactId)).toBe(true);
    expect(new Set(exported.activities.map((a) => a.activityType)).size).toBeGreaterThanOrEqual(4);

    const text = JSON.stringify(exported);
    await s.clear();
    expect(await counts(s)).toEqual({ contacts: 0, activities: 0 });
    await s.importData(text);
    const { exportedAt: _a, ...again } = await s.exportData();
    const { exportedAt: _b, ...original } = exported;
    expect(again).toEqual(original);

    // And the imported records are queryable like any other.
    const linked = exported.activities.find((a) => a.contactId)!;
    expect((await activitiesCursor(s, { contactId: linked.contactId })).getData().map((a) => a.id)).toContain(linked.id);
    expect((await contactsCursor(s, { label: 'customer' })).getData()).toHaveLength(1);
  });

  it('imports the export object itself too, into another database', async () => {
    const a = shim();
    await richStore(a);
    const exported = await a.exportData();
    const b = shim();
    await b.importData(exported);
    expect(await snapshot(b)).toEqual(await snapshot(a));
  });

  it('the export validates against schemas/export-v1.schema.json', async () => {
    const s = shim();
    await richStore(s);
    const exported = await s.exportData();
    expect(checkExport(exported)).toEqual([]);
    expect(checkExport(JSON.parse(JSON.stringify(exported)))).toEqual([]);
    expect(exported.format).toBe('wix-hive-shim');
    expect(exported.version).toBe(1);
    expect(Number.isNaN(Date.parse(exported.exportedAt))).toBe(false);
  });

  it('the schema check catches broken files', async () => {
    const s = shim();
    await richStore(s);
    const exported = structuredClone(await s.exportData()) as unknown as Record<string, unknown> & { contacts: Array<Record<string, unknown>> };
    const broken = { ...exported, version: 2, contacts: [{ ...exported.contacts[0], name: { first: 'x'.repeat(101) }, emails: [{ id: 0, tag: 't' }] }] };
    delete (broken as Record<string, unknown>).activities;
    const problems = checkExport(broken);
    expect(problems).toEqual(expect.arrayContaining([
      '$.version: must be equal to constant',
      "$: must have required property 'activities'",
      '$.contacts[0].name.first: must NOT have more than 100 characters',
      '$.contacts[0].emails[0].id: must be >= 1',
      "$.contacts[0].emails[0]: must have required property 'email'",
    ]));
  });

  describe('a refused import changes nothing', () => {
    const cases: Array<[string, (file: ExportFile) => ExportFile | string, RegExp[]]> = [
      ['malformed JSON text', (f) => JSON.stringify(f).slice(0, -7), [/not JSON/]],
      ['a wrong format', (f) => ({ ...f, format: 'someone-else' as 'wix-hive-shim' }), [/format is "someone-else"/, /not "wix-hive-shim"/]],
      ['a newer version', (f) => ({ ...f, version: 2 as 1 }), [/version 2/, /newer than this shim reads \(1\)/]],
      ['a record breaking a limit', (f) => ({
        ...f,
        contacts: f.contacts.map((c, i) => (i === 1 ? { ...c, emails: [{ id: 1, tag: 'main', email: `${'x'.repeat(250)}@example.com` }] } : c)),
      }), [/contacts\[1\]\.emails\[0\]\.email is longer than 250 characters/]],
      ['an activity naming a missing contact', (f) => ({
        ...f,
        activities: f.activities.map((a, i) => (i === 0 ? { ...a, contactId: 'contact-nobody' } : a)),
      }), [/activities\[0\]\.contactId "contact-nobody" names no contact/]],
    ];
    for (const [name, corrupt, messages] of cases) {
      it(`${name}`, async () => {
        const s = shim();
        await richStore(s);
        const before = await snapshot(s);
        const file = corrupt(await s.exportData());
        const error = await rejection(s.importData(file));
        expect(error.message).toMatch(/^Failed to import: /);
        for (const m of messages) expect(error.message).toMatch(m);
        expect(await snapshot(s)).toEqual(before);
        expect(s.log().at(-1)?.message).toBe(error.message);
      });
    }
  });
});

// =============================================================================================

describe('configure: latency', () => {
  // Elapsed time is asserted only from below: a timer never fires early, but a loaded machine can
  // make anything late. How long each delay is meant to be is read from the timer it sets.
  const quickCall = (s: TestShim) => (done: () => void) => s.Wix.Contacts.getContactById('missing', done, done);

  /** The delays `delay()` asks for, one call per `Math.random()` value given. */
  function delaysAskedFor(latency: Parameters<Simulation['configure']>[0]['latency'], randoms: number[]): Array<number | undefined> {
    const sim = createSimulation();
    sim.configure({ latency });
    const asked: Array<number | undefined> = [];
    const timer = vi.spyOn(globalThis, 'setTimeout');
    const random = vi.spyOn(Math, 'random');
    try {
      for (const r of randoms) {
        random.mockReturnValueOnce(r);
        timer.mockClear();
        void sim.delay();
        asked.push(timer.mock.calls.length ? (timer.mock.calls[0]![1] as number) : undefined);
      }
    } finally {
      timer.mockRestore();
      random.mockRestore();
    }
    return asked;
  }

  it('latency: 50 delays callbacks by at least 50 ms, and 0 sets no timer at all', async () => {
    const s = shim();
    await s.status(); // opened, so the measurement is the latency, not the first open
    s.configure({ latency: 50 });
    for (const start of [quickCall(s), (d: () => void) => s.Wix.Contacts.reconcileContact({ emails: [{ tag: 't', email: 'l@example.com' }] }, d, d)]) {
      expect(await timed(start)).toBeGreaterThanOrEqual(50 - TIMER_SLACK);
    }
    expect(delaysAskedFor(50, [0, 0.5, 0.999])).toEqual([50, 50, 50]);
    expect(delaysAskedFor(0, [0.5])).toEqual([undefined]);
  });

  it('a [20, 40] range keeps every delay within it', async () => {
    const s = shim();
    await s.status();
    s.configure({ latency: [20, 40] });
    for (let i = 0; i < 4; i++) expect(await timed(quickCall(s))).toBeGreaterThanOrEqual(20 - TIMER_SLACK);
    const asked = delaysAskedFor([20, 40], [0, 0.25, 0.999999]);
    expect(asked[0]).toBe(20);
    expect(asked[1]).toBe(25);
    expect(asked[2]).toBeLessThan(40);
    expect(asked[2]).toBeGreaterThan(39.99);
  });

  it("'real' delays by 100–400 ms", async () => {
    const s = shim();
    await s.status();
    s.configure({ latency: 'real' });
    const times = await Promise.all(Array.from({ length: 3 }, () => timed(quickCall(s))));
    for (const ms of times) expect(ms).toBeGreaterThanOrEqual(100 - TIMER_SLACK);
    const asked = delaysAskedFor('real', [0, 0.5, 0.999999]);
    expect(asked.slice(0, 2)).toEqual([100, 250]);
    expect(asked[2]).toBeLessThan(400);
    expect(asked[2]).toBeGreaterThan(399.99);
  });

  it('an invalid latency throws a clear error and changes nothing', async () => {
    const s = shim();
    await s.status();
    s.configure({ latency: 60 });
    for (const latency of [-1, Number.NaN, Infinity, [40, 20], [10], [10, 20, 30], [-5, 5], 'fast', '50', null, {}] as unknown[]) {
      expect(() => s.configure({ latency: latency as 50, faults: { getContactById: 'WIX_ERROR' } })).toThrow(/Failed to configure: latency .* is invalid/);
    }
    // Neither the latency nor the fault sent beside it took effect.
    const seeded = await reconcile(s, { emails: [{ tag: 't', email: 'still@example.com' }] });
    const t0 = performance.now();
    expect((await contactById(s, seeded.contact.id)).id).toBe(seeded.contact.id);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(60 - TIMER_SLACK);
  });
});

describe('configure: faults', () => {
  it('reconcileContact: WIX_ERROR fails every call and stores nothing', async () => {
    const s = shim();
    s.configure({ faults: { reconcileContact: 'WIX_ERROR' } });
    for (let i = 0; i < 3; i++) expect(await reconcileFailure(s, { emails: [{ tag: 't', email: `f${i}@example.com` }] })).toBe('WIX_ERROR');
    expect(await counts(s)).toEqual({ contacts: 0, activities: 0 });
    expect(s.log().some((e) => /Injected fault: reconcileContact fails with WIX_ERROR/.test(e.message))).toBe(true);
  });

  it('a once fault fails one call, then the method works', async () => {
    const s = shim();
    const { contact } = await reconcile(s, { emails: [{ tag: 't', email: 'once@example.com' }] });
    s.configure({ faults: { getContactById: { error: 'NOT_FOUND', once: true } } });
    expect(await failure((ok, fail) => s.Wix.Contacts.getContactById(contact.id, ok, fail))).toBe('NOT_FOUND');
    expect((await contactById(s, contact.id)).id).toBe(contact.id);
    expect((await contactById(s, contact.id)).id).toBe(contact.id);
  });

  it('postActivity: WIX_ERROR gives the failure object with errorCode 500 and stores nothing', async () => {
    const s = shim();
    s.configure({ faults: { postActivity: 'WIX_ERROR' } });
    const body = await failure<HttpErrorBody>((ok, fail) => s.Wix.Activities.postActivity(descriptor('music/album-fan'), ok, fail));
    expect(body).toMatchObject({ errorCode: 500 });
    expect(body.message).toMatch(/postActivity fails with WIX_ERROR/);
    expect(typeof body.wixErrorCode).toBe('number');
    expect(await counts(s)).toEqual({ contacts: 0, activities: 0 });
  });

  it('a fault on getContacts also fails cursor.next; null removes it', async () => {
    const s = shim();
    for (let i = 0; i < 3; i++) await reconcile(s, { emails: [{ tag: 't', email: `page${i}@example.com` }] });
    const cursor = await contactsCursor(s, { pageSize: 1 });
    expect(cursor.hasNext()).toBe(true);
    s.configure({ faults: { getContacts: 'FORBIDDEN' } });
    expect(await failure((ok, fail) => cursor.next(ok, fail))).toBe('FORBIDDEN');
    expect(await failure((ok, fail) => s.Wix.Contacts.getContacts({}, ok, fail))).toBe('FORBIDDEN');
    s.configure({ faults: { getContacts: null } });
    const page = await success<Contact[]>((ok, fail) => cursor.next(ok, fail));
    expect(page).toHaveLength(1);
    expect((await contactsCursor(s)).getTotal()).toBe(3);
  });

  it('faults on the activity reads and null removal', async () => {
    const s = shim();
    const { activityId } = await post(s, descriptor('music/album-fan'));
    s.configure({ faults: { getActivityById: 'WIX_ERROR', getActivities: { error: 'BAD_REQUEST' } } });
    expect(await failure((ok, fail) => s.Wix.Activities.getActivityById(activityId, ok, fail))).toBe('WIX_ERROR');
    expect(await failure((ok, fail) => s.Wix.Activities.getActivities(ok, fail, {}))).toBe('BAD_REQUEST');
    expect(await failure((ok, fail) => s.Wix.Activities.getActivities(ok, fail, {}))).toBe('BAD_REQUEST');
    s.configure({ faults: { getActivityById: null, getActivities: null } });
    expect((await activityById(s, activityId)).id).toBe(activityId);
    expect((await activitiesCursor(s)).getData()).toHaveLength(1);
  });

  it('an unknown method or code throws and changes nothing', async () => {
    const s = shim();
    expect(() => s.configure({ faults: { reconcileContact: 'WIX_ERROR', deleteContact: 'WIX_ERROR' } as never })).toThrow(/no method 'deleteContact' takes faults/);
    expect(() => s.configure({ faults: { reconcileContact: 'OOPS' as 'WIX_ERROR' } })).toThrow(/fault 'OOPS' is not a Wix.Error/);
    expect(() => s.configure({ faults: { reconcileContact: { error: 'ACTIVITY_NOT_FOUND' as 'WIX_ERROR' } } })).toThrow(/not a Wix.Error/);
    // The valid entry beside the bad one was not applied.
    expect((await reconcile(s, { emails: [{ tag: 't', email: 'ok@example.com' }] })).isNew).toBe(true);
  });
});

// =============================================================================================

describe('deleteContact', () => {
  it('removes the contact and leaves its activities, unlinked', async () => {
    const s = shim();
    const { activityId, contactId } = await post(s, descriptor('music/album-fan', { contactUpdate: { emails: [{ tag: 'main', email: 'gone@example.com' }] } }));
    expect(contactId).toBeTruthy();
    expect((await activitiesCursor(s, { contactId })).getData().map((a) => a.id)).toEqual([activityId]);

    await s.deleteContact(contactId!);
    expect(await failure((ok, fail) => s.Wix.Contacts.getContactById(contactId!, ok, fail))).toBe('NOT_FOUND');
    expect((await activitiesCursor(s, { contactId })).getData()).toEqual([]);
    expect((await activityById(s, activityId)).id).toBe(activityId);
    expect(await counts(s)).toEqual({ contacts: 0, activities: 1 });
    const exported = await s.exportData();
    expect(exported.activities[0]!.contactId).toBeUndefined();
  });

  it("the session's next contact does not claim a deleted contact's activities; later anonymous ones it does", async () => {
    const s = shim();
    const gone = await post(s, descriptor('music/album-fan', { contactUpdate: { emails: [{ tag: 'main', email: 'gone@example.com' }] } }));
    await s.deleteContact(gone.contactId!);
    const anonymous = await post(s, descriptor('music/album-fan'));
    const next = await post(s, descriptor('music/album-fan', { contactUpdate: { emails: [{ tag: 'main', email: 'next@example.com' }] } }));
    expect(next.contactId).toBeTruthy();
    const linked = (await activitiesCursor(s, { contactId: next.contactId })).getData().map((a) => a.id);
    expect(linked.sort()).toEqual([anonymous.activityId, next.activityId].sort());
    const exported = await s.exportData();
    expect(exported.activities.find((a) => a.id === gone.activityId)!.contactId).toBeUndefined();
  });

  it('rejects an unknown id with NOT_FOUND and a non-string id with BAD_REQUEST', async () => {
    const s = shim();
    await s.seed(FIXTURE);
    const before = await snapshot(s);
    const missing = await rejection(s.deleteContact('no-such-contact'));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('no contact has id [no-such-contact]');
    const bad = await rejection(s.deleteContact(42 as unknown as string));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toMatch(/id must be a string/);
    expect(await snapshot(s)).toEqual(before);
  });
});

describe('setLabels', () => {
  it('replaces the tags, and getContacts({label}) finds the contact by them', async () => {
    const s = shim();
    await s.seed(FIXTURE);
    const updated = await s.setLabels('contact-eli', ['vip', 'beta', 'vip']);
    expect(updated.tags).toEqual(['vip', 'beta']);
    expect((await contactById(s, 'contact-eli')).tags).toEqual(['vip', 'beta']);
    const vip = (await contactsCursor(s, { label: 'vip' })).getData().map((c) => c.id);
    expect(vip.sort()).toEqual(['contact-dana', 'contact-eli']);
    expect((await contactsCursor(s, { label: 'beta' })).getData().map((c) => c.id)).toEqual(['contact-eli']);
    expect((await contactsCursor(s, { label: 'lead' })).getData()).toEqual([]);
    await s.setLabels('contact-eli', []);
    expect((await contactsCursor(s, { label: 'beta' })).getData()).toEqual([]);
  });

  it('rejects invalid labels and unknown ids, changing nothing', async () => {
    const s = shim();
    await s.seed(FIXTURE);
    const before = await snapshot(s);
    for (const labels of ['vip', [''], ['x'.repeat(101)], [1], null] as unknown[]) {
      const error = await rejection(s.setLabels('contact-eli', labels as string[]));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toMatch(/pass an array of non-empty strings of at most 100 characters/);
    }
    const missing = await rejection(s.setLabels('nobody', ['a']));
    expect(missing.code).toBe('NOT_FOUND');
    expect(await snapshot(s)).toEqual(before);
  });
});

// =============================================================================================

describe("on('change') and on('webhook')", () => {
  it('delivers created, updated (with previous), activity created and deleted events', async () => {
    const s = shim();
    const changes: ChangeEvent[] = [];
    s.on('change', (e) => changes.push(e));

    const created = await reconcile(s, { emails: [{ tag: 'main', email: 'ev@example.com' }] });
    expect(changes).toEqual([{ event: 'created', entity: 'contact', id: created.contact.id }]);

    changes.length = 0;
    const merged = await reconcile(s, { emails: [{ tag: 'main', email: 'ev@example.com' }], phones: [{ tag: 'cell', phone: '555-0102' }] });
    expect(merged.isNew).toBe(false);
    expect(changes).toEqual([{ event: 'updated', entity: 'contact', id: created.contact.id, previous: created.contact }]);

    changes.length = 0;
    const { activityId } = await post(s, descriptor('music/album-fan'));
    expect(changes).toEqual([{ event: 'created', entity: 'activity', id: activityId }]);

    changes.length = 0;
    await s.deleteContact(created.contact.id);
    expect(changes).toEqual([{ event: 'deleted', entity: 'contact', id: created.contact.id, previous: merged.contact }]);
  });

  it("delivers {event: 'replaced', entity: 'all'} after seed, reset, clear and importData", async () => {
    const s = shim();
    const changes: ChangeEvent[] = [];
    s.on('change', (e) => changes.push(e));
    const replaced = { event: 'replaced', entity: 'all' };

    await s.seed(FIXTURE);
    expect(changes).toEqual([replaced]);
    await reconcile(s, { emails: [{ tag: 't', email: 'x@example.com' }] });
    changes.length = 0;
    await s.reset();
    expect(changes).toEqual([replaced]);
    const exported = await s.exportData();
    changes.length = 0;
    await s.clear();
    expect(changes).toEqual([replaced]);
    changes.length = 0;
    await s.importData(exported);
    expect(changes).toEqual([replaced]);
  });

  it('the unsubscribe function stops delivery', async () => {
    const s = shim();
    const seen: ChangeEvent[] = [];
    const hooks: WebhookEvent[] = [];
    const off = s.on('change', (e) => seen.push(e));
    const offHook = s.on('webhook', (e) => hooks.push(e));
    await reconcile(s, { emails: [{ tag: 't', email: 'u1@example.com' }] });
    expect(seen).toHaveLength(1);
    expect(hooks).toHaveLength(1);
    off();
    offHook();
    await reconcile(s, { emails: [{ tag: 't', email: 'u2@example.com' }] });
    await post(s, descriptor('music/album-fan'));
    expect(seen).toHaveLength(1);
    expect(hooks).toHaveLength(1);
  });

  it('a throwing listener breaks neither the write nor the other listeners', async () => {
    const s = shim();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: ChangeEvent[] = [];
    s.on('change', () => { throw new Error('listener bug'); });
    s.on('change', (e) => seen.push(e));
    const result = await reconcile(s, { emails: [{ tag: 't', email: 'boom@example.com' }] });
    expect(result.isNew).toBe(true);
    expect(seen).toEqual([{ event: 'created', entity: 'contact', id: result.contact.id }]);
    expect((await contactById(s, result.contact.id)).id).toBe(result.contact.id);
    expect(await counts(s)).toEqual({ contacts: 1, activities: 0 });
    expect(s.log().some((e) => e.message.includes('listener bug'))).toBe(true);
    expect(error).toHaveBeenCalled();
    // Later writes keep working.
    await s.setLabels(result.contact.id, ['after']);
    expect(seen).toHaveLength(2);
  });

  it('rejects an unknown event name or a non-function listener', () => {
    const s = shim();
    expect(() => s.on('changes' as 'change', () => undefined)).toThrow(/unknown event 'changes'/);
    expect(() => s.on('change', 'nope' as unknown as () => void)).toThrow(/listener must be a function/);
  });

  it('delivers the WixHive webhooks', async () => {
    const s = shim();
    const hooks: WebhookEvent[] = [];
    s.on('webhook', (e) => hooks.push(e));
    const created = await reconcile(s, { emails: [{ tag: 'main', email: 'hook@example.com' }] });
    const id = created.contact.id;
    await reconcile(s, { emails: [{ tag: 'main', email: 'hook@example.com' }], urls: [{ tag: 'u', url: 'https://hook.example' }] });
    const linked = await post(s, descriptor('e_commerce/purchase', { contactUpdate: { emails: [{ tag: 'main', email: 'hook@example.com' }] } }));
    await s.deleteContact(id);
    const unlinked = await post(s, descriptor('social/comment'));
    // Deleting reset the session, so this one stays unlinked.
    expect(unlinked.contactId).toBeNull();

    // The contactUpdate matched the contact and brought nothing new: no update, no webhook.
    // Deleting unlinks the activity (a change event) but sends no activity webhook.
    expect(hooks).toEqual([
      { eventType: '/contacts/created', body: { contactId: id } },
      { eventType: '/contacts/updated', body: { contactId: id } },
      { eventType: '/activities/posted', body: { activityId: linked.activityId, activityType: 'e_commerce/purchase', contactId: id } },
      { eventType: '/contacts/deleted', body: { contactId: id } },
      { eventType: '/activities/posted', body: { activityId: unlinked.activityId, activityType: 'social/comment' } },
    ]);
  });

  it('a burst of writes reaches the other instance complete and in order, and close() sends what is pending', async () => {
    const a = shim({ session: 'session-a' });
    const b = await sibling(a, { session: 'session-b' });
    const seenA: string[] = [];
    const seenB: string[] = [];
    a.on('change', (e) => seenA.push('id' in e ? e.id : e.event));
    b.on('change', (e) => seenB.push('id' in e ? e.id : e.event));
    const posted = await Promise.all(Array.from({ length: 20 }, () => post(a, descriptor('music/album-fan'))));
    expect(seenA).toHaveLength(20); // this instance's listeners are called at once
    await until(() => seenB.length === 20, 'b to hear all 20 posts');
    expect(seenB).toEqual(seenA);
    expect(new Set(seenB)).toEqual(new Set(posted.map((p) => p.activityId)));
    // A write, then close() at once (a tab that writes and goes away): the other instance hears it.
    const last = await post(a, descriptor('music/album-fan'));
    await a.close();
    await until(() => seenB.length === 21, 'b to hear the write made just before close()');
    expect(seenB.at(-1)).toBe(last.activityId);
  });

  it('two instances on one database receive each other’s changes through BroadcastChannel', async () => {
    expect(typeof BroadcastChannel).toBe('function');
    const a = shim({ session: 'session-a' });
    const b = await sibling(a, { session: 'session-b' });
    const seenA: ChangeEvent[] = [];
    const seenB: ChangeEvent[] = [];
    const hooksB: WebhookEvent[] = [];
    a.on('change', (e) => seenA.push(e));
    b.on('change', (e) => seenB.push(e));
    b.on('webhook', (e) => hooksB.push(e));

    const fromA = await reconcile(a, { emails: [{ tag: 't', email: 'cross@example.com' }] });
    await until(() => seenB.length > 0, 'b to hear about a’s contact');
    expect(seenB).toEqual([{ event: 'created', entity: 'contact', id: fromA.contact.id }]);
    await until(() => hooksB.length > 0, 'b to get the webhook');
    expect(hooksB).toEqual([{ eventType: '/contacts/created', body: { contactId: fromA.contact.id } }]);

    const fromB = await post(b, descriptor('music/album-fan'));
    await until(() => seenA.length > 1, 'a to hear about b’s activity');
    expect(seenA).toEqual([
      { event: 'created', entity: 'contact', id: fromA.contact.id },
      { event: 'created', entity: 'activity', id: fromB.activityId },
    ]);

    await b.clear();
    await until(() => seenA.length > 2, 'a to hear about the clear');
    expect(seenA[2]).toEqual({ event: 'replaced', entity: 'all' });
    // Each instance heard its own writes exactly once (never echoed back by the channel).
    await new Promise((r) => setTimeout(r, 50));
    expect(seenA).toHaveLength(3);
    expect(seenB.filter((e) => e.event === 'created' && e.entity === 'activity')).toHaveLength(1);

    // Different database names never hear each other.
    const other = shim();
    const seenOther: ChangeEvent[] = [];
    other.on('change', (e) => seenOther.push(e));
    await reconcile(a, { emails: [{ tag: 't', email: 'private@example.com' }] });
    await new Promise((r) => setTimeout(r, 50));
    expect(seenOther).toEqual([]);
  });
});

// =============================================================================================

describe('Wix.Utils and status()', () => {
  it('Wix.Utils returns the createShim options', () => {
    const s = shim({ viewMode: 'editor', instanceId: 'inst-42', compId: 'comp-7', locale: 'fr', deviceType: 'mobile' });
    const u = s.Wix.Utils;
    expect([u.getViewMode(), u.getInstanceId(), u.getCompId(), u.getLocale(), u.getDeviceType()]).toEqual(['editor', 'inst-42', 'comp-7', 'fr', 'mobile']);
  });

  it('Wix.Utils has defaults', async () => {
    const s = shim();
    const { dbName } = await s.status();
    const u = s.Wix.Utils;
    expect(u.getViewMode()).toBe('site');
    expect(u.getInstanceId()).toBe(`wix-hive-shim-instance-${dbName}`);
    expect(u.getCompId()).toBe('comp-wix-hive-shim');
    expect(u.getLocale()).toBe((navigator.language || 'en').split('-')[0]);
    expect(u.getLocale()).toMatch(/^[a-z]{2,3}$/);
    expect(u.getDeviceType()).toBe('desktop');
  });

  it('status() reports driver, persistence, database, counts and session', async () => {
    const s = shim({ dbName: 'controls-status-db', session: 'session-xyz' });
    expect(await s.status()).toEqual({
      driver: 'indexeddb', persisted: true, dbName: 'controls-status-db', counts: { contacts: 0, activities: 0 }, session: 'session-xyz',
    });
    await s.seed(FIXTURE);
    await post(s, descriptor('music/album-fan'));
    expect((await s.status()).counts).toEqual({ contacts: 2, activities: 3 });
  });

  it('status() reports the memory fallback and why', async () => {
    const s = shim({ indexedDB: null });
    const status = await s.status();
    expect(status).toMatchObject({ driver: 'memory', persisted: false, counts: { contacts: 0, activities: 0 } });
    expect(status.fallbackReason).toMatch(/memory storage was requested/);
    expect(typeof status.session).toBe('string');
    await reconcile(s, { emails: [{ tag: 't', email: 'm@example.com' }] });
    expect((await s.status()).counts.contacts).toBe(1);
  });
});
