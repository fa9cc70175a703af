/**
 * Issue 10 item 5 (SPEC §3 "totals are kept, not counted"): the totals getContacts reports come
 * from rows kept in the same transaction as every write. After each kind of write, on both
 * drivers, every total equals a real count of what is stored; a write that fails changes none;
 * and a version-1 database (test/fixtures/db-v1.json) gets its totals counted by UPGRADES[1].
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import type { Contact, ReconcileResult } from '../src/core/types';
import type { Fixture, Shim } from '../src/shim/create-shim';
import { DB_VERSION, UPGRADES } from '../src/storage/schema';
import type { WixDataCursor } from '../src/wix/cursor';
import { failure, newShim, success } from './helpers';
import { v1Database } from './v1-database';

type Cursor = WixDataCursor<Contact>;
const getContacts = (shim: Shim, options: object) => success<Cursor>((ok, fail) => shim.Wix.Contacts.getContacts(options, ok, fail));
const reconcile = (shim: Shim, info: object) => success<ReconcileResult>((ok, fail) => shim.Wix.Contacts.reconcileContact(info, ok, fail));
const email = (address: string) => ({ emails: [{ tag: 'main', email: address }] });

const LABELS = ['vip', 'customer', 'lead', 'ghost'];

function fixture(n = 30): Fixture {
  return {
    contacts: Array.from({ length: n }, (_, i) => ({
      id: `c-${String(i).padStart(3, '0')}`,
      createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      emails: [{ tag: 'main', email: `c${i}@example.com` }],
      tags: [...(i % 3 === 0 ? ['vip'] : []), ...(i % 2 === 0 ? ['customer'] : []), ...(i % 5 === 0 ? ['lead', 'lead'] : [])],
    })),
  };
}

/** Each total getContacts reports, and the real count of the stored contacts it should equal. */
async function totals(shim: Shim) {
  const { contacts } = await shim.exportData();
  const queries: Array<string | string[] | undefined> = [undefined, ...LABELS, ['vip', 'customer'], ['lead', 'vip', 'ghost']];
  const reported: Record<string, unknown> = {};
  const counted: Record<string, unknown> = {};
  for (const label of queries) {
    const name = JSON.stringify(label ?? 'all');
    reported[name] = (await getContacts(shim, label === undefined ? {} : { label })).getTotal();
    counted[name] = contacts.filter((c) => label === undefined || [label].flat().some((l) => c.tags.includes(l))).length;
  }
  reported.status = (await shim.status()).counts.contacts;
  counted.status = contacts.length;
  // labels(): every label carried, with its count, in IndexedDB's key order (UTF-16 code units).
  const carried = new Map<string, number>();
  for (const c of contacts) for (const l of new Set(c.tags)) carried.set(l, (carried.get(l) ?? 0) + 1);
  reported.labels = await shim.labels();
  counted.labels = [...carried].sort(([a], [b]) => (a < b ? -1 : 1)).map(([label, n]) => ({ label, contacts: n }));
  return { reported, counted };
}

/** Asserts every reported total equals its real count; returns the reported ones for more checks. */
async function expectExact(shim: Shim, step: string): Promise<Record<string, unknown>> {
  const { reported, counted } = await totals(shim);
  expect(reported, `after ${step}`).toEqual(counted);
  return reported;
}

