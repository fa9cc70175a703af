/**
 * `Wix.Activities.postActivity`, `getActivityById` and `getUserSessionToken` (SPEC §2.1, §2.2):
 * round trips of every type, aliases, validation failures, view mode, contactUpdate and the
 * visitor-session linking, and the SDK's calling conventions.
 */
import { describe, it, expect, vi } from 'vitest';
import type { Activity, Contact, PostActivityResult } from '../src/core/types';
import type { HttpErrorBody } from '../src/core/errors';
import type { ActivityDescriptor } from '../src/wix/activities';
import type { WixDataCursor } from '../src/wix/cursor';
import { failure, newShim, outcome, success, thrown } from './helpers';
import { validActivityInfo } from './fixtures/activity-examples';

type Shim = ReturnType<typeof newShim>;

const T0 = Date.parse('2024-03-01T12:00:00.000Z');
const DETAILS = { additionalInfoUrl: 'https://example.com/dashboard/item/1', summary: 'Did a thing' };
const ACTIVITY_KEYS = ['activityDetails', 'activityInfo', 'activityLocationUrl', 'activityType', 'createdAt', 'id'];
const VIEW_MODE_ERROR =
  'TypeError: Wix SDK: Invalid view mode. This function cannot be called in editor/preview mode. Supported view mode is: [site]';
const VALIDATION_PREFIX = 'activity request failed validation check with errors: [';

/** The 40 canonical types, as the fixture lists them (its keys are the schema paths). */
const CANONICAL = Object.keys(validActivityInfo);

/** The fixture's info for a canonical type; fails clearly if the fixture lacks it. */
function infoOf(type: string): Record<string, unknown> {
  const info = validActivityInfo[type];
  if (!info) throw new Error(`test/fixtures/activity-examples.ts has no valid info for ${type}`);
  return structuredClone(info);
}

/** A valid descriptor of a simple type. */
const albumFan = (extra: Partial<ActivityDescriptor> = {}): ActivityDescriptor => ({
  type: 'music/album-fan',
  info: infoOf('music/album-fan'),
  details: { additionalInfoUrl: null, summary: '' },
  ...extra,
}) as ActivityDescriptor;

const post = (shim: Shim, activity: unknown) =>
  success<PostActivityResult>((ok, fail) => shim.Wix.Activities.postActivity(activity as ActivityDescriptor, ok, fail));
const postFailure = (shim: Shim, activity: unknown) =>
  failure<HttpErrorBody>((ok, fail) => shim.Wix.Activities.postActivity(activity as ActivityDescriptor, ok, fail));
const byId = (shim: Shim, id: string) => success<Activity>((ok, fail) => shim.Wix.Activities.getActivityById(id, ok, fail));
const contactById = (shim: Shim, id: string) => success<Contact>((ok, fail) => shim.Wix.Contacts.getContactById(id, ok, fail));
const counts = async (shim: Shim) => (await shim.status()).counts;

/** Every activity a query returns, across all its pages. */
async function allActivities(shim: Shim, query: Record<string, unknown> = {}): Promise<Activity[]> {
  const cursor = await success<WixDataCursor<Activity>>((ok, fail) => shim.Wix.Activities.getActivities(ok, fail, { pageSize: 500, ...query }));
  const out = [...cursor.getData()];
  while (cursor.hasNext()) out.push(...(await new Promise<Activity[]>((res, rej) => cursor.next(res, rej))));
  return out;
}

/** Lets pending callbacks run (IndexedDB work included). */
const settle = () => new Promise((r) => setTimeout(r, 30));

/** Polls until `check` holds (for calls that have no callback to wait on). */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('condition never held');
}

describe('the fixture', () => {
  it('has a valid info for each of the 40 SDK types, keyed by the canonical (schema-path) value', () => {
    const sdkValues = Object.values(newShim().Wix.Activities.Type);
    expect(sdkValues).toHaveLength(40);
    // Every SDK value is already canonical except the SDK's capitalised Messaging/im.
    const expected = sdkValues.map((v) => (v === 'Messaging/im' ? 'messaging/im' : v));
    expect([...CANONICAL].sort()).toEqual([...expected].sort());
  });
});

