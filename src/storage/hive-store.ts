/**
 * The shim's storage service: every read and write the `Wix` facade needs, each in one
 * transaction, on whichever driver opened. No callbacks, no argument checks: those are the facade's.
 */
import { matchKeysOf, type CleanContactInfo } from '../core/contact-schema';
import { notFound, ShimFailure } from '../core/errors';
import { isoToMillis } from '../core/iso-date';
import { createContact } from '../core/reconcile';
import { printable, QUOTE_LIMIT } from '../core/quote';
import type { IdFactory } from '../core/ids';
import type { Activity, Contact, PostActivityResult, ReconcileResult } from '../core/types';
import type { Change } from './changes';
import { mergeInto, putContact, reconcileInTx, reconcileResult, type TxContext } from './contact-tx';
import type { Driver, Tx, TxMode } from './driver';
import { openStorage } from './open';
import { searchContactsInTx, type SearchQuery, type SearchResult } from './contact-search';
import { countPlan, readPage, sortKeyOf, type PagePlan, type SortKey } from './paging';
import { activityRow, contactRow } from './rows';
import { ALL_STORES, type ActivityRow, type ContactRow, type SessionRow, type StoreName } from './schema';
import { clearTotals, CONTACTS_TOTAL, keptTotalOf, readLabelTotals, readTotal, TotalsInTx, totalsOf, type LabelTotal } from './totals';

/** The backend's 404 for an unknown contact id (facts §3.4), the id quoted within bounds (issue 12, F7). */
const contactNotFound = (id: string) => notFound(`Cannot find contact with contactId [${printable(id, QUOTE_LIMIT)}]`);

export interface HiveStoreOptions {
  dbName: string;
  /** An IDBFactory; `null` for memory; `undefined` for the global one. */
  indexedDB: IDBFactory | null | undefined;
  now: () => number;
  newId: IdFactory;
  /** Told once why IndexedDB is not used, when it is not. */
  onFallback: (reason: string) => void;
  /** Told when opening waits for another connection at an older version to close. */
  onBlocked?: (oldVersion: number) => void;
  /** Told what each committed write changed. */
  onChange: (changes: Change[]) => void;
  /** A driver to use as is, instead of opening IndexedDB or memory (the CLI's durable file store). */
  driver?: Driver;
}

export interface StorageStatus {
  driver: 'indexeddb' | 'memory';
  persisted: boolean;
  dbName: string;
  fallbackReason?: string;
}

/** A page of public objects plus where it starts and ends, for the next keyset read. */
export interface Page<T> {
  items: T[];
  more: boolean;
  first?: SortKey;
  last?: SortKey;
}

export interface NewActivity {
  activity: Activity;
  /** The validated `contactUpdate`, or null when none was sent. */
  contactUpdate: CleanContactInfo | null;
  session: string;
}

export class HiveStore {
  private opened: Promise<Driver> | undefined;
  private status_: StorageStatus;

  constructor(private readonly options: HiveStoreOptions) {
    this.status_ = { driver: 'memory', persisted: false, dbName: options.dbName };
  }

  /** Opens the storage on first use, falling back to memory once and saying so. */
  driver(): Promise<Driver> {
    const given = this.options.driver;
    this.opened ??= (given ? Promise.resolve<{ driver: Driver; fallbackReason?: string }>({ driver: given }) : openStorage(this.options.dbName, this.options.indexedDB, this.options.onBlocked)).then(({ driver, fallbackReason }) => {
      this.status_ = { driver: driver.kind, persisted: driver.persisted, dbName: this.options.dbName };
      if (fallbackReason) {
        this.status_.fallbackReason = fallbackReason;
        this.options.onFallback(fallbackReason);
      }
      return driver;
    });
    return this.opened;
  }

  async status(): Promise<StorageStatus> {
    await this.driver();
    return { ...this.status_ };
  }

  /**
   * Runs a transaction and announces its changes once it has committed. A transaction that writes
   * contacts must include `meta`: the kept totals change with them (decision 0016).
   */
  async transact<T>(mode: TxMode, stores: StoreName[], fn: (tx: Tx, ctx: TxContext) => Promise<T>, durability?: 'relaxed'): Promise<T> {
    const driver = await this.driver();
    let changes: TxContext['changes'] = [];
    const result = await driver.run(mode, stores, async (tx) => {
      const ctx: TxContext = { nowIso: new Date(this.options.now()).toISOString(), newId: this.options.newId, changes: [], writes: [], totals: new TotalsInTx(tx) };
      const out = await fn(tx, ctx);
      const totals = ctx.totals.flush();
      if (totals) ctx.writes.push(totals);
      if (ctx.writes.length) await Promise.all(ctx.writes);
      changes = ctx.changes;
      return out;
    }, durability ? { durability } : undefined);
    // The write has committed: nothing a listener does may turn it into a failure (issue 12, F1).
    if (changes.length) {
      try { this.options.onChange(changes); } catch { /* reported by the event hub */ }
    }
    return result;
  }

