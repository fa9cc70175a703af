/**
 * Attacks on input (issue 12: F5, F6, F9, F10), in Node. F5's own engine (Chromium, where values
 * nested 2,500–3,650 levels failed in the key path as a 500) is in test/browser/attacks.test.ts;
 * here the same bound is checked on Node's engine, whose structured clone overflows at about 1,950.
 */
import { describe, expect, it } from 'vitest';
import { jsonCopy, MAX_NESTING } from '../../src/wix/json-copy';
import type { HttpErrorBody } from '../../src/core/errors';
import type { Activity, Contact, PostActivityResult, ReconcileResult } from '../../src/core/types';
import type { ActivityDescriptor } from '../../src/wix/activities';
import { validActivityInfo } from '../fixtures/activity-examples';
import { closedAfterEach, newShim, outcome, success } from '../helpers';

type Shim = ReturnType<typeof newShim>;

const shim = closedAfterEach();

const albumFan = (info: Record<string, unknown> = {}): ActivityDescriptor => ({
  type: 'music/album-fan',
  info: { ...structuredClone(validActivityInfo['music/album-fan']!), ...info },
  details: { additionalInfoUrl: null, summary: '' },
}) as ActivityDescriptor;
const nest = (depth: number) => {
  let v: Record<string, unknown> = { leaf: 1 };
  for (let i = 1; i < depth; i++) v = { v };
  return v;
};
const counts = async (s: Shim) => (await s.status()).counts;
const reconcile = (s: Shim, info: object) => success<ReconcileResult>((ok, fail) => s.Wix.Contacts.reconcileContact(info, ok, fail));

describe('F5: one answer for a value nested too deeply, whatever the engine', () => {
  it(`the bound is exact: ${MAX_NESTING} levels pass, one more is too deep`, () => {
    const nest = (levels: number) => { let v: unknown = []; for (let i = 1; i < levels; i++) v = [v]; return v; };
    expect(jsonCopy(nest(MAX_NESTING), 'value').ok).toBe(true);
    expect(jsonCopy(nest(MAX_NESTING + 1), 'value')).toMatchObject({ ok: false, failure: { message: expect.stringMatching(/nested too deeply/) } });
  });

  it('info nested 1,500 levels (copyable and clonable in Node) is the same 400 as 20,000', async () => {
    const s = shim();
    for (const depth of [1_500, 1_900, 20_000]) {
      const o = await outcome<PostActivityResult, HttpErrorBody>((ok, fail) => s.Wix.Activities.postActivity(albumFan({ deep: nest(depth) }), ok, fail));
      expect(o).toMatchObject({ ok: false, error: { errorCode: 400, message: expect.stringMatching(/nested too deeply/) } });
    }
    expect(await counts(s)).toEqual({ contacts: 0, activities: 0 });
  });

  it('info nested 900 levels is stored and read back whole', async () => {
    const s = shim();
    const r = await success<PostActivityResult>((ok, fail) => s.Wix.Activities.postActivity(albumFan({ deep: nest(900) }), ok, fail));
    const a = await success<Activity>((ok, fail) => s.Wix.Activities.getActivityById(r.activityId, ok, fail));
    expect(a.activityInfo.deep).toEqual(nest(900));
  });

  it('seed and importData refuse the same depth with the same reason, changing nothing', async () => {
    const s = shim();
    await s.seed({ contacts: [{ emails: [{ tag: 'main', email: 'kept@example.com' }] }] });
    const deepActivity = { activityType: 'music/album-fan', activityInfo: albumFan({ deep: nest(1_500) }).info, activityDetails: { additionalInfoUrl: null, summary: '' } };
    await expect(s.seed({ activities: [deepActivity as never] })).rejects.toThrow(/nested too deeply/);
    const file = await s.exportData();
    const text = JSON.stringify({ ...file, activities: [{ ...deepActivity, id: 'a1', createdAt: '2024-01-01T00:00:00.000Z' }] });
    await expect(s.importData(text)).rejects.toThrow(/nested too deeply/);
    expect(await counts(s)).toEqual({ contacts: 1, activities: 0 });
  });
});