describe('postActivity + getActivityById round trip', () => {
  it.each(CANONICAL)('%s: the info comes back unchanged in the stored shape, with no contactId', async (type) => {
    const shim = newShim({ now: () => T0 });
    const info = infoOf(type);
    const sent = structuredClone(info);
    const result = await post(shim, { type, info, details: DETAILS, contactUpdate: null });
    expect(Object.keys(result).sort()).toEqual(['activityId', 'contactId']);
    expect(typeof result.activityId).toBe('string');
    expect(result.contactId).toBeNull();

    const got = await byId(shim, result.activityId);
    expect(Object.keys(got).sort()).toEqual(ACTIVITY_KEYS);
    expect('contactId' in got).toBe(false);
    expect(got).toStrictEqual({
      id: result.activityId,
      createdAt: new Date(T0).toISOString(),
      activityType: type,
      activityLocationUrl: got.activityLocationUrl,
      activityDetails: { additionalInfoUrl: DETAILS.additionalInfoUrl, summary: DETAILS.summary },
      activityInfo: sent,
    });
    expect(typeof got.activityLocationUrl).toBe('string');
    // The stored copy is detached from the caller's object.
    (info as Record<string, unknown>).mutatedAfterPosting = true;
    expect((await byId(shim, result.activityId)).activityInfo).toStrictEqual(sent);
    await shim.close();
  });

  it('keeps details.additionalInfoUrl null when null was sent', async () => {
    const shim = newShim();
    const { activityId } = await post(shim, albumFan({ details: { additionalInfoUrl: null, summary: 'S' } }));
    expect((await byId(shim, activityId)).activityDetails).toStrictEqual({ additionalInfoUrl: null, summary: 'S' });
  });

  it('keeps unknown extra keys in info, at the top level and nested', async () => {
    const shim = newShim();
    const base = infoOf('e_commerce/purchase');
    const items = base.items as Array<Record<string, unknown>>;
    const info = {
      ...base,
      trackingPixel: 'px-1',
      nested: { deeper: [1, 'two', { three: null }] },
      items: items.map((item, i) => ({ ...item, warehouse: `wh-${i}` })),
    };
    const { activityId } = await post(shim, { type: 'e_commerce/purchase', info, details: DETAILS });
    expect((await byId(shim, activityId)).activityInfo).toStrictEqual(info);
  });
});

describe('type aliases in, canonical values out', () => {
  const aliases: Array<[string, string]> = [
    ['ecommerce/purchase', 'e_commerce/purchase'],
    ['e_commerce/purchase', 'e_commerce/purchase'],
    ['ecommerce/cart-add', 'e_commerce/cart-add'],
    ['Messaging/im', 'messaging/im'],
    ['messaging/im', 'messaging/im'],
    ['hotel/cancel', 'hotels/cancel'],
    ['hotels/cancel', 'hotels/cancel'],
  ];
  it.each(aliases)('%s is stored and returned as %s', async (alias, canonical) => {
    const shim = newShim();
    const { activityId } = await post(shim, { type: alias, info: infoOf(canonical), details: DETAILS });
    const got = await byId(shim, activityId);
    expect(got.activityType).toBe(canonical);
    expect(got.activityInfo).toStrictEqual(infoOf(canonical));
  });

  it('every Wix.Activities.Type value is accepted and comes back canonical', async () => {
    const shim = newShim();
    const Type = shim.Wix.Activities.Type;
    for (const [key, value] of Object.entries(Type)) {
      const canonical = value === 'Messaging/im' ? 'messaging/im' : value;
      const { activityId } = await post(shim, { type: value, info: infoOf(canonical), details: DETAILS });
      const got = await byId(shim, activityId);
      expect(got.activityType, key).toBe(canonical);
    }
    expect((await counts(shim)).activities).toBe(40);
  });

  it('other casings are unknown types', async () => {
    const shim = newShim();
    const e = await postFailure(shim, { type: 'MUSIC/ALBUM-FAN', info: infoOf('music/album-fan'), details: DETAILS });
    expect(e.errorCode).toBe(400);
    expect(e.message).toContain('MUSIC/ALBUM-FAN');
  });
});

