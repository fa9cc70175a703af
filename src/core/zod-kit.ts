/**
 * Building blocks shared by every input schema (activity `info`, details, contact input, seed
 * records, options), all zod/mini. Each leaf carries the phrase the WixHive backend used where zod
 * has no code of its own for it (`must be an integer`, `is not an ISO-8601 date`); the rest are
 * phrased from zod's issue codes by ./zod-issues.
 */
import * as z from 'zod/mini';
import { isIsoDate } from './iso-date';

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Builds a value on its first use only: schemas cost nothing until a type is first validated. */
export const once = <T>(build: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= build());
};

// zod's number already refuses NaN and ±Infinity, which no JSON the backend read could carry.
// Leaves too are built on first use: constructing zod schemas is most of what evaluating the
// script would otherwise cost (bench row "script tag evaluation").
export const S = once(() => z.string());
export const N = once(() => z.number());
export const B = once(() => z.boolean());
/** A whole number (the JSON Schema generator writes it as `integer`). */
export const INT = once(() => z.number().check(z.refine(Number.isInteger, 'must be an integer')));
/** An ISO-8601 date or date-time string, as the backend accepted it (./iso-date; the generator adds its pattern). */
export const DATE = once(() => z.string().check(z.refine(isIsoDate, 'is not an ISO-8601 date')));

/** Optional: absent and `null` both mean "not sent". */
export const opt = <T extends z.ZodMiniType>(schema: T) => z.nullish(schema);
export const oS = once(() => opt(S()));
export const oN = once(() => opt(N()));
export const oB = once(() => opt(B()));
export const oD = once(() => opt(DATE()));

/** One of the given strings; a value of another type is phrased `must be a string`. */
export const oneOf = <const T extends readonly [string, ...string[]]>(...values: T) => z.enum(values);

/** A list of `schema`. */
export const list = <T extends z.ZodMiniType>(schema: T) => z.array(schema);

/**
 * A required field the schema file and the docs spell two ways (`timezone`/`timeZone`): both
 * spellings go in the shape as optional, and this check asks for one of them, naming the first.
 * It runs even when sibling fields failed, so that every offending path is reported, after them.
 */
export const either = (first: string, second: string) =>
  z.check<Record<string, unknown>>(
    (payload) => {
      const value = payload.value;
      if (value[first] == null && value[second] == null) {
        payload.issues.push({ code: 'custom', path: [first], input: value[first], message: value[first] === null ? 'is a null' : 'is missing' });
      }
    },
    { when: (payload) => isRecord(payload.value) },
  );
