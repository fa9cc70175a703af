/**
 * Turns zod issues into the backend's style of validation message: one phrase per offending path,
 * e.g. `info.title is missing`, `contactUpdate.emails[0].email is longer than 250 characters`.
 */
import type { core } from 'zod/mini';

type Issue = core.$ZodIssue;

/** `['emails', 0, 'email']` → `emails[0].email`, under an optional prefix such as `info`. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

function expectedName(expected: string): string {
  return expected === 'object' || expected === 'array' ? `an ${expected}` : `a ${expected}`;
}

function phrase(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined) return 'is missing';
      if (input === null) return 'is a null';
      return `must be ${expectedName(issue.expected)}`;
    }
    case 'too_big':
      return issue.origin === 'string'
        ? `is longer than ${String(issue.maximum)} characters`
        : issue.origin === 'array'
          ? `has more than ${String(issue.maximum)} items`
          : `must be at most ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `must be at least ${String(issue.minimum)} characters`
        : `must be at least ${String(issue.minimum)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join('|')}`;
    case 'invalid_format':
      return `is not a valid ${issue.format}`;
    case 'invalid_union':
      return 'does not match any accepted variant';
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'is invalid';
  }
}

/**
 * Every issue as `path phrase`, deduplicated, in the order zod found them. Parse with
 * `{ reportInput: true }`: the phrase for a wrong type depends on the input (missing, null, other).
 */
export function describeIssues(issues: readonly Issue[], prefix = ''): string[] {
  const out: string[] = [];
  for (const issue of issues) {
    const line = `${formatPath(issue.path, prefix)} ${phrase(issue)}`;
    if (!out.includes(line)) out.push(line);
  }
  return out;
}
