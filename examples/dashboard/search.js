// Search by name, email or phone; newest created or modified first; the page size. A search or the
// "modified" order pages through `WixShim.searchContacts` with its keyset cursor (`next` → `after`):
// Previous goes back through the cursors already seen, never by an offset. Limits: decision 0023.
'use strict';

(window.DashboardParts = window.DashboardParts || {}).search = function searchPart(app) {
  const { h, $, shim, state } = app;
  const PAGE_SIZES = [10, 25, 50, 100];
  const s = { text: '', sort: 'created', afters: [null], index: 0, page: null };

  const input = h('input', {
    type: 'search', placeholder: 'Search name, email or phone', 'aria-label': 'Search contacts',
    'data-testid': 'search', autocomplete: 'off', maxlength: 200, class: 'search-input',
  });
  const sort = h('select', { 'data-testid': 'sort', 'aria-label': 'Order, newest first', title: 'Newest first' },
    h('option', { value: 'created' }, 'By created'), h('option', { value: 'modified' }, 'By modified'));
  const size = h('select', { 'data-testid': 'page-size', 'aria-label': 'Contacts per page' },
    PAGE_SIZES.map((n) => h('option', { value: n }, `${n} per page`)));
  const head = document.querySelector('.list-head');
  head.prepend(h('div', { class: 'list-tools' }, input, sort, size));

  const active = () => s.text !== '' || s.sort === 'modified';
  // Seed, reset, clear or import: back to page 1, as the plain list does.
  shim.on('change', (change) => { if (change.event === 'replaced') { s.afters = [null]; s.index = 0; } });

  function restart() {
    s.afters = [null];
    s.index = 0;
    s.page = null;
    $('label-filter').disabled = active();
    if (active()) { state.label = ''; $('label-filter').value = ''; }
    app.reloadList(false);
  }

  let typing;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => { if (input.value.trim() !== s.text) { s.text = input.value.trim(); restart(); } }, 250);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    clearTimeout(typing);
    s.text = input.value.trim();
    restart();
  });
  sort.addEventListener('change', () => { s.sort = sort.value; restart(); });
  size.addEventListener('change', () => {
    state.pageSize = Number(size.value);
    state.page = 0;
    restart();
  });

  async function show(isCurrent) {
    setBusy(true);
    try {
      const page = await shim.searchContacts(s.text, { pageSize: state.pageSize, sort: s.sort, after: s.afters[s.index] });
      if (!isCurrent()) return;
      s.page = page;
      app.renderContacts(page.items);
    } catch (error) {
      if (isCurrent()) app.say('err', `Could not search: ${app.explain(error)}`, true);
      setBusy(false);
    }
  }

  return {
    active,
    /** The first page, or (keepPage, after a change elsewhere) the page the user is on. */
    load(keepPage, isCurrent) {
      if (!keepPage) { s.afters = [null]; s.index = 0; }
      return show(isCurrent);
    },
    turn(forward, isCurrent) {
      if (forward) {
        if (!s.page || !s.page.next) return undefined;
        s.afters[s.index + 1] = s.page.next;
        s.index += 1;
      } else {
        if (s.index === 0) return undefined;
        s.index -= 1;
      }
      return show(isCurrent);
    },
    setBusy,
    renderPager() {
      const p = s.page;
      const n = p ? p.items.length : 0;
      const parts = [`Page ${s.index + 1}`, `${n} ${s.text ? (n === 1 ? 'match' : 'matches') : 'shown'}`];
      if (p && !p.complete) {
        parts.push(s.text
          ? `read ${p.scanned.toLocaleString('en-US')} contacts; Next reads on`
          : `ordered among the ${p.scanned.toLocaleString('en-US')} newest`);
      }
      $('range').textContent = parts.join(' · ');
      $('total').textContent = s.text ? `search “${s.text}”` : 'by modified';
      setBusy(false);
    },
    emptyText: () => (s.page && s.page.next ? `No match among the contacts read so far. Next reads on.` : `No contact matches “${s.text}”.`),
  };

  function setBusy(busy) {
    $('prev').disabled = busy || s.index === 0;
    $('next').disabled = busy || !(s.page && s.page.next);
  }
};
