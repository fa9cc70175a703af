// The scenarios, each runnable on the shim (the built script's WixShim.createShim) or on the raw
// IndexedDB baseline (raw.js). bench/run.mjs calls them through page.evaluate, alternating sides,
// and times nothing itself: every figure is performance.now() in this page. Sequential calls
// await their callback before the next, as apps do.
'use strict';

(() => {
  const Raw = window.RawIdb;
  const shims = new Map();
  const raws = new Map();
  const state = { contacts: null, deep: {}, held: null };

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

    /** postActivity n times, with a new contact's contactUpdate when `withContact`. */
    async postActivity({ side, db, n, withContact, tag }) {
      const ids = [];
      const contactIds = [];
      const update = (i) => ({ name: { first: 'Dana', last: `Levi${i}` }, emails: [{ tag: 'main', email: `${tag}-${i}@example.com` }] });
      let ms;
      if (side === 'shim') {
        const Wix = shimFor(db).Wix;
        await shimFor(db).status(); // opened before timing
        ms = await loop(n, async (i) => {
          const desc = { type: TYPE, info: INFO, details: DETAILS };
          if (withContact) desc.contactUpdate = update(i);
          const r = await call((ok, fail) => Wix.Activities.postActivity(desc, ok, fail));
          ids.push(r.activityId);
          if (r.contactId) contactIds.push(r.contactId);
        });
      } else {
        const r = await rawFor(db);
        const session = Raw.newId();
        ms = await loop(n, async (i) => {
          const res = withContact
            ? await Raw.postActivityWithContact(r, session, TYPE, INFO, DETAILS, update(i))
            : await Raw.postActivity(r, session, TYPE, INFO, DETAILS);
          ids.push(res.activityId);
          if (res.contactId) contactIds.push(res.contactId);
        });
      }
      if (withContact && new Set(contactIds).size !== n) throw new Error(`${side}: expected ${n} new contacts, got ${new Set(contactIds).size}`);
      return { ms, ids, contactIds };
    },

    /** getActivityById / getContactById over `ids`, in order. */
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
    async reconcile({ side, db, indexes, tag }) {
      const phone = (i) => `+1 ${tag} ${String(10000000 + i).slice(1)}`;
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

    /** Walks untimed to page `pages` (1-based) with pageSize 25 and keeps the position. */
    async deepStart({ side, db, pages, pageSize }) {
      const t0 = now();
      if (side === 'shim') {
        const Wix = shimFor(db).Wix;
        const cursor = await call((ok, fail) => Wix.Contacts.getContacts({ pageSize }, ok, fail));
        for (let p = 1; p < pages; p++) await call((ok, fail) => cursor.next(ok, fail));
        state.deep.shim = { cursor, page: pages };
      } else {
        const r = await rawFor(db);
        let page = await Raw.contactsPage(r, 'byCreated', [], undefined, pageSize, true);
        for (let p = 1; p < pages; p++) page = await Raw.contactsPage(r, 'byCreated', [], page.last, pageSize, false);
        state.deep.raw = { last: page.last, page: pages };
      }
      return { walkMs: now() - t0 };
    },

    /** Times `k` next-page calls from the kept position. */
    async deepNext({ side, db, k, pageSize }) {
      const d = state.deep[side];
      const firstIds = [];
      let sizes = 0;
      let ms;
      if (side === 'shim') {
        ms = await loop(k, async () => {
          const page = await call((ok, fail) => d.cursor.next(ok, fail));
          firstIds.push(page[0]?.id);
          sizes += page.length;
        });
      } else {
        const r = await rawFor(db);
        ms = await loop(k, async () => {
          const page = await Raw.contactsPage(r, 'byCreated', [], d.last, pageSize, false);
          d.last = page.last;
          firstIds.push(page.items[0]?.id);
          sizes += page.items.length;
        });
      }
      const from = d.page + 1;
      d.page += k;
      return { ms, firstIds, from, to: d.page, items: sizes };
    },

    /**
     * Pages through every contact with `cursor.next` (the app keeps the cursor, drops each page),
     * counting what it saw. The runner reads the heap around this.
     */
    async walkAll({ db, pageSize }) {
      const Wix = shimFor(db).Wix;
      const t0 = now();
      const cursor = await call((ok, fail) => Wix.Contacts.getContacts({ pageSize }, ok, fail));
      let seen = cursor.getData().length;
      const ids = new Set();
      let pages = 1;
      while (cursor.hasNext()) {
        const page = await call((ok, fail) => cursor.next(ok, fail));
        seen += page.length;
        pages++;
        if (page.length) ids.add(page[0].id);
      }
      state.held = cursor; // an app holds its cursor: it must not pin what it paged past
      return { seen, pages, total: cursor.getTotal(), ms: now() - t0, distinctFirstIds: ids.size };
    },
    releaseHeld() {
      state.held = null;
      return true;
    },
    heapApprox: () => performance.memory ? performance.memory.usedJSHeapSize : null,
    async closeAll() {
      state.deep = {};
      state.held = null;
      for (const db of new Set([...shims.keys(), ...raws.keys()])) await closeDb(db);
      return true;
    },
  };

  window.bench = bench;
  window.benchReady = typeof WixShim === 'object' && typeof WixShim.createShim === 'function';
})();
