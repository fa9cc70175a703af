/**
 * Issue 11, `handleHiveRequest` (SPEC §5, facts §6): every endpoint of facts §6.2 and §6.3, the
 * errors of §3.4 (400, 404, 409 stale modifiedAt, 410 expired cursor), and round trips between the
 * HTTP API and the SDK methods of the same instance, and of another instance on the same database.
 */
import { describe, it, expect, afterEach, vi } from 'vitest';
import type { Activity, Contact, PostActivityResult, ReconcileResult } from '../src/core/types';
import type { Shim } from '../src/shim/create-shim';
import { newShim, success } from './helpers';

const BASE = 'https://openapi.wix.com/v1';
const albumFan = { album: { name: 'Wix', id: '1234' }, artist: { name: 'The Pixels', id: 'art-9' } };
const activityBody = (extra: Record<string, unknown> = {}) => ({
  createdAt: '2014-09-02T11:13:51.647+03:00',
  activityType: 'music/album-fan',
  activityLocationUrl: 'http://www.wix.com/',
  activityDetails: { summary: 'test', additionalInfoUrl: 'http://www.wix.com/' },
  activityInfo: albumFan,
  ...extra,
});

/** A clock the test moves: cursors expire by it, and modifiedAt values come from it. */
function clock(start = Date.UTC(2024, 0, 1)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => { t += ms; } };
}

const shims: Shim[] = [];
afterEach(async () => { await Promise.all(shims.splice(0).map((s) => s.close())); });

