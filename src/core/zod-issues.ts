/**
 * Turns zod issues into the WixHive backend's phrases, one per offending path, in the order zod
 * found them (the order the backend listed them): `info.title is missing`, `info.guests is a null`,
 * `info.type must be one of CHAT|SMS`, `emails[0].email is longer than 250 characters`.
 */
import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;
type PathPart = PropertyKey;

/** `['emails', 0, 'email']` → `emails[0].email`, under an optional prefix such as `info`. */
export function formatPath(path: readonly PathPart[], prefix = ''): string {
  let out = prefix;
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(root)';
}

// The wrong-type phrase depends on the value (missing, null, other), so parse with reportInput.
const wrongType = (input: unknown, expected: string): string =>
  input === undefined ? 'is missing' : input === null ? 'is a null' : `must be ${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`;

function phrase(issue: Issue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      return wrongType(input, issue.expected);
    case 'invalid_value':
      // An enum: a value of another type is a wrong type, as the backend said it.
      return typeof input === 'string' ? `must be one of ${issue.values.join('|')}` : wrongType(input, 'string');
    case 'too_big':
      return issue.origin === 'string' ? `is longer than ${String(issue.maximum)} characters` : `must be at most ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string' ? `must be at least ${String(issue.minimum)} characters` : `must be at least ${String(issue.minimum)}`;
    default:
      return issue.message;
  }
}

/** The issues of a failed parse (`{reportInput: true}`) as `path phrase` lines, without repeats. */
export function describeIssues(issues: readonly Issue[], prefix = ''): string[] {
  return [...new Set(issues.map((issue) => `${formatPath(issue.path, prefix)} ${phrase(issue)}`))];
}

/** Parse options for every input schema: the phrases need the offending value. */
export const PARSE = { reportInput: true } as const;

/** Every problem of `value` against `schema` as `path phrase` lines; `[]` when it is valid. */
export function problemsOf(schema: z.ZodMiniType, value: unknown, prefix = ''): string[] {
  const result = schema.safeParse(value, PARSE);
  return result.success ? [] : describeIssues(result.error.issues, prefix);
}
