// @vitest-environment node
/**
 * Wix's own Node client of the time, `openapi-node@3.0.3`, unchanged, against `wix-hive-shim serve
 * --secret`: it signs every request itself (headers for contacts, query parameters for reads and
 * activity posts), so each call passing proves the server reads both credential forms and the
 * signature as Wix's client computes it.
 *
 * The client hard-codes `https://openapi.wix.com` (lib/WixConnect.js: `EXTERNAL_URL`) and sends
 * through restler, which calls Node's `https.request` at request time. Inside this test process
 * only, `https.request` is replaced by `http.request` to the local server: no file of the client is
 * touched, and its URL building, signing and parsing all run as shipped. Version 3.0.3 has no
 * labels API, so labels go through the client's own signer (`getConnect().createRequest`).
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type RunningCli } from './cli-helpers';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const https = require('https') as Any;
const http = require('http') as Any;
const wixLib = require('openapi-node') as Any;

const SECRET = 'e1f2d3c4-app-secret';
const APP_ID = '13a6ccf7-app-id';
const INSTANCE = 'inst-5d2e';

let server: RunningCli;
let originalRequest: Any;

beforeAll(async () => {
  server = await startCli(['serve', '--port', '0', '--secret', SECRET, '--app-id', APP_ID]);
  const port = Number(new URL(server.url).port);
  originalRequest = https.request;
  https.request = (options: Any, callback: Any) => {
    expect(options.host).toBe('openapi.wix.com');
    const { rejectUnauthorized: _tls, ...rest } = options;
    return http.request({ ...rest, host: '127.0.0.1', hostname: '127.0.0.1', port }, callback);
  };
}, 90_000);

afterAll(async () => {
  if (originalRequest) https.request = originalRequest;
  await server?.stop();
});

const api = () => wixLib.getAPI(SECRET, APP_ID, INSTANCE);

describe('openapi-node@3.0.3 against serve', () => {
  it('contacts: create, get by id, add a phone, rename, upsert, list', async () => {
    const wix = api();
    const contact = wix.Contacts.newContact();
    contact.name({ first: 'Karen', last: 'Meep' });
    contact.addEmail({ tag: 'work', email: 'karen@example.com', emailStatus: wix.Contacts.EMAIL_STATUS_TYPES.RECURRING });
    const id: string = await wix.Contacts.create(contact);
    expect(typeof id).toBe('string');

    const got = await wix.Contacts.getContactById(id);
    expect(got.name().first()).toBe('Karen');
    expect(got.emails()[0].email()).toBe('karen@example.com');

    got.addPhone({ tag: 'work', phone: '+1 646-862-0833' });
    const withPhone = await got.postPhone(got.phones()[0]);
    expect(withPhone.phones()[0].phone()).toBe('+1 646-862-0833');

    withPhone.name().first('Kim');
    const renamed = await withPhone.updateName();
    expect(renamed.name().first()).toBe('Kim');

    expect(await wix.Contacts.upsert(null, 'karen@example.com')).toBe(id);
    const page = await wix.Contacts.getContacts(null, { pageSize: 25 });
    expect(page.results().map((c: Any) => c.id)).toContain(id);
  });

  it('a wrong secret is refused (403) through the same client', async () => {
    const wrong = wixLib.getAPI('not-the-secret', APP_ID, INSTANCE);
    const error = await wrong.Activities.getTypes().then(() => undefined, (e: Any) => e);
    expect(error).toMatchObject({ errorCode: 403 });
  });

  it('activities: types, post for a contact, post with a session token, get by id, list; insights', async () => {
    const wix = api();
    const types: Any = await wix.Activities.getTypes();
    expect(types.types).toContain('music/album-fan');

    const contact = wix.Contacts.newContact();
    contact.addEmail({ tag: 'main', email: 'fan@example.com', emailStatus: wix.Contacts.EMAIL_STATUS_TYPES.OPT_OUT });
    const contactId: string = await wix.Contacts.create(contact);
    const saved = await wix.Contacts.getContactById(contactId);

    const fan = wix.Activities.newActivity(wix.Activities.TYPES.ALBUM_FAN);
    fan.withLocationUrl('http://www.example.com').withActivityDetails('Became a fan', 'http://www.example.com/fan');
    fan.activityInfo = { album: { name: 'Wix', id: '1234' } };
    const posted: Any = await saved.addActivity(fan);
    expect(posted.activityId).toEqual(expect.any(String));

    const play = wix.Activities.newActivity(wix.Activities.TYPES.TRACK_PLAY);
    play.withLocationUrl('http://www.example.com').withActivityDetails('Played', 'http://www.example.com/play');
    play.activityInfo = { artist: { name: 'Wix', id: '1' }, album: { name: 'Wix', id: '2' }, track: { name: 'Wix', id: '3' } };
    // The token a widget gets from Wix.Activities.getUserSessionToken on the shim.
    const anonymousId: string = await wix.Activities.postActivity(play, 'wix-hive-shim.visitor-1');
    expect(anonymousId).toEqual(expect.any(String));

    const byId = await wix.Activities.getActivityById(posted.activityId);
    expect(byId.activityType).toEqual({ name: 'music/album-fan' });
    expect(byId.activityInfo.album.name).toBe('Wix');

    const list = await wix.Activities.getActivities(null, { activityTypes: 'music/album-fan,music/track-play' });
    expect(list.results().map((a: Any) => a.id)).toEqual(expect.arrayContaining([posted.activityId, anonymousId]));
    const forContact: Any = await saved.getActivities();
    expect(forContact.results.map((a: Any) => a.id)).toEqual([posted.activityId]);

    const summary: Any = await wix.Insights.getActivitiesSummary(wix.Insights.Scope.SITE);
    expect(summary.activityTypes).toEqual(expect.arrayContaining([{ activityType: 'music/album-fan', total: 1 }]));
    const perContact: Any = await wix.Insights.getActivitySummaryForContact(contactId);
    expect(perContact.total).toBe(1);
  });

  it('labels, signed by the client\'s own request signer (3.0.3 has no labels methods)', async () => {
    const connect = wixLib.getConnect();
    const call = async (verb: string, path: string, body?: unknown) => {
      const request = connect.createRequest(verb, path, SECRET, APP_ID, INSTANCE);
      if (body !== undefined) request.withPostData(JSON.stringify(body));
      const options = request.toHttpsOptions();
      const res = await fetch(`${server.url}${options.path}`, {
        method: verb,
        // The signer's Content-Length counts the JSON-quoted text; fetch computes its own.
        headers: Object.fromEntries(Object.entries(options.headers ?? {}).filter(([n]) => n.toLowerCase() !== 'content-length')) as Record<string, string>,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: await res.json() as Any };
    };
    const labels = await call('GET', '/v1/labels');
    expect(labels.status).toBe(200);
    expect(labels.body.results.length).toBeGreaterThan(0);
    const created = await call('POST', '/v1/labels', { name: 'VIP', description: 'Best customers' });
    expect(created.status).toBe(200);
    expect(typeof created.body).toBe('string');
    const wix = api();
    const contact = wix.Contacts.newContact();
    contact.addEmail({ tag: 'main', email: 'vip@example.com', emailStatus: wix.Contacts.EMAIL_STATUS_TYPES.OPT_OUT });
    const contactId: string = await wix.Contacts.create(contact);
    const added = await call('POST', `/v1/labels/${created.body}/contacts`, { dataType: 'CONTACTS', data: [contactId] });
    expect(added.status).toBe(200);
    const label = await call('GET', `/v1/labels/${created.body}`);
    expect(label.status).toBe(200);
    expect(label.body.name).toBe('VIP');
  });
});