for (const driver of ['indexeddb', 'memory'] as const) {
  describe(`kept totals (${driver})`, () => {
    const make = () => newShim(driver === 'memory' ? { indexedDB: null } : {});

    it('equal a real count after seed, reconcile, postActivity, setLabels, deleteContact, import, clear and reset', async () => {
      const shim = make();
      expect((await shim.status()).driver).toBe(driver);
      await expectExact(shim, 'nothing');
      await shim.seed(fixture());
      // Not trivially equal: the seed is there, labelled.
      expect(await expectExact(shim, 'seed')).toMatchObject({ '"all"': 30, '"vip"': 10, '"customer"': 15, '"lead"': 6, '"ghost"': 0, '["vip","customer"]': 20 });

      await reconcile(shim, email('new1@example.com'));
      await reconcile(shim, email('C1@example.com')); // a match: no new contact
      await reconcile(shim, { ...email('new2@example.com'), phones: [{ tag: 'p', phone: '+1 415 555 0100' }] });
      await expectExact(shim, 'reconcile');

      const posted = (contactUpdate?: object) => success<{ contactId: string | null }>((ok, fail) => shim.Wix.Activities.postActivity({
        type: shim.Wix.Activities.Type.ALBUM_FAN,
        info: { album: { name: 'A' }, artist: { name: 'B' } },
        details: { additionalInfoUrl: null, summary: '' },
        ...(contactUpdate ? { contactUpdate } : {}),
      }, ok, fail));
      await posted();
      await posted(email('poster@example.com'));
      await posted(email('c2@example.com'));
      await expectExact(shim, 'postActivity');

      await shim.setLabels('c-001', ['vip', 'ghost', 'ghost']);
      await shim.setLabels('c-000', []);
      await shim.setLabels('c-003', ['vip', 'customer']); // the same labels: nothing moves
      expect((await expectExact(shim, 'setLabels'))['"ghost"']).toBe(1);
      // Each label once, 'ghost' included, though c-001 was given it twice.
      expect((await shim.labels()).map((l) => l.label)).toEqual(['customer', 'ghost', 'lead', 'vip']);

      await shim.deleteContact('c-006');
      await shim.deleteContact('c-001');
      await expectExact(shim, 'deleteContact');

      const exported = await shim.exportData();
      await shim.clear();
      expect((await expectExact(shim, 'clear'))['"all"']).toBe(0);
      await shim.importData(exported);
      expect((await expectExact(shim, 'importData'))['"all"']).toBe(30 + 3 - 2);
      await shim.reset();
      expect((await expectExact(shim, 'reset'))['"all"']).toBe(30);
      await shim.close();
    });

    it('a write that fails changes no total', async () => {
      const shim = make();
      await shim.seed(fixture(6));
      const before = await totals(shim);
      // A new contact whose post then cannot be stored: the contact and its count roll back together.
      let deep: Record<string, unknown> = {};
      const root = deep;
      for (let i = 0; i < 3000; i++) { const next = {}; deep.a = next; deep = next; }
      const code = await failure((ok, fail) => shim.Wix.Activities.postActivity({
        type: shim.Wix.Activities.Type.ALBUM_FAN,
        info: { album: { name: 'A' }, artist: { name: 'B' }, deep: root },
        details: { additionalInfoUrl: null, summary: '' },
        contactUpdate: email('never@example.com'),
      }, ok, fail));
      expect(code).toBeTruthy();
      await expect(shim.setLabels('missing', ['vip'])).rejects.toThrow();
      await expect(shim.deleteContact('missing')).rejects.toThrow();
      expect(await totals(shim)).toEqual(before);
      await shim.close();
    });

    it('a contact holding several of the asked labels counts once', async () => {
      const shim = make();
      await shim.seed({ contacts: [
        { id: 'a', createdAt: '2024-01-01T00:00:00.000Z', emails: [{ tag: 'main', email: 'a@example.com' }], tags: ['x', 'y'] },
        { id: 'b', createdAt: '2024-01-01T00:01:00.000Z', emails: [{ tag: 'main', email: 'b@example.com' }], tags: ['x'] },
      ] });
      expect((await getContacts(shim, { label: ['y', 'x'] })).getTotal()).toBe(2);
      expect((await getContacts(shim, { label: 'y' })).getTotal()).toBe(1);
      await shim.close();
    });
  });
}

describe('kept totals across instances and versions', () => {
  it('two instances on one database writing at once keep exact totals', async () => {
    const factory = new IDBFactory();
    const one = newShim({ indexedDB: factory, dbName: 'shared-totals' });
    const two = newShim({ indexedDB: factory, dbName: 'shared-totals' });
    await one.seed(fixture(10));
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => reconcile(i % 2 ? one : two, email(`both${i % 12}@example.com`))),
      one.setLabels('c-001', ['vip', 'new']),
      two.setLabels('c-002', ['new']),
      two.deleteContact('c-003'),
    ]);
    await expectExact(one, 'concurrent writes');
    expect((await totals(two)).reported['"all"']).toBe(10 + 12 - 1);
    await Promise.all([one.close(), two.close()]);
  });

  it('a version-1 database (test/fixtures/db-v1.json) opens at version 2 with its totals counted', async () => {
    const { fx, factory } = await v1Database();
    const shim = newShim({ indexedDB: factory, dbName: fx.dbName });
    expect((await shim.status()).driver).toBe('indexeddb');
    expect((await factory.databases()).find((d) => d.name === fx.dbName)?.version).toBe(DB_VERSION);
    const stored = fx.records.contacts!.map((r) => r.contact!);
    const labels = [...new Set(stored.flatMap((c) => c.tags))];
    expect(labels.length).toBeGreaterThan(1);
    expect((await getContacts(shim, {})).getTotal()).toBe(stored.length);
    for (const label of labels) {
      expect((await getContacts(shim, { label })).getTotal(), label).toBe(stored.filter((c) => c.tags.includes(label)).length);
    }
    // And kept from there on.
    await reconcile(shim, { ...email('after-upgrade@example.com') });
    await shim.setLabels((await shim.exportData()).contacts[0]!.id, [labels[0]!]);
    const { contacts } = await shim.exportData();
    expect((await getContacts(shim, {})).getTotal()).toBe(contacts.length);
    for (const label of labels) {
      expect((await getContacts(shim, { label })).getTotal(), label).toBe(contacts.filter((c) => c.tags.includes(label)).length);
    }
    await shim.close();
  });

  it('an upgrade step that fails leaves the version-1 database as it was: memory this time, upgraded at the next open', async () => {
    const { fx, factory } = await v1Database();
    const step = UPGRADES[1]!;
    UPGRADES[1] = async () => { throw new Error('the step failed'); };
    try {
      const shim = newShim({ indexedDB: factory, dbName: fx.dbName });
      const status = await shim.status();
      expect(status.driver).toBe('memory');
      expect(status.fallbackReason).toMatch(/^IndexedDB refused to open/);
      await shim.close();
    } finally {
      UPGRADES[1] = step;
    }
    expect((await factory.databases()).find((d) => d.name === fx.dbName)?.version).toBe(1);
    const again = newShim({ indexedDB: factory, dbName: fx.dbName });
    expect((await again.status()).driver).toBe('indexeddb');
    expect((await getContacts(again, {})).getTotal()).toBe(fx.records.contacts!.length);
    await again.close();
  });
});
