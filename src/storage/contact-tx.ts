/** Contact matching and merging inside a caller's readwrite transaction (SPEC §2.3). */
import { matchKeysOf, type CleanContactInfo } from '../core/contact-schema';
import { createContact, mergeContact } from '../core/reconcile';
import type { Contact, ReconcileResult } from '../core/types';
import type { Tx } from './driver';
import { contactRow } from './rows';
import type { ContactRow } from './schema';
import type { Change } from './changes';
import { CONTACTS_TOTAL, type TotalsInTx } from './totals';

export interface TxContext {
  nowIso: string;
  newId: () => string;
  changes: Change[];
  /** Writes issued but not awaited; the transaction awaits them all before it commits. */
  writes: Array<Promise<void>>;
  /** The kept totals this transaction changes (decision 0016); written before it commits. */
  totals: TotalsInTx;
}

/**
 * Writes `after` over `before` (undefined: a new contact) and changes the kept totals with it, in
 * the caller's transaction (decision 0016): every contact write goes through here, so none can
 * leave the totals behind.
 */
export function putContact(tx: Tx, ctx: TxContext, before: Contact | undefined, after: Contact): Promise<void> {
  const write = tx.put('contacts', contactRow(after));
  ctx.totals.contactChanged(before, after);
  return write;
}

/** The earliest-created contact holding any of the keys, if any. */
export async function findMatch(tx: Tx, keys: { emails: string[]; phones: string[] }): Promise<ContactRow | undefined> {
  const lookups = [
    ...keys.emails.map((k) => tx.scan<ContactRow>('contacts', { index: 'byEmail', range: { lower: k, upper: k } })),
    ...keys.phones.map((k) => tx.scan<ContactRow>('contacts', { index: 'byPhone', range: { lower: k, upper: k } })),
  ];
  let best: ContactRow | undefined;
  for (const rows of await Promise.all(lookups)) {
    for (const row of rows) {
      if (!best || row.created < best.created || (row.created === best.created && row.id < best.id)) best = row;
    }
  }
  return best;
}

export function reconcileResult(contact: Contact, isNew: boolean, rejected: ReconcileResult['details']['rejectedData'] = [], existing: ReconcileResult['details']['existingData'] = []): ReconcileResult {
  return {
    Contact: contact,
    contact,
    isNew,
    details: { isNew, rejectedData: rejected, existingData: existing, note: { returnedData: 'COMPLETE', requiredPermissionsForAllData: [] } },
  };
}

/** Merges `info` into `row`'s contact and writes it if anything changed. */
export async function mergeInto(tx: Tx, row: ContactRow, info: CleanContactInfo, ctx: TxContext): Promise<ReconcileResult> {
  const outcome = mergeContact(row.contact, info, ctx.nowIso);
  if (outcome.changed) {
    ctx.writes.push(putContact(tx, ctx, row.contact, outcome.contact));
    ctx.changes.push({ event: 'updated', entity: 'contact', id: row.id, previous: row.contact });
  }
  return reconcileResult(outcome.contact, false, outcome.rejectedData, outcome.existingData);
}

/** Finds the contact `info` matches and merges into it, or creates one. `info` has an email or phone. */
export async function reconcileInTx(tx: Tx, info: CleanContactInfo, ctx: TxContext): Promise<ReconcileResult> {
  // Read beside the lookups: if they find nothing, counting the new contact costs no extra wait.
  ctx.totals.prefetch(CONTACTS_TOTAL);
  const match = await findMatch(tx, matchKeysOf(info));
  if (match) return mergeInto(tx, match, info, ctx);
  const contact = createContact(info, ctx.newId(), ctx.nowIso);
  ctx.writes.push(putContact(tx, ctx, undefined, contact));
  ctx.changes.push({ event: 'created', entity: 'contact', id: contact.id });
  return reconcileResult(contact, true);
}