describe('F6: getActivities refuses what getContacts refuses', () => {
  const BAD_PAGE_SIZES: Array<[string, unknown]> = [
    ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity], ['a Symbol', Symbol('20')], ['a function', () => 20],
  ];
  for (const [name, pageSize] of BAD_PAGE_SIZES) {
    it(`pageSize ${name} is BAD_REQUEST in both`, async () => {
      const s = shim();
      const contacts = await outcome<unknown, string>((ok, fail) => s.Wix.Contacts.getContacts({ pageSize: pageSize as number }, ok, fail));
      const activities = await outcome<unknown, string>((ok, fail) => s.Wix.Activities.getActivities(ok, fail, { pageSize: pageSize as number }));
      expect(contacts).toEqual({ ok: false, error: 'BAD_REQUEST' });
      expect(activities).toEqual({ ok: false, error: 'BAD_REQUEST' });
      expect(s.log().at(-1)?.message).toMatch(/Failed to get activities: pageSize .* is invalid/);
    });
  }

  const BAD_FILTERS: Array<[string, Record<string, unknown>]> = [
    ['a Symbol contactId', { contactId: Symbol('c') }],
    ['a function contactId', { contactId: () => 'c' }],
    ['a Symbol activityTypes', { activityTypes: Symbol('music/album-fan') }],
    ['a function from', { from: () => '2024-01-01' }],
    ['a NaN until', { until: NaN }],
    ['a Symbol sort', { sort: Symbol('asc') }],
  ];
  for (const [name, query] of BAD_FILTERS) {
    it(`${name} is BAD_REQUEST, not "no filter"`, async () => {
      const s = shim();
      await success((ok, fail) => s.Wix.Activities.postActivity(albumFan(), ok, fail));
      const o = await outcome<unknown, string>((ok, fail) => s.Wix.Activities.getActivities(ok, fail, query));
      expect(o).toEqual({ ok: false, error: 'BAD_REQUEST' });
      expect(s.log().at(-1)?.message).toMatch(new RegExp(`Failed to get activities: ${Object.keys(query)[0]} `));
    });
  }
});

describe('F9: a control character never makes a different item "similar"', () => {
  it('an address whose parts differ only in where a NUL sits is added, not dropped', async () => {
    const s = shim();
    const email = { tag: 'main', email: 'nul@example.com' };
    const first = await reconcile(s, { emails: [email], addresses: [{ tag: 'home', address: '10 Downing St', neighborhood: 'Westminster\u0000London' }] });
    const second = await reconcile(s, { emails: [email], addresses: [{ tag: 'home', address: '10 Downing St\u0000Westminster', neighborhood: 'London' }] });
    expect(second.isNew).toBe(false);
    expect(second.contact.id).toBe(first.contact.id);
    expect(second.contact.addresses.map((a) => [a.address, a.neighborhood])).toEqual([
      ['10 Downing St', 'Westminster\u0000London'],
      ['10 Downing St\u0000Westminster', 'London'],
    ]);
    const stored = await success<Contact>((ok, fail) => s.Wix.Contacts.getContactById(first.contact.id, ok, fail));
    expect(stored.addresses).toHaveLength(2);
  });

  it('the same address sent again (case and outer spaces aside) still adds nothing', async () => {
    const s = shim();
    const email = { tag: 'main', email: 'same@example.com' };
    await reconcile(s, { emails: [email], addresses: [{ tag: 'home', address: '10 Downing St', city: 'London' }] });
    const again = await reconcile(s, { emails: [email], addresses: [{ tag: 'work', address: ' 10 DOWNING st ', city: 'london' }] });
    expect(again.contact.addresses).toHaveLength(1);
  });
});

describe('F10: a normalizedPhone without digits does not hide a valid phone', () => {
  it('the phone counts, and matches the same number sent later', async () => {
    const s = shim();
    const first = await reconcile(s, { phones: [{ tag: 'mobile', phone: '+1 (415) 555-0100', normalizedPhone: 'n/a' }] });
    expect(first.isNew).toBe(true);
    expect(first.contact.phones).toEqual([{ id: 1, tag: 'mobile', phone: '+1 (415) 555-0100', normalizedPhone: 'n/a' }]);
    const again = await reconcile(s, { phones: [{ tag: 'mobile', phone: '+14155550100' }] });
    expect(again.isNew).toBe(false);
    expect(again.contact.id).toBe(first.contact.id);
    expect(again.contact.phones).toHaveLength(1);
  });

  it('as a postActivity contactUpdate, it links the activity to a contact', async () => {
    const s = shim();
    const r = await success<PostActivityResult>((ok, fail) => s.Wix.Activities.postActivity(
      { ...albumFan(), contactUpdate: { phones: [{ tag: 'mobile', phone: '415 555 0101', normalizedPhone: '---' }] } }, ok, fail));
    expect(r.contactId).toEqual(expect.any(String));
  });
});
