/**
 * Issue 2, storage (SPEC §1 createShim options, §3): persistence per dbName, isolation, the memory
 * fallback, driver equivalence, and seed validation.
 */
import { describe, it, expect, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import type { Contact, ReconcileResult } from '../src/core/types';
import type { Fixture, Shim } from '../src/shim/create-shim';
import type { WixDataCursor } from '../src/wix/cursor';
import { newShim, success, failure } from './helpers';

type Cursor = WixDataCursor<Contact>;

const reconcile = (shim: Shim, info: object) =>
  success<ReconcileResult>((ok, fail) => shim.Wix.Contacts.reconcileContact(info, ok, fail));
const getContacts = (shim: Shim, options: object) =>
  success<Cursor>((ok, fail) => shim.Wix.Contacts.getContacts(options, ok, fail));
const next = (cursor: Cursor) => success<Contact[]>((ok, fail) => cursor.next(ok, fail));
const previous = (cursor: Cursor) => success<Contact[]>((ok, fail) => cursor.previous(ok, fail));
const byId = (shim: Shim, id: string) => success<Contact>((ok, fail) => shim.Wix.Contacts.getContactById(id, ok, fail));
const email = (address: string) => ({ emails: [{ tag: 'main', email: address }] });

/** Every page of a query, forward, then backward from the last page, with the cursor state. */
async function walk(shim: Shim, options: object) {
  const cursor = await getContacts(shim, options);
  const state = () => ({ data: cursor.getData(), next: cursor.hasNext(), previous: cursor.hasPrevious() });
  const steps = [{ total: cursor.getTotal(), pageSize: cursor.getPageSize(), ...state() }];
  while (cursor.hasNext()) { await next(cursor); steps.push({ total: cursor.getTotal(), pageSize: cursor.getPageSize(), ...state() }); }
  while (cursor.hasPrevious()) { await previous(cursor); steps.push({ total: cursor.getTotal(), pageSize: cursor.getPageSize(), ...state() }); }
  return steps;
}

/** A factory whose `open` throws, as a sandboxed iframe or a strict private mode does. */
function refusingFactory(): IDBFactory {
  return {
    open() { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); },
    deleteDatabase() { throw new DOMException('denied', 'SecurityError'); },
    cmp: () => 0,
    databases: async () => [],
  } as unknown as IDBFactory;
}


describe('persistence and isolation', () => {
  it('a second instance on the same factory and dbName sees the first one\'s contacts after it closes', async () => {
    const factory = new IDBFactory();
    const first = newShim({ indexedDB: factory, dbName: 'shared' });
    const a = await reconcile(first, { ...email('ann@example.com'), name: { first: 'Ann' } });
    const b = await reconcile(first, email('bob@example.com'));
    await first.close();

    const second = newShim({ indexedDB: factory, dbName: 'shared' });
    const status = await second.status();
    expect(status.driver).toBe('indexeddb');
    expect(status.persisted).toBe(true);
    expect(status.counts.contacts).toBe(2);
    expect(await byId(second, a.contact.id)).toEqual(a.contact);
    const cursor = await getContacts(second, {});
    expect(cursor.getData().map((c) => c.id)).toEqual([b.contact.id, a.contact.id]);
    // And matching works against the stored indexes.
    const again = await reconcile(second, email(' ANN@example.com'));
    expect(again.isNew).toBe(false);
    expect(again.contact.id).toBe(a.contact.id);
    await second.close();
  });

  it('a closed instance fails its calls instead of hanging', async () => {
    const shim = newShim();
    await reconcile(shim, email('x@example.com'));
    await shim.close();
    const o = await failure((ok, fail) => shim.Wix.Contacts.getContacts({}, ok, fail));
    expect(o).toBe('WIX_ERROR');
  });

  it('different dbNames on one factory never share data', async () => {
    const factory = new IDBFactory();
    const one = newShim({ indexedDB: factory, dbName: 'one' });
    const two = newShim({ indexedDB: factory, dbName: 'two' });
    const a = await reconcile(one, email('same@example.com'));
    const b = await reconcile(two, email('same@example.com'));
    expect(b.isNew).toBe(true);
    expect(b.contact.id).not.toBe(a.contact.id);
    await reconcile(two, email('only-two@example.com'));
    expect((await one.status()).counts.contacts).toBe(1);
    expect((await two.status()).counts.contacts).toBe(2);
    expect(await failure((ok, fail) => two.Wix.Contacts.getContactById(a.contact.id, ok, fail))).toBe('NOT_FOUND');
    expect((await getContacts(one, {})).getData().map((c) => c.id)).toEqual([a.contact.id]);
    await one.close();
    await two.close();
  });

  it('different factories with the same dbName never share data', async () => {
    const one = newShim({ indexedDB: new IDBFactory(), dbName: 'same' });
    const two = newShim({ indexedDB: new IDBFactory(), dbName: 'same' });
    await reconcile(one, email('a@example.com'));
    expect((await two.status()).counts.contacts).toBe(0);
  });
});

