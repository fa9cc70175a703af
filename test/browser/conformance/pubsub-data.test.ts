// Wix.PubSub and Wix.Data.Public through the shim's own Wix and through the real Wix.js hosted by createHost.
import { conformanceSuite, type Scenario } from './harness';

const EDITOR = { compId: 'comp-data-editor', viewMode: 'editor' as const };
const SITE = { compId: 'comp-data-site' };

const scenarios: Scenario[] = [
  // Data: set and remove are editor-only; get works everywhere.
  { name: 'Data.Public.set on the live site throws the editor-only string', expect: 0, frame: SITE, source: `await ctx.step('set', () => Wix.Data.Public.set('k', 1, ctx.cb('ok'), ctx.cb('fail')));` },
  { name: 'Data.Public.remove on the live site throws the editor-only string', expect: 0, frame: SITE, source: `await ctx.step('remove', () => Wix.Data.Public.remove('k', ctx.cb('ok'), ctx.cb('fail')));` },
  {
    name: 'Data.Public.set then get (COMPONENT scope, options left out)',
    expect: 2,
    frame: EDITOR,
    source: `await ctx.step('set', () => Wix.Data.Public.set('greeting', 'hello', ctx.cb('set.ok', () => ctx.step('get', () => Wix.Data.Public.get('greeting', ctx.cb('get.ok'), ctx.cb('get.fail')))), ctx.cb('set.fail')));`,
  },
  {
    name: 'Data.Public.set with APP scope, an object value; getMulti over present and missing keys',
    expect: 2,
    frame: EDITOR,
    source: `
      await ctx.step('set', () => Wix.Data.Public.set('config', { a: 1, b: [true] }, { scope: Wix.Data.SCOPE.APP }, ctx.cb('set.ok', () =>
        ctx.step('getMulti', () => Wix.Data.Public.getMulti(['config', 'absent'], { scope: 'APP' }, ctx.cb('multi.ok'), ctx.cb('multi.fail')))), ctx.cb('set.fail')));`,
  },
  { name: 'Data.Public.get of a missing key calls onFailure with the error reply', expect: 1, frame: SITE, source: `await ctx.step('get', () => Wix.Data.Public.get('never-set', ctx.cb('ok'), ctx.cb('fail')));` },
  {
    name: 'Data.Public.remove then get fails',
    expect: 3,
    frame: EDITOR,
    source: `
      await ctx.step('set', () => Wix.Data.Public.set('temp', 42, ctx.cb('set.ok', () =>
        ctx.step('remove', () => Wix.Data.Public.remove('temp', ctx.cb('remove.ok', () =>
          ctx.step('get', () => Wix.Data.Public.get('temp', ctx.cb('get.ok'), ctx.cb('get.fail')))), ctx.cb('remove.fail')))), ctx.cb('set.fail')));`,
  },
  { name: 'Data.Public.get with a number key throws', expect: 0, source: `await ctx.step('get', () => Wix.Data.Public.get(7, ctx.cb('ok'), ctx.cb('fail')));` },
  { name: 'Data.Public.get with a bad scope object throws', expect: 0, source: `await ctx.step('get', () => Wix.Data.Public.get('k', { scope: 'SITE' }, ctx.cb('ok')));` },
  { name: 'Data.Public.get with a non-function onSuccess throws', expect: 0, source: `await ctx.step('get', () => Wix.Data.Public.get('k', { scope: 'APP' }, 'ok'));` },
  { name: 'Data.Public.getMulti with a string for keys throws', expect: 0, source: `await ctx.step('getMulti', () => Wix.Data.Public.getMulti('k', ctx.cb('ok')));` },
  { name: 'Data.Public.set with an undefined value throws (editor)', expect: 0, frame: EDITOR, source: `await ctx.step('set', () => Wix.Data.Public.set('k', undefined, ctx.cb('ok')));` },
  // PubSub
  { name: 'PubSub.subscribe with a number for the name throws', expect: 0, source: `await ctx.step('subscribe', () => Wix.PubSub.subscribe(5, ctx.cb('x')));` },
  { name: 'PubSub.subscribe without a callback throws', expect: 0, source: `await ctx.step('subscribe', () => Wix.PubSub.subscribe('topic'));` },
  { name: 'PubSub.publish with an object for the name throws', expect: 0, source: `await ctx.step('publish', () => Wix.PubSub.publish({}, { a: 1 }));` },
  {
    name: 'PubSub: a frame does not hear what it publishes itself',
    expect: 0,
    grace: 300,
    source: `
      await ctx.step('subscribe', () => Wix.PubSub.subscribe('self-topic', ctx.cb('heard')));
      await ctx.step('publish', () => Wix.PubSub.publish('self-topic', { n: 1 }));`,
  },
  {
    name: 'PubSub: a late subscriber asking for past events gets the persistent ones',
    expect: 1,
    source: `
      await ctx.step('publish', () => Wix.PubSub.publish('kept-topic', { n: 2 }, true));
      await new Promise((r) => setTimeout(r, 50));
      await ctx.step('subscribe', () => Wix.PubSub.subscribe('kept-topic', ctx.cb('replayed'), true));`,
  },
  {
    name: 'PubSub: unsubscribe returns undefined and stops nothing that was not there',
    expect: 0,
    source: `
      const id = Wix.PubSub.subscribe('gone-topic', ctx.cb('x'));
      await ctx.step('unsubscribe', () => Wix.PubSub.unsubscribe('gone-topic', id));`,
  },
];

conformanceSuite('Wix.PubSub and Wix.Data', scenarios);
