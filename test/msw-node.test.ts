// @vitest-environment node
/**
 * Issue 11 item 2, in Node: an app server's code calls the WixHive API with plain fetch, and
 * `setupServer(...hiveHandlers(shim))` answers it from a shim instance, with no server at all.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hiveHandlers } from '../src/msw/index';
import type { Contact, ReconcileResult } from '../src/core/types';
import { newShim, success } from './helpers';

const shim = newShim();
const custom = newShim();
const server = setupServer(...hiveHandlers(shim), ...hiveHandlers(custom, { baseUrl: 'http://api.test/wixhive/' }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(async () => { server.close(); await shim.close(); await custom.close(); });

/** The app server under test: what a real back end would do with the WixHive API. */
function appServer(base = 'https://openapi.wix.com/v1') {
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
  };
  return {
    /** Signs a customer up: reconcile, then a note on the contact. */
    async signUp(emailAddress: string, note: string) {
      const r = await api('POST', '/contacts?version=2.0.0', { emails: [{ tag: 'main', email: emailAddress }] });
      if (r.status !== 200) throw new Error(JSON.stringify(r.body));
      const c = r.body.contact as Contact;
      return api('POST', `/contacts/${c.id}/note?version=1.0.0&modifiedAt=${encodeURIComponent(c.modifiedAt)}`, { content: note });
    },
    api,
  };
}

describe('hiveHandlers in Node (setupServer)', () => {
  it('an app server\'s fetch calls reach the shim, and the SDK reads what they wrote', async () => {
    const app = appServer();
    const r = await app.signUp('customer@example.com', 'wants the newsletter');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/json');
    const contact = await success<Contact>((s, f) => shim.Wix.Contacts.getContactById(r.body.id, s, f));
    expect(contact.notes).toEqual([{ id: 1, content: 'wants the newsletter' }]);
  });

  it('the app server reads what the SDK wrote, and gets the §3.4 error bodies', async () => {
    const app = appServer();
    const made = await success<ReconcileResult>((s, f) => shim.Wix.Contacts.reconcileContact({ emails: [{ tag: 'w', email: 'sdk@example.com' }] }, s, f));
    const list = await app.api('GET', '/contacts?version=1.0.0&email=sdk@example.com');
    expect(list.body.results.map((c: Contact) => c.id)).toEqual([made.contact.id]);
    const missing = await app.api('GET', '/contacts/nobody?version=1.0.0');
    expect(missing).toMatchObject({ status: 404, type: 'application/json', body: { errorCode: 404, wixErrorCode: -23018 } });
    expect((await app.api('GET', '/activities/types')).status).toBe(400);
  });

  it('a configured baseUrl routes to its own instance', async () => {
    const app = appServer('http://api.test/wixhive');
    const r = await app.api('POST', '/contacts?version=1.0.0', { phones: [{ tag: 'm', phone: '+1 415 639 5555' }] });
    expect(r.status).toBe(200);
    const found = await success<Contact>((s, f) => custom.Wix.Contacts.getContactById(r.body.contactId, s, f));
    expect(found.phones[0]!.phone).toBe('+1 415 639 5555');
    // The default base answers from the other instance, which has no such contact.
    expect((await appServer().api('GET', `/contacts/${r.body.contactId}?version=1.0.0`)).status).toBe(404);
  });

  it('refuses something that is not a shim', () => {
    expect(() => hiveHandlers({} as never)).toThrow(/createShim/);
  });
});
