/** A mistake in what the user gave the CLI (flags, a data file): one line saying what to fix, exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
}
