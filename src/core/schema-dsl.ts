/**
 * A tiny schema notation and its validator, which reports every offending path the way the WixHive
 * backend did (`info.title is missing`, `emails[0].email is longer than 250 characters`). All input
 * schemas are written in it: the 40 activity `info` schemas, the contact input, seed records and
 * activity details. It replaced zod/mini, whose core alone was 6 KB gzip of the script tag (decision
 * 0009); only validation is needed, never transformation.
 *
 * Notation:
 * - a leaf is a string: `s` string, `n` number, `i` integer, `b` boolean, `d` ISO-8601 date string;
 *   any other string is an enum, its values separated by `|` (`'GUEST|STAFF'`, or one value `'RSVP'`);
 * - a leaf may also be a {@link Rule}, a function for checks the letters cannot say (limits);
 * - `[spec]` is an array whose elements all match `spec`;
 * - `{key: spec}` is an object that allows keys it does not list. The key's last mark says what an
 *   absent (`undefined`) or `null` value means:
 *   - `name!`: required, and not null;
 *   - `name`: optional; null means absent;
 *   - `name?`: optional, but null is an error;
 *   - `name=`: required, but null is allowed.
 *   `'a!|b'` is the field `a`, also accepted under the spelling `b` (where the schema and the docs
 *   disagree): one of the two must be there, and messages name `a`.
 *
 * A spec may contain itself (a recursive block): build it, then assign the self-reference.
 */
import { isIsoDate } from './iso-date';

/**
 * A custom leaf: the phrases for what is wrong with a value (`['is longer than 30 characters']`),
 * none when it is valid. Called with any value but `undefined`, and with `null` only where the key
 * forbids null (use {@link wrongType} to phrase a wrong type).
 */
export type Rule = (value: unknown) => readonly string[];

/** A schema in the notation above. */
export type Spec = string | Rule | readonly [Spec] | ObjectSpec;

/** An object spec: field keys (with their marks) to their specs. */
export interface ObjectSpec {
  [key: string]: Spec;
}

type PathPart = string | number;

/** One offending value: where it is, and what is wrong with it. */
export interface Issue {
  path: PathPart[];
  what: string;
}

type Validator = (value: unknown, path: PathPart[], out: Issue[]) => void;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The backend's phrase for a value of the wrong type: missing, null, or the type it must be. */
export const wrongType = (value: unknown, expected: string): string =>
  value === undefined ? 'is missing' : value === null ? 'is a null' : `must be ${expected}`;

export const OK: readonly string[] = [];

/** A leaf that checks the type first (phrased by {@link wrongType}), then at most one more thing. */
export const typed = (test: (v: unknown) => boolean, expected: string, then?: (v: never) => string | false): Rule =>
  (v) => {
    if (!test(v)) return [wrongType(v, expected)];
    const extra = then?.(v as never);
    return extra ? [extra] : OK;
  };

export const isString = (v: unknown): v is string => typeof v === 'string';
// The backend's JSON could carry no NaN or Infinity, so neither is a number here.
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

const LEAVES: Record<string, Rule> = {
  s: typed(isString, 'a string'),
  n: typed(isNumber, 'a number'),
  i: typed(isNumber, 'a number', (v: number) => !Number.isInteger(v) && 'must be an integer'),
  b: typed((v) => typeof v === 'boolean', 'a boolean'),
  d: typed(isString, 'a string', (v: string) => !isIsoDate(v) && 'is not an ISO-8601 date'),
};

function leaf(token: string): Rule {
  const values = token.split('|');
  return LEAVES[token] ?? typed(isString, 'a string', (v: string) => !values.includes(v) && `must be one of ${token}`);
}

const fromRule = (rule: Rule): Validator => (value, path, out) => {
  for (const what of rule(value)) out.push({ path: [...path], what });
};

function array(element: Validator): Validator {
  return (value, path, out) => {
    if (!Array.isArray(value)) return void out.push({ path: [...path], what: wrongType(value, 'an array') });
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      element(value[i], path, out);
      path.pop();
    }
  };
}

interface Field {
  names: string[];
  mark: string;
  check: Validator;
}

function object(spec: ObjectSpec): Validator {
  const fields: Field[] = Object.entries(spec).map(([key, sub]) => ({
    names: key.replace(/[!?=]/, '').split('|'),
    mark: /[!?=]/.exec(key)?.[0] ?? '',
    check: compile(sub),
  }));
  return (value, path, out) => {
    if (!isRecord(value)) return void out.push({ path: [...path], what: wrongType(value, 'an object') });
    const unmet: string[] = [];
    for (const { names, mark, check } of fields) {
      const single = names.length === 1;
      for (const name of names) {
        const v = value[name];
        // A missing or null value is an error only where the mark says so; else it is skipped.
        if (v === undefined ? single && (mark === '!' || mark === '=') : v !== null || (single && (mark === '!' || mark === '?'))) {
          path.push(name);
          check(v, path, out);
          path.pop();
        }
      }
      if (!single && mark === '!' && names.every((n) => value[n] == null)) unmet.push(names[0]!);
    }
    // Reported after the fields, so that every offending path is listed, in the backend's order.
    for (const name of unmet) out.push({ path: [...path, name], what: value[name] === null ? 'is a null' : 'is missing' });
  };
}

const compiled = new Map<Spec, Validator>();

/** The validator of a spec, built on first use and cached by the spec's identity. */
function compile(spec: Spec): Validator {
  let check = compiled.get(spec);
  if (!check) {
    // Stands in while a recursive spec builds.
    if (typeof spec === 'object') compiled.set(spec, (value, path, out) => compiled.get(spec)!(value, path, out));
    check =
      typeof spec === 'string'
        ? fromRule(leaf(spec))
        : typeof spec === 'function'
          ? fromRule(spec)
          : Array.isArray(spec)
            ? array(compile((spec as readonly [Spec])[0]))
            : object(spec as ObjectSpec);
    compiled.set(spec, check);
  }
  return check;
}

/** Every issue of `value` against `spec`, in the order the backend listed them; `[]` when valid. */
export function validate(spec: Spec, value: unknown): Issue[] {
  const out: Issue[] = [];
  compile(spec)(value, [], out);
  return out;
}

/** `['emails', 0, 'email']` → `emails[0].email`, under an optional prefix such as `info`. */
export function formatPath(path: readonly PathPart[], prefix = ''): string {
  let out = prefix;
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out || '(root)';
}

/** Every issue as `path phrase`, without repeats. */
export function describeIssues(issues: readonly Issue[], prefix = ''): string[] {
  return [...new Set(issues.map((issue) => `${formatPath(issue.path, prefix)} ${issue.what}`))];
}

const keyLists = new WeakMap<ObjectSpec, string[]>();

/** The keys an object spec lists, each spelling on its own, without marks. */
export function keysOf(spec: ObjectSpec): string[] {
  let keys = keyLists.get(spec);
  if (!keys) keyLists.set(spec, (keys = Object.keys(spec).join('|').replace(/[!?=]/g, '').split('|')));
  return keys;
}