describe('memory fallback', () => {
  const fallbacks: Array<[string, (now?: () => number) => Shim]> = [
    ['indexedDB: null', (now) => newShim({ indexedDB: null, ...(now ? { now } : {}) })],
    ['a factory whose open throws', (now) => newShim({ indexedDB: refusingFactory(), ...(now ? { now } : {}) })],
  ];

  for (const [name, make] of fallbacks) {
    it(`${name}: status reports memory with a reason`, async () => {
      const shim = make();
      const status = await shim.status();
      expect(status.driver).toBe('memory');
      expect(status.persisted).toBe(false);
      expect(typeof status.fallbackReason).toBe('string');
      expect(status.fallbackReason?.length).toBeGreaterThan(10);
    });

    it(`${name}: reconcile and paging work`, async () => {
      let t = Date.UTC(2024, 0, 1);
      const shim = make(() => t);
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) {
        ids.push((await reconcile(shim, email(`m${i}@example.com`))).contact.id);
        t += 1000;
      }
      const merged = await reconcile(shim, { ...email('M0@example.com'), phones: [{ tag: 'm', phone: '+14155550100' }] });
      expect(merged.isNew).toBe(false);
      expect(merged.contact.id).toBe(ids[0]);
      expect(merged.contact.phones).toEqual([{ id: 1, tag: 'm', phone: '+14155550100' }]);

      const cursor = await getContacts(shim, {});
      expect(cursor.getTotal()).toBe(30);
      expect(cursor.getData().map((c) => c.id)).toEqual([...ids].reverse().slice(0, 25));
      expect((await next(cursor)).map((c) => c.id)).toEqual([...ids].reverse().slice(25));
      expect(cursor.hasNext()).toBe(false);
      expect((await previous(cursor)).map((c) => c.id)).toEqual([...ids].reverse().slice(0, 25));
      expect((await shim.status()).counts.contacts).toBe(30);
    });
  }

  it('an IndexedDB that refuses to open is announced once, as a console warning, and in the log', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const shim = newShim({ indexedDB: refusingFactory(), quiet: false });
      await reconcile(shim, email('a@example.com'));
      await reconcile(shim, email('b@example.com'));
      await shim.status();
      const announced = warn.mock.calls.map((c) => String(c[0])).filter((m) => /memory/i.test(m));
      expect(announced).toHaveLength(1);
      expect(announced[0]).toMatch(/will not survive a reload/);
      expect(announced[0]?.startsWith('[wix-hive-shim]')).toBe(true);
      expect(shim.log().filter((e) => /memory/i.test(e.message))).toHaveLength(1);
    } finally {
      info.mockRestore();
      warn.mockRestore();
    }
  });

  it('memory instances never share data with each other', async () => {
    const one = newShim({ indexedDB: null, dbName: 'mem' });
    const two = newShim({ indexedDB: null, dbName: 'mem' });
    await reconcile(one, email('a@example.com'));
    expect((await two.status()).counts.contacts).toBe(0);
  });
});

