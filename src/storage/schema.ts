/**
 * The database layout. Every change is a new numbered step in UPGRADES; a database written by any
 * released version is brought up to date step by step, never rebuilt (SPEC §3).
 *
 * Records are stored in an envelope: the public object under `contact`/`activity`, beside the
 * derived keys the indexes need (numeric time, normalised emails and phones, label keys). The
 * public object therefore stays exactly as sent, and the indexes never depend on its spelling
 * (a seeded `createdAt` of `2014-08-19T08:20:45.484-05:00` still sorts by instant).
 */
import type { Activity, Contact } from '../core/types';
import type { Tx } from './driver';
import { recountTotals } from './totals';

/**
 * 1: the stores and indexes of LAYOUT. 2: kept totals in `meta` (decision 0016); the layout is
 * unchanged, but a version-1 shim must not write here any more, since it would not keep them.
 * test/fixtures/db-v1.json freezes the version-1 database; test/browser/faults.test.ts opens it with
 * this code, running UPGRADES[1] (and UPGRADES[0] must keep building the v1 layout:
 * test/db-fixture.test.ts).
 */
export const DB_VERSION = 2;

export type StoreName = 'contacts' | 'activities' | 'sessions' | 'meta';
export const ALL_STORES: StoreName[] = ['contacts', 'activities', 'sessions', 'meta'];

export interface ContactRow {
  id: string;
  /** `createdAt` as epoch milliseconds: the sort key. */
  created: number;
  emailKeys: string[];
  phoneKeys: string[];
  /** One `[label, created, id]` per label, so a label's contacts page in date order. */
  tagKeys: Array<[string, number, string]>;
  contact: Contact;
}

export interface ActivityRow {
  id: string;
  created: number;
  /** The canonical activity type. */
  type: string;
  /** Absent while unlinked: the contact indexes then skip the row. */
  contactId?: string;
  /** The visitor session that posted it, for linking earlier activities later. */
  session?: string;
  activity: Activity;
}

export interface SessionRow {
  id: string;
  contactId?: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface IndexSpec {
  keyPath: string | string[];
  multiEntry?: boolean;
}

export interface StoreSpec {
  keyPath: string;
  indexes: Record<string, IndexSpec>;
}

/** The layout after the last upgrade step; the memory driver builds exactly this. */
export const LAYOUT: Record<StoreName, StoreSpec> = {
  contacts: {
    keyPath: 'id',
    indexes: {
      byCreated: { keyPath: ['created', 'id'] },
      byEmail: { keyPath: 'emailKeys', multiEntry: true },
      byPhone: { keyPath: 'phoneKeys', multiEntry: true },
      byTag: { keyPath: 'tagKeys', multiEntry: true },
    },
  },
  activities: {
    keyPath: 'id',
    indexes: {
      byCreated: { keyPath: ['created', 'id'] },
      byContact: { keyPath: ['contactId', 'created', 'id'] },
      byType: { keyPath: ['type', 'created', 'id'] },
      byContactType: { keyPath: ['contactId', 'type', 'created', 'id'] },
      bySession: { keyPath: 'session' },
    },
  },
  sessions: { keyPath: 'id', indexes: {} },
  meta: { keyPath: 'key', indexes: {} },
};

/** The minimal part of IDBDatabase/IDBObjectStore an upgrade step uses. */
export interface UpgradeDb {
  createObjectStore(name: string, options: { keyPath: string }): {
    createIndex(name: string, keyPath: string | string[], options?: { multiEntry?: boolean }): unknown;
  };
}

/**
 * One upgrade step. `tx` is the versionchange transaction over every store: a step may await only
 * its methods (as in any `Tx` callback), and a step that throws aborts the upgrade.
 */
export type UpgradeStep = (db: UpgradeDb, tx: Tx) => void | Promise<void>;

/** UPGRADES[n - 1] takes a database from version n - 1 to n. A released step never changes. */
export const UPGRADES: UpgradeStep[] = [
  // 1: every store and index. LAYOUT has not changed since; if it ever does, this step must keep
  // building the version-1 layout (test/db-fixture.test.ts compares it with the frozen fixture).
  (db) => {
    for (const name of ALL_STORES) {
      const spec = LAYOUT[name];
      const store = db.createObjectStore(name, { keyPath: spec.keyPath });
      for (const [index, def] of Object.entries(spec.indexes)) {
        store.createIndex(index, def.keyPath, def.multiEntry ? { multiEntry: true } : undefined);
      }
    }
  },
  // 2: count what version 1 stored, so kept totals start right (a new database counts nothing).
  (_db, tx) => recountTotals(tx),
];