  reconcile(info: CleanContactInfo): Promise<ReconcileResult> {
    return this.transact('readwrite', ['contacts', 'meta'], (tx, ctx) => reconcileInTx(tx, info, ctx));
  }

  async getContact(id: string): Promise<Contact> {
    const row = await this.transact('readonly', ['contacts'], (tx) => tx.get<ContactRow>('contacts', id));
    if (!row) throw contactNotFound(id);
    return row.contact;
  }

  async getActivity(id: string): Promise<Activity> {
    const row = await this.transact('readonly', ['activities'], (tx) => tx.get<ActivityRow>('activities', id));
    if (!row) throw notFound(`Activity not found: no activity with id [${printable(id, QUOTE_LIMIT)}]`, -23013);
    return row.activity;
  }

  /**
   * Reads a page of the plan after (or, backward, before) a boundary. Its total is a kept one
   * where one answers the plan (all contacts, one label), else counted (decision 0016).
   */
  async page<T>(plan: PagePlan, pageSize: number, after: SortKey | undefined, forward: boolean, withTotal: boolean): Promise<Page<T> & { total?: number }> {
    const kept = withTotal ? keptTotalOf(plan) : undefined;
    return this.transact('readonly', kept ? [plan.store, 'meta'] : [plan.store], async (tx) => {
      const [result, total] = await Promise.all([
        readPage<ContactRow | ActivityRow>(tx, plan, pageSize, after, forward),
        kept ? readTotal(tx, kept) : withTotal ? countPlan(tx, plan) : undefined,
      ]);
      const items = result.rows.map((r) => ('contact' in r ? r.contact : r.activity) as T);
      const page: Page<T> & { total?: number } = { items, more: result.more };
      const firstRow = result.rows[0];
      const lastRow = result.rows[result.rows.length - 1];
      if (firstRow && lastRow) { page.first = sortKeyOf(firstRow); page.last = sortKeyOf(lastRow); }
      if (total !== undefined) page.total = total;
      return page;
    });
  }

  /**
   * Writes an activity; a reconcilable `contactUpdate` is reconciled in the same transaction, and
   * the visitor session's earlier unlinked activities are linked to that contact (SPEC §2.2).
   */
  postActivity({ activity, contactUpdate, session }: NewActivity): Promise<PostActivityResult> {
    // Without a contactUpdate no contact is read or written: a narrower scope locks less.
    const stores: StoreName[] = contactUpdate ? ['activities', 'contacts', 'sessions', 'meta'] : ['activities', 'sessions'];
    return this.transact('readwrite', stores, async (tx, ctx) => {
      // Read the session in the same round trip as the first lookup or write, not in one of its own.
      const keys = contactUpdate ? matchKeysOf(contactUpdate) : undefined;
      const reconcilable = !!contactUpdate && !!keys && (keys.emails.length > 0 || keys.phones.length > 0);
      // With no contactUpdate the activity is put at once, unlinked, and again below only if the session has a contact.
      const early = contactUpdate ? undefined : tx.put('activities', activityRow(activity, undefined, session));
      const [found, reconciled] = await Promise.all([
        tx.get<SessionRow>('sessions', session),
        reconcilable ? reconcileInTx(tx, contactUpdate, ctx) : undefined,
      ]);
      const sessionRow = found ?? { id: session };
      let contactId = reconciled ? reconciled.contact.id : sessionRow.contactId;
      if (contactUpdate && !reconcilable && contactId) {
        const row = await tx.get<ContactRow>('contacts', contactId);
        if (row) await mergeInto(tx, row, contactUpdate, ctx);
        else contactId = undefined;
      }
      if (contactId && !sessionRow.contactId) {
        // The session's first contact: its earlier anonymous activities belong to it too. Only
        // then can unlinked ones exist (once a session has a contact, every post links), so the
        // scan runs once per session, not on every post.
        const earlier = await tx.scan<ActivityRow>('activities', { index: 'bySession', range: { lower: session, upper: session } });
        for (const row of earlier) {
          if (row.contactId) continue;
          await tx.put('activities', { ...row, contactId });
          ctx.changes.push({ event: 'updated', entity: 'activity', id: row.id, previous: row.activity });
        }
      }
      // The last writes go out together; the transaction awaits them before it commits.
      if (contactId && contactId !== sessionRow.contactId) ctx.writes.push(tx.put('sessions', { ...sessionRow, contactId }));
      if (early) ctx.writes.push(early);
      if (!early || contactId) ctx.writes.push(tx.put('activities', activityRow(activity, contactId, session)));
      const posted = contactId ? { activityType: activity.activityType, contactId } : { activityType: activity.activityType };
      ctx.changes.push({ event: 'created', entity: 'activity', id: activity.id, posted });
      return { activityId: activity.id, contactId: contactId ?? null };
    });
  }

