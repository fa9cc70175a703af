/** `Wix.Contacts` (SDK 1.90.0; SPEC §2.3). */
import { parseContactInfo, matchKeysOf } from '../core/contact-schema';
import { badRequest, SdkMessage, type WixErrorCode } from '../core/errors';
import { quote } from '../core/quote';
import { MAX_PAGE, pageSizeSchema, stringListSchema } from '../core/option-schemas';
import type { Contact, ReconcileResult } from '../core/types';
import type { ShimContext } from '../shim/context';
import type { PagePlan } from '../storage/paging';
import { check, isFunction, isSdkObject, settle, type Callback } from './calling';
import { runCursorQuery } from './cursor-query';
import type { WixDataCursor } from './cursor';
import { getById } from './get-by-id';
import { jsonCopy } from './json-copy';

/** Options of `getContacts`. */
export interface GetContactsOptions {
  /** Contacts whose labels (`tags`) hold this label, or any of these labels. */
  label?: string | string[];
  /** Integer 1–500; default 25. */
  pageSize?: number;
}

export interface WixContacts {
  /**
   * Pages through the site's contacts, newest first.
   * @param options `{label?, pageSize?}` (required, may be `{}`).
   * @param onSuccess receives a {@link WixDataCursor} over {@link Contact}s.
   * @param onFailure receives `'BAD_REQUEST'` for bad options, `'WIX_ERROR'` for storage failures.
   */
  getContacts(options: GetContactsOptions | null, onSuccess: (cursor: WixDataCursor<Contact>) => void, onFailure?: (error: WixErrorCode) => void): void;
  /**
   * @param onSuccess receives the {@link Contact}.
   * @param onFailure receives `'NOT_FOUND'` for an unknown id.
   */
  getContactById(id: string, onSuccess: (contact: Contact) => void, onFailure: (error: WixErrorCode) => void): void;
  /**
   * Creates the contact, or merges into the one with the same email or phone.
   * @param onSuccess receives {@link ReconcileResult}.
   * @param onFailure receives `'BAD_REQUEST'` for invalid input (nothing is stored).
   */
  reconcileContact(contactInfo: object, onSuccess?: (result: ReconcileResult) => void, onFailure?: (error: WixErrorCode) => void): void;
}

export const DEFAULT_CONTACTS_PAGE = 25;

/** Validates a page size: an integer 1–500, or absent for the default. */
export function pageSizeOf(value: unknown, fallback: number, method: string): number {
  if (!pageSizeSchema().safeParse(value).success) {
    throw badRequest(`Failed to ${method}: pageSize ${quote(value)} is invalid. Pass an integer from 1 to ${MAX_PAGE}`);
  }
  return (value as number | null | undefined) ?? fallback;
}

/** A string or an array of strings, as a deduplicated list; undefined when absent. */
export function stringList(value: unknown, what: string, doing: string): string[] | undefined {
  if (!stringListSchema().safeParse(value).success) throw badRequest(`Failed to ${doing}: ${what} must be a string or a non-empty array of strings`);
  if (value === undefined || value === null) return undefined;
  return [...new Set(typeof value === 'string' ? [value] : (value as string[]))];
}

export function createContacts(ctx: ShimContext): WixContacts {
  const r = ctx.reporter;
  return {
    getContacts(options, onSuccess, onFailure) {
      check(isSdkObject(options), SdkMessage.options, r, 'getContacts needs an options object as its first argument, e.g. getContacts({}, onSuccess)');
      check(isFunction(onSuccess), SdkMessage.onSuccess, r, 'getContacts needs an onSuccess function as its second argument');
      // Read at call time (a later change by the caller must not matter), and validated from the
      // values themselves: a JSON copy would turn NaN into null and drop a Symbol, hiding the mistake.
      let snapshot: { pageSize: unknown; label: unknown } | undefined;
      try {
        const o = (options ?? {}) as Record<string, unknown>;
        snapshot = { pageSize: o.pageSize, label: Array.isArray(o.label) ? [...(o.label as unknown[])] : o.label };
      } catch {
        snapshot = undefined; // a throwing getter or a revoked proxy: reported below as BAD_REQUEST
      }
      runCursorQuery<Contact>(ctx, {
        method: 'Wix.Contacts.getContacts',
        doing: 'get contacts',
        withTotal: true,
        plan() {
          if (!snapshot) throw badRequest('Failed to get contacts: the options object could not be read. Pass a plain object {label?, pageSize?}');
          const opts = snapshot;
          const pageSize = pageSizeOf(opts.pageSize, DEFAULT_CONTACTS_PAGE, 'get contacts');
          const labels = stringList(opts.label, 'label', 'get contacts');
          const plan: PagePlan = {
            store: 'contacts',
            order: 'desc',
            sources: labels ? labels.map((l) => ({ index: 'byTag', prefix: [l] })) : [{ index: 'byCreated', prefix: [] }],
          };
          return { plan, pageSize };
        },
      }, onSuccess as Callback<WixDataCursor<Contact>>, onFailure);
    },

    getContactById(id, onSuccess, onFailure) {
      getById(ctx, 'Wix.Contacts.getContactById', 'contact', [id, onSuccess, onFailure], (i) => ctx.store.getContact(i));
    },

    reconcileContact(contactInfo, onSuccess, onFailure) {
      check(contactInfo !== undefined, SdkMessage.contactMissing, r, 'reconcileContact needs the contact information object as its first argument');
      check(isSdkObject(contactInfo), SdkMessage.contactNotObject, r, 'reconcileContact needs an object such as {emails: [{tag: "main", email: "a@b.co"}]}');
      check(onSuccess === undefined || isFunction(onSuccess), SdkMessage.onSuccess, r, 'reconcileContact: onSuccess must be a function when given');
      check(onFailure === undefined || isFunction(onFailure), SdkMessage.onFailure, r, 'reconcileContact: onFailure must be a function when given');
      const copy = jsonCopy(contactInfo, 'contact information');
      settle<ReconcileResult, WixErrorCode>({
        method: 'Wix.Contacts.reconcileContact', doing: 'reconcile the contact', reporter: r, delay: ctx.delay,
        onSuccess, onFailure, failureValue: (f) => f.code,
        work: async () => {
          if (!copy.ok) throw copy.failure;
          ctx.fault('Wix.Contacts.reconcileContact');
          const parsed = parseContactInfo(copy.value);
          if (!parsed.ok) throw badRequest(`Failed to reconcile the contact: ${parsed.errors.join(', ')}. Fix these fields and call again`);
          const keys = matchKeysOf(parsed.value);
          if (!keys.emails.length && !keys.phones.length) {
            throw badRequest('Failed to reconcile the contact: it has no email and no phone. Include at least one of emails[] or phones[]');
          }
          return ctx.store.reconcile(parsed.value);
        },
      });
    },
  };
}
