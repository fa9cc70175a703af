/**
 * Error vocabulary of the legacy SDK (SDK 1.90.0, legacy-sdk-facts §3) and the shim's own failure type.
 * Pure: no DOM, no storage.
 */
import { printable } from './quote';

/** `Wix.Error`: the strings a data or cursor call passes to `onFailure`. */
export const WixError = Object.freeze({
  WIX_ERROR: 'WIX_ERROR',
  NOT_FOUND: 'NOT_FOUND',
  BAD_REQUEST: 'BAD_REQUEST',
  INVALID_SCHEMA: 'INVALID_SCHEMA',
  FORBIDDEN: 'FORBIDDEN',
} as const);

/** One of the `Wix.Error` string values. */
export type WixErrorCode = (typeof WixError)[keyof typeof WixError];

/** `Wix.Activities.Error`: defined by the SDK, never produced by it (facts §1.1). */
export const ActivitiesError = Object.freeze({
  BAD_DATES: 'BAD_DATES',
  ACTIVITY_NOT_FOUND: 'ACTIVITY_NOT_FOUND',
  WRONG_PERMISSIONS: 'WRONG_PERMISSIONS',
} as const);

/** The HTTP error body the host forwarded to `postActivity`'s `onFailure` (facts §3.4). */
export interface HttpErrorBody {
  /** HTTP status: 400 for validation, 404 for an unknown resource, 500 for storage failures. */
  errorCode: number;
  /** What went wrong; for validation, every offending field path. */
  message: string;
  /** The backend's negative error number, e.g. -23012 for a failed schema check. */
  wixErrorCode: number;
}

/** The SDK's argument-check messages, word for word (facts §3.3). */
export const SdkMessage = Object.freeze({
  id: 'Missing mandatory argument - id, must be a string',
  onSuccess: 'Missing mandatory argument - onSuccess, must be a function',
  onFailure: 'Missing mandatory argument - onFailure, must be a function',
  options: 'Missing mandatory argument - options, must be an object',
  contactMissing: 'Missing mandatory contact options parameter',
  contactNotObject: 'Contact options parameter must be an object',
  viewMode:
    'Invalid view mode. This function cannot be called in editor/preview mode. Supported view mode is: [site]',
} as const);

/**
 * A failure the shim reports through a method's error path. `code` is what a data call hands to
 * `onFailure`; `http` is the body `postActivity` hands over instead.
 */
export class ShimFailure extends Error {
  constructor(
    readonly code: WixErrorCode,
    message: string,
    readonly http: HttpErrorBody = { errorCode: httpStatusOf(code), message, wixErrorCode: -100 },
  ) {
    super(message);
    this.name = 'ShimFailure';
  }
}

function httpStatusOf(code: WixErrorCode): number {
  if (code === 'NOT_FOUND') return 404;
  if (code === 'BAD_REQUEST' || code === 'INVALID_SCHEMA') return 400;
  if (code === 'FORBIDDEN') return 403;
  return 500;
}

export const badRequest = (message: string, wixErrorCode = -23011): ShimFailure =>
  new ShimFailure('BAD_REQUEST', message, { errorCode: 400, message, wixErrorCode });

export const notFound = (message: string, wixErrorCode = -23018): ShimFailure =>
  new ShimFailure('NOT_FOUND', message, { errorCode: 404, message, wixErrorCode });

/** Any thrown value as a ShimFailure: storage and unexpected errors become WIX_ERROR. */
export function toFailure(error: unknown, doing: string): ShimFailure {
  if (error instanceof ShimFailure) return error;
  // Storing clones the value recursively, and V8 overflows its stack at about 2,000 levels: the
  // input's fault, so the same 400 as a value too deep for JSON (decision 0010, quirk 9).
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return badRequest(`Failed to ${doing}: the data is nested too deeply to store. Flatten it`);
  }
  const name = (error as { name?: unknown } | null)?.name;
  const reason =
    name === 'QuotaExceededError'
      ? 'the browser storage quota is exceeded. Free some space (WixShim.clear()) or use a smaller data set'
      : name === 'VersionError'
        ? 'another tab upgraded this database with a newer wix-hive-shim. Reload this page with the newer version'
        : `storage failed (${printable((error as { message?: unknown } | null)?.message ?? error)})`;
  return new ShimFailure('WIX_ERROR', `Failed to ${doing}: ${reason}.`);
}
