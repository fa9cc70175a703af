// Wix.Activities through the shim's own Wix and through the real Wix.js hosted by createHost.
import { conformanceSuite, type Scenario } from './harness';
import { ACTIVITY_ID } from './fixture';

const FORM = `{ type: Wix.Activities.Type.FORM_CONTACT_FORM, info: { subject: 'Hi', content: { message: 'Hello' } }, details: { additionalInfoUrl: null, summary: 'A form' } }`;
const withContact = (email: string) => `Object.assign(${FORM}, { contactUpdate: { name: { first: 'Ann' }, emails: [{ tag: 'main', email: '${email}' }] } })`;

const scenarios: Scenario[] = [
  {
    name: 'postActivity: a valid form activity calls onSuccess once with {activityId, contactId: null}',
    expect: 1,
    source: `await ctx.step('post', () => Wix.Activities.postActivity(${FORM}, ctx.cb('ok'), ctx.cb('fail')));`,
  },
  {
    name: 'postActivity: contactUpdate with an email links a new contact',
    expect: 1,
    source: `await ctx.step('post', () => Wix.Activities.postActivity(${withContact('new@example.com')}, ctx.cb('ok'), ctx.cb('fail')));`,
  },
  {
    name: 'postActivity: contactUpdate matching a seeded email links that contact',
    expect: 1,
    source: `await ctx.step('post', () => Wix.Activities.postActivity(${withContact('person3@example.com')}, ctx.cb('ok'), ctx.cb('fail')));`,
  },
  {
    name: 'postActivity: a missing info field fails with the HTTP body listing it',
    expect: 1,
    source: `await ctx.step('post', () => Wix.Activities.postActivity({ type: 'form/contact-form', info: {}, details: { additionalInfoUrl: null, summary: '' } }, ctx.cb('ok'), ctx.cb('fail')));`,
  },
  {
    name: 'postActivity: an unknown type fails with errorCode 400',
    expect: 1,
    source: `await ctx.step('post', () => Wix.Activities.postActivity({ type: 'nope/never', info: {}, details: { additionalInfoUrl: null, summary: '' } }, ctx.cb('ok'), ctx.cb('fail')));`,
  },
  {
    name: 'postActivity: a string instead of an activity fails (no client-side check)',
    expect: 1,
    source: `await ctx.step('post', () => Wix.Activities.postActivity('activity', ctx.cb('ok'), ctx.cb('fail')));`,
  },
  {
    name: 'postActivity: no callbacks at all returns undefined and calls nothing',
    expect: 0,
    grace: 300,
    source: `await ctx.step('post', () => Wix.Activities.postActivity(${FORM}));`,
  },
  {
    name: 'postActivity: only onFailure, on success, calls nothing',
    expect: 0,
    grace: 300,
    source: `await ctx.step('post', () => Wix.Activities.postActivity(${FORM}, undefined, ctx.cb('fail')));`,
  },
  {
    name: 'postActivity: only onSuccess, on a validation failure, calls nothing',
    expect: 0,
    grace: 300,
    source: `await ctx.step('post', () => Wix.Activities.postActivity({ type: 'form/contact-form' }, ctx.cb('ok')));`,
  },
  {
    name: 'postActivity: a non-function onSuccess is ignored, onFailure still runs',
    expect: 1,
    source: `await ctx.step('post', () => Wix.Activities.postActivity({ type: 'form/contact-form' }, 'not a function', ctx.cb('fail')));`,
  },
  {
    name: 'postActivity in the editor throws the view-mode string',
    expect: 0,
    frame: { viewMode: 'editor' },
    source: `await ctx.step('post', () => Wix.Activities.postActivity(${FORM}, ctx.cb('ok'), ctx.cb('fail')));`,
  },
  {
    name: 'postActivity in preview throws the view-mode string',
    expect: 0,
    frame: { viewMode: 'preview' },
    source: `await ctx.step('post', () => Wix.Activities.postActivity(${FORM}, ctx.cb('ok'), ctx.cb('fail')));`,
  },
  {
    name: 'getActivities: first page of 20, newest first, no total, hasNext',
    expect: 1,
    source: `await ctx.step('get', () => Wix.Activities.getActivities(ctx.cb('ok'), ctx.cb('fail')));`,
  },
  {
    name: 'getActivities: next page, then previous page, then next of the last page (empty, synchronous)',
    expect: 3,
    source: `
      await ctx.step('get', () => Wix.Activities.getActivities(ctx.cb('ok', (c) => {
        ctx.step('next', () => c.next(ctx.cb('next.ok', () => {
          ctx.note('after next', c);
          ctx.step('previous', () => c.previous(ctx.cb('previous.ok', () => ctx.note('after previous', c)), ctx.cb('previous.fail')));
        }), ctx.cb('next.fail')));
      }), ctx.cb('fail')));`,
    // 'ok', 'next.ok', 'previous.ok'
  },
  {
    name: 'getActivities: filter by one type',
    expect: 1,
    source: `await ctx.step('get', () => Wix.Activities.getActivities(ctx.cb('ok'), ctx.cb('fail'), { activityTypes: ['social/track'] }));`,
  },
  {
    name: 'getActivities: an unknown type is NOT_FOUND',
    expect: 1,
    source: `await ctx.step('get', () => Wix.Activities.getActivities(ctx.cb('ok'), ctx.cb('fail'), { activityTypes: ['nope/never'] }));`,
  },
  {
    name: 'getActivities: from after until is BAD_REQUEST',
    expect: 1,
    source: `await ctx.step('get', () => Wix.Activities.getActivities(ctx.cb('ok'), ctx.cb('fail'), { from: '2024-03-01T00:00:00Z', until: '2024-01-01T00:00:00Z' }));`,
  },
  {
    name: 'getActivities: a date range',
    expect: 1,
    source: `await ctx.step('get', () => Wix.Activities.getActivities(ctx.cb('ok'), ctx.cb('fail'), { from: '2024-02-03T00:00:00Z', until: '2024-02-06T00:00:00Z' }));`,
  },
  {
    name: 'getActivities: with no activities the cursor is empty and next() answers [] at once',
    expect: 2,
    seed: { contacts: [], activities: [] },
    source: `await ctx.step('get', () => Wix.Activities.getActivities(ctx.cb('ok', (c) => ctx.step('next', () => c.next(ctx.cb('next.ok'), ctx.cb('next.fail')))), ctx.cb('fail')));`,
  },
  {
    name: 'getActivities: onSuccess not a function throws',
    expect: 0,
    source: `await ctx.step('get', () => Wix.Activities.getActivities(null, ctx.cb('fail')));`,
  },
  {
    name: 'getActivities: onFailure missing throws',
    expect: 0,
    source: `await ctx.step('get', () => Wix.Activities.getActivities(ctx.cb('ok')));`,
  },
  {
    name: 'getActivities: query first (the docs order) throws the onSuccess string',
    expect: 0,
    source: `await ctx.step('get', () => Wix.Activities.getActivities({}, ctx.cb('ok'), ctx.cb('fail')));`,
  },
  {
    name: 'getActivityById: a seeded id',
    expect: 1,
    source: `await ctx.step('get', () => Wix.Activities.getActivityById('${ACTIVITY_ID}', ctx.cb('ok'), ctx.cb('fail')));`,
  },
  {
    name: 'getActivityById: an unknown id is NOT_FOUND',
    expect: 1,
    source: `await ctx.step('get', () => Wix.Activities.getActivityById('no-such-id', ctx.cb('ok'), ctx.cb('fail')));`,
  },
  {
    name: 'getActivityById: a number id throws the id string',
    expect: 0,
    source: `await ctx.step('get', () => Wix.Activities.getActivityById(42, ctx.cb('ok'), ctx.cb('fail')));`,
  },
  {
    name: 'getActivityById: onSuccess missing throws',
    expect: 0,
    source: `await ctx.step('get', () => Wix.Activities.getActivityById('x', undefined, ctx.cb('fail')));`,
  },
  {
    name: 'getActivityById: onFailure missing throws',
    expect: 0,
    source: `await ctx.step('get', () => Wix.Activities.getActivityById('x', ctx.cb('ok')));`,
  },
  {
    name: 'postActivity then getActivityById returns what was posted',
    expect: 2,
    source: `await ctx.step('post', () => Wix.Activities.postActivity(${FORM}, ctx.cb('ok', (r) => ctx.step('get', () => Wix.Activities.getActivityById(r.activityId, ctx.cb('get.ok'), ctx.cb('get.fail')))), ctx.cb('fail')));`,
  },
  {
    name: 'getUserSessionToken: a string, in a later task',
    expect: 1,
    source: `await ctx.step('token', () => Wix.Activities.getUserSessionToken(ctx.cb('token')));`,
  },
  {
    name: 'getUserSessionToken: no callback returns undefined and calls nothing',
    expect: 0,
    source: `await ctx.step('token', () => Wix.Activities.getUserSessionToken());`,
  },
  {
    name: 'Activities constants: Type, Error, Wix.Error',
    expect: 0,
    source: `ctx.note('Type', Wix.Activities.Type); ctx.note('Error', Wix.Activities.Error); ctx.note('Wix.Error', Wix.Error);`,
  },
];

conformanceSuite('Wix.Activities', scenarios);