  /** Replaces everything with already-validated records, in one transaction. */
  replaceAll(
    contacts: Contact[],
    activities: Array<{ activity: Activity; contactId?: string }>,
    options: { durability?: 'relaxed'; meta?: { key: string; value: unknown } } = {},
  ): Promise<void> {
    return this.transact('readwrite', ALL_STORES, async (tx, ctx) => {
      // Whether anything was stored: one key of each store, not a count.
      const before = await Promise.all([tx.keys('contacts', { limit: 1 }), tx.keys('activities', { limit: 1 })]);
      await Promise.all([...['contacts', 'activities', 'sessions'].map((s) => tx.clear(s as StoreName)), clearTotals(tx)]);
      // One summary change rather than one per record: listeners re-read on a bulk replace.
      if (before[0].length || before[1].length || contacts.length || activities.length) ctx.changes.push({ event: 'replaced', entity: 'all' });
      // Every write issued before any is awaited, the snapshot included: one round of requests.
      const putAll = (store: StoreName, rows: object[]) =>
        (tx.putAll ? tx.putAll(store, rows) : Promise.all(rows.map((r) => tx.put(store, r))).then(() => undefined));
      await Promise.all([
        options.meta ? tx.put('meta', options.meta) : undefined,
        putAll('meta', totalsOf(contacts)),
        putAll('contacts', contacts.map(contactRow)),
        putAll('activities', activities.map((a) => activityRow(a.activity, a.contactId, undefined))),
      ]);
    }, options.durability);
  }

  /** Deletes a contact; its activities stay, unlinked (the shim never drops data it was not asked to). */
  deleteContact(id: string): Promise<void> {
    return this.transact('readwrite', ['contacts', 'activities', 'sessions', 'meta'], async (tx, ctx) => {
      const row = await tx.get<ContactRow>('contacts', id);
      if (!row) throw notFound(`Failed to delete the contact: no contact has id [${printable(id, QUOTE_LIMIT)}]`);
      await tx.delete('contacts', id);
      ctx.totals.contactChanged(row.contact, undefined);
      ctx.changes.push({ event: 'deleted', entity: 'contact', id, previous: row.contact });
      const linked = await tx.scan<ActivityRow>('activities', { index: 'byContact', range: { lower: [id], upper: [id, []] } });
      for (const a of linked) {
        // Out of its session too: else the session's next contact would claim it (decision 0006).
        const { contactId: _unlinked, session: _forgotten, ...rest } = a;
        await tx.put('activities', rest);
        ctx.changes.push({ event: 'updated', entity: 'activity', id: a.id, previous: a.activity });
      }
      for (const session of await tx.scan<SessionRow>('sessions', {})) {
        if (session.contactId === id) await tx.put('sessions', { id: session.id });
      }
    });
  }

  /** Replaces a contact's labels (its `tags`). */
  setLabels(id: string, labels: string[]): Promise<Contact> {
    return this.transact('readwrite', ['contacts', 'meta'], async (tx, ctx) => {
      const row = await tx.get<ContactRow>('contacts', id);
      if (!row) throw notFound(`Failed to set labels: no contact has id [${printable(id, QUOTE_LIMIT)}]`);
      const contact = { ...row.contact, tags: [...new Set(labels)], modifiedAt: ctx.nowIso };
      await putContact(tx, ctx, row.contact, contact);
      ctx.changes.push({ event: 'updated', entity: 'contact', id, previous: row.contact });
      return contact;
    });
  }

  // ---- For the HTTP API (src/http/): additive, each write in one transaction. ----

