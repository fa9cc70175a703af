// @vitest-environment node
/**
 * Wix's own Node client of the time (openapi-node 3.0.3, unchanged) against `handleHiveRequest`,
 * through `hiveHandlers` and MSW's Node interception of its https requests: the paths, query
 * parameters, bodies and status codes it uses are the ones the handler answers.
 */
import { createRequire } from 'node:module';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiveHandlers } from '../src/msw/index';
import type { Activity, Contact } from '../src/core/types';
import { newShim, success } from './helpers';

const require = createRequire(import.meta.url);
const wixLib = require('openapi-node') as any;
const shim = newShim();
const server = setupServer(...hiveHandlers(shim));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(async () => { server.close(); await shim.close(); });
const api = wixLib.getAPI('secret', 'app-id', 'instance-id');

describe('openapi-node 3.0.3 against the handler', () => {
  it('contacts: create, getContactById, field posts and edits (with modifiedAt), upsert, getContacts', async () => {
    const contact = api.Contacts.newContact();
    contact.name({ first: 'Karen', last: 'Meep' });
    contact.addEmail({ tag: 'home', email: 'karen@home.com', emailStatus: api.Contacts.EMAIL_STATUS_TYPES.RECURRING });
    contact.addAddress({ tag: 'work', address: '500 Terry A Francois', city: 'San Francisco', postalCode: 94158 });
    const id: string = await api.Contacts.create(contact);
    expect(id).toEqual(expect.any(String));
    const got = await api.Contacts.getContactById(id);
    expect(got.name().first()).toBe('Karen');
    expect(got.emails()[0].emailStatus()).toBe('recurring');
    // The client's Phone class is private; saveNewField needs only toJson().
    const withPhone = await got.postPhone({ toJson: () => ({ tag: 'work', phone: '+1-415-639-5555' }) });
    expect(withPhone.phones()[0].phone()).toBe('+1-415-639-5555');
    withPhone.name().first('Karin');
    const renamed = await withPhone.updateName();
    expect(renamed.name().first()).toBe('Karin');
    const sdk = await success<Contact>((s, f) => shim.Wix.Contacts.getContactById(id, s, f));
    expect(sdk.name.first).toBe('Karin');
    expect(sdk.phones).toHaveLength(1);
    expect(await api.Contacts.upsert('+14156395555', 'karen@home.com')).toBe(id);
    const page = await api.Contacts.getContacts(null, { pageSize: 13 });
    expect(page.results().map((c: Contact) => c.id)).toContain(id);
    expect(page.hasNext()).toBe(false);
    // A stale modifiedAt (the contact object read before the rename) is refused.
    await expect(got.updateName()).rejects.toMatchObject({ errorCode: 409 });
  });

  it('activities and insights: post with a session token, by id, list, types, for a contact, summaries', async () => {
    const token = await new Promise<string>((ok) => shim.Wix.Activities.getUserSessionToken(ok));
    const activity = api.Activities.newActivity(api.Activities.TYPES.ALBUM_FAN);
    activity.withLocationUrl('http://www.wix.com').withActivityDetails('test', 'http://www.wix.com');
    activity.activityInfo.album = { name: 'Wix', id: '1234' };
    activity.activityInfo.artist = { name: 'The Pixels', id: 'a' };
    const activityId: string = await api.Activities.postActivity(activity, token);
    const byId = await api.Activities.getActivityById(activityId);
    expect(byId.activityType.name).toBe('music/album-fan');
    const sdk = await success<Activity>((s, f) => shim.Wix.Activities.getActivityById(activityId, s, f));
    expect(sdk.activityInfo).toMatchObject({ album: { name: 'Wix' } });
    const list = await api.Activities.getActivities(null, { activityTypes: ['music/album-fan'], scope: 'site' });
    expect(list.results().map((a: { id: string }) => a.id)).toContain(activityId);
    expect((await api.Activities.getTypes()).types).toContain('music/album-fan');
    const summary = await api.Insights.getActivitiesSummary('site');
    expect(summary.total).toBeGreaterThanOrEqual(1);
    // For a contact: post, list and summary.
    const contact = api.Contacts.newContact();
    contact.addEmail({ tag: 'home', email: 'fan@example.com', emailStatus: 'transactional' });
    const contactId = await api.Contacts.create(contact);
    const read = await api.Contacts.getContactById(contactId);
    const posted = await read.addActivity(activity);
    expect(posted.contactId).toBe(contactId);
    const timeline = await read.getActivities(null, null);
    expect(timeline.results.map((a: { id: string }) => a.id)).toEqual([posted.activityId]);
    const mine = await api.Insights.getActivitySummaryForContact(contactId);
    expect(mine).toEqual({ activityTypes: [{ activityType: 'music/album-fan', total: 1 }], total: 1 });
  });
});