describe('view mode', () => {
  it.each(['editor', 'preview', 'standalone'] as const)('%s: postActivity throws the SDK string and stores nothing', async (viewMode) => {
    const shim = newShim({ viewMode });
    const onSuccess = vi.fn();
    const onFailure = vi.fn();
    const e = thrown(() => shim.Wix.Activities.postActivity(albumFan({ contactUpdate: { emails: [{ tag: 'main', email: 'v@example.com' }] } }), onSuccess, onFailure));
    expect(typeof e).toBe('string');
    expect((e as string).startsWith(VIEW_MODE_ERROR)).toBe(true);
    // Also without callbacks.
    expect((thrown(() => shim.Wix.Activities.postActivity(albumFan())) as string).startsWith(VIEW_MODE_ERROR)).toBe(true);
    await settle();
    expect(onSuccess).not.toHaveBeenCalled();
    expect(onFailure).not.toHaveBeenCalled();
    expect(await counts(shim)).toEqual({ contacts: 0, activities: 0 });
    // Reading still works outside the live site.
    expect(await allActivities(shim)).toEqual([]);
  });

  it('site (the default) does not throw', async () => {
    const shim = newShim({ viewMode: 'site' });
    await post(shim, albumFan());
    expect((await counts(shim)).activities).toBe(1);
  });
});