  /**
   * Applies `edit` to a contact if `modifiedAt` (epoch ms) is current: equal to or later than the
   * stored one (facts §6.5); an earlier one is a 409. `edit` may throw a ShimFailure (nothing is written).
   */
  editContact(id: string, modifiedAt: number, edit: (contact: Contact) => Contact): Promise<Contact> {
    return this.transact('readwrite', ['contacts', 'meta'], async (tx, ctx) => {
      const row = await tx.get<ContactRow>('contacts', id);
      if (!row) throw contactNotFound(id);
      if (modifiedAt < isoToMillis(row.contact.modifiedAt)) {
        const message = `Failed to update the contact: modifiedAt is stale (the contact changed at ${row.contact.modifiedAt}). Re-fetch the contact to sync and send its modifiedAt`;
        throw new ShimFailure('WIX_ERROR', message, { errorCode: 409, message, wixErrorCode: -23019 });
      }
      const contact = { ...edit(row.contact), id, createdAt: row.contact.createdAt, modifiedAt: ctx.nowIso };
      await putContact(tx, ctx, row.contact, contact);
      ctx.changes.push({ event: 'updated', entity: 'contact', id, previous: row.contact });
      return contact;
    });
  }

  /**
   * Creates a contact (HTTP create, version 1.0.0), or reconciles it (`reconcile`: version 2.0.0);
   * then `extend` adds what the reconcile rules do not cover (notes, custom fields), in the same transaction.
   */
  saveContact(info: CleanContactInfo, reconcile: boolean, extend: (contact: Contact) => Contact): Promise<ReconcileResult> {
    return this.transact('readwrite', ['contacts', 'meta'], async (tx, ctx) => {
      const result = reconcile
        ? await reconcileInTx(tx, info, ctx)
        : reconcileResult(createContact(info, ctx.newId(), ctx.nowIso), true);
      const before = result.contact;
      const contact = extend(before);
      if (contact !== before) contact.modifiedAt = ctx.nowIso;
      // A reconcile has counted `before` already; only what `extend` changed is new here.
      if (!reconcile || contact !== before) ctx.writes.push(putContact(tx, ctx, reconcile ? before : undefined, contact));
      if (!reconcile) ctx.changes.push({ event: 'created', entity: 'contact', id: contact.id });
      else if (contact !== before && !ctx.changes.length) ctx.changes.push({ event: 'updated', entity: 'contact', id: contact.id, previous: before });
      return { ...result, Contact: contact, contact };
    });
  }

