// The webhook and change log: what `WixShim.on('webhook')` and `on('change')` delivered, newest
// first, from this tab and others. It survives a reload (the last 200 entries, per database, in
// localStorage) and can be cleared. Entries are shown as text only.
'use strict';

(window.DashboardParts = window.DashboardParts || {}).eventLog = function eventLogPart(app) {
  const { h, $ } = app;
  const MAX = 200;
  const KEY = `wix-hive-shim:dashboard-log:${app.dbName}`;

  /** The stored entries; anything malformed (another script's, an old format) reads as none. */
  function read() {
    try {
      const list = JSON.parse(localStorage.getItem(KEY) || '[]');
      return Array.isArray(list)
        ? list.filter((e) => e && typeof e.at === 'string' && typeof e.kind === 'string' && typeof e.type === 'string' && typeof e.text === 'string').slice(0, MAX)
        : [];
    } catch {
      return [];
    }
  }
  function write(list) {
    try { localStorage.setItem(KEY, JSON.stringify(list)); } catch { /* full or blocked: the page still shows them */ }
  }

  // Read and drawn once the first page is painted: the first localStorage read of a page is a
  // synchronous load of the origin's whole storage. `add` reads afresh, so nothing is missed.
  let entries = [];
  const clear = h('button', { type: 'button', class: 'secondary small', 'data-testid': 'log-clear' }, 'Clear log');
  $('webhooks').before(h('div', { class: 'log-tools' }, h('span', { class: 'muted small' }, `The last ${MAX} are kept across reloads.`), clear));
  document.querySelector('.webhooks summary').firstChild.textContent = 'Webhooks and changes ';

  function render() {
    $('webhook-count').textContent = `(${entries.length})`;
    $('webhooks').replaceChildren(...entries.map((e) => h('li', { 'data-testid': 'log-entry', 'data-kind': e.kind },
      h('time', { class: 'muted', datetime: e.at }, app.fmtDateTime(e.at)), ' ',
      h('code', { class: e.kind === 'webhook' ? 'hook-type' : 'change-type' }, e.type), ' ',
      h('code', { class: 'muted' }, e.text))));
  }

  function add(kind, type, text) {
    // Re-read first: another tab of this dashboard may have written since.
    entries = [{ at: new Date().toISOString(), kind, type, text: String(text).slice(0, 500) }, ...read()].slice(0, MAX);
    write(entries);
    render();
  }

  app.shim.on('webhook', (hook) => add('webhook', String(hook.eventType), JSON.stringify(hook.body)));
  app.shim.on('change', (change) => add('change', `${change.event} ${change.entity}`, change.id || ''));
  clear.addEventListener('click', () => {
    entries = [];
    try { localStorage.removeItem(KEY); } catch { /* blocked storage: nothing was kept */ }
    render();
  });
  app.firstPage.then(() => { entries = read(); render(); });
};
