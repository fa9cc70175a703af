// The raw IndexedDB baseline: the same storage work as the shim, hand-written on the bare
// IndexedDB API with no library, no validation and no callbacks layer. It stores the same
// envelope rows under the same stores and indexes as src/storage/schema.ts (LAYOUT below is a
// copy, checked against the database the shim creates at the start of every run).
//
// Writes resolve on the transaction's `complete` event (the data is committed, as the shim's
// onSuccess promises); reads resolve on the request's `success` event (what hand-written code does).
'use strict';

(() => {
  /** A copy of src/storage/schema.ts LAYOUT: store → [keyPath, {index: [keyPath, multiEntry]}]. */
  const LAYOUT = {
    contacts: ['id', {
      byCreated: [['created', 'id'], false],
      byEmail: ['emailKeys', true],
      byPhone: ['phoneKeys', true],
      byTag: ['tagKeys', true],
    }],
    activities: ['id', {
      byCreated: [['created', 'id'], false],
      byContact: [['contactId', 'created', 'id'], false],
      byType: [['type', 'created', 'id'], false],
      byContactType: [['contactId', 'type', 'created', 'id'], false],
      bySession: ['session', false],
    }],
    sessions: ['id', {}],
    meta: ['key', {}],
  };
  // The shim's DB_VERSION: both sides open each other's databases. Version 2 has version 1's stores
  // and indexes (it adds kept totals in `meta`, decision 0016), so this layout is unchanged.
  const DB_VERSION = 2;

  function open(name) {
    return new Promise((ok, fail) => {
      const req = indexedDB.open(name, DB_VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        for (const [store, [keyPath, indexes]] of Object.entries(LAYOUT)) {
          const os = db.createObjectStore(store, { keyPath });
          for (const [index, [path, multiEntry]] of Object.entries(indexes)) {
            os.createIndex(index, path, multiEntry ? { multiEntry: true } : undefined);
          }
        }
      };
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
      req.onblocked = () => fail(new Error(`opening ${name} is blocked`));
    });
  }

  /** The stores and indexes a database actually has, to compare the shim's with ours. */
  function describe(db) {
    const out = {};
    const names = [...db.objectStoreNames].sort();
    if (!names.length) return out;
    const tx = db.transaction(names, 'readonly');
    for (const name of names) {
      const os = tx.objectStore(name);
      const indexes = {};
      for (const i of [...os.indexNames].sort()) {
        const idx = os.index(i);
        indexes[i] = { keyPath: idx.keyPath, multiEntry: idx.multiEntry, unique: idx.unique };
      }
      out[name] = { keyPath: os.keyPath, autoIncrement: os.autoIncrement, indexes };
    }
    return { version: db.version, stores: out };
  }

  // Time-ordered ids (like the shim's UUIDv7s), so both sides insert keys in the same order.
  let lastMs = -1;
  let counter = 0;
  function newId() {
    const ms = Date.now();
    if (ms === lastMs) counter++;
    else { lastMs = ms; counter = 0; }
    const t = ms.toString(16).padStart(12, '0');
    const r = crypto.randomUUID();
    return `${t.slice(0, 8)}-${t.slice(8)}-7${counter.toString(16).padStart(3, '0')}-${r.slice(19)}`;
  }

  const emailKey = (e) => e.trim().toLowerCase();
  function phoneKey(p) {
    const t = p.trim();
    const digits = t.replace(/\D+/g, '');
    return digits ? (t.startsWith('+') ? `+${digits}` : digits) : '';
  }

  /** The envelope of src/storage/rows.ts contactRow. */
  function contactRow(c) {
    const created = Date.parse(c.createdAt);
    return {
      id: c.id,
      created,
      emailKeys: [...new Set(c.emails.map((e) => emailKey(e.email)).filter(Boolean))],
      phoneKeys: [...new Set(c.phones.map((p) => phoneKey(p.normalizedPhone || p.phone)).filter(Boolean))],
      tagKeys: [...new Set(c.tags)].map((t) => [t, created, c.id]),
      contact: c,
    };
  }

  function activityRow(a, contactId, session) {
    const row = { id: a.id, created: Date.parse(a.createdAt), type: a.activityType, activity: a };
    if (contactId) row.contactId = contactId;
    if (session) row.session = session;
    return row;
  }

  function newActivity(type, info, details) {
    return {
      id: newId(),
      createdAt: new Date().toISOString(),
      activityType: type,
      activityLocationUrl: location.href,
      activityDetails: { additionalInfoUrl: details.additionalInfoUrl, summary: details.summary },
      activityInfo: info,
    };
  }

  const committed = (tx, value, ok, fail) => {
    tx.oncomplete = () => ok(value());
    tx.onabort = () => fail(tx.error ?? new Error('transaction aborted'));
  };

  /** postActivity without a contact: one put in its own transaction. */
  function postActivity(db, session, type, info, details) {
    return new Promise((ok, fail) => {
      const activity = newActivity(type, info, details);
      const tx = db.transaction('activities', 'readwrite');
      tx.objectStore('activities').put(activityRow(activity, undefined, session));
      committed(tx, () => ({ activityId: activity.id, contactId: null }), ok, fail);
    });
  }

  /** postActivity with a contactUpdate: email-index lookup, then contact put + activity put, one transaction. */
  function postActivityWithContact(db, session, type, info, details, update) {
    return new Promise((ok, fail) => {
      const activity = newActivity(type, info, details);
      const tx = db.transaction(['contacts', 'activities'], 'readwrite');
      const contacts = tx.objectStore('contacts');
      const email = update.emails[0];
      const key = emailKey(email.email);
      let contactId;
      const lookup = contacts.index('byEmail').getKey(key);
      lookup.onsuccess = () => {
        contactId = lookup.result;
        if (contactId === undefined) {
          contactId = newId();
          const contact = {
            id: contactId,
            name: { prefix: '', first: '', middle: '', last: '', suffix: '', ...update.name },
            company: { role: '', name: '' },
            emails: [{ id: 1, tag: email.tag, email: email.email }],
            phones: [], addresses: [], urls: [], dates: [], tags: [], notes: [], custom: [], links: [],
            createdAt: activity.createdAt,
            modifiedAt: activity.createdAt,
          };
          contacts.put(contactRow(contact));
        }
        tx.objectStore('activities').put(activityRow(activity, contactId, session));
      };
      committed(tx, () => ({ activityId: activity.id, contactId }), ok, fail);
    });
  }

  /** One get in its own readonly transaction; resolves with the public object. */
  function get(db, store, id) {
    return new Promise((ok, fail) => {
      const req = db.transaction(store, 'readonly').objectStore(store).get(id);
      req.onsuccess = () => {
        const row = req.result;
        if (!row) fail(new Error(`${store} ${id} not found`));
        else ok(store === 'contacts' ? row.contact : row.activity);
      };
      req.onerror = () => fail(req.error);
    });
  }

  /**
   * reconcileContact({emails: [email], phones: [phone]}) matching an existing contact by email:
   * both index lookups, pick the earliest-created match, append the new phone, put the row.
   */
  function reconcile(db, email, phone, tag) {
    return new Promise((ok, fail) => {
      const tx = db.transaction('contacts', 'readwrite');
      const store = tx.objectStore('contacts');
      const ek = emailKey(email);
      const pk = phoneKey(phone);
      const now = new Date().toISOString();
      const found = [];
      let pending = 2;
      let result;
      const merge = () => {
        let best;
        for (const row of found) {
          if (!best || row.created < best.created || (row.created === best.created && row.id < best.id)) best = row;
        }
        if (!best) {
          const c = {
            id: newId(), name: { prefix: '', first: '', middle: '', last: '', suffix: '' }, company: { role: '', name: '' },
            emails: [{ id: 1, tag: 'main', email }], phones: [{ id: 1, tag, phone }], addresses: [], urls: [], dates: [],
            tags: [], notes: [], custom: [], links: [], createdAt: now, modifiedAt: now,
          };
          store.put(contactRow(c));
          result = { contact: c, isNew: true };
          return;
        }
        let contact = best.contact;
        if (!best.phoneKeys.includes(pk)) {
          const nextId = contact.phones.reduce((m, p) => Math.max(m, p.id), 0) + 1;
          contact = { ...contact, phones: [...contact.phones, { id: nextId, tag, phone }], modifiedAt: now };
          store.put({ ...best, phoneKeys: [...best.phoneKeys, pk], contact });
        }
        result = { contact, isNew: false };
      };
      for (const [index, key] of [['byEmail', ek], ['byPhone', pk]]) {
        const req = store.index(index).getAll(key);
        req.onsuccess = () => {
          found.push(...req.result);
          if (--pending === 0) merge();
        };
      }
      committed(tx, () => result, ok, fail);
    });
  }

  /**
   * A keyset page of contacts, newest first: the pageSize + 1 rows of `index` below `after`
   * (exclusive) within `prefix`, plus the count of the whole range when `withTotal`.
   */
  function contactsPage(db, index, prefix, after, pageSize, withTotal) {
    return new Promise((ok, fail) => {
      const tx = db.transaction('contacts', 'readonly');
      const idx = tx.objectStore('contacts').index(index);
      const full = IDBKeyRange.bound([...prefix, -Infinity], [...prefix, Infinity, []]);
      const range = after ? IDBKeyRange.bound([...prefix, -Infinity], [...prefix, ...after], false, true) : full;
      const rows = [];
      let total;
      let pending = withTotal ? 2 : 1;
      const done = () => {
        if (--pending) return;
        const page = rows.slice(0, pageSize);
        const last = page[page.length - 1];
        ok({ items: page.map((r) => r.contact), more: rows.length > pageSize, last: last && [last.created, last.id], total });
      };
      const cur = idx.openCursor(range, 'prev');
      cur.onsuccess = () => {
        const c = cur.result;
        if (c) {
          rows.push(c.value);
          if (rows.length <= pageSize) { c.continue(); return; }
        }
        done();
      };
      cur.onerror = () => fail(cur.error);
      if (withTotal) {
        const count = idx.count(full);
        count.onsuccess = () => { total = count.result; done(); };
        count.onerror = () => fail(count.error);
      }
    });
  }

  /** Puts every contact in one relaxed-durability transaction (the seed baseline). */
  function putAll(db, contacts) {
    return new Promise((ok, fail) => {
      const tx = db.transaction(['contacts'], 'readwrite', { durability: 'relaxed' });
      const store = tx.objectStore('contacts');
      for (const c of contacts) store.put(contactRow(c));
      committed(tx, () => contacts.length, ok, fail);
    });
  }

  window.RawIdb = { LAYOUT, open, describe, newId, contactRow, postActivity, postActivityWithContact, get, reconcile, contactsPage, putAll };
})();
