// The scenarios, each runnable on the shim (the built script's WixShim.createShim) or on the raw
// IndexedDB baseline (raw.js). bench/run.mjs calls them through page.evaluate, alternating sides,
// and times nothing itself: every figure is performance.now() in this page. Sequential calls
// await their callback before the next, as apps do.
'use strict';

(() => {
  const Raw = window.RawIdb;
  const shims = new Map();
  const raws = new Map();
  const state = { contacts: null, deep: {}, sessions: {} };

  const now = () => performance.now();

  /** Calls a Wix method as `f(onSuccess, onFailure)` and resolves with what onSuccess got. */
  const call = (f) => new Promise((ok, fail) => {
    f(ok, (e) => fail(new Error(typeof e === 'string' ? e : JSON.stringify(e))));
  });

  function shimFor(db) {
    let s = shims.get(db);
    if (!s) {
      s = WixShim.createShim({ dbName: db, quiet: true });
      shims.set(db, s);
    }
    return s;
  }

  async function rawFor(db) {
    let r = raws.get(db);
    if (!r) {
      r = await Raw.open(db);
      raws.set(db, r);
    }
    return r;
  }

  async function closeDb(db) {
    const s = shims.get(db);
    if (s) { await s.close(); shims.delete(db); }
    const r = raws.get(db);
    if (r) { r.close(); raws.delete(db); }
  }

  function deleteDb(db) {
    return closeDb(db).then(() => new Promise((ok, fail) => {
      const req = indexedDB.deleteDatabase(db);
      req.onsuccess = () => ok(true);
      req.onerror = () => fail(req.error);
      req.onblocked = () => fail(new Error(`deleting ${db} is blocked`));
    }));
  }

  /** Mean ms per call of `n` sequential awaited calls. */
  async function loop(n, fn) {
    const t0 = now();
    for (let i = 0; i < n; i++) await fn(i);
    return (now() - t0) / n;
  }

  // --- fixtures -------------------------------------------------------------------------------

  const TYPE = 'contact/contact-form';
  const INFO = {
    name: { first: 'Dana', last: 'Levi' },
    emails: [{ email: 'dana@example.com', tag: 'work' }],
    phones: [{ phone: '+1 415 555 0100', tag: 'mobile' }],
    fields: [{ name: 'email', value: 'dana@example.com' }, { name: 'message', value: 'Do you ship to Canada?' }],
  };
  const DETAILS = { additionalInfoUrl: null, summary: 'Contact form submitted' };
  const FIRST = ['Dana', 'Sam', 'Ava', 'Noa', 'Lior', 'Maya', 'Omer', 'Tal', 'Yael', 'Eli', 'Rina', 'Gil'];
  const LAST = ['Levi', 'Cohen', 'Stone', 'Mizrahi', 'Peretz', 'Friedman', 'Katz', 'Azulay', 'Biton', 'Shapiro'];

  /** A UUIDv7-shaped id for a time, as the shim's ids look. */
  function idAt(ms, i) {
    const t = ms.toString(16).padStart(12, '0');
    const n = (i * 2654435761) >>> 0;
    return `${t.slice(0, 8)}-${t.slice(8)}-7${(i & 0xfff).toString(16).padStart(3, '0')}-8${n.toString(16).padStart(8, '0').slice(0, 3)}-${(n ^ 0x5bd1e995).toString(16).padStart(12, '0')}`;
  }

  /**
   * n complete contacts in the stored shape, created 7 minutes apart, oldest first. Every 100th
   * carries the `vip` label (1%), every 3rd `customer`; half have a phone, a quarter an address.
   */
  function makeContacts(n) {
    const start = Date.parse('2023-01-01T00:00:00.000Z');
    const out = new Array(n);
    for (let i = 0; i < n; i++) {
      const ms = start + i * 420000 + (i % 7) * 1000;
      const createdAt = new Date(ms).toISOString();
      const tags = [];
      if (i % 100 === 0) tags.push('vip');
      if (i % 3 === 0) tags.push('customer');
      out[i] = {
        id: idAt(ms, i),
        name: { prefix: '', first: FIRST[i % FIRST.length], middle: '', last: LAST[(i * 7) % LAST.length], suffix: '' },
        company: { role: i % 5 === 0 ? 'Buyer' : '', name: i % 5 === 0 ? 'Acme Ltd' : '' },
        emails: [{ id: 1, tag: 'main', email: `person${i}@example.com` }],
        phones: i % 2 === 0 ? [{ id: 1, tag: 'mobile', phone: `+1 415 ${String(1000000 + i).slice(1)}` }] : [],
        addresses: i % 4 === 0 ? [{ id: 1, tag: 'home', address: `${i % 900} Market St`, city: 'San Francisco', country: 'US', postalCode: '94105' }] : [],
        urls: [], dates: [],
        tags,
        notes: [], custom: [], links: [],
        createdAt,
        modifiedAt: createdAt,
      };
    }
    return out;
  }

  // --- scenarios --------------------------------------------------------------------------------

  const bench = {
    /** Opens `db` on one side before timing (the shim opens lazily on its first call). */
    async open({ side, db }) {
      if (side === 'shim') await shimFor(db).status();
      else await rawFor(db);
      return true;
    },
    deleteDb: ({ db }) => deleteDb(db),
    async layout({ db }) {
      const r = await rawFor(db);
      return Raw.describe(r);
    },

    /**
     * postActivity `n` times (calls `from`…`from + n - 1` of the scenario), with a new contact's
     * contactUpdate when `withContact`. Resolves with the mean ms per call and the ids stored.
     */
    async postActivity({ side, db, from, n, withContact, tag }) {
      const ids = [];
      const contactIds = [];
      const update = (i) => ({ name: { first: 'Dana', last: `Levi${i}` }, emails: [{ tag: 'main', email: `${tag}-${i}@example.com` }] });
      let ms;
      if (side === 'shim') {
        const Wix = shimFor(db).Wix;
        ms = await loop(n, async (k) => {
          const desc = { type: TYPE, info: INFO, details: DETAILS };
          if (withContact) desc.contactUpdate = update(from + k);
          const r = await call((ok, fail) => Wix.Activities.postActivity(desc, ok, fail));
          ids.push(r.activityId);
          if (r.contactId) contactIds.push(r.contactId);
        });
      } else {
        const r = await rawFor(db);
        const session = (state.sessions[db] ??= Raw.newId());
        ms = await loop(n, async (k) => {
          const res = withContact
            ? await Raw.postActivityWithContact(r, session, TYPE, INFO, DETAILS, update(from + k))
            : await Raw.postActivity(r, session, TYPE, INFO, DETAILS);
          ids.push(res.activityId);
          if (res.contactId) contactIds.push(res.contactId);
        });
      }
      if (withContact && new Set(contactIds).size !== n) throw new Error(`${side}: expected ${n} new contacts, got ${new Set(contactIds).size}`);
      return { ms, ids, contactIds };
    },

    /** getActivityById / getContactById over `ids`, in order; mean ms per call. */
    async getById({ side, db, store, ids }) {
      let ms;
      if (side === 'shim') {
        const Wix = shimFor(db).Wix;
        ms = await loop(ids.length, async (i) => {
          const o = store === 'contacts'
            ? await call((ok, fail) => Wix.Contacts.getContactById(ids[i], ok, fail))
            : await call((ok, fail) => Wix.Activities.getActivityById(ids[i], ok, fail));
          if (o.id !== ids[i]) throw new Error('wrong record');
        });
      } else {
        const r = await rawFor(db);
        ms = await loop(ids.length, async (i) => {
          const o = await Raw.get(r, store, ids[i]);
          if (o.id !== ids[i]) throw new Error('wrong record');
        });
      }
      return { ms };
    },

    /** Seeds `n` generated contacts untimed through the shim (the fixture for a scenario). */
    async prepare({ db, n }) {
      const contacts = makeContacts(n);
      const s = shimFor(db);
      await s.seed({ contacts });
      return (await s.status()).counts;
    },

    /** Generates the 100,000-contact fixture once, kept in the page for every seed run. */
    makeFixture({ n }) {
      state.contacts = makeContacts(n);
      return state.contacts.length;
    },
    dropFixture() {
      state.contacts = null;
      return true;
    },

    /** One seed of the whole fixture into the (fresh, already open) `db`. */
    async seed({ side, db }) {
      const contacts = state.contacts;
      let t0;
      if (side === 'shim') {
        const s = shimFor(db);
        await s.status();
        t0 = now();
        await s.seed({ contacts });
      } else {
        const r = await rawFor(db);
        t0 = now();
        await Raw.putAll(r, contacts);
      }
      return { ms: now() - t0, n: contacts.length };
    },

    /**
     * reconcileContact with an existing contact's email and a new phone (so it merges and writes),
     * for contacts spread across the database. `indexes` picks which generated contacts.
     */
    async reconcile({ side, db, indexes, tag, from }) {
      const phone = (i) => `+1 ${tag} ${String(10000000 + from + i).slice(1)}`;
      let ms;
      let merged = 0;
      if (side === 'shim') {
        const Wix = shimFor(db).Wix;
        ms = await loop(indexes.length, async (i) => {
          const info = { emails: [{ tag: 'main', email: `person${indexes[i]}@example.com` }], phones: [{ tag: 'mobile', phone: phone(i) }] };
          const r = await call((ok, fail) => Wix.Contacts.reconcileContact(info, ok, fail));
          if (!r.isNew) merged++;
        });
      } else {
        const r = await rawFor(db);
        ms = await loop(indexes.length, async (i) => {
          const res = await Raw.reconcile(r, `person${indexes[i]}@example.com`, phone(i), 'mobile');
          if (!res.isNew) merged++;
        });
      }
      if (merged !== indexes.length) throw new Error(`${side}: ${indexes.length - merged} reconciles created a contact instead of matching`);
      return { ms };
    },

    /** The first page of getContacts (total included), `reps` times. */
    async firstPage({ side, db, label, reps, pageSize }) {
      let ms;
      let firstId;
      let total;
      if (side === 'shim') {
        const Wix = shimFor(db).Wix;
        const options = label ? { label, pageSize } : { pageSize };
        ms = await loop(reps, async () => {
          const cursor = await call((ok, fail) => Wix.Contacts.getContacts(options, ok, fail));
          firstId = cursor.getData()[0]?.id;
          total = cursor.getTotal();
        });
      } else {
        const r = await rawFor(db);
        const [index, prefix] = label ? ['byTag', [label]] : ['byCreated', []];
        ms = await loop(reps, async () => {
          const page = await Raw.contactsPage(r, index, prefix, undefined, pageSize, true);
          firstId = page.items[0]?.id;
          total = page.total;
        });
      }
      return { ms, firstId, total };
    },

    /** getContacts({pageSize}) (the first page), kept for cursor.next; the raw side keeps its boundary. */
    async cursorOpen({ side, db, pageSize }) {
      const t0 = now();
      if (side === 'shim') {
        const Wix = shimFor(db).Wix;
        const cursor = await call((ok, fail) => Wix.Contacts.getContacts({ pageSize }, ok, fail));
        state.deep.shim = { cursor, page: 1, seen: cursor.getData().length };
      } else {
        const r = await rawFor(db);
        const page = await Raw.contactsPage(r, 'byCreated', [], undefined, pageSize, true);
        state.deep.raw = { last: page.last, page: 1, seen: page.items.length };
      }
      return { ms: now() - t0 };
    },

    /**
     * Moves the kept position, untimed, to the end of page `page`: the shim by calling cursor.next
     * page after page (it has no other way), the raw side by one cursor.advance to that boundary.
     */
    async cursorWalk({ side, db, page, pageSize }) {
      const d = state.deep[side];
      const t0 = now();
      if (side === 'shim') {
        while (d.page < page) {
          const got = await call((ok, fail) => d.cursor.next(ok, fail));
          d.seen += got.length;
          d.page++;
        }
      } else {
        const r = await rawFor(db);
        d.last = await new Promise((ok, fail) => {
          const req = r.transaction('contacts', 'readonly').objectStore('contacts').index('byCreated').openCursor(null, 'prev');
          let moved = false;
          req.onsuccess = () => {
            const c = req.result;
            if (!moved && page * pageSize > 1) { moved = true; c.advance(page * pageSize - 1); return; }
            ok([c.value.created, c.value.id]);
          };
          req.onerror = () => fail(req.error);
        });
        d.seen += (page - d.page) * pageSize;
        d.page = page;
      }
      return { ms: now() - t0, page: d.page };
    },

    /** Times `k` next-page calls from the kept position; mean ms per call. */
    async cursorNext({ side, db, k, pageSize }) {
      const d = state.deep[side];
      const firstIds = [];
      let items = 0;
      let ms;
      if (side === 'shim') {
        ms = await loop(k, async () => {
          const page = await call((ok, fail) => d.cursor.next(ok, fail));
          firstIds.push(page[0]?.id);
          items += page.length;
        });
      } else {
        const r = await rawFor(db);
        ms = await loop(k, async () => {
          const page = await Raw.contactsPage(r, 'byCreated', [], d.last, pageSize, false);
          d.last = page.last;
          firstIds.push(page.items[0]?.id);
          items += page.items.length;
        });
      }
      const from = d.page + 1;
      d.page += k;
      d.seen += items;
      const hasNext = side === 'shim' ? d.cursor.hasNext() : undefined;
      return { ms, firstIds, from, to: d.page, items, seen: d.seen, hasNext };
    },

    /** Raw timings of the ways to count contacts (diagnostics for the first page's total). */
    async countDiagnostics({ db, label }) {
      const r = await rawFor(db);
      const time = async (mk) => {
        const t0 = now();
        const result = await new Promise((ok, fail) => {
          const req = mk(r.transaction('contacts', 'readonly').objectStore('contacts'));
          req.onsuccess = () => ok(Array.isArray(req.result) ? req.result.length : req.result);
          req.onerror = () => fail(req.error);
        });
        return { ms: Math.round((now() - t0) * 10) / 10, result };
      };
      const all = IDBKeyRange.bound([-Infinity], [Infinity, []]);
      const tag = IDBKeyRange.bound([label, -Infinity], [label, Infinity, []]);
      const out = {
        objectStore_count: await time((s) => s.count()),
        byCreated_count_range: await time((s) => s.index('byCreated').count(all)),
        byTag_count: await time((s) => s.index('byTag').count(tag)),
        byTag_getAllKeys: await time((s) => s.index('byTag').getAllKeys(tag)),
      };
      if (typeof IDBIndex.prototype.getAllRecords === 'function') {
        out.byCreated_getAll_prev_26 = await time((s) => s.index('byCreated').getAll({ query: all, count: 26, direction: 'prev' }));
      }
      return out;
    },
    /** Where the shim's kept cursor is: pages visited, contacts seen, whether more remain. */
    cursorSummary() {
      const d = state.deep.shim;
      return { page: d.page, seen: d.seen, hasNext: d.cursor.hasNext() };
    },
    /** Drops the kept cursors (the heap is read before and after). */
    releaseCursors() {
      state.deep = {};
      return true;
    },
    heapApprox: () => performance.memory ? performance.memory.usedJSHeapSize : null,
    async closeAll() {
      state.deep = {};
      for (const db of new Set([...shims.keys(), ...raws.keys()])) await closeDb(db);
      return true;
    },
  };

  window.bench = bench;
  window.benchReady = typeof WixShim === 'object' && typeof WixShim.createShim === 'function';
})();