describe('validation failures', () => {
  it('info nested too deeply to store or to copy is a 400 saying so, with nothing stored', async () => {
    const shim = newShim();
    const nest = (depth: number) => {
      let v: Record<string, unknown> = { leaf: 1 };
      for (let i = 0; i < depth; i++) v = { v };
      return v;
    };
    // 3,000 levels pass JSON but overflow the structured clone of the put; 20,000 overflow JSON too.
    for (const depth of [3_000, 20_000]) {
      const e = await postFailure(shim, albumFan({ info: { ...infoOf('music/album-fan'), deep: nest(depth) } }));
      expect(e).toMatchObject({ errorCode: 400, message: expect.stringMatching(/nested too deeply/) });
    }
    expect(await counts(shim)).toEqual({ contacts: 0, activities: 0 });
  });

  it('name every offending path at once, across info, details and contactUpdate, and store nothing', async () => {
    const shim = newShim();
    const e = await postFailure(shim, {
      type: 'scheduler/appointment',
      info: { source: 'NOPE' },
      details: { additionalInfoUrl: 5 },
      contactUpdate: {
        company: { name: 'c'.repeat(101) },
        emails: [{ tag: 'main', email: `${'e'.repeat(239)}@example.com` }],
        phones: [{ tag: 'mobile', phone: '1'.repeat(31) }],
      },
    });
    expect(Object.keys(e).sort()).toEqual(['errorCode', 'message', 'wixErrorCode']);
    expect(e.errorCode).toBe(400);
    expect(typeof e.wixErrorCode).toBe('number');
    expect(e.wixErrorCode).toBeLessThan(0);
    expect(e.message.startsWith(VALIDATION_PREFIX)).toBe(true);
    expect(e.message.endsWith(']')).toBe(true);
    for (const part of [
      'info.source',
      'info.title is missing',
      'info.description is missing',
      'details.additionalInfoUrl',
      'details.summary is missing',
      'contactUpdate.company.name',
      'contactUpdate.emails[0].email is longer than 250 characters',
      'contactUpdate.phones[0].phone',
    ]) {
      expect(e.message, part).toContain(part);
    }
    expect(await counts(shim)).toEqual({ contacts: 0, activities: 0 });
  });

  it('a missing info and missing details are both named', async () => {
    const shim = newShim();
    const e = await postFailure(shim, { type: 'music/album-fan' });
    expect(e.message.startsWith(VALIDATION_PREFIX)).toBe(true);
    expect(e.message).toContain('info');
    expect(e.message).toContain('details');
  });

  it('missing type: 400 naming type (and still naming a bad details)', async () => {
    const shim = newShim();
    const e = await postFailure(shim, { info: infoOf('music/album-fan'), details: { summary: 3 } });
    expect(e.errorCode).toBe(400);
    expect(e.message.startsWith(VALIDATION_PREFIX)).toBe(true);
    expect(e.message).toContain('type');
    expect(e.message).toContain('details.summary');
    expect((await counts(shim)).activities).toBe(0);
  });

  it('unknown type: 400 naming the type', async () => {
    const shim = newShim();
    const e = await postFailure(shim, { type: 'music/album-hate', info: infoOf('music/album-fan'), details: DETAILS });
    expect(e.errorCode).toBe(400);
    expect(e.message.startsWith(VALIDATION_PREFIX)).toBe(true);
    expect(e.message).toContain('music/album-hate');
    expect((await counts(shim)).activities).toBe(0);
  });

  it.each([['a string', 'music/album-fan'], ['null', null], ['an array', [albumFan()]], ['a number', 7], ['undefined', undefined]])(
    'a non-object activity (%s) fails with 400, not a throw',
    async (_label, activity) => {
      const shim = newShim();
      const e = await postFailure(shim, activity);
      expect(e.errorCode).toBe(400);
      expect(e.message.startsWith(VALIDATION_PREFIX)).toBe(true);
      expect((await counts(shim)).activities).toBe(0);
    },
  );

  it.each([['a string', 'dana@example.com'], ['an array', [{ tag: 'main', email: 'a@b.co' }]], ['a number', 5]])(
    'a contactUpdate that is %s fails with 400 naming contactUpdate',
    async (_label, contactUpdate) => {
      const shim = newShim();
      const e = await postFailure(shim, { ...albumFan(), contactUpdate });
      expect(e.message.startsWith(VALIDATION_PREFIX)).toBe(true);
      expect(e.message).toContain('contactUpdate');
      expect(await counts(shim)).toEqual({ contacts: 0, activities: 0 });
    },
  );

  it('each failure writes one [wix-hive-shim] console warning and a log entry', async () => {
    const shim = newShim({ quiet: false });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await postFailure(shim, { type: 'music/album-fan', info: {}, details: DETAILS });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[wix-hive-shim\] .*info\.album is missing/);
      expect(shim.log().at(-1)?.message).toContain('info.album is missing');
      // The view-mode refusal is announced too.
      const editor = newShim({ quiet: false, viewMode: 'editor' });
      thrown(() => editor.Wix.Activities.postActivity(albumFan()));
      expect(warn).toHaveBeenCalledTimes(2);
      expect(String(warn.mock.calls[1]?.[0]).startsWith('[wix-hive-shim] ')).toBe(true);
      // A success is silent.
      await post(shim, albumFan());
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
    }
  });

  it('a required field that is present but null is rejected', async () => {
    const shim = newShim();
    const e = await postFailure(shim, { type: 'music/album-fan', info: { album: null }, details: DETAILS });
    expect(e.message).toContain('info.album');
  });

  it('an enum value outside the schema is rejected', async () => {
    const shim = newShim();
    const e = await postFailure(shim, { type: 'form/form', info: { ...infoOf('form/form'), type: 'POLL' }, details: DETAILS });
    expect(e.message).toContain('info.type');
  });
});