  /**
   * `PUT /contacts`: the earliest contact holding every given key, else a new one from `info`. A
   * `session` (from a userSessionToken) is linked to it, with the session's unlinked activities.
   */
  upsertContact(keys: { emails: string[]; phones: string[] }, info: CleanContactInfo, session?: string): Promise<string> {
    return this.transact('readwrite', ['contacts', 'activities', 'sessions', 'meta'], async (tx, ctx) => {
      const lists = await Promise.all([
        ...keys.emails.map((k) => tx.scan<ContactRow>('contacts', { index: 'byEmail', range: { lower: k, upper: k } })),
        ...keys.phones.map((k) => tx.scan<ContactRow>('contacts', { index: 'byPhone', range: { lower: k, upper: k } })),
      ]);
      const [first = [], ...rest] = lists;
      const match = first
        .filter((row) => rest.every((list) => list.some((r) => r.id === row.id)))
        .sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1))[0];
      let contactId = match?.id;
      if (!contactId) {
        const contact = createContact(info, ctx.newId(), ctx.nowIso);
        contactId = contact.id;
        await putContact(tx, ctx, undefined, contact);
        ctx.changes.push({ event: 'created', entity: 'contact', id: contactId });
      }
      if (session) {
        const found = await tx.get<SessionRow>('sessions', session);
        if (found?.contactId !== contactId) {
          await tx.put('sessions', { id: session, contactId });
          for (const row of await tx.scan<ActivityRow>('activities', { index: 'bySession', range: { lower: session, upper: session } })) {
            if (row.contactId) continue;
            await tx.put('activities', { ...row, contactId });
            ctx.changes.push({ event: 'updated', entity: 'activity', id: row.id, previous: row.activity });
          }
        }
      }
      return contactId;
    });
  }

  /** `POST /contacts/{id}/activities`: an activity of a known contact, with its contactUpdate merged. */
  postContactActivity(activity: Activity, contactId: string, contactUpdate: CleanContactInfo | null): Promise<PostActivityResult> {
    return this.transact('readwrite', ['activities', 'contacts', 'meta'], async (tx, ctx) => {
      const row = await tx.get<ContactRow>('contacts', contactId);
      if (!row) throw contactNotFound(contactId);
      if (contactUpdate) await mergeInto(tx, row, contactUpdate, ctx);
      ctx.writes.push(tx.put('activities', activityRow(activity, contactId, undefined)));
      ctx.changes.push({ event: 'created', entity: 'activity', id: activity.id, posted: { activityType: activity.activityType, contactId } });
      return { activityId: activity.id, contactId };
    });
  }

  /** How many activities of each type the site (or one contact) has. */
  activityTypeCounts(contactId?: string): Promise<Map<string, number>> {
    return this.transact('readonly', ['activities', 'contacts'], async (tx) => {
      if (contactId && !(await tx.get('contacts', contactId))) throw contactNotFound(contactId);
      const rows = await tx.scan<ActivityRow>('activities', contactId ? { index: 'byContact', range: { lower: [contactId], upper: [contactId, []] } } : {});
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
      return counts;
    });
  }

  /** Every contact holding `emailKey`, or every contact: the HTTP filters that no index can page. */
  findContacts(emailKey?: string): Promise<Contact[]> {
    return this.transact('readonly', ['contacts'], async (tx) =>
      (await tx.scan<ContactRow>('contacts', emailKey === undefined ? {} : { index: 'byEmail', range: { lower: emailKey, upper: emailKey } })).map((r) => r.contact));
  }

  /**
   * Read-modify-write of a `meta` value (labels live there); `contactIds` are checked to exist and
   * given the label `tag`, in the same transaction.
   */
  updateMeta<T>(key: string, update: (value: T | undefined) => T, tag?: { label: string; contactIds: string[] }): Promise<T> {
    return this.transact('readwrite', tag ? ['meta', 'contacts'] : ['meta'], async (tx, ctx) => {
      const value = update((await tx.get<{ key: string; value: T }>('meta', key))?.value);
      for (const id of tag?.contactIds ?? []) {
        const row = await tx.get<ContactRow>('contacts', id);
        if (!row) throw contactNotFound(id);
        if (row.contact.tags.includes(tag!.label)) continue;
        const contact = { ...row.contact, tags: [...row.contact.tags, tag!.label], modifiedAt: ctx.nowIso };
        await putContact(tx, ctx, row.contact, contact);
        ctx.changes.push({ event: 'updated', entity: 'contact', id, previous: row.contact });
      }
      await tx.put('meta', { key, value });
      return value;
    });
  }

  /** Every record, oldest first, for export. */
  readAll(): Promise<{ contacts: Contact[]; activities: Array<{ activity: Activity; contactId?: string }> }> {
    return this.transact('readonly', ['contacts', 'activities'], async (tx) => {
      const [contacts, activities] = await Promise.all([
        tx.scan<ContactRow>('contacts', { index: 'byCreated' }),
        tx.scan<ActivityRow>('activities', { index: 'byCreated' }),
      ]);
      return {
        contacts: contacts.map((r) => r.contact),
        activities: activities.map((r) => (r.contactId ? { activity: r.activity, contactId: r.contactId } : { activity: r.activity })),
      };
    });
  }

  /** A page of a contact search (contact-search.ts), in one read transaction. */
  searchContacts(query: SearchQuery): Promise<SearchResult> {
    return this.transact('readonly', ['contacts'], (tx) => searchContactsInTx(tx, query));
  }

  async readMeta<T>(key: string): Promise<T | undefined> {
    const row = await this.transact('readonly', ['meta'], (tx) => tx.get<{ key: string; value: T }>('meta', key));
    return row?.value;
  }

  /** Reads several meta values at once (missing keys are left out). */
  readMetaMany<T>(keys: string[]): Promise<Record<string, T>> {
    return this.transact('readonly', ['meta'], async (tx) => {
      const rows = await Promise.all(keys.map((key) => tx.get<{ key: string; value: T }>('meta', key)));
      const found: Record<string, T> = {};
      for (const row of rows) if (row) found[row.key] = row.value;
      return found;
    });
  }

  /** Stores a meta value (`Wix.Data`'s keys live beside the seed); `undefined` deletes it. */
  writeMeta(key: string, value: unknown): Promise<void> {
    return this.transact('readwrite', ['meta'], (tx) => (value === undefined ? tx.delete('meta', key) : tx.put('meta', { key, value })));
  }

  /** The labels contacts carry, with their kept totals: one read of `meta`, at any number of contacts. */
  labels(): Promise<LabelTotal[]> {
    return this.transact('readonly', ['meta'], readLabelTotals);
  }

  /** Contacts from the kept total; activities counted (no total is kept for them: decision 0016). */
  counts(): Promise<{ contacts: number; activities: number }> {
    return this.transact('readonly', ['activities', 'meta'], async (tx) => {
      const [contacts, activities] = await Promise.all([readTotal(tx, CONTACTS_TOTAL), tx.count('activities')]);
      return { contacts, activities };
    });
  }

  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = Promise.reject(new Error('closed'));
    this.opened.catch(() => undefined);
    if (opened) (await opened.catch(() => undefined))?.close();
  }
}