function setup(options: Parameters<typeof newShim>[0] = {}) {
  const time = clock();
  const shim = newShim({ now: time.now, ...options });
  shims.push(shim);
  /** Sends a request; `path` is relative to /v1 and gets version=1.0.0 unless it names a version. */
  const call = async (method: string, path: string, body?: unknown, raw = false) => {
    const withVersion = /[?&]version=/.test(path) || raw ? path : `${path}${path.includes('?') ? '&' : '?'}version=1.0.0`;
    const response = await shim.handleHiveRequest(new Request(`${BASE}${withVersion}`, {
      method,
      ...(body === undefined ? {} : { body: body instanceof RawBody ? body.text : JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
    }));
    expect(response.headers.get('Content-Type')).toBe('application/json');
    return { status: response.status, body: (await response.json()) as any };
  };
  const ok = async (method: string, path: string, body?: unknown) => {
    const r = await call(method, path, body);
    if (r.status !== 200) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  return { shim, time, call, ok };
}

const sdkContact = (shim: Shim, id: string) => success<Contact>((s, f) => shim.Wix.Contacts.getContactById(id, s, f));
const sdkActivity = (shim: Shim, id: string) => success<Activity>((s, f) => shim.Wix.Activities.getActivityById(id, s, f));
const sessionToken = (shim: Shim) => new Promise<string>((resolve) => shim.Wix.Activities.getUserSessionToken(resolve));
/** A body sent as is, not as JSON. */
class RawBody { constructor(readonly text: string) {} }
const email = (address: string) => ({ tag: 'work', email: address });

/** An error answer: the §3.4 body, its status equal to errorCode. */
function expectError(r: { status: number; body: any }, status: number, wixErrorCode?: number) {
  expect(r.status).toBe(status);
  expect(r.body).toMatchObject({ errorCode: status, message: expect.any(String), wixErrorCode: expect.any(Number) });
  expect(Object.keys(r.body).sort()).toEqual(['errorCode', 'message', 'wixErrorCode']);
  if (wixErrorCode !== undefined) expect(r.body.wixErrorCode).toBe(wixErrorCode);
}

describe('transport', () => {
  it('needs ?version= (400), knows only its versions and endpoints (404), and answers any origin by its /v1 path', async () => {
    const { call } = setup();
    expectError(await call('GET', '/activities/types', undefined, true), 400);
    expectError(await call('GET', '/activities/types?version=3.0.0'), 404);
    expectError(await call('GET', '/nothing-here'), 404);
    expectError(await call('DELETE', '/contacts'), 404);
    expectError(await call('GET', '/contacts/%E0%A4%A'), 400);
    const { shim } = setup();
    const r = await shim.handleHiveRequest(new Request('http://127.0.0.1:9999/some/base/v1/activities/types?version=1.0.0'));
    expect(r.status).toBe(200);
    expect((await r.json()).types).toContain('music/album-fan');
  });

  it('a body that is not JSON is a 400 -23011 and stores nothing', async () => {
    const { call, shim } = setup();
    expectError(await call('POST', '/contacts', new RawBody('{not json')), 400, -23011);
    expect((await shim.status()).counts.contacts).toBe(0);
  });
});

describe('activities (facts §6.2)', () => {
  it('POST /activities?userSessionToken= links to the visitor session of Wix.Activities, both ways', async () => {
    const { shim, ok, call } = setup();
    const token = await sessionToken(shim);
    // An anonymous post over HTTP, then the SDK reconciles the visitor: the earlier post is linked.
    const anon = await ok('POST', `/activities?userSessionToken=${encodeURIComponent(token)}`, activityBody());
    expect(anon).toEqual({ activityId: expect.any(String), contactId: null });
    const posted = await success<PostActivityResult>((s, f) => shim.Wix.Activities.postActivity({
      type: 'music/album-fan', info: albumFan, details: { summary: 's', additionalInfoUrl: null },
      contactUpdate: { emails: [email('fan@example.com')] },
    }, s, f));
    expect(posted.contactId).toEqual(expect.any(String));
    const timeline = await ok('GET', `/contacts/${posted.contactId}/activities`);
    expect(timeline.results.map((a: Activity) => a.id).sort()).toEqual([anon.activityId, posted.activityId].sort());
    // Now the session has a contact: an HTTP post with the token is linked at once.
    const linked = await ok('POST', `/activities?userSessionToken=${token}`, activityBody());
    expect(linked.contactId).toBe(posted.contactId);
    // The activity is the one the SDK reads, with the sent createdAt kept.
    const read = await sdkActivity(shim, linked.activityId);
    expect(read).toMatchObject({ id: linked.activityId, activityType: 'music/album-fan', createdAt: '2014-09-02T11:13:51.647+03:00', activityInfo: albumFan });
    expect(await ok('GET', `/activities/${linked.activityId}`)).toEqual(read);
    expectError(await call('POST', '/activities', activityBody()), 400);
    expectError(await call('POST', '/activities?userSessionToken=not-a-token', activityBody()), 400);
  });

  it('rejects unknown top-level keys (-23011) and schema failures (-23012) with nothing stored', async () => {
    const { shim, call } = setup();
    const token = await sessionToken(shim);
    const snake = { ...activityBody(), activity_type: 'music/album-fan' };
    expectError(await call('POST', `/activities?userSessionToken=${token}`, snake), 400, -23011);
    const r = await call('POST', `/activities?userSessionToken=${token}`, activityBody({ activityInfo: {} }));
    expectError(r, 400, -23012);
    expect(r.body.message).toMatch(/album/);
    expectError(await call('POST', `/activities?userSessionToken=${token}`, activityBody({ createdAt: 'yesterday' })), 400, -23012);
    expect((await shim.status()).counts.activities).toBe(0);
  });

  it('POST /contacts/{id}/activities posts for a known contact, merging its contactUpdate; 404 for an unknown one', async () => {
    const { shim, ok, call } = setup();
    const { contactId } = await ok('POST', '/contacts', { emails: [email('a@example.com')] });
    const r = await ok('POST', `/contacts/${contactId}/activities`, activityBody({ contactUpdate: { name: { first: 'Ann' }, company: {} } }));
    expect(r).toEqual({ activityId: expect.any(String), contactId });
    expect((await sdkContact(shim, contactId)).name.first).toBe('Ann');
    const cursor = await success<{ getData(): Activity[] }>((s, f) => shim.Wix.Activities.getActivities(s as never, f, { contactId }));
    expect(cursor.getData().map((a) => a.id)).toEqual([r.activityId]);
    expectError(await call('POST', '/contacts/nobody/activities', activityBody()), 404, -23018);
    expectError(await call('GET', '/activities/nothing'), 404);
  });

  it('GET /activities filters by activityTypes, from, until and scope, pages newest first, and a cursor expires after 30 minutes (410)', async () => {
    const { shim, ok, call, time } = setup();
    const token = await sessionToken(shim);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const type = i % 2 ? 'music/album-played' : 'music/album-fan';
      const info = i % 2 ? { album: { name: 'Daylight', id: 'alb-3' } } : albumFan;
      ids.push((await ok('POST', `/activities?userSessionToken=${token}`, activityBody({ activityType: type, activityInfo: info, createdAt: `2024-01-0${i + 1}T00:00:00Z` }))).activityId);
    }
    const fans = await ok('GET', '/activities?activityTypes=music/album-fan&scope=site');
    expect(fans.results.map((a: Activity) => a.id)).toEqual([ids[4], ids[2], ids[0]]);
    const both = await ok('GET', '/activities?activityTypes=music/album-fan,music/album-played&from=2024-01-02T00:00:00Z&until=2024-01-04T00:00:00Z');
    expect(both.results.map((a: Activity) => a.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(both).not.toHaveProperty('total');
    // Paging: two by two, forward then back.
    const p1 = await ok('GET', '/activities?pageSize=2');
    expect(p1.results.map((a: Activity) => a.id)).toEqual([ids[4], ids[3]]);
    expect(p1).not.toHaveProperty('previousCursor');
    const p2 = await ok('GET', `/activities?cursor=${p1.nextCursor}`);
    expect(p2.results.map((a: Activity) => a.id)).toEqual([ids[2], ids[1]]);
    const p3 = await ok('GET', `/activities?cursor=${p2.nextCursor}`);
    expect(p3.results.map((a: Activity) => a.id)).toEqual([ids[0]]);
    expect(p3.nextCursor).toBeNull();
    const back = await ok('GET', `/activities?cursor=${p3.previousCursor}`);
    expect(back.results.map((a: Activity) => a.id)).toEqual([ids[2], ids[1]]);
    // Errors: unknown type 404, bad scope / date / page size 400, from with cursor 400, bad cursor 400.
    expectError(await call('GET', '/activities?activityTypes=music/nothing'), 404);
    expectError(await call('GET', '/activities?scope=everything'), 400);
    expectError(await call('GET', '/activities?from=tuesday'), 400);
    expectError(await call('GET', '/activities?pageSize=0'), 400);
    expectError(await call('GET', `/activities?cursor=${p1.nextCursor}&from=2024-01-01T00:00:00Z`), 400);
    expectError(await call('GET', '/activities?cursor=garbage'), 400);
    expectError(await call('GET', `/contacts?cursor=${p1.nextCursor}`), 400);
    // 29 minutes later the cursor still works; after 30 it is gone.
    time.advance(29 * 60 * 1000);
    expect((await ok('GET', `/activities?cursor=${p1.nextCursor}`)).results).toHaveLength(2);
    time.advance(60 * 1000 + 1);
    expectError(await call('GET', `/activities?cursor=${p1.nextCursor}`), 410);
  });

  it('GET /activities/types lists the canonical types; the insights summaries count by type, per site and per contact', async () => {
    const { shim, ok, call } = setup();
    const types = await ok('GET', '/activities/types');
    expect(types.types).toHaveLength(40);
    expect(types.types).toContain('e_commerce/purchase');
    const { contactId } = await ok('POST', '/contacts', { emails: [email('a@example.com')] });
    const token = await sessionToken(shim);
    await ok('POST', `/activities?userSessionToken=${token}`, activityBody());
    await ok('POST', `/contacts/${contactId}/activities`, activityBody());
    await ok('POST', `/contacts/${contactId}/activities`, activityBody({ activityType: 'music/album-played', activityInfo: { album: { name: 'D', id: '1' } } }));
    const site = await ok('GET', '/insights/activities/summary?scope=app');
    expect(site.total).toBe(3);
    expect(site.activityTypes).toEqual(expect.arrayContaining([{ activityType: 'music/album-fan', total: 2 }, { activityType: 'music/album-played', total: 1 }]));
    const one = await ok('GET', `/insights/contacts/${contactId}/activities/summary`);
    expect(one.total).toBe(2);
    // openapi-node 3.0.3 leaves out the slash before the id.
    expect(await ok('GET', `/insights/contacts${contactId}/activities/summary`)).toEqual(one);
    expectError(await call('GET', '/insights/contacts/nobody/activities/summary'), 404);
    expectError(await call('GET', '/insights/activities/summary?scope=planet'), 400);
  });
});

describe('contacts (facts §6.3, §6.5)', () => {
  it('create (1.0.0) answers {contactId}, keeps notes, custom fields and a numeric postalCode; the SDK reads it', async () => {
    const { shim, ok, call } = setup();
    const r = await ok('POST', '/contacts?version=1.0.0', {
      name: { first: 'Mix', last: 'Lot' }, company: { name: 'Wix', role: 'CEO' }, picture: 'http://example.com/p.jpg',
      addresses: [{ tag: 'work', address: '500 Terry A Francois', city: 'San Francisco', postalCode: 94158 }],
      notes: [{ content: 'Met at the fair' }], custom: [{ field: 'shoe', value: '42' }],
    });
    expect(Object.keys(r)).toEqual(['contactId']);
    const c = await sdkContact(shim, r.contactId);
    expect(c).toMatchObject({
      name: { first: 'Mix', last: 'Lot', prefix: '' }, company: { name: 'Wix', role: 'CEO' }, picture: 'http://example.com/p.jpg',
      addresses: [{ id: 1, postalCode: '94158' }], notes: [{ id: 1, content: 'Met at the fair' }], custom: [{ id: 1, field: 'shoe', value: '42' }],
    });
    expectError(await call('POST', '/contacts', { name: { first: 'Nobody' } }), 400);
    expectError(await call('POST', '/contacts', { emails: [{ tag: 'x', email: '' }] }), 400);
    expect((await shim.status()).counts.contacts).toBe(1);
  });

  it('reconcile (2.0.0) answers 200 with details.isNew both times, with the SDK\'s rejectedData, and matches what the SDK created', async () => {
    const { shim, call } = setup();
    const sdk = await success<ReconcileResult>((s, f) => shim.Wix.Contacts.reconcileContact({ name: { first: 'Ann' }, emails: [email('ann@example.com')] }, s, f));
    const again = await call('POST', '/contacts?version=2.0.0', { name: { first: 'Anna' }, emails: [email('ANN@example.com')], phones: [{ tag: 'm', phone: '+1 646-862-0833' }], notes: [{ content: 'n' }] });
    expect(again.status).toBe(200);
    expect(again.body.contact.id).toBe(sdk.contact.id);
    expect(again.body.details).toMatchObject({ isNew: false, rejectedData: [{ key: 'name', value: { first: 'Anna' } }], existingData: [{ key: 'name' }] });
    expect(again.body.contact.notes).toEqual([{ id: 1, content: 'n' }]);
    const fresh = await call('POST', '/contacts?version=2.0.0', { emails: [email('new@example.com')] });
    expect(fresh.status).toBe(200);
    expect(fresh.body.details.isNew).toBe(true);
    expect((await sdkContact(shim, sdk.contact.id)).phones).toEqual([expect.objectContaining({ id: 1, phone: '+1 646-862-0833' })]);
    expectError(await call('POST', '/contacts?version=2.0.0', { name: { first: 'X' } }), 400);
  });

  it('upsert (PUT /contacts) finds the contact holding every given key, else creates one, and links a userSessionToken', async () => {
    const { shim, ok, call } = setup();
    const { contactId } = await ok('POST', '/contacts', { emails: [email('a@example.com')], phones: [{ tag: 'm', phone: '+1 415 639 5555' }] });
    expect(await ok('PUT', '/contacts', { email: 'A@example.com' })).toEqual({ contactId });
    expect(await ok('PUT', '/contacts', { email: 'a@example.com', phone: '+14156395555' })).toEqual({ contactId });
    const other = await ok('PUT', '/contacts', { email: 'a@example.com', phone: '+1 000 000 0000' });
    expect(other.contactId).not.toBe(contactId);
    // With the visitor's token, the session's earlier anonymous activity joins the contact.
    const token = await sessionToken(shim);
    const anon = await ok('POST', `/activities?userSessionToken=${token}`, activityBody());
    const linked = await ok('PUT', '/contacts', { email: 'visitor@example.com', userSessionToken: token });
    const timeline = await ok('GET', `/contacts/${linked.contactId}/activities`);
    expect(timeline.results.map((a: Activity) => a.id)).toEqual([anon.activityId]);
    expectError(await call('PUT', '/contacts', {}), 400);
    expectError(await call('PUT', '/contacts', { email: '   ' }), 400);
  });

  it('GET /contacts: email, phone with the ? wildcard, name.first, name.last, labels, fields, paging with total; unknown parameters are ignored', async () => {
    const { shim, ok, call, time } = setup();
    const made: string[] = [];
    const people = [
      { name: { first: 'Karen', last: 'Meep' }, emails: [email('karen@home.com')], phones: [{ tag: 'w', phone: '+1-415-639-5555' }] },
      { name: { first: 'Karen', last: 'Other' }, emails: [email('k2@example.com')] },
      { name: { first: 'Bob', last: 'Meep' }, phones: [{ tag: 'w', phone: '+1 212 555 0000' }] },
    ];
    for (const p of people) { made.push((await ok('POST', '/contacts', p)).contactId); time.advance(1000); }
    const ids = (r: any) => r.results.map((c: Contact) => c.id);
    expect(ids(await ok('GET', '/contacts?email=KAREN@home.com'))).toEqual([made[0]]);
    expect(ids(await ok('GET', `/contacts?phone=${encodeURIComponent('+1415639?')}`))).toEqual([made[0]]);
    expect(ids(await ok('GET', '/contacts?phone=14156395555'))).toEqual([made[0]]);
    expect(ids(await ok('GET', '/contacts?phone=1415639'))).toEqual([]);
    expect(ids(await ok('GET', '/contacts?name.first=Karen'))).toEqual([made[1], made[0]]);
    expect(ids(await ok('GET', '/contacts?name.last=Meep&name.first=Bob'))).toEqual([made[2]]);
    expect(ids(await ok('GET', '/contacts?firstName=Nobody&tag=x'))).toEqual([made[2], made[1], made[0]]);
    await shim.setLabels(made[1]!, ['vip']);
    expect(ids(await ok('GET', '/contacts?labels=vip'))).toEqual([made[1]]);
    expect(ids(await ok('GET', '/contacts?labels=vip&name.first=Karen'))).toEqual([made[1]]);
    const trimmed = await ok('GET', '/contacts?fields=NAME,EMAILS&pageSize=1');
    expect(Object.keys(trimmed.results[0]).sort()).toEqual(['createdAt', 'emails', 'id', 'modifiedAt', 'name', 'tags']);
    expect(trimmed.total).toBe(3);
    expect(trimmed.pageSize).toBe(1);
    // The cursor keeps the query: page 2 is trimmed the same way.
    const p2 = await ok('GET', `/contacts?cursor=${trimmed.nextCursor}`);
    expect(ids(p2)).toEqual([made[1]]);
    expect(p2.results[0]).not.toHaveProperty('phones');
    expect(p2.previousCursor).toEqual(expect.any(String));
    // A filtered listing pages too.
    const f1 = await ok('GET', '/contacts?name.first=Karen&pageSize=1');
    expect(ids(f1)).toEqual([made[1]]);
    expect(ids(await ok('GET', `/contacts?cursor=${f1.nextCursor}`))).toEqual([made[0]]);
    expect(f1.total).toBe(2);
    expectError(await call('GET', '/contacts?fields=SHOES'), 400);
    time.advance(31 * 60 * 1000);
    expectError(await call('GET', `/contacts?cursor=${f1.nextCursor}`), 410);
  });

  it('GET /contacts/{id} answers the contact the SDK wrote; 404 -23018 for an unknown id; the pending endpoints are 400 -23001', async () => {
    const { shim, ok, call } = setup();
    const r = await success<ReconcileResult>((s, f) => shim.Wix.Contacts.reconcileContact({ emails: [email('x@example.com')], name: { first: 'X' } }, s, f));
    const got = await ok('GET', `/contacts/${r.contact.id}`);
    // The HTTP answer carries an emailStatus on every email (openapi-node requires one).
    expect(got).toEqual({ ...r.contact, emails: [{ ...r.contact.emails[0], emailStatus: 'transactional' }] });
    const missing = await call('GET', '/contacts/nope');
    expectError(missing, 404, -23018);
    expect(missing.body.message).toBe('Cannot find contact with contactId [nope]');
    expectError(await call('GET', '/contacts/tags'), 400, -23001);
  });

  it('the add-item endpoints append a numbered item and answer the full contact; modifiedAt is required and checked (409 when stale)', async () => {
    const { shim, ok, call, time } = setup();
    const { contactId } = await ok('POST', '/contacts', { emails: [email('a@example.com')] });
    let c: Contact = await ok('GET', `/contacts/${contactId}`);
    const bodies: Record<string, unknown> = {
      email: { tag: 'home', email: 'b@example.com', emailStatus: 'recurring' },
      phone: { tag: 'm', phone: '+1 646-862-0833' },
      address: { tag: 'home', city: 'Denver', postalCode: 80202 },
      url: { tag: 'site', url: 'http://wix.com' },
      date: { tag: 'birthday', date: '1990-05-17' },
      note: { content: 'likes jazz' },
      custom: { field: 'size', value: 'M' },
    };
    const arrays: Record<string, keyof Contact> = { email: 'emails', phone: 'phones', address: 'addresses', url: 'urls', date: 'dates', note: 'notes', custom: 'custom' };
    for (const [kind, body] of Object.entries(bodies)) {
      time.advance(1000);
      const before = (c[arrays[kind]!] as unknown[]).length;
      const next: Contact = await ok('POST', `/contacts/${contactId}/${kind}?modifiedAt=${encodeURIComponent(c.modifiedAt)}`, body);
      const list = next[arrays[kind]!] as Array<{ id: number }>;
      expect(list).toHaveLength(before + 1);
      expect(list[before]!.id).toBe(before + 1);
      expect(Date.parse(next.modifiedAt)).toBeGreaterThan(Date.parse(c.modifiedAt));
      c = next;
    }
    // Read back through the SDK: every item is there.
    const sdk = await sdkContact(shim, contactId);
    expect(sdk.emails.map((e) => e.email)).toEqual(['a@example.com', 'b@example.com']);
    expect(sdk.addresses[0]).toMatchObject({ city: 'Denver', postalCode: '80202' });
    expect(sdk.notes).toEqual([{ id: 1, content: 'likes jazz' }]);
    expect(sdk.custom).toEqual([{ id: 1, field: 'size', value: 'M' }]);
    // The index follows: the new email finds the contact.
    expect((await ok('GET', '/contacts?email=b@example.com')).results[0].id).toBe(contactId);
    // Errors: modifiedAt missing 400, stale 409 (nothing written), malformed 400, unknown contact 404.
    expectError(await call('POST', `/contacts/${contactId}/note`, { content: 'x' }), 400);
    const stale = await call('POST', `/contacts/${contactId}/note?modifiedAt=2000-01-01T00:00:00Z`, { content: 'x' });
    expectError(stale, 409);
    expect(stale.body.message).toMatch(/Re-fetch/);
    expectError(await call('POST', `/contacts/${contactId}/phone?modifiedAt=${c.modifiedAt}`, { field: 'a', value: 'b' }), 400);
    expectError(await call('POST', `/contacts/${contactId}/note?modifiedAt=${c.modifiedAt}`, { content: '' }), 400);
    expectError(await call('POST', `/contacts/nobody/note?modifiedAt=${c.modifiedAt}`, { content: 'x' }), 404);
    expect((await sdkContact(shim, contactId)).notes).toHaveLength(1);
    // A later instant is current too (the Ruby client sent its own clock as epoch seconds).
    const later = Math.ceil(time.now() / 1000) + 5;
    expect((await ok('POST', `/contacts/${contactId}/note?modifiedAt=${later}`, { content: 'second' })).notes).toHaveLength(2);
  });

  it('the override endpoints replace name, company and picture (bare string or {picture}), and an item by id keeping its id and position', async () => {
    const { ok, call, shim, time } = setup();
    const { contactId } = await ok('POST', '/contacts', {
      name: { first: 'Old' }, company: { name: 'OldCo' }, picture: 'http://old.jpg',
      emails: [email('one@example.com'), email('two@example.com')], phones: [{ tag: 'm', phone: '111' }],
      urls: [{ tag: 'u', url: 'http://a' }], dates: [{ tag: 'd', date: '2020-01-01' }], addresses: [{ tag: 'a', city: 'X' }],
      notes: [{ content: 'n1' }], custom: [{ field: 'f', value: 'v' }],
    });
    let c: Contact = await ok('GET', `/contacts/${contactId}`);
    const put = async (path: string, body: unknown) => { time.advance(1000); c = await ok('PUT', `/contacts/${contactId}/${path}?modifiedAt=${c.modifiedAt}`, body); return c; };
    expect((await put('name', { first: 'New', last: 'Name' })).name).toEqual({ prefix: '', first: 'New', middle: '', last: 'Name', suffix: '' });
    expect((await put('company', { role: 'CTO' })).company).toEqual({ role: 'CTO', name: '' });
    expect((await put('picture', 'http://new.jpg')).picture).toBe('http://new.jpg');
    expect((await put('picture', { picture: 'http://newer.jpg' })).picture).toBe('http://newer.jpg');
    expect((await put('email/1', { id: 99, tag: 'home', email: 'uno@example.com', emailStatus: 'optOut' })).emails)
      .toEqual([{ id: 1, tag: 'home', email: 'uno@example.com', emailStatus: 'optOut' }, { id: 2, tag: 'work', email: 'two@example.com', emailStatus: 'transactional' }]);
    expect((await put('phone/1', { tag: 'm', phone: '222' })).phones).toEqual([{ id: 1, tag: 'm', phone: '222' }]);
    expect((await put('url/1', { tag: 'u', url: 'http://b' })).urls).toEqual([{ id: 1, tag: 'u', url: 'http://b' }]);
    expect((await put('date/1', { tag: 'd', date: '2021-02-02' })).dates).toEqual([{ id: 1, tag: 'd', date: '2021-02-02' }]);
    expect((await put('address/1', { tag: 'a', city: 'Y' })).addresses).toEqual([{ id: 1, tag: 'a', city: 'Y' }]);
    expect((await put('note/1', { content: 'n2' })).notes).toEqual([{ id: 1, content: 'n2' }]);
    expect((await put('custom/1', { field: 'f', value: 'w' })).custom).toEqual([{ id: 1, field: 'f', value: 'w' }]);
    expect((await put('email/2/subscription', { status: 'recurring' })).emails[1]).toMatchObject({ id: 2, emailStatus: 'recurring' });
    // The SDK reads the overrides, and the old email no longer finds the contact.
    const sdk = await sdkContact(shim, contactId);
    expect(sdk.name.first).toBe('New');
    expect(sdk.picture).toBe('http://newer.jpg');
    expect((await ok('GET', '/contacts?email=one@example.com')).results).toEqual([]);
    // Errors.
    expectError(await call('PUT', `/contacts/${contactId}/email/7?modifiedAt=${c.modifiedAt}`, email('x@example.com')), 400);
    expectError(await call('PUT', `/contacts/${contactId}/email/1/subscription?modifiedAt=${c.modifiedAt}`, { status: 'sometimes' }), 400);
    expectError(await call('PUT', `/contacts/${contactId}/picture?modifiedAt=${c.modifiedAt}`, 42), 400);
    expectError(await call('PUT', `/contacts/${contactId}/name?modifiedAt=${c.modifiedAt}`, { first: 'x'.repeat(101) }), 400);
    expectError(await call('PUT', `/contacts/${contactId}/name?modifiedAt=2000-01-01T00:00:00Z`, { first: 'Stale' }), 409);
    expectError(await call('PUT', `/contacts/${contactId}`, {}), 404);
    expect((await sdkContact(shim, contactId)).name.first).toBe('New');
  });
});

describe('labels (facts §6.3, §6.5)', () => {
  it('lists system labels on a fresh site, creates a label (its id as a bare string), reads it and labels contacts by id or by label', async () => {
    const { shim, ok, call } = setup();
    const fresh = await ok('GET', '/labels');
    expect(fresh.results.length).toBeGreaterThan(0);
    expect(fresh.total).toBe(fresh.results.length);
    const id = await ok('POST', '/labels', { name: 'VIP Guests', description: 'Big spenders' });
    expect(typeof id).toBe('string');
    expect(await ok('GET', `/labels/${encodeURIComponent(id)}`)).toMatchObject({ id, name: 'VIP Guests', description: 'Big spenders' });
    expect((await ok('GET', '/labels')).total).toBe(fresh.total + 1);
    const a = (await ok('POST', '/contacts', { emails: [email('a@example.com')] })).contactId;
    const b = (await ok('POST', '/contacts', { emails: [email('b@example.com')] })).contactId;
    await ok('POST', `/labels/${id}/contacts`, { dataType: 'CONTACTS', data: [a] });
    // The SDK's label filter sees it.
    const cursor = await success<{ getData(): Contact[] }>((s, f) => shim.Wix.Contacts.getContacts({ label: id }, s as never, f));
    expect(cursor.getData().map((c) => c.id)).toEqual([a]);
    await shim.setLabels(b, ['old-guests']);
    const other = await ok('POST', '/labels', { name: 'Everyone' });
    await ok('POST', `/labels/${other}/contacts`, { dataType: 'LABELS', data: [id, 'old-guests'] });
    expect((await ok('GET', `/contacts?labels=${other}`)).results.map((c: Contact) => c.id).sort()).toEqual([a, b].sort());
    expectError(await call('GET', '/labels/none'), 404);
    expectError(await call('POST', '/labels', { name: '' }), 400);
    expectError(await call('POST', '/labels', { name: 'vip guests' }), 400);
    expectError(await call('POST', '/labels/none/contacts', { dataType: 'CONTACTS', data: [a] }), 404);
    expectError(await call('POST', `/labels/${id}/contacts`, { dataType: 'PEOPLE', data: [a] }), 400);
    // An unknown contact fails the whole request: no contact is labelled.
    expectError(await call('POST', `/labels/${other}/contacts`, { dataType: 'CONTACTS', data: ['nobody'] }), 404);
  });
});

describe('HTTP ↔ SDK across instances on one database, with change and webhook events', () => {
  it('a write over HTTP in one instance is read by the SDK of another, and the other way round; events fire', async () => {
    const a = setup();
    // A second tab: another instance on the same database.
    const dbName = (await a.shim.status()).dbName;
    const tab2 = newShim({ dbName, indexedDB: a.shim.factory, now: a.time.now });
    shims.push(tab2);
    const hooks: string[] = [];
    a.shim.on('webhook', (w) => hooks.push(`${w.eventType} ${w.body.contactId}`));
    const { contactId } = await a.ok('POST', '/contacts', { emails: [email('cross@example.com')] });
    expect((await sdkContact(tab2, contactId)).emails[0]!.email).toBe('cross@example.com');
    const r = await success<ReconcileResult>((s, f) => tab2.Wix.Contacts.reconcileContact({ emails: [email('other@example.com')] }, s, f));
    expect((await a.ok('GET', `/contacts/${r.contact.id}`)).id).toBe(r.contact.id);
    const c = await a.ok('GET', `/contacts/${contactId}`);
    await a.ok('POST', `/contacts/${contactId}/note?modifiedAt=${c.modifiedAt}`, { content: 'x' });
    // This tab's HTTP writes, and (through the cross-tab channel) the other tab's SDK write.
    await vi.waitFor(() => expect([...hooks].sort()).toEqual([`/contacts/created ${contactId}`, `/contacts/created ${r.contact.id}`, `/contacts/updated ${contactId}`].sort()));
    expect((await sdkContact(tab2, contactId)).notes).toHaveLength(1);
  });

  it('a failed request answers an error, warns once with what to fix, and never throws', async () => {
    const { call, shim } = setup();
    await call('GET', '/contacts/nope');
    const log = shim.log();
    expect(log).toHaveLength(1);
    expect(log[0]!.message).toMatch(/GET \/v1\/contacts\/nope: Cannot find contact/);
  });
});
