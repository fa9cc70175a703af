// Wix.Contacts and WixDataCursor through the shim's own Wix and through the real Wix.js hosted by createHost.
import { conformanceSuite, type Scenario } from './harness';
import { CONTACT_ID } from './fixture';

const get = (options: string, extra = '') =>
  `await ctx.step('get', () => Wix.Contacts.getContacts(${options}, ctx.cb('ok'${extra}), ctx.cb('fail')));`;

const scenarios: Scenario[] = [
  { name: 'getContacts({}): first page of 25 of 30, newest first, total 30', expect: 1, source: get('{}') },
  { name: 'getContacts(null): null options pass the SDK check', expect: 1, source: get('null') },
  { name: 'getContacts([]): an array passes the SDK check', expect: 1, source: get('[]') },
  { name: 'getContacts: pageSize 5', expect: 1, source: get('{ pageSize: 5 }') },
  { name: 'getContacts: pageSize 0 is BAD_REQUEST', expect: 1, source: get('{ pageSize: 0 }') },
  { name: 'getContacts: pageSize "ten" is BAD_REQUEST', expect: 1, source: get(`{ pageSize: 'ten' }`) },
  { name: 'getContacts: by label', expect: 1, source: get(`{ label: 'vip' }`) },
  { name: 'getContacts: by a list of labels, one unknown', expect: 1, source: get(`{ label: ['vip', 'nobody'] }`) },
  { name: 'getContacts: a label nobody has gives an empty cursor', expect: 1, source: get(`{ label: 'nobody' }`) },
  {
    name: 'getContacts: next to the last page, previous back, next past the end answers [] synchronously',
    expect: 4,
    source: `
      await ctx.step('get', () => Wix.Contacts.getContacts({ pageSize: 25 }, ctx.cb('ok', (c) => {
        ctx.step('next', () => c.next(ctx.cb('next.ok', () => {
          ctx.note('after next', c);
          ctx.step('next again', () => c.next(ctx.cb('next-again.ok', () => {
            ctx.note('after next again', c);
            ctx.step('previous', () => c.previous(ctx.cb('previous.ok', () => ctx.note('after previous', c)), ctx.cb('previous.fail')));
          }), ctx.cb('next-again.fail')));
        }), ctx.cb('next.fail')));
      }), ctx.cb('fail')));`,
  },
  {
    name: 'getContacts: previous on the first page answers [] synchronously',
    expect: 2,
    source: `await ctx.step('get', () => Wix.Contacts.getContacts({}, ctx.cb('ok', (c) => ctx.step('previous', () => c.previous(ctx.cb('previous.ok'), ctx.cb('previous.fail')))), ctx.cb('fail')));`,
  },
  {
    name: 'getContacts: three pages of 10',
    expect: 3,
    source: `
      await ctx.step('get', () => Wix.Contacts.getContacts({ pageSize: 10 }, ctx.cb('ok', (c) => {
        ctx.step('next', () => c.next(ctx.cb('next.ok', () => ctx.step('next 2', () => c.next(ctx.cb('next2.ok', () => ctx.note('end', c)), ctx.cb('next2.fail')))), ctx.cb('next.fail')));
      }), ctx.cb('fail')));`,
  },
  { name: 'getContacts: undefined options throw', expect: 0, source: get('undefined') },
  { name: 'getContacts: a string for options throws', expect: 0, source: get(`'all'`) },
  { name: 'getContacts: a number for options throws', expect: 0, source: get('5') },
  { name: 'getContacts: onSuccess missing throws', expect: 0, source: `await ctx.step('get', () => Wix.Contacts.getContacts({}));` },
  {
    name: 'getContacts: without onFailure a failure is dropped',
    expect: 0,
    grace: 300,
    source: `await ctx.step('get', () => Wix.Contacts.getContacts({ pageSize: -1 }, ctx.cb('ok')));`,
  },
  {
    name: 'getContacts: with no contacts the cursor is empty',
    expect: 1,
    seed: { contacts: [], activities: [] },
    source: get('{}'),
  },
  { name: 'getContactById: a seeded contact', expect: 1, source: `await ctx.step('get', () => Wix.Contacts.getContactById('${CONTACT_ID}', ctx.cb('ok'), ctx.cb('fail')));` },
  { name: 'getContactById: unknown id is NOT_FOUND', expect: 1, source: `await ctx.step('get', () => Wix.Contacts.getContactById('missing', ctx.cb('ok'), ctx.cb('fail')));` },
  { name: 'getContactById: id not a string throws', expect: 0, source: `await ctx.step('get', () => Wix.Contacts.getContactById({}, ctx.cb('ok'), ctx.cb('fail')));` },
  { name: 'getContactById: onSuccess not a function throws', expect: 0, source: `await ctx.step('get', () => Wix.Contacts.getContactById('x', 'ok', ctx.cb('fail')));` },
  { name: 'getContactById: onFailure missing throws', expect: 0, source: `await ctx.step('get', () => Wix.Contacts.getContactById('x', ctx.cb('ok')));` },
  {
    name: 'reconcileContact: a new email creates a contact',
    expect: 1,
    source: `await ctx.step('rec', () => Wix.Contacts.reconcileContact({ name: { first: 'Zed' }, emails: [{ tag: 'main', email: 'zed@example.com' }] }, ctx.cb('ok'), ctx.cb('fail')));`,
  },
  {
    name: 'reconcileContact: a seeded email merges, a different name is rejected',
    expect: 1,
    source: `await ctx.step('rec', () => Wix.Contacts.reconcileContact({ name: { first: 'Other' }, emails: [{ tag: 'main', email: 'PERSON2@example.com' }], phones: [{ tag: 'work', phone: '+1 555 0100' }] }, ctx.cb('ok'), ctx.cb('fail')));`,
  },
  {
    name: 'reconcileContact: twice with the same phone gives one contact',
    expect: 2,
    source: `
      await ctx.step('rec 1', () => Wix.Contacts.reconcileContact({ phones: [{ tag: 'm', phone: '+44 20 7946 0000' }] }, ctx.cb('ok1', () => {
        ctx.step('rec 2', () => Wix.Contacts.reconcileContact({ phones: [{ tag: 'm', phone: '+442079460000' }], name: { last: 'Smith' } }, ctx.cb('ok2'), ctx.cb('fail2')));
      }), ctx.cb('fail1')));`,
  },
  {
    name: 'reconcileContact: no email and no phone is BAD_REQUEST',
    expect: 1,
    source: `await ctx.step('rec', () => Wix.Contacts.reconcileContact({ name: { first: 'Nobody' } }, ctx.cb('ok'), ctx.cb('fail')));`,
  },
  {
    name: 'reconcileContact: an email over 250 characters is BAD_REQUEST',
    expect: 1,
    source: `await ctx.step('rec', () => Wix.Contacts.reconcileContact({ emails: [{ tag: 'main', email: 'a'.repeat(250) + '@example.com' }] }, ctx.cb('ok'), ctx.cb('fail')));`,
  },
  { name: 'reconcileContact: no argument throws', expect: 0, source: `await ctx.step('rec', () => Wix.Contacts.reconcileContact());` },
  { name: 'reconcileContact: a string throws', expect: 0, source: `await ctx.step('rec', () => Wix.Contacts.reconcileContact('a@b.co'));` },
  { name: 'reconcileContact: a non-function onSuccess throws', expect: 0, source: `await ctx.step('rec', () => Wix.Contacts.reconcileContact({}, 1));` },
  { name: 'reconcileContact: a non-function onFailure throws', expect: 0, source: `await ctx.step('rec', () => Wix.Contacts.reconcileContact({}, ctx.cb('ok'), 'fail'));` },
  {
    name: 'reconcileContact: null contact info passes the check and fails as BAD_REQUEST',
    expect: 1,
    source: `await ctx.step('rec', () => Wix.Contacts.reconcileContact(null, ctx.cb('ok'), ctx.cb('fail')));`,
  },
  {
    name: 'reconcileContact then getContactById returns the merged contact',
    expect: 2,
    source: `await ctx.step('rec', () => Wix.Contacts.reconcileContact({ emails: [{ tag: 'w', email: 'person5@example.com' }], urls: [{ tag: 'site', url: 'https://p5.example.com' }] }, ctx.cb('ok', (r) => ctx.step('get', () => Wix.Contacts.getContactById(r.contact.id, ctx.cb('get.ok'), ctx.cb('get.fail')))), ctx.cb('fail')));`,
  },
];

conformanceSuite('Wix.Contacts and WixDataCursor', scenarios);
