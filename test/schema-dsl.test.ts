// The validator every input schema is written in (decision 0009): what each key mark means, the
// order messages come in, recursion, and the phrases the backend used.
import { describe, expect, it } from 'vitest';
import { describeIssues, validate, type ObjectSpec } from '../src/core/schema-dsl';
import { normalizeContactSeed } from '../src/core/seed';
import { newShim } from './helpers';

const say = (spec: ObjectSpec, value: unknown, prefix = 'x') => describeIssues(validate(spec, value), prefix);

describe('key marks', () => {
  const spec: ObjectSpec = { 'req!': 's', opt: 's', 'notNull?': 's', 'nullable=': 's' };
  it('absent: required and nullable-required are missing; the optional ones are fine', () => {
    expect(say(spec, {})).toEqual(['x.req is missing', 'x.nullable is missing']);
  });
  it('null: required and not-null are "a null"; optional and nullable accept it', () => {
    expect(say(spec, { req: null, opt: null, notNull: null, nullable: null })).toEqual(['x.req is a null', 'x.notNull is a null']);
  });
  it('a value of the wrong type is named by the type it must be, whatever the mark', () => {
    expect(say(spec, { req: 1, opt: 2, notNull: 3, nullable: 4 })).toEqual([
      'x.req must be a string', 'x.opt must be a string', 'x.notNull must be a string', 'x.nullable must be a string',
    ]);
  });
});

describe('leaves', () => {
  it('numbers are finite, integers whole, dates ISO-8601, enums one of their values', () => {
    const spec: ObjectSpec = { n: 'n', i: 'i', b: 'b', d: 'd', e: 'A|B' };
    expect(say(spec, { n: 1.5, i: 2, b: false, d: '2024-01-31', e: 'B' })).toEqual([]);
    expect(say(spec, { n: Infinity, i: 2.5, b: 'yes', d: '2024-13-01', e: 'C' })).toEqual([
      'x.n must be a number', 'x.i must be an integer', 'x.b must be a boolean', 'x.d is not an ISO-8601 date', 'x.e must be one of A|B',
    ]);
    expect(say(spec, { e: 7 })).toEqual(['x.e must be a string']);
  });
  it('a rule may give several phrases, in its order', () => {
    const spec: ObjectSpec = { v: (v) => (v === 'ok' ? [] : ['is too short', 'has no digits']) };
    expect(say(spec, { v: 'no' })).toEqual(['x.v is too short', 'x.v has no digits']);
  });
});

describe('structure', () => {
  it('reports every offending path depth first, array indexes in brackets, and no line twice', () => {
    const spec: ObjectSpec = { 'items!': [{ 'id!': 's', tags: ['s'] }], 'total!': 'n' };
    expect(say(spec, { items: [{ id: 'a' }, { tags: ['t', 1, null] }, 'z'], total: '3' })).toEqual([
      'x.items[1].id is missing', 'x.items[1].tags[1] must be a string', 'x.items[1].tags[2] is a null',
      'x.items[2] must be an object', 'x.total must be a number',
    ]);
    expect(say({ a: ['n'] }, { a: {} })).toEqual(['x.a must be an array']);
    expect(describeIssues(validate({ 'a!': 's' }, []))).toEqual(['(root) must be an object']);
  });
  it('an either-spelling field is met by either name, and reported after the other fields under its first', () => {
    const spec: ObjectSpec = { 'zone!|timeZone': 's', 'start!': 'd' };
    expect(say(spec, { timeZone: 'UTC', start: '2024-01-01' })).toEqual([]);
    expect(say(spec, { zone: 'UTC', start: '2024-01-01' })).toEqual([]);
    expect(say(spec, { zone: null })).toEqual(['x.start is missing', 'x.zone is a null']);
    expect(say(spec, { timeZone: 5, start: '2024-01-01' })).toEqual(['x.timeZone must be a string']);
  });
  it('a recursive spec checks every level', () => {
    const choice: ObjectSpec = { 'title!': 's' };
    choice.value = [choice];
    expect(say(choice, { title: 'a', value: [{ title: 'b', value: [{ value: [] }] }] })).toEqual(['x.value[0].value[0].title is missing']);
  });
});

describe('the schemas written in it', () => {
  it('seed: an id, createdAt or tags given as null is refused, not taken as absent', () => {
    const result = normalizeContactSeed({ id: null, createdAt: null, tags: null, emails: [{ tag: 'main', email: 'a@b.co' }] }, 'contacts[0]', () => 'id', '2024-01-01T00:00:00Z');
    expect(result).toEqual({ ok: false, errors: ['contacts[0].id is a null', 'contacts[0].createdAt is a null', 'contacts[0].tags is a null'] });
  });
  it('postActivity: details.additionalInfoUrl must be present, though it may be null', async () => {
    const shim = newShim();
    const post = (details: unknown) =>
      new Promise<unknown>((ok) => shim.Wix.Activities.postActivity({ type: 'contact/contact-form', info: { fields: [] }, details } as never, ok, ok));
    expect(await post({ summary: 's' })).toMatchObject({ message: 'activity request failed validation check with errors: [details.additionalInfoUrl is missing]' });
    expect(await post({ summary: 's', additionalInfoUrl: null })).toMatchObject({ activityId: expect.any(String) });
    await shim.close();
  });
  it('contact input: unknown keys and item ids are dropped from what is stored', async () => {
    const shim = newShim();
    const result = await new Promise<{ contact: Record<string, unknown> }>((ok, fail) =>
      shim.Wix.Contacts.reconcileContact({ emails: [{ id: 99, tag: 'main', email: 'a@b.co', extra: 1 }], surprise: true } as never, ok as never, fail));
    expect(result.contact.emails).toEqual([{ id: 1, tag: 'main', email: 'a@b.co' }]);
    expect(result.contact).not.toHaveProperty('surprise');
    await shim.close();
  });
});