describe('memory and IndexedDB drivers agree', () => {
  /** 23 contacts, createdAt in groups of three equal instants (ties broken by id), with labels. */
  function fixture(): Fixture {
    return {
      contacts: Array.from({ length: 23 }, (_, i) => ({
        // Ids deliberately not in creation order, so the tie-break by id is visible.
        id: `c-${String((i * 7) % 23).padStart(2, '0')}`,
        createdAt: new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 3) * 60_000).toISOString(),
        name: { first: `N${i}` },
        emails: [{ tag: 'main', email: `e${i}@example.com` }],
        tags: [...(i % 2 === 0 ? ['even'] : []), ...(i % 3 === 0 ? ['three'] : []), ...(i === 22 ? ['solo'] : [])],
      })),
    };
  }
  const queries: object[] = [
    {},
    { pageSize: 4 },
    { pageSize: 1 },
    { label: 'even', pageSize: 3 },
    { label: 'three', pageSize: 2 },
    { label: ['even', 'three'], pageSize: 5 },
    { label: ['three', 'even', 'solo'], pageSize: 4 },
    { label: 'solo' },
    { label: 'none' },
  ];

  for (const query of queries) {
    it(`the same pages for ${JSON.stringify(query)}`, async () => {
      const idb = newShim();
      const mem = newShim({ indexedDB: null });
      await idb.seed(fixture());
      await mem.seed(fixture());
      expect((await idb.status()).driver).toBe('indexeddb');
      expect((await mem.status()).driver).toBe('memory');
      const a = await walk(idb, query);
      const b = await walk(mem, query);
      expect(b).toEqual(a);
      // Not trivially equal: the walk saw the data, newest first, ties by id descending.
      const first = a[0]!;
      const matching = fixture().contacts!.filter((c) => {
        const labels = (query as { label?: string | string[] }).label;
        if (labels === undefined) return true;
        return [labels].flat().some((l) => c.tags?.includes(l));
      });
      expect(first.total).toBe(matching.length);
      const expectedOrder = [...matching]
        .sort((x, y) => (y.createdAt! < x.createdAt! ? -1 : y.createdAt! > x.createdAt! ? 1 : y.id! < x.id! ? -1 : 1))
        .map((c) => c.id);
      const forward = a.slice(0, Math.max(1, Math.ceil(matching.length / first.pageSize))).flatMap((s) => s.data.map((c) => c.id));
      expect(forward).toEqual(expectedOrder);
    });
  }

  /** Runs `fn` with no IndexedDB globals, as in plain Node with only an injected factory. */
  async function withoutIdbGlobals<T>(fn: () => Promise<T>): Promise<T> {
    for (const name of ['indexedDB', 'IDBKeyRange', 'IDBRequest', 'IDBOpenDBRequest', 'IDBTransaction', 'IDBDatabase', 'IDBObjectStore', 'IDBIndex', 'IDBCursor', 'IDBCursorWithValue']) {
      vi.stubGlobal(name, undefined);
    }
    try {
      return await fn();
    } finally {
      vi.unstubAllGlobals();
    }
  }

  it("an injected factory without IndexedDB globals: one warning naming 'fake-indexeddb/auto', then memory that works", async () => {
    // idb recognises requests by the global classes (`instanceof IDBRequest`), so a factory alone
    // cannot work: the instance must say what to import, not fail every call.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await withoutIdbGlobals(async () => {
        const shim = newShim({ indexedDB: new IDBFactory(), quiet: false });
        await shim.seed(fixture());
        const status = await shim.status();
        expect(status.driver).toBe('memory');
        expect(status.fallbackReason).toContain("import 'fake-indexeddb/auto'");
        const a = await reconcile(shim, { ...email(' E4@example.COM'), phones: [{ tag: 'p', phone: '+1 (415) 555-0100' }] });
        expect(a.isNew).toBe(false);
        expect((await getContacts(shim, { label: 'even' })).getTotal()).toBe(fixture().contacts!.filter((c) => c.tags?.includes('even')).length);
        await shim.close();
      });
      const lines = warn.mock.calls.map((c) => c.map(String).join(' '));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^\[wix-hive-shim\] Using in-memory storage: .*IndexedDB globals.*import 'fake-indexeddb\/auto'.*Data will not survive a reload\.$/);
      expect(lines[0]).not.toContain('\n');
    } finally {
      warn.mockRestore();
    }
  });

  it('the same reconcile results on both drivers', async () => {
    const run = async (shim: Shim) => {
      await shim.seed(fixture());
      const out = [];
      out.push(await reconcile(shim, { ...email(' E3@EXAMPLE.com '), name: { first: 'Other' }, phones: [{ tag: 'p', phone: '+1 415 555 0100' }] }));
      out.push(await reconcile(shim, { phones: [{ tag: 'p', phone: '+14155550100' }], emails: [{ tag: 'x', email: 'e6@example.com' }] }));
      out.push(await reconcile(shim, email('fresh@example.com')));
      return out.map((r) => ({ ...r, Contact: { ...r.Contact, id: r.isNew ? 'new' : r.Contact.id }, contact: { ...r.contact, id: r.isNew ? 'new' : r.contact.id } }));
    };
    const t = () => Date.UTC(2024, 6, 1);
    const a = await run(newShim({ now: t }));
    const b = await run(newShim({ indexedDB: null, now: t }));
    expect(b).toEqual(a);
    expect(a[0]?.details.rejectedData).toEqual([{ key: 'name', value: { first: 'Other' } }]);
    expect(a[1]?.contact.id).toBe(a[0]?.contact.id);
    expect(a[2]?.isNew).toBe(true);
  });
});

