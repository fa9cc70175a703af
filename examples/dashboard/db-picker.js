// The database picker: every IndexedDB database of this origin laid out as the shim's (an instance
// made with `createShim({dbName})`, the app example's included). Choosing one reloads the page with
// `?db=name`. Other databases of the origin are left alone (opened only to read their store names).
'use strict';

(window.DashboardParts = window.DashboardParts || {}).dbPicker = function dbPickerPart(app) {
  const { h } = app;
  const STORES = ['activities', 'contacts', 'meta', 'sessions'];
  const DEFAULT = 'wix-hive-shim';

  const select = h('select', { 'data-testid': 'db-picker', 'aria-label': 'Database', class: 'db-picker', title: 'Which instance’s database to show' });
  document.querySelector('.topbar .spacer').after(h('label', { class: 'db-label' }, h('span', { class: 'db-caption' }, 'Database'), select));

  /** True when the database has the shim's stores; never creates or upgrades one. */
  function hasShimLayout(name) {
    return new Promise((resolve) => {
      let req;
      try { req = indexedDB.open(name); } catch { resolve(false); return; }
      // Deleted since it was listed: abort, so that this look does not create it.
      req.onupgradeneeded = () => { req.transaction.abort(); };
      req.onerror = () => resolve(false);
      req.onblocked = () => resolve(false);
      req.onsuccess = () => {
        const db = req.result;
        const names = Array.from(db.objectStoreNames);
        db.close();
        resolve(STORES.every((s) => names.includes(s)));
      };
    });
  }

  async function fill() {
    let names = [];
    try {
      const listed = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
      const found = await Promise.all(listed.map((d) => d.name).filter(Boolean).map(async (n) => ((await hasShimLayout(n)) ? n : null)));
      names = found.filter(Boolean);
    } catch {
      names = [];
    }
    // The open one and the default are always offered, even before their first write.
    for (const n of [app.dbName, DEFAULT]) if (!names.includes(n)) names.push(n);
    names.sort((a, b) => (a === DEFAULT ? -1 : b === DEFAULT ? 1 : a.localeCompare(b)));
    select.replaceChildren(...names.map((n) => h('option', { value: n }, n === DEFAULT ? `${n} (default)` : n)));
    select.value = app.dbName;
    select.dataset.ready = 'true';
  }

  select.addEventListener('change', () => {
    const url = new URL(location.href);
    if (select.value === DEFAULT) url.searchParams.delete('db');
    else url.searchParams.set('db', select.value);
    location.assign(url.href);
  });
  // Listing opens every database of the origin: not before the first page is on screen.
  app.firstPage.then(fill);
};