describe('contactUpdate', () => {
  it('with an email creates a contact, links the activity, and getContactById shows it', async () => {
    const shim = newShim({ session: 's-create' });
    const result = await post(shim, albumFan({
      contactUpdate: { name: { first: 'Dana', last: 'Levi' }, emails: [{ tag: 'main', email: 'dana@example.com' }] },
    }));
    expect(typeof result.contactId).toBe('string');
    const contact = await contactById(shim, result.contactId as string);
    expect(contact.id).toBe(result.contactId);
    expect(contact.name).toEqual({ prefix: '', first: 'Dana', middle: '', last: 'Levi', suffix: '' });
    expect(contact.emails).toEqual([{ id: 1, tag: 'main', email: 'dana@example.com' }]);
    expect((await allActivities(shim, { contactId: result.contactId })).map((a) => a.id)).toEqual([result.activityId]);
  });

  it('merges into the contact with the same email (another session): same contactId, new phone gets the next id', async () => {
    const shim = newShim({ session: 'first-visitor' });
    const dbName = (await shim.status()).dbName;
    const first = await post(shim, albumFan({
      contactUpdate: { emails: [{ tag: 'main', email: 'ruth@example.com' }], phones: [{ tag: 'home', phone: '+1 415 555 0100' }] },
    }));
    const other = newShim({ session: 'second-visitor', indexedDB: shim.factory, dbName });
    const second = await post(other, albumFan({
      contactUpdate: { emails: [{ tag: 'work', email: '  RUTH@example.com ' }], phones: [{ tag: 'mobile', phone: '+44 20 7946 0000' }] },
    }));
    expect(second.contactId).toBe(first.contactId);
    const contact = await contactById(other, second.contactId as string);
    expect(contact.phones).toEqual([
      { id: 1, tag: 'home', phone: '+1 415 555 0100' },
      { id: 2, tag: 'mobile', phone: '+44 20 7946 0000' },
    ]);
    expect(contact.emails).toHaveLength(1);
    expect((await counts(shim)).contacts).toBe(1);
    await other.close();
    await shim.close();
  });

  it('a bad contactUpdate fails the whole call: no activity, no contact', async () => {
    const shim = newShim({ session: 's-bad' });
    const e = await postFailure(shim, albumFan({
      contactUpdate: {
        name: { first: 'Valid' },
        phones: [{ tag: 'mobile', phone: '+1 415 555 0100' }],
        emails: [{ tag: 'main', email: 'x'.repeat(251) }],
      },
    }));
    expect(e.errorCode).toBe(400);
    expect(e.message).toBe(`${VALIDATION_PREFIX}contactUpdate.emails[0].email is longer than 250 characters]`);
    expect(await counts(shim)).toEqual({ contacts: 0, activities: 0 });
    // The session did not gain a contact either: the next anonymous activity stays unlinked.
    expect((await post(shim, albumFan())).contactId).toBeNull();
  });

  it('an email of exactly 250 characters is accepted', async () => {
    const shim = newShim();
    const email = `${'x'.repeat(238)}@example.com`;
    expect(email).toHaveLength(250);
    const r = await post(shim, albumFan({ contactUpdate: { emails: [{ tag: 'main', email }] } }));
    expect(r.contactId).not.toBeNull();
  });

  it.each([['null', null], ['{}', {}], ['absent', undefined]])('%s gives contactId null for a fresh session and creates no contact', async (_l, contactUpdate) => {
    const shim = newShim({ session: `fresh-${_l}` });
    const activity: Record<string, unknown> = { type: 'music/album-fan', info: infoOf('music/album-fan'), details: DETAILS };
    if (_l !== 'absent') activity.contactUpdate = contactUpdate;
    const r = await post(shim, activity);
    expect(r.contactId).toBeNull();
    expect(await counts(shim)).toEqual({ contacts: 0, activities: 1 });
  });

  it('without email or phone, updates the session contact (fills an empty company name)', async () => {
    const shim = newShim({ session: 's-company' });
    const first = await post(shim, albumFan({ contactUpdate: { emails: [{ tag: 'main', email: 'omer@example.com' }] } }));
    expect((await contactById(shim, first.contactId as string)).company).toEqual({ role: '', name: '' });
    const second = await post(shim, albumFan({ contactUpdate: { company: { name: 'Blue Kitchen' } } }));
    expect(second.contactId).toBe(first.contactId);
    const contact = await contactById(shim, first.contactId as string);
    expect(contact.company).toEqual({ role: '', name: 'Blue Kitchen' });
    expect((await counts(shim)).contacts).toBe(1);
  });

  it('without email or phone and no session contact: the activity stays unlinked and no contact is made', async () => {
    const shim = newShim({ session: 's-nobody' });
    const r = await post(shim, albumFan({ contactUpdate: { name: { first: 'Nobody' }, company: { name: 'Acme' } } }));
    expect(r.contactId).toBeNull();
    expect(await counts(shim)).toEqual({ contacts: 0, activities: 1 });
  });
});