describe('seed', () => {
  it('stores valid records: labels, given ids and timestamps, items numbered 1…', async () => {
    const shim = newShim({ now: () => Date.UTC(2024, 0, 1) });
    await shim.seed({
      contacts: [
        { id: 'given-id', createdAt: '2014-08-19T08:20:45.484-05:00', tags: ['vip', 'vip'], emails: [{ tag: 'a', email: 'a@example.com' }, { id: 9, tag: 'b', email: 'b@example.com' }] as never },
        { emails: [{ tag: 'main', email: 'c@example.com' }] },
      ],
    });
    const a = await byId(shim, 'given-id');
    expect(a.tags).toEqual(['vip']);
    expect(a.createdAt).toBe('2014-08-19T08:20:45.484-05:00');
    expect(a.modifiedAt).toBe(a.createdAt);
    expect(a.emails.map((e) => e.id)).toEqual([1, 2]);
    expect(a.name).toEqual({ prefix: '', first: '', middle: '', last: '', suffix: '' });
    const cursor = await getContacts(shim, {});
    expect(cursor.getData().map((c) => c.id)[1]).toBe('given-id');
    expect(cursor.getData()[0]?.createdAt).toBe('2024-01-01T00:00:00.000Z');
    // Seeded contacts are matched by reconcile.
    expect((await reconcile(shim, email('B@example.com'))).contact.id).toBe('given-id');
  });

  it('replaces what was there', async () => {
    const shim = newShim();
    await reconcile(shim, email('old@example.com'));
    await shim.seed({ contacts: [{ emails: [{ tag: 'main', email: 'new@example.com' }] }] });
    const cursor = await getContacts(shim, {});
    expect(cursor.getData().map((c) => c.emails[0]?.email)).toEqual(['new@example.com']);
  });

  const invalid: Array<[string, unknown, string]> = [
    ['an email over 250 characters', { emails: [{ tag: 'main', email: `${'a'.repeat(245)}@x.com` }] }, 'contacts[1].emails[0].email'],
    ['a label over 100 characters', { tags: ['t'.repeat(101)] }, 'contacts[1].tags[0]'],
    ['a bad createdAt', { createdAt: 'last tuesday' }, 'contacts[1].createdAt'],
    ['a bad date item', { dates: [{ tag: 'b', date: '31/12/2000' }] }, 'contacts[1].dates[0].date'],
    ['a non-object record', 'not a contact', 'contacts[1]'],
    ['a bad deliveryStatus', { emails: [{ tag: 'main', email: 'z@example.com', deliveryStatus: 'nope' }] }, 'contacts[1].emails[0].deliveryStatus'],
  ];
  for (const [what, bad, path] of invalid) {
    it(`rejects a fixture with ${what}, naming ${path}, and stores nothing`, async () => {
      const fresh = newShim();
      const fixture = { contacts: [{ emails: [{ tag: 'main', email: 'ok@example.com' }] }, bad] } as unknown as Fixture;
      const error = await fresh.seed(fixture).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain(path);
      expect((error as { code?: string }).code).toBe('BAD_REQUEST');
      expect((await fresh.status()).counts.contacts).toBe(0);
      expect(fresh.log().at(-1)?.message).toContain(path);

      // On an instance with data, the data is kept as it was.
      const used = newShim();
      const kept = await reconcile(used, email('kept@example.com'));
      await expect(used.seed(fixture)).rejects.toThrow(path);
      expect((await used.status()).counts.contacts).toBe(1);
      expect(await byId(used, kept.contact.id)).toEqual(kept.contact);
    });
  }
});
