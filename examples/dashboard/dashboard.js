// The shim's dashboard: contacts, labels, activity timelines and the developer controls, built on the
// public API only: `Wix.Contacts`, `Wix.Activities` (the SDK calls) and `WixShim` (seed, reset,
// clear, exportData, importData, deleteContact, setLabels, on, status, log).
//
// SECURITY: every contact and activity field is untrusted input (any site visitor can write one).
// It is rendered only as text (textContent / text nodes; innerHTML is never used), and a URL becomes
// an <a href> or <img src> only when it is an absolute http(s) URL; anything else (javascript:,
// data:, vbscript:, relative…) is shown as plain text.
'use strict';

(function () {
  // For the first-page figure (test/browser/dashboard-data.test.ts): the page's scripts have loaded.
  performance.mark('dashboard:script-start');
  // The instance, and the first page already asked for, from start.js in <head>.
  const { dbName, shim, Wix } = window.DashboardStart;
  const FIRST_PAGE_SIZE = window.DashboardStart.pageSize;
  let earlyFirstPage = window.DashboardStart.firstPage;
  const parts = window.DashboardParts || {};

  const TYPE_LABELS = {
    'form/contact-form': 'Contact form', 'form/subscription-form': 'Subscription form', 'form/form': 'Form submitted',
    'contact/contact-form': 'Contact form (legacy)', 'contact/subscription-form': 'Subscription (legacy)',
    'contacts/create': 'Contact created', 'conversion/complete': 'Conversion', 'downloads/downloaded': 'Download',
    'e_commerce/cart-add': 'Added to cart', 'e_commerce/cart-remove': 'Removed from cart', 'e_commerce/cart-checkout': 'Checkout',
    'e_commerce/cart-abandon': 'Abandoned cart', 'e_commerce/purchase': 'Purchase',
    'shipping/shipped': 'Order shipped', 'shipping/delivered': 'Order delivered', 'shipping/status-change': 'Shipping status',
    'scheduler/appointment': 'Appointment booked', 'scheduler/confirmation': 'Booking confirmed', 'scheduler/cancel': 'Booking cancelled',
    'events/rsvp': 'Event RSVP', 'events/event-update': 'Event update',
    'messaging/im': 'Chat', 'messaging/send': 'Message sent',
    'social/comment': 'Comment', 'social/share-url': 'Shared a link', 'social/track': 'Social follow',
    'hotels/reservation': 'Hotel reservation', 'hotels/confirmation': 'Hotel confirmation', 'hotels/cancel': 'Hotel cancellation',
    'hotels/purchase': 'Hotel payment', 'hotels/purchase-failed': 'Hotel payment failed',
    'restaurants/order': 'Restaurant order',
    'music/album-fan': 'Album fan', 'music/album-share': 'Album shared', 'music/album-played': 'Album played',
    'music/track-lyrics': 'Lyrics viewed', 'music/track-play': 'Track play', 'music/track-played': 'Track played',
    'music/track-share': 'Track shared', 'music/track-skip': 'Track skipped',
  };
  const TYPE_GROUPS = [
    ['Forms', /^(form|contact)\//], ['eCommerce', /^e_commerce\//], ['Shipping', /^shipping\//], ['Bookings', /^scheduler\//],
    ['Events', /^events\//], ['Messaging', /^messaging\//], ['Social', /^social\//], ['Hotels', /^hotels\//],
    ['Restaurants', /^restaurants\//], ['Music', /^music\//], ['Other', /./],
  ];
  const CATEGORY = (type) => (type.split('/')[0] || 'other').replace(/[^a-z_]/g, '');

  // ---------- small helpers ----------

  const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`);

  /** Builds an element. Children are nodes or strings; strings become text nodes, never markup. */
  function h(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = String(value);
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (key === 'href' || key === 'src') throw new Error('use link() or avatar() for URLs');
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** The URL when it is an absolute http(s) URL, else null. */
  function httpUrl(value) {
    if (typeof value !== 'string') return null;
    let url;
    try { url = new URL(value.trim()); } catch { return null; }
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  }

  /** A link for http(s) URLs; any other value is plain text. */
  function link(value, text) {
    const url = httpUrl(value);
    if (!url) return h('span', { class: 'unsafe-url', title: 'Not an http(s) URL: shown as text' }, String(value));
    const a = h('a', { target: '_blank', rel: 'noopener noreferrer nofollow' }, text || value);
    a.href = url;
    return a;
  }

  const fullName = (c) => [c.name.prefix, c.name.first, c.name.middle, c.name.last, c.name.suffix].filter(Boolean).join(' ');
  const displayName = (c) => fullName(c) || (c.emails[0] && c.emails[0].email) || (c.phones[0] && c.phones[0].phone) || '(no name)';

  function initials(c) {
    const parts = [c.name.first, c.name.last].filter(Boolean);
    const source = parts.length ? parts : [displayName(c)];
    return source.map((p) => Array.from(p.trim())[0] || '').join('').toUpperCase().slice(0, 2) || '?';
  }

  /** A round avatar: the picture when it is an http(s) URL that loads, else initials. */
  function avatar(c, size) {
    const hue = [...c.id].reduce((sum, ch) => (sum * 31 + ch.charCodeAt(0)) % 360, 7);
    const box = h('span', { class: `avatar ${size || ''} hue-${hue % 8}`, 'aria-hidden': 'true' }, initials(c));
    const url = httpUrl(c.picture);
    if (url) {
      const img = h('img', { alt: '', referrerpolicy: 'no-referrer', loading: 'lazy' });
      img.addEventListener('error', () => img.remove());
      img.src = url;
      box.append(img);
    }
    return box;
  }

  const dateFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  const dateTimeFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const fmtDate = (iso) => { const d = new Date(iso); return Number.isNaN(d.getTime()) ? String(iso) : dateFmt.format(d); };
  const fmtDateTime = (iso) => { const d = new Date(iso); return Number.isNaN(d.getTime()) ? String(iso) : dateTimeFmt.format(d); };

  function chip(label) {
    const known = ['customers', 'leads', 'vip', 'newsletter', 'wholesale'].includes(label) ? ` ${label}` : '';
    return h('span', { class: `chip${known}` }, label);
  }

  // Promise wrappers around the SDK's callback style.
  const getContacts = (options) => new Promise((ok, fail) => Wix.Contacts.getContacts(options, ok, fail));
  const getContactById = (id) => new Promise((ok, fail) => Wix.Contacts.getContactById(id, ok, fail));
  const reconcileContact = (info) => new Promise((ok, fail) => Wix.Contacts.reconcileContact(info, ok, fail));
  const getActivities = (query) => new Promise((ok, fail) => Wix.Activities.getActivities(ok, fail, query));
  const move = (cursor, forward) => new Promise((ok, fail) => (forward ? cursor.next(ok, fail) : cursor.previous(ok, fail)));

  /** The shim's explanation of the last failure (its log), for a `Wix.Error` code. */
  function explain(error) {
    if (error instanceof Error) return error.message;
    const entries = shim.log();
    const last = entries[entries.length - 1];
    return last ? `${error}: ${last.message}` : String(error);
  }

  // ---------- notices ----------

  const notice = $('message');
  let noticeTimer;
  function say(kind, text, sticky) {
    clearTimeout(noticeTimer);
    notice.className = `notice ${kind}`;
    notice.textContent = text;
    notice.hidden = false;
    if (!sticky) noticeTimer = setTimeout(() => { notice.hidden = true; }, 6000);
  }

  // ---------- status line ----------

  async function renderStatus() {
    try {
      const s = await shim.status();
      const parts = [
        s.driver === 'indexeddb' ? 'IndexedDB' : 'Memory',
        s.persisted ? 'persisted' : 'not persisted',
        `${s.counts.contacts} contact${s.counts.contacts === 1 ? '' : 's'}`,
        `${s.counts.activities} activit${s.counts.activities === 1 ? 'y' : 'ies'}`,
        `db “${s.dbName}”`,
        `v${window.WixShim.version}`,
      ];
      const status = $('status');
      status.textContent = parts.join(' · ');
      status.title = s.fallbackReason ? `In memory: ${s.fallbackReason}` : `Session ${s.session}`;
      status.classList.toggle('warn', !s.persisted);
    } catch (error) {
      $('status').textContent = `Status unavailable: ${explain(error)}`;
    }
  }

  /**
   * Settles after the next frame is painted: work queued before it would delay that frame. A tab in
   * the background paints no frames, so it settles anyway after a moment there.
   */
  function afterNextPaint() {
    return new Promise((resolve) => {
      requestAnimationFrame(() => setTimeout(resolve, 0));
      setTimeout(resolve, 500);
    });
  }

  // ---------- contact list ----------

  const state = {
    label: '',
    cursor: null,
    page: 0,
    rows: [],
    selectedId: null,
    sort: 'desc',
    type: '',
    timeline: null,
    timelineItems: [],
    pageSize: FIRST_PAGE_SIZE,
  };
  let listToken = 0;

  /** Loads the first page, or (keepPage) the page the user was on, e.g. after a change elsewhere. */
  async function loadContacts(keepPage) {
    const token = ++listToken;
    // A search or the "modified" order reads through search.js, which pages with its own cursor.
    if (search && search.active()) return search.load(keepPage, () => token === listToken);
    const options = { pageSize: state.pageSize };
    if (state.label) options.label = state.label;
    const early = earlyFirstPage;
    earlyFirstPage = null;
    try {
      const asked = early && !keepPage && !state.label && state.pageSize === FIRST_PAGE_SIZE;
      const cursor = await (asked ? early : getContacts(options));
      let rows = cursor.getData();
      let page = 0;
      const target = keepPage ? state.page : 0;
      while (page < target && cursor.hasNext()) {
        const next = await move(cursor, true);
        if (!next.length) break;
        rows = next;
        page += 1;
      }
      if (token !== listToken) return;
      state.cursor = cursor;
      state.page = page;
      renderContacts(rows);
    } catch (error) {
      if (token === listToken) say('err', `Could not load contacts: ${explain(error)}`, true);
    }
  }

  async function turnPage(forward) {
    if (search && search.active()) { const token = ++listToken; return search.turn(forward, () => token === listToken); }
    if (!state.cursor) return;
    const token = ++listToken;
    setPagerBusy(true);
    try {
      const rows = await move(state.cursor, forward);
      if (token !== listToken) return;
      if (rows.length) {
        state.page += forward ? 1 : -1;
        renderContacts(rows);
      } else renderPager();
    } catch (error) {
      if (token === listToken) say('err', `Could not load the page: ${explain(error)}`);
      renderPager();
    }
  }

  $('next').addEventListener('click', () => turnPage(true));
  $('prev').addEventListener('click', () => turnPage(false));

  function setPagerBusy(busy) {
    if (search && search.active()) { search.setBusy(busy); return; }
    $('prev').disabled = busy || !state.cursor || !state.cursor.hasPrevious();
    $('next').disabled = busy || !state.cursor || !state.cursor.hasNext();
  }

  function renderPager() {
    const total = state.cursor ? state.cursor.getTotal() : 0;
    const start = state.page * state.pageSize;
    $('range').textContent = state.rows.length
      ? `${start + 1}–${start + state.rows.length} of ${total}`
      : `0 of ${total}`;
    $('total').textContent = state.label ? `${total} with “${state.label}”` : String(total);
    setPagerBusy(false);
  }

  let firstRowsMarked = false;
  function renderContacts(rows) {
    state.rows = rows;
    if (rows.length && !firstRowsMarked) {
      firstRowsMarked = true;
      // Marked once the frame that draws them is painted: that is when a user sees them.
      afterNextPaint().then(() => performance.mark('dashboard:first-rows'));
    }
    const tbody = document.getElementById('rows');
    if (!rows.length) {
      const text = search && search.active() ? search.emptyText() : state.label
        ? `No contacts have the label “${state.label}”.`
        : 'No contacts yet. Seed the demo data, add a contact, or post a form from the widget.';
      tbody.replaceChildren(h('tr', { class: 'empty-row' }, h('td', { colspan: 5 }, text)));
    } else {
      tbody.replaceChildren(...rows.map(contactRow));
    }
    if (search && search.active()) search.renderPager(); else renderPager();
  }

  function contactRow(c) {
    const email = c.emails[0] ? c.emails[0].email : '';
    const phone = c.phones[0] ? c.phones[0].phone : '';
    const more = (list) => (list.length > 1 ? h('span', { class: 'more-count' }, ` +${list.length - 1}`) : null);
    const company = [c.company.role, c.company.name].filter(Boolean).join(', ');
    const tags = c.tags.slice(0, 2).map(chip);
    if (c.tags.length > 2) tags.push(h('span', { class: 'more-count', title: c.tags.slice(2).join(', ') }, `+${c.tags.length - 2}`));
    const row = h('tr', {
      'data-testid': 'contact-row', 'data-id': c.id, tabindex: 0,
      'aria-selected': String(c.id === state.selectedId), class: c.id === state.selectedId ? 'selected' : '',
    },
    h('td', { class: 'name-cell' }, avatar(c), h('span', { class: 'name-lines' },
      h('span', { class: 'name', 'data-testid': 'contact-name' }, displayName(c)),
      company ? h('span', { class: 'sub' }, company) : null)),
    h('td', { class: 'ellipsis' }, email, more(c.emails)),
    h('td', { class: 'nowrap' }, phone, more(c.phones)),
    h('td', { class: 'tags' }, tags),
    h('td', { class: 'num nowrap muted' }, h('time', { datetime: c.createdAt, title: fmtDateTime(c.createdAt) }, fmtDate(c.createdAt))));
    row.addEventListener('click', () => selectContact(c.id));
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); selectContact(c.id); }
    });
    return row;
  }

  function markSelected() {
    for (const row of document.querySelectorAll('[data-testid="contact-row"]')) {
      const on = row.dataset.id === state.selectedId;
      row.classList.toggle('selected', on);
      row.setAttribute('aria-selected', String(on));
    }
  }

  // ---------- labels ----------

  let knownLabels = [];
  let labelToken = 0;

  /** The labels and their counts, from the shim's kept totals: one read at any number of contacts. */
  async function loadLabels() {
    const token = ++labelToken;
    let counts;
    try {
      counts = new Map((await shim.labels()).map((l) => [l.label, l.contacts]));
    } catch (error) {
      if (token === labelToken) say('err', `Could not read the labels: ${explain(error)}`);
      return;
    }
    if (token !== labelToken) return;
    knownLabels = [...counts.keys()].sort((a, b) => a.localeCompare(b));
    const select = $('label-filter');
    const options = [h('option', { value: '' }, 'All contacts')];
    const listed = state.label && !counts.has(state.label) ? [...knownLabels, state.label] : knownLabels;
    for (const label of listed) {
      const option = h('option', { value: label }, `${label} (${counts.get(label) || 0})`);
      options.push(option);
    }
    select.replaceChildren(...options);
    select.value = state.label;
    document.getElementById('known-labels').replaceChildren(...knownLabels.map((l) => {
      const o = document.createElement('option');
      o.value = l;
      return o;
    }));
  }

  $('label-filter').addEventListener('change', (event) => {
    state.label = event.target.value;
    state.page = 0;
    loadContacts(false);
  });

  // ---------- contact detail ----------

  let detailToken = 0;

  async function selectContact(id) {
    state.selectedId = id;
    markSelected();
    const token = ++detailToken;
    try {
      const contact = await getContactById(id);
      if (token !== detailToken) return;
      renderDetail(contact);
      loadTimeline();
    } catch (error) {
      if (token !== detailToken) return;
      if (error === 'NOT_FOUND') showGone();
      else say('err', `Could not load the contact: ${explain(error)}`);
    }
  }

  function showGone() {
    state.selectedId = null;
    markSelected();
    document.getElementById('detail-body').hidden = true;
    document.getElementById('timeline').hidden = true;
    const empty = document.getElementById('detail-empty');
    empty.replaceChildren(h('p', {}, h('strong', {}, 'This contact no longer exists')),
      h('p', { class: 'muted' }, 'It was deleted, here or in another tab. Select another contact.'));
    empty.hidden = false;
  }

  function clearDetail() {
    state.selectedId = null;
    document.getElementById('detail-body').hidden = true;
    document.getElementById('timeline').hidden = true;
    const empty = document.getElementById('detail-empty');
    empty.replaceChildren(h('p', {}, h('strong', {}, 'No contact selected')),
      h('p', { class: 'muted' }, 'Select a contact to see its details and its activity timeline.'));
    empty.hidden = false;
  }

  function section(title, items) {
    if (!items.length) return null;
    return h('div', { class: 'facts-row' }, h('dt', {}, title), h('dd', {}, h('ul', { class: 'plain' }, items.map((i) => h('li', {}, i)))));
  }

  const tagOf = (item) => (item.tag ? h('span', { class: 'item-tag' }, item.tag) : null);

  function renderDetail(c) {
    const body = document.getElementById('detail-body');
    const company = [c.company.role, c.company.name].filter(Boolean).join(' at ');
    const address = (a) => [a.address, a.neighborhood, a.city, [a.region, a.postalCode].filter(Boolean).join(' '), a.country].filter(Boolean).join(', ');

    const labelsEditor = h('div', { class: 'labels-editor', 'data-testid': 'labels' },
      h('div', { class: 'label-chips' }, c.tags.length
        ? c.tags.map((t) => h('span', { class: 'chip-wrap' }, chip(t), h('button', {
          type: 'button', class: 'icon ghost', title: `Remove the label “${t}”`, 'aria-label': `Remove the label ${t}`,
          'data-testid': 'label-remove', 'data-label': t,
          onclick: () => saveLabels(c, c.tags.filter((x) => x !== t)),
        }, '×')))
        : h('span', { class: 'muted' }, 'No labels')),
      h('form', {
        class: 'label-add',
        onsubmit: (event) => {
          event.preventDefault();
          const input = event.target.elements.label;
          const added = input.value.split(',').map((s) => s.trim()).filter(Boolean);
          if (added.length) saveLabels(c, [...new Set([...c.tags, ...added])]);
        },
      },
      h('input', { name: 'label', placeholder: 'Add a label', list: 'known-labels', 'aria-label': 'New label', 'data-testid': 'labels-input', autocomplete: 'off' }),
      h('button', { type: 'submit', class: 'secondary small', 'data-testid': 'labels-add' }, 'Add')));

    // Delete asks inline (no confirm() dialog): the button opens a confirmation bar.
    const confirmBar = h('div', { class: 'confirm-bar', role: 'alert', hidden: true },
      h('span', {}, 'Delete this contact? Its activities stay, unlinked.'),
      h('span', { class: 'confirm-actions' },
        h('button', { type: 'button', class: 'danger solid small', 'data-testid': 'delete-confirm', onclick: () => removeContact(c) }, 'Delete'),
        h('button', { type: 'button', class: 'secondary small', 'data-testid': 'delete-cancel', onclick: () => { confirmBar.hidden = true; } }, 'Cancel')));
    const deleteButton = h('button', {
      type: 'button', class: 'danger small', 'data-testid': 'delete-contact', title: 'Delete this contact (WixShim.deleteContact)',
      onclick: () => { confirmBar.hidden = false; },
    }, 'Delete');

    body.replaceChildren(
      h('div', { class: 'detail-head' },
        avatar(c, 'large'),
        h('div', { class: 'detail-title' },
          h('h2', { 'data-testid': 'detail-name' }, displayName(c)),
          company ? h('p', { class: 'muted' }, company) : null,
          c.picture && !httpUrl(c.picture) ? h('p', { class: 'muted small' }, 'Picture (not an http(s) URL): ', h('span', { class: 'unsafe-url' }, c.picture)) : null),
        deleteButton),
      confirmBar,
      h('div', { class: 'detail-block' }, h('h3', {}, 'Labels'), labelsEditor),
      h('dl', { class: 'facts' },
        section('Emails', c.emails.map((e) => [h('span', { class: 'value' }, e.email), tagOf(e),
          e.emailStatus ? h('span', { class: 'item-tag' }, e.emailStatus) : null])),
        section('Phones', c.phones.map((p) => [h('span', { class: 'value' }, p.phone), tagOf(p)])),
        section('Addresses', c.addresses.map((a) => [h('span', { class: 'value' }, address(a) || '(empty)'), tagOf(a)])),
        section('URLs', c.urls.map((u) => [link(u.url), tagOf(u)])),
        section('Dates', c.dates.map((d) => [h('span', { class: 'value' }, fmtDate(d.date)), tagOf(d)])),
        h('div', { class: 'facts-row' }, h('dt', {}, 'Created'), h('dd', { 'data-testid': 'detail-created' }, h('time', { datetime: c.createdAt }, fmtDateTime(c.createdAt)))),
        h('div', { class: 'facts-row' }, h('dt', {}, 'Modified'), h('dd', { 'data-testid': 'detail-modified' }, h('time', { datetime: c.modifiedAt }, fmtDateTime(c.modifiedAt)))),
        h('div', { class: 'facts-row' }, h('dt', {}, 'ID'), h('dd', { class: 'mono small' }, c.id))));
    body.dataset.id = c.id;
    body.hidden = false;
    document.getElementById('detail-empty').hidden = true;
    document.getElementById('timeline').hidden = false;
  }

  async function saveLabels(contact, labels) {
    try {
      await shim.setLabels(contact.id, labels);
      say('ok', `Labels of ${displayName(contact)}: ${labels.length ? labels.join(', ') : 'none'}.`);
      // The change event refreshes the list, the labels and this panel.
    } catch (error) {
      say('err', `Could not set the labels: ${explain(error)}`);
    }
  }

  async function removeContact(contact) {
    try {
      await shim.deleteContact(contact.id);
      say('ok', `Deleted ${displayName(contact)}. Their activities stay, unlinked.`);
      clearDetail();
    } catch (error) {
      say('err', `Could not delete the contact: ${explain(error)}`);
    }
  }

  // ---------- activity timeline ----------

  let timelineToken = 0;

  function fillTypeFilter() { fillTypeOptions($('type-filter')); }

  /** Adds the activity types, grouped, to a <select>. */
  function fillTypeOptions(select) {
    const values = [...new Set(Object.values(Wix.Activities.Type).map((v) => v.toLowerCase()))];
    const used = new Set();
    const groups = [];
    for (const [name, pattern] of TYPE_GROUPS) {
      const members = values.filter((v) => !used.has(v) && pattern.test(v));
      members.forEach((v) => used.add(v));
      if (members.length) {
        groups.push(h('optgroup', { label: name }, members
          .sort((a, b) => (TYPE_LABELS[a] || a).localeCompare(TYPE_LABELS[b] || b))
          .map((v) => h('option', { value: v }, TYPE_LABELS[v] || v))));
      }
    }
    select.append(...groups);
  }

  async function loadTimeline() {
    if (!state.selectedId) return;
    const token = ++timelineToken;
    const query = { contactId: state.selectedId, sort: state.sort };
    if (state.type) query.activityTypes = [state.type];
    const list = $('timeline');
    list.setAttribute('aria-busy', 'true');
    try {
      const cursor = await getActivities(query);
      if (token !== timelineToken) return;
      state.timeline = cursor;
      state.timelineItems = cursor.getData().slice();
      renderTimeline();
    } catch (error) {
      if (token === timelineToken) say('err', `Could not load the activity: ${explain(error)}`);
    } finally {
      if (token === timelineToken) list.removeAttribute('aria-busy');
    }
  }

  async function moreTimeline() {
    const cursor = state.timeline;
    if (!cursor || !cursor.hasNext()) return;
    const token = timelineToken;
    $('timeline-more').disabled = true;
    try {
      const page = await move(cursor, true);
      if (token !== timelineToken) return;
      state.timelineItems.push(...page);
      renderTimeline();
    } catch (error) {
      say('err', `Could not load more activity: ${explain(error)}`);
    } finally {
      $('timeline-more').disabled = false;
    }
  }

  function renderTimeline() {
    const items = state.timelineItems;
    $('timeline').replaceChildren(...items.map(timelineItem));
    $('timeline-empty').hidden = items.length > 0;
    $('timeline-empty').textContent = state.type ? `No “${TYPE_LABELS[state.type] || state.type}” activity.` : 'No activity yet.';
    const more = $('timeline-more');
    more.hidden = !(state.timeline && state.timeline.hasNext());
    more.textContent = state.sort === 'desc' ? 'Load older' : 'Load newer';
  }

  const money = (payment) => (payment && (payment.formattedTotal || (typeof payment.total === 'number' ? `${payment.total} ${payment.currency || ''}`.trim() : ''))) || '';

  /** One line about what happened, from the fields each type is known for. */
  function describe(a) {
    const i = a.activityInfo || {};
    const str = (v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
    const items = (list) => (Array.isArray(list) ? list.map((x) => x && `${str(x.title)}${x.quantity > 1 ? ` × ${x.quantity}` : ''}`).filter(Boolean).join(', ') : '');
    switch (a.activityType) {
      case 'form/contact-form': return [str(i.subject), i.content && str(i.content.message)].filter(Boolean).join(' — ');
      case 'e_commerce/purchase': return [i.orderId ? `Order #${str(i.orderId)}` : '', items(i.items), money(i.payment)].filter(Boolean).join(' · ');
      case 'e_commerce/cart-add': case 'e_commerce/cart-remove': return i.item ? items([i.item]) : '';
      case 'e_commerce/cart-abandon': case 'e_commerce/cart-checkout': return items(i.items);
      case 'shipping/shipped': case 'shipping/delivered': case 'shipping/status-change':
        return [i.orderId ? `Order #${str(i.orderId)}` : '', i.shippingDetails && str(i.shippingDetails.method), str(i.status)].filter(Boolean).join(' · ');
      case 'scheduler/appointment': case 'scheduler/confirmation': case 'scheduler/cancel':
        return [str(i.title), i.time && i.time.start ? fmtDateTime(i.time.start) : '', i.price && str(i.price.formattedPrice)].filter(Boolean).join(' · ');
      case 'events/rsvp': return [str(i.eventTitle), i.time && i.time.start ? fmtDate(i.time.start) : '', i.totalNumberAttendees ? `${str(i.totalNumberAttendees)} attending` : ''].filter(Boolean).join(' · ');
      case 'messaging/im': {
        // The messages the summary does not already quote.
        const summary = (a.activityDetails && a.activityDetails.summary) || '';
        const messages = Array.isArray(i.content) ? i.content.filter((m) => m && str(m.message) && !summary.includes(str(m.message))) : [];
        return messages.map((m) => `${m.direction === 'BUSINESS_TO_CUSTOMER' ? 'Reply' : 'Customer'}: ${str(m.message)}`).join(' · ');
      }
      case 'social/comment': return str(i.text);
      case 'form/subscription-form': case 'form/form':
        return Array.isArray(i.additionalFields || i.fields) ? (i.additionalFields || i.fields).map((f) => f && `${str(f.name)}: ${str(f.value)}`).join(', ') : '';
      case 'restaurants/order': return [str(i.restaurantName), items(i.items), money(i.payment)].filter(Boolean).join(' · ');
      default: {
        const flat = Object.entries(i).filter(([, v]) => typeof v === 'string' || typeof v === 'number').slice(0, 3);
        return flat.map(([k, v]) => `${k}: ${v}`).join(', ');
      }
    }
  }

  function timelineItem(a) {
    const category = CATEGORY(a.activityType);
    const extra = describe(a);
    const info = a.activityDetails && a.activityDetails.additionalInfoUrl;
    return h('li', { class: 'tl-item', 'data-testid': 'timeline-item', 'data-type': a.activityType, 'data-created': a.createdAt, 'data-id': a.id },
      h('span', { class: `tl-dot cat-${category}`, 'aria-hidden': 'true' }),
      h('div', { class: 'tl-body' },
        h('div', { class: 'tl-head' },
          h('span', { class: `tl-type cat-${category}` }, TYPE_LABELS[a.activityType] || a.activityType),
          h('time', { datetime: a.createdAt, class: 'muted' }, fmtDateTime(a.createdAt))),
        a.activityDetails && a.activityDetails.summary ? h('p', { class: 'tl-summary' }, a.activityDetails.summary) : null,
        extra && extra !== (a.activityDetails && a.activityDetails.summary) ? h('p', { class: 'tl-extra' }, extra) : null,
        h('details', { class: 'tl-raw' },
          h('summary', {}, 'Activity data'),
          h('p', { class: 'small muted' }, 'Type ', h('code', {}, a.activityType), ' · ID ', h('code', {}, a.id)),
          info ? h('p', { class: 'small' }, 'More info: ', link(info)) : null,
          a.activityLocationUrl ? h('p', { class: 'small muted' }, 'Posted from ', h('span', { class: 'mono' }, a.activityLocationUrl)) : null,
          h('pre', {}, JSON.stringify(a.activityInfo, null, 2)))));
  }

  $('type-filter').addEventListener('change', (event) => {
    state.type = event.target.value;
    loadTimeline();
  });
  $('sort-toggle').addEventListener('click', () => {
    state.sort = state.sort === 'desc' ? 'asc' : 'desc';
    const button = $('sort-toggle');
    button.dataset.sort = state.sort;
    button.setAttribute('aria-pressed', String(state.sort === 'asc'));
    button.textContent = state.sort === 'desc' ? 'Newest first' : 'Oldest first';
    loadTimeline();
  });
  $('timeline-more').addEventListener('click', moreTimeline);

  // ---------- add a contact ----------

  const addForm = document.getElementById('add-form');
  function toggleAdd(open) {
    addForm.hidden = !open;
    $('add-toggle').setAttribute('aria-expanded', String(open));
    if (open) addForm.elements.first.focus();
  }
  $('add-toggle').addEventListener('click', () => toggleAdd(addForm.hidden));
  $('add-cancel').addEventListener('click', () => { addForm.reset(); $('add-result').textContent = ''; offerOverride(null, []); toggleAdd(false); });

  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = addForm.elements;
    const value = (name) => f[name].value.trim();
    const info = { name: { first: value('first'), last: value('last') }, emails: [], phones: [] };
    if (value('email')) info.emails.push({ tag: 'main', email: value('email') });
    if (value('phone')) info.phones.push({ tag: 'mobile', phone: value('phone') });
    if (value('company')) info.company = { name: value('company') };
    const labels = value('labels').split(',').map((s) => s.trim()).filter(Boolean);
    const result = $('add-result');
    result.className = 'form-result muted';
    result.textContent = 'Saving…';
    $('add-submit').disabled = true;
    try {
      const r = await reconcileContact(info);
      let contact = r.contact;
      if (labels.length) contact = await shim.setLabels(contact.id, [...new Set([...contact.tags, ...labels])]);
      const kept = r.details.rejectedData.map((d) => d.key);
      offerOverride(contact, r.details.rejectedData);
      result.className = 'form-result ok';
      result.textContent = r.isNew
        ? `Created ${displayName(contact)}.`
        : `Merged into ${displayName(contact)}${kept.length ? `; kept their existing ${kept.join(', ')}` : ''}.`;
      addForm.reset();
      selectContact(contact.id);
    } catch (error) {
      result.className = 'form-result error';
      result.textContent = `Not saved: ${explain(error)}`;
    } finally {
      $('add-submit').disabled = false;
    }
  });

  // ---------- override rejected values (seed 002) ----------
  // A reconcile keeps the name, company and picture a contact already has and reports what it
  // rejected. The user may approve their own value instead: it is then written through the HTTP
  // API's override endpoint (PUT /contacts/{id}/{name|company|picture}) via WixShim.handleHiveRequest.

  const overrideBox = h('div', { class: 'override', 'data-testid': 'override', hidden: true });
  addForm.append(overrideBox);

  function shownValue(key, value) {
    if (key === 'name') return [value.prefix, value.first, value.middle, value.last, value.suffix].filter(Boolean).join(' ');
    if (key === 'company') return [value.name, value.role].filter(Boolean).join(', ');
    return String(value);
  }

  /** One WixHive API call answered in this page; resolves with the JSON body, rejects with its message. */
  async function hiveRequest(method, path, modifiedAt, body) {
    const url = `https://openapi.wix.com/v1${path}?version=1.0.0&modifiedAt=${encodeURIComponent(modifiedAt)}`;
    const response = await shim.handleHiveRequest(new Request(url, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }));
    const data = await response.json();
    if (!response.ok) throw Object.assign(new Error(`${response.status} ${data.message}`), { status: response.status });
    return data;
  }

  function offerOverride(contact, rejected) {
    overrideBox.replaceChildren();
    overrideBox.hidden = rejected.length === 0;
    if (!rejected.length) return;
    // Each approval sends the modifiedAt of the contact as last written, so a change made
    // meanwhile elsewhere is a 409, shown, never overwritten.
    let current = contact;
    overrideBox.append(h('p', { text: `${displayName(contact)} already had these values, so yours were not saved. Use yours instead?` }));
    for (const { key, value } of rejected) {
      // Parts left empty in the form keep the contact's own: the PUT replaces the whole value.
      const approved = key === 'picture' ? value : { ...contact[key], ...Object.fromEntries(Object.entries(value).filter(([, v]) => v)) };
      const outcome = h('span', { class: 'form-result', 'data-testid': 'override-result', role: 'status' });
      const buttons = [
        h('button', { type: 'button', class: 'small', 'data-testid': 'override-use', 'data-key': key, text: 'Use mine', onclick: async () => {
          buttons.forEach((b) => { b.disabled = true; });
          try {
            current = await hiveRequest('PUT', `/contacts/${encodeURIComponent(contact.id)}/${key}`, current.modifiedAt, approved);
            outcome.className = 'form-result ok';
            outcome.textContent = `Saved: ${key} is now “${shownValue(key, current[key])}”.`;
            buttons.forEach((b) => b.remove());
          } catch (error) {
            outcome.className = 'form-result error';
            outcome.textContent = `Not saved: ${error.message}`;
            // 409: the contact changed meanwhile. Re-read it, so approving again applies to what it is now.
            if (error.status === 409) current = await getContactById(contact.id).catch(() => current);
            buttons.forEach((b) => { b.disabled = false; });
          }
        } }),
        h('button', { type: 'button', class: 'small secondary', 'data-testid': 'override-keep', 'data-key': key, text: 'Keep theirs', onclick: () => {
          row.remove();
          if (!overrideBox.querySelector('[data-testid="override-row"]')) overrideBox.hidden = true;
        } }),
      ];
      const row = h('div', { class: 'override-row', 'data-testid': 'override-row', 'data-key': key },
        h('strong', { text: key }), ' ',
        h('span', { class: 'muted', text: `theirs “${shownValue(key, contact[key])}”, yours “${shownValue(key, approved)}”` }), ' ',
        buttons, ' ', outcome);
      overrideBox.append(row);
    }
  }

  // ---------- developer controls ----------

  /** `ask`, when given, runs first, with the buttons still enabled; a false answer does nothing. */
  async function runControl(button, busyText, work, ask) {
    if (ask) {
      try {
        if (!(await ask())) return;
      } catch (error) {
        say('err', explain(error), true);
        return;
      }
    }
    const buttons = document.querySelectorAll('.data-actions button');
    const label = button.textContent;
    buttons.forEach((b) => { b.disabled = true; });
    button.textContent = busyText;
    try {
      await work();
    } catch (error) {
      say('err', explain(error), true);
    } finally {
      button.textContent = label;
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  /** Resolves true when nothing would be lost, or the user agreed to replace what is stored (confirm.js). */
  async function mayReplace(what) {
    const { counts } = await shim.status();
    if (!counts.contacts && !counts.activities) return true;
    return parts.confirm ? confirmReplace(what, counts) : true;
  }

  $('seed').addEventListener('click', (event) => runControl(event.currentTarget, 'Seeding…', async () => {
    const fixture = window.DemoFixture.build();
    await shim.seed(fixture);
    clearDetail();
    say('ok', `Seeded ${fixture.contacts.length} contacts and ${fixture.activities.length} activities. Reset comes back to this seed.`);
  }, () => mayReplace({ action: 'Seed', with: 'with the demo data (60 contacts, about 430 activities)' })));
  $('reset').addEventListener('click', (event) => runControl(event.currentTarget, 'Resetting…', async () => {
    await shim.reset();
    say('ok', 'Back to the last seed (empty if nothing was ever seeded).');
  }));
  $('clear').addEventListener('click', (event) => runControl(event.currentTarget, 'Clearing…', async () => {
    await shim.clear();
    clearDetail();
    say('ok', 'Deleted every contact and activity. Reset brings back the last seed.');
  }, () => mayReplace({ action: 'Clear', with: '' })));
  $('export').addEventListener('click', (event) => runControl(event.currentTarget, 'Exporting…', async () => {
    const data = await shim.exportData();
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url; // our own blob: URL, never data
    a.download = `wix-hive-shim-${data.exportedAt.replace(/[:.]/g, '-')}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say('ok', `Exported ${data.contacts.length} contacts and ${data.activities.length} activities to ${a.download}.`);
  }));
  const fileInput = $('import-file');
  $('import').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files && fileInput.files[0];
    if (!file) return;
    let text;
    try {
      text = await file.text();
    } catch (error) {
      say('err', `Import failed, nothing changed: could not read ${file.name} (${error instanceof Error ? error.message : String(error)})`, true);
      fileInput.value = '';
      return;
    }
    const ask = () => mayReplace({ action: 'Import', with: `with ${file.name}${importCounts(text)}` });
    await runControl($('import'), 'Importing…', async () => {
      try {
        await shim.importData(text);
        clearDetail();
        const s = await shim.status();
        say('ok', `Imported ${file.name}: ${s.counts.contacts} contacts and ${s.counts.activities} activities.`);
      } catch (error) {
        say('err', `Import failed, nothing changed: ${error instanceof Error ? error.message : String(error)}`, true);
      }
    }, ask);
    fileInput.value = '';
  });

  /** What a file holds, as far as a quick look can tell (importData validates it all). */
  function importCounts(text) {
    try {
      const data = JSON.parse(text);
      const n = (list) => (Array.isArray(list) ? list.length : 0);
      return ` (${n(data && data.contacts)} contacts, ${n(data && data.activities)} activities)`;
    } catch {
      return '';
    }
  }

  // ---------- live updates ----------

  let refreshTimer;
  let pending = { list: false, labels: false, detail: false, timeline: false };
  function scheduleRefresh(parts) {
    for (const k of Object.keys(parts)) pending[k] = pending[k] || parts[k];
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      const p = pending;
      pending = { list: false, labels: false, detail: false, timeline: false };
      renderStatus();
      if (p.list) loadContacts(true);
      if (p.labels) loadLabels();
      if (state.selectedId && p.detail) selectContact(state.selectedId);
      else if (state.selectedId && p.timeline) loadTimeline();
    }, 120);
  }

  shim.on('change', (change) => {
    if (change.event === 'replaced') state.page = 0; // seed, reset, clear or import: back to page 1
    if (change.entity === 'activity') scheduleRefresh({ timeline: true });
    else scheduleRefresh({ list: true, labels: true, detail: true });
  });

  // ---------- start ----------

  // The parts in their own files (loaded before this one): each gets what it needs of the page.
  const app = {
    shim, Wix, state, h, $, say, explain, fmtDate, fmtDateTime, displayName, timelineItem, fillTypeOptions, TYPE_LABELS,
    contactRow, renderContacts, reloadList: (keepPage) => loadContacts(keepPage), dbName,
  };
  let firstPageShown;
  /** Settles once the first page is on screen: what is not needed for it waits for this. */
  app.firstPage = new Promise((resolve) => { firstPageShown = resolve; });
  const confirmReplace = parts.confirm && parts.confirm(app);
  const search = parts.search && parts.search(app);
  for (const name of ['dbPicker', 'stream', 'eventLog']) if (parts[name]) parts[name](app);

  fillTypeFilter();
  // The first page goes first, up to its paint: the status counts, the label scan (up to 20,000
  // contacts), the database list and the log would compete with it for the database and the main
  // thread at 100,000 contacts.
  loadContacts(false).then(afterNextPaint).finally(() => {
    firstPageShown();
    renderStatus();
    loadLabels();
  });
  document.body.dataset.ready = 'true';
})();