describe('visitor-session linking', () => {
  it('links earlier anonymous activities when a contact arrives, then links later ones automatically; other sessions stay apart', async () => {
    let t = T0;
    const now = () => (t += 1000);
    const shim = newShim({ session: 'visitor-a', now });
    const dbName = (await shim.status()).dbName;
    const a1 = await post(shim, albumFan());
    const a2 = await post(shim, { type: 'messaging/im', info: infoOf('messaging/im'), details: DETAILS });
    expect(a1.contactId).toBeNull();
    expect(a2.contactId).toBeNull();

    const other = newShim({ session: 'other', indexedDB: shim.factory, dbName, now });
    const b1 = await post(other, albumFan());
    expect(b1.contactId).toBeNull();

    const a3 = await post(shim, albumFan({ contactUpdate: { emails: [{ tag: 'main', email: 'maya@example.com' }] } }));
    expect(typeof a3.contactId).toBe('string');
    const contactId = a3.contactId as string;
    const timeline = await allActivities(shim, { contactId });
    expect(timeline.map((a) => a.id)).toEqual([a3.activityId, a2.activityId, a1.activityId]);

    const a4 = await post(shim, { type: 'form/form', info: infoOf('form/form'), details: DETAILS });
    expect(a4.contactId).toBe(contactId);
    const b2 = await post(other, albumFan());
    expect(b2.contactId).toBeNull();

    const after = await allActivities(other, { contactId });
    expect(after.map((a) => a.id)).toEqual([a4.activityId, a3.activityId, a2.activityId, a1.activityId]);
    expect(after.map((a) => a.id)).not.toContain(b1.activityId);
    expect(after.map((a) => a.id)).not.toContain(b2.activityId);
    // Linking changes nothing in the returned objects: still no contactId.
    for (const a of after) expect('contactId' in a).toBe(false);
    expect((await allActivities(shim)).length).toBe(6);
    await other.close();
    await shim.close();
  });

  it('a session keeps its contact across instances of the same session id', async () => {
    const shim = newShim({ session: 'visitor-b' });
    const dbName = (await shim.status()).dbName;
    const first = await post(shim, albumFan({ contactUpdate: { phones: [{ tag: 'mobile', phone: '+1 212 555 0199' }] } }));
    const reloaded = newShim({ session: 'visitor-b', indexedDB: shim.factory, dbName });
    expect((await post(reloaded, albumFan())).contactId).toBe(first.contactId);
    await reloaded.close();
    await shim.close();
  });
});

