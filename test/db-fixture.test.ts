/**
 * The frozen previous-version database (test/fixtures/db-v1.json) against the schema code, without
 * a browser. test/browser/faults.test.ts opens the fixture in Chromium; this suite makes sure the
 * fixture and the upgrade steps still agree about what that version was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Tx } from '../src/storage/driver';
import { DB_VERSION, UPGRADES, type UpgradeDb } from '../src/storage/schema';

interface FixtureLayout {
  [store: string]: { keyPath: string; autoIncrement: boolean; indexes: Record<string, { keyPath: string | string[]; multiEntry: boolean; unique: boolean }> };
}

const fixture = JSON.parse(readFileSync(join(process.cwd(), 'test', 'fixtures', 'db-v1.json'), 'utf8')) as {
  version: number;
  layout: FixtureLayout;
  records: Record<string, Array<Record<string, unknown>>>;
};

/** Runs upgrade steps 1..version on a recorder, giving the layout they build, spelled as the fixture spells it. */
function layoutBuiltBy(version: number): FixtureLayout {
  const layout: FixtureLayout = {};
  const db: UpgradeDb = {
    createObjectStore(name, options) {
      const store = { keyPath: options.keyPath, autoIncrement: false, indexes: {} as FixtureLayout[string]['indexes'] };
      layout[name] = store;
      return {
        createIndex(index, keyPath, opts) {
          store.indexes[index] = { keyPath, multiEntry: opts?.multiEntry ?? false, unique: false };
        },
      };
    },
  };
  // The steps that build a layout read and write no data: any use of their transaction fails here.
  const noData = new Proxy({}, { get: (_, method) => () => { throw new Error(`a layout step used tx.${String(method)}`); } }) as Tx;
  for (let v = 0; v < version; v++) void UPGRADES[v]!(db, noData);
  return layout;
}

describe('the frozen v1 database fixture', () => {
  it('is a released version no newer than this one, and every version has its upgrade step', () => {
    expect(Number.isInteger(fixture.version)).toBe(true);
    expect(fixture.version).toBeGreaterThanOrEqual(1);
    expect(fixture.version).toBeLessThanOrEqual(DB_VERSION);
    expect(UPGRADES).toHaveLength(DB_VERSION);
  });

  it("is exactly what the upgrade steps up to its version build (a released step never changes)", () => {
    // Today UPGRADES[0] builds LAYOUT. When a v2 changes LAYOUT, UPGRADES[0] must keep building
    // the v1 layout written out here; this fails if it silently follows LAYOUT instead.
    expect(layoutBuiltBy(fixture.version)).toEqual(fixture.layout);
  });

  it('holds rows of every store, each with its primary key', () => {
    for (const [store, spec] of Object.entries(fixture.layout)) {
      const rows = fixture.records[store] ?? [];
      expect(rows.length, store).toBeGreaterThan(0);
      expect(rows.filter((row) => typeof row[spec.keyPath] !== 'string'), store).toEqual([]);
    }
  });
});
