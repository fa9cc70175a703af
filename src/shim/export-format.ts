/**
 * The versioned export file of `exportData`/`importData`. Its JSON Schema is
 * `schemas/export-v1.schema.json`. A file of a newer version is refused, never half-read.
 */
import { badRequest } from '../core/errors';
import { isRecord } from '../core/zod-kit';
import type { Activity, Contact } from '../core/types';

export const EXPORT_FORMAT = 'wix-hive-shim';
export const EXPORT_VERSION = 1;

/** An exported activity: the stored shape plus the contact it is linked to, if any. */
export type ExportedActivity = Activity & { contactId?: string };

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO-8601. */
  exportedAt: string;
  /** Oldest first. */
  contacts: Contact[];
  /** Oldest first. */
  activities: ExportedActivity[];
}

/** Reads a file's envelope; the records are validated like a seed by the caller. */
export function readExportEnvelope(input: unknown): { contacts: unknown[]; activities: unknown[] } {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      throw badRequest(`Failed to import: the text is not JSON (${(error as Error).message}). Pass the string or object exportData() produced`);
    }
  }
  if (!isRecord(data)) throw badRequest('Failed to import: expected an object. Pass the string or object exportData() produced');
  const file = data;
  if (file.format !== EXPORT_FORMAT) throw badRequest(`Failed to import: format is ${JSON.stringify(file.format)}, not "${EXPORT_FORMAT}". Pass a file made by exportData()`);
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) throw badRequest('Failed to import: version must be a positive integer');
  if (file.version > EXPORT_VERSION) {
    throw badRequest(`Failed to import: the file is format version ${file.version}, newer than this shim reads (${EXPORT_VERSION}). Upgrade wix-hive-shim`);
  }
  if (!Array.isArray(file.contacts) || !Array.isArray(file.activities)) throw badRequest('Failed to import: contacts and activities must be arrays');
  return { contacts: file.contacts, activities: file.activities };
}