describe('getUserSessionToken', () => {
  it('passes a string, asynchronously, the same on two calls, different for another session', async () => {
    const shim = newShim({ session: 'token-a' });
    const token = (s: Shim) =>
      new Promise<{ value: unknown; sync: boolean }>((resolve) => {
        let returned = false;
        s.Wix.Activities.getUserSessionToken((value) => resolve({ value, sync: !returned }));
        returned = true;
      });
    const one = await token(shim);
    const two = await token(shim);
    expect(typeof one.value).toBe('string');
    expect((one.value as string).length).toBeGreaterThan(0);
    expect(one.sync).toBe(false);
    expect(two.sync).toBe(false);
    expect(two.value).toBe(one.value);
    const other = newShim({ session: 'token-b' });
    expect((await token(other)).value).not.toBe(one.value);
    // Same session id, another instance: the same token.
    expect((await token(newShim({ session: 'token-a' }))).value).toBe(one.value);
  });

  it('reads sessionStorage only once a call needs the session: a page that only reads never does', async () => {
    // A page's first sessionStorage access is a synchronous load of its storage (start-up cost).
    const stored = new Map<string, string>();
    const storage = { getItem: vi.fn((k: string) => stored.get(k) ?? null), setItem: vi.fn((k: string, v: string) => { stored.set(k, v); }) };
    vi.stubGlobal('sessionStorage', storage);
    try {
      const dbName = `lazy-session-${Date.now()}`;
      const shim = newShim({ dbName });
      await success<unknown>((ok, fail) => shim.Wix.Contacts.getContacts({}, ok, fail));
      expect(storage.getItem).not.toHaveBeenCalled();
      const first = await new Promise<string>((resolve) => shim.Wix.Activities.getUserSessionToken(resolve));
      expect(storage.getItem).toHaveBeenCalledTimes(1);
      expect(storage.setItem).toHaveBeenCalledTimes(1);
      // The same page session, another instance on the database: the stored session, not a new one.
      const again = newShim({ dbName });
      expect(await new Promise<string>((resolve) => again.Wix.Activities.getUserSessionToken(resolve))).toBe(first);
      expect(storage.setItem).toHaveBeenCalledTimes(1);
      await Promise.all([shim.close(), again.close()]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('calls the callback exactly once, and does nothing without one', async () => {
    const shim = newShim();
    const cb = vi.fn();
    shim.Wix.Activities.getUserSessionToken(cb);
    expect(cb).not.toHaveBeenCalled();
    await settle();
    expect(cb).toHaveBeenCalledTimes(1);
    expect(() => (shim.Wix.Activities.getUserSessionToken as (cb?: unknown) => void)()).not.toThrow();
  });
});

describe('getActivityById', () => {
  it("an unknown id gives 'NOT_FOUND'", async () => {
    const shim = newShim();
    await post(shim, albumFan());
    expect(await failure((ok, fail) => shim.Wix.Activities.getActivityById('0190aaaa-0000-7000-8000-000000000000', ok, fail))).toBe('NOT_FOUND');
    expect(await failure((ok, fail) => shim.Wix.Activities.getActivityById('', ok, fail))).toBe('NOT_FOUND');
  });
});

describe('argument errors are thrown as strings, word for word', () => {
  const msg = (m: string) => `TypeError: Wix SDK: ${m}`;
  const ID = 'Missing mandatory argument - id, must be a string';
  const ON_SUCCESS = 'Missing mandatory argument - onSuccess, must be a function';
  const ON_FAILURE = 'Missing mandatory argument - onFailure, must be a function';
  type Loose = (...args: unknown[]) => void;

  const expectThrow = (fn: () => unknown, message: string) => {
    const e = thrown(fn);
    expect(typeof e).toBe('string');
    expect((e as string).startsWith(msg(message)), String(e)).toBe(true);
  };

  it('getActivityById checks id, then onSuccess, then onFailure', async () => {
    const shim = newShim();
    const get = shim.Wix.Activities.getActivityById as Loose;
    const ok = vi.fn();
    const fail = vi.fn();
    expectThrow(() => get(42, ok, fail), ID);
    expectThrow(() => get(undefined, undefined, undefined), ID);
    expectThrow(() => get(null, ok, fail), ID);
    expectThrow(() => get('id', undefined, undefined), ON_SUCCESS);
    expectThrow(() => get('id', 'not a function', fail), ON_SUCCESS);
    expectThrow(() => get('id', ok, undefined), ON_FAILURE);
    expectThrow(() => get('id', ok, {}), ON_FAILURE);
    await settle();
    expect(ok).not.toHaveBeenCalled();
    expect(fail).not.toHaveBeenCalled();
  });

  it('getActivities takes its callbacks first and checks onSuccess, then onFailure', async () => {
    const shim = newShim();
    const get = shim.Wix.Activities.getActivities as Loose;
    const ok = vi.fn();
    const fail = vi.fn();
    expectThrow(() => get(), ON_SUCCESS);
    expectThrow(() => get(undefined, undefined), ON_SUCCESS);
    expectThrow(() => get({ activityTypes: 'music/album-fan' }, ok, fail), ON_SUCCESS);
    expectThrow(() => get(ok), ON_FAILURE);
    expectThrow(() => get(ok, { pageSize: 5 }), ON_FAILURE);
    await settle();
    expect(ok).not.toHaveBeenCalled();
    expect(fail).not.toHaveBeenCalled();
  });

  it('postActivity throws nothing for missing callbacks: they are optional', async () => {
    const shim = newShim();
    const postLoose = shim.Wix.Activities.postActivity as Loose;
    expect(postLoose(albumFan())).toBeUndefined();
    await eventually(async () => (await counts(shim)).activities === 1);

    const ok = vi.fn();
    expect(postLoose(albumFan(), ok)).toBeUndefined();
    await eventually(async () => ok.mock.calls.length === 1);
    expect((ok.mock.calls[0]?.[0] as PostActivityResult).activityId).toEqual(expect.any(String));

    // A failure with only onSuccess: nothing is called, nothing thrown.
    const okOnly = vi.fn();
    expect(postLoose({ type: 'nope' }, okOnly)).toBeUndefined();
    // A failure with only onFailure.
    const failOnly = vi.fn();
    expect(postLoose({ type: 'nope' }, undefined, failOnly)).toBeUndefined();
    await eventually(async () => failOnly.mock.calls.length === 1);
    expect((failOnly.mock.calls[0]?.[0] as HttpErrorBody).errorCode).toBe(400);
    await settle();
    expect(okOnly).not.toHaveBeenCalled();
    expect((await counts(shim)).activities).toBe(2);
  });
});

describe('callbacks run asynchronously and exactly once', () => {
  /** Starts a call with spies; returns how they were called synchronously and after settling. */
  async function observe(start: (ok: (v: unknown) => void, fail: (e: unknown) => void) => void) {
    const ok = vi.fn();
    const fail = vi.fn();
    start(ok, fail);
    const syncCalls = ok.mock.calls.length + fail.mock.calls.length;
    await settle();
    await settle();
    return { syncCalls, ok: ok.mock.calls.length, fail: fail.mock.calls.length };
  }

  it('for every method, on success and on failure', async () => {
    const shim = newShim();
    const A = shim.Wix.Activities;
    const { activityId } = await post(shim, albumFan());
    const cases: Array<[string, (ok: (v: unknown) => void, fail: (e: unknown) => void) => void, 'ok' | 'fail']> = [
      ['postActivity success', (ok, fail) => A.postActivity(albumFan(), ok, fail), 'ok'],
      ['postActivity failure', (ok, fail) => A.postActivity({ type: 'x' } as unknown as ActivityDescriptor, ok, fail), 'fail'],
      ['getActivityById success', (ok, fail) => A.getActivityById(activityId, ok, fail), 'ok'],
      ['getActivityById failure', (ok, fail) => A.getActivityById('missing', ok, fail), 'fail'],
      ['getActivities success', (ok, fail) => A.getActivities(ok, fail), 'ok'],
      ['getActivities failure', (ok, fail) => A.getActivities(ok, fail, { scope: 'galaxy' as 'site' }), 'fail'],
      ['getUserSessionToken', (ok) => A.getUserSessionToken(ok), 'ok'],
    ];
    for (const [label, start, expected] of cases) {
      const seen = await observe(start);
      expect(seen.syncCalls, label).toBe(0);
      expect(seen.ok, label).toBe(expected === 'ok' ? 1 : 0);
      expect(seen.fail, label).toBe(expected === 'fail' ? 1 : 0);
    }
    // outcome() itself rejects on a synchronous or second callback.
    expect((await outcome((ok, fail) => A.postActivity(albumFan(), ok, fail))).ok).toBe(true);
  });

  it('a throwing onSuccess does not cause onFailure, nor break the next call', async () => {
    const shim = newShim();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const fail = vi.fn();
      const ok = vi.fn(() => {
        throw new Error('app bug');
      });
      shim.Wix.Activities.postActivity(albumFan(), ok, fail);
      await eventually(async () => ok.mock.calls.length === 1);
      await settle();
      expect(ok).toHaveBeenCalledTimes(1);
      expect(fail).not.toHaveBeenCalled();
      expect((await counts(shim)).activities).toBe(1);
      await post(shim, albumFan());
      expect((await counts(shim)).activities).toBe(2);
    } finally {
      consoleError.mockRestore();
    }
  });
});
