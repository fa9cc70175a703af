/**
 * A tiny notation for the activity `info` schemas, compiled on demand to zod/mini. The 40 schemas
 * are data in this notation because one zod call per field for every type would not fit the
 * script-tag budget, and most types would never be compiled in a given page anyway.
 *
 * Notation:
 * - a leaf is a string: `s` string, `n` number, `i` integer, `b` boolean, `d` ISO-8601 date string;
 *   any other string is an enum, its values separated by `|` (`'GUEST|STAFF'`, or one value `'RSVP'`);
 * - `[spec]` is an array whose elements all match `spec`;
 * - `{key: spec}` is an object that allows keys it does not list. A key ending in `!` is required
 *   (present and not null); any other key may be absent or null. `'a!|b'` is the field `a`, also
 *   accepted under the spelling `b` (where the schema and the docs disagree): one of the two must
 *   be there, and messages name `a`.
 *
 * A spec may contain itself (a recursive block): build it, then assign the self-reference.
 */
import * as z from 'zod/mini';
import { isIsoDate } from './iso-date';

/** A schema in the notation above. */
export type Spec = string | readonly [Spec] | ObjectSpec;

/** An object spec: field keys (with `!` and `|` markers) to their specs. */
export interface ObjectSpec {
  [key: string]: Spec;
}

type Schema = z.ZodMiniType;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// The enum, integer and date phrases are custom messages because describeIssues only phrases zod's
// own codes, and a plain z.enum would say "must be one of" even when the field is simply missing.
function leaf(token: string): Schema {
  if (token === 's') return z.string();
  if (token === 'n') return z.number();
  if (token === 'b') return z.boolean();
  if (token === 'i') return z.number().check(z.refine(Number.isInteger, { message: 'must be an integer' }));
  if (token === 'd') return z.string().check(z.refine(isIsoDate, { message: 'is not an ISO-8601 date' }));
  const values = token.split('|');
  return z.string().check(z.refine((v) => values.includes(v), { message: `must be one of ${token}` }));
}

function object(spec: ObjectSpec): Schema {
  const shape: Record<string, Schema> = {};
  const eitherOf: string[][] = [];
  for (const [key, sub] of Object.entries(spec)) {
    const names = key.replace('!', '').split('|');
    const required = key.includes('!');
    const field = compile(sub);
    for (const name of names) shape[name] = required && names.length === 1 ? field : z.nullish(field);
    if (required && names.length > 1) eitherOf.push(names);
  }
  const schema = z.looseObject(shape);
  if (!eitherOf.length) return schema;
  return schema.check(
    z.check<Record<string, unknown>>(
      (payload) => {
        for (const names of eitherOf) {
          const name = names[0]!;
          const value = payload.value[name];
          if (names.every((n) => payload.value[n] == null))
            payload.issues.push({ code: 'custom', path: [name], input: value, message: value === null ? 'is a null' : 'is missing' });
        }
      },
      // Runs even when sibling fields already failed, so that every offending path is reported.
      { when: (payload) => isRecord(payload.value) },
    ),
  );
}

const compiled = new Map<Spec, Schema>();

/** The zod/mini schema of a spec, built on first use and cached by the spec's identity. */
export function compile(spec: Spec): Schema {
  let schema = compiled.get(spec);
  if (!schema) {
    if (typeof spec !== 'string') compiled.set(spec, z.lazy(() => compiled.get(spec)!)); // stands in while a recursive spec builds
    schema =
      typeof spec === 'string'
        ? leaf(spec)
        : Array.isArray(spec)
          ? z.array(compile((spec as readonly [Spec])[0]))
          : object(spec as ObjectSpec);
    compiled.set(spec, schema);
  }
  return schema;
}
