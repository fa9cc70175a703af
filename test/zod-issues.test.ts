// The adapter from zod issues to the backend's phrases (src/core/zod-issues.ts) and the building
// blocks every input schema uses (src/core/zod-kit.ts): what absent and null mean, the order
// messages come in, recursion, either-spelling fields.
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { problemsOf } from '../src/core/zod-issues';
import { DATE, either, INT, N, oneOf, opt, oS, S, B } from '../src/core/zod-kit';
import { normalizeContactSeed } from '../src/core/seed';
import { newShim } from './helpers';

const say = (schema: z.ZodMiniType, value: unknown, prefix = 'x') => problemsOf(schema, value, prefix);

describe('absent and null', () => {
  const schema = z.looseObject({ req: S(), opt: oS(), notNull: z.optional(S()), nullable: z.nullable(S()) });
  it('absent: required and nullable-required are missing; the optional ones are fine', () => {
    expect(say(schema, {})).toEqual(['x.req is missing', 'x.nullable is missing']);
  });
  it('null: required and not-null are "a null"; optional and nullable accept it', () => {
    expect(say(schema, { req: null, opt: null, notNull: null, nullable: null })).toEqual(['x.req is a null', 'x.notNull is a null']);
  });
  it('a value of the wrong type is named by the type it must be, whatever the wrapper', () => {
    expect(say(schema, { req: 1, opt: 2, notNull: 3, nullable: 4 })).toEqual([
      'x.req must be a string', 'x.opt must be a string', 'x.notNull must be a string', 'x.nullable must be a string',
    ]);
  });
});

describe('leaves', () => {
  it('numbers are finite, integers whole, dates ISO-8601, enums one of their values', () => {
    const schema = z.looseObject({ n: opt(N()), i: opt(INT()), b: opt(B()), d: opt(DATE()), e: opt(oneOf('A', 'B')) });
    expect(say(schema, { n: 1.5, i: 2, b: false, d: '2024-01-31', e: 'B' })).toEqual([]);
    expect(say(schema, { n: Infinity, i: 2.5, b: 'yes', d: '2024-13-01', e: 'C' })).toEqual([
      'x.n must be a number', 'x.i must be an integer', 'x.b must be a boolean', 'x.d is not an ISO-8601 date', 'x.e must be one of A|B',
    ]);
    expect(say(schema, { e: 7, n: NaN, i: 'one' })).toEqual(['x.n must be a number', 'x.i must be a number', 'x.e must be a string']);
  });
  it('a string may fail several checks, each reported in its order', () => {
    const schema = z.looseObject({ v: z.string().check(z.maxLength(1), z.refine((v) => /\d/.test(v), 'has no digits')) });
    expect(say(schema, { v: 'no' })).toEqual(['x.v is longer than 1 characters', 'x.v has no digits']);
  });
});

describe('structure', () => {
  it('reports every offending path depth first, array indexes in brackets, and no line twice', () => {
    const schema = z.looseObject({ items: z.array(z.looseObject({ id: S(), tags: opt(z.array(S())) })), total: N() });
    expect(say(schema, { items: [{ id: 'a' }, { tags: ['t', 1, null] }, 'z'], total: '3' })).toEqual([
      'x.items[1].id is missing', 'x.items[1].tags[1] must be a string', 'x.items[1].tags[2] is a null',
      'x.items[2] must be an object', 'x.total must be a number',
    ]);
    expect(say(z.looseObject({ a: opt(z.array(N())) }), { a: {} })).toEqual(['x.a must be an array']);
    expect(problemsOf(z.looseObject({ a: S() }), [])).toEqual(['(root) must be an object']);
  });
  it('an either-spelling field is met by either name, and reported after the other fields under its first', () => {
    const schema = z.looseObject({ zone: oS(), timeZone: oS(), start: DATE() }).check(either('zone', 'timeZone'));
    expect(say(schema, { timeZone: 'UTC', start: '2024-01-01' })).toEqual([]);
    expect(say(schema, { zone: 'UTC', start: '2024-01-01' })).toEqual([]);
    expect(say(schema, { zone: null })).toEqual(['x.start is missing', 'x.zone is a null']);
    expect(say(schema, { timeZone: 5, start: '2024-01-01' })).toEqual(['x.timeZone must be a string']);
  });
  it('a recursive schema checks every level', () => {
    type Choice = { title: string; value?: Choice[] | null };
    const choice: z.ZodMiniType<Choice> = z.looseObject({ title: S(), value: opt(z.array(z.lazy(() => choice))) });
    expect(say(choice, { title: 'a', value: [{ title: 'b', value: [{ value: [] }] }] })).toEqual(['x.value[0].value[0].title is missing']);
  });
});

describe('the schemas built from them', () => {
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
