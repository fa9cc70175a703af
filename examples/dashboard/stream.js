// The site's activity stream: every activity, linked to a contact or not, newest first, filtered by
// type and by day, paged with the SDK cursor (`getActivities` without `contactId`).
'use strict';

(window.DashboardParts = window.DashboardParts || {}).stream = function streamPart(app) {
  const { h, Wix } = app;
  const PAGE = 20;
  let cursor = null;
  let items = [];
  let token = 0;

  const type = h('select', { 'data-testid': 'stream-type', 'aria-label': 'Activity type' }, h('option', { value: '' }, 'All activity types'));
  app.fillTypeOptions(type);
  const from = h('input', { type: 'date', 'data-testid': 'stream-from', 'aria-label': 'From (day)' });
  const until = h('input', { type: 'date', 'data-testid': 'stream-until', 'aria-label': 'Until (day)' });
  const list = h('ol', { class: 'timeline-list stream-list', 'data-testid': 'stream-list' });
  const empty = h('p', { class: 'muted', 'data-testid': 'stream-empty', hidden: true }, 'No activity matches.');
  const more = h('button', { type: 'button', class: 'secondary small more', 'data-testid': 'stream-more', hidden: true }, 'Load older');
  const count = h('span', { class: 'muted', 'data-testid': 'stream-count' });
  const section = h('details', { class: 'card stream', 'data-testid': 'stream' },
    h('summary', {}, 'Activity stream ', count),
    h('p', { class: 'muted' }, 'Every activity of the site, newest first, including those not linked to a contact.'),
    h('div', { class: 'stream-filters' },
      type,
      h('label', { class: 'inline' }, 'From', from),
      h('label', { class: 'inline' }, 'Until', until)),
    list, empty, more);
  // Below the fold and closed: placed once the first page is painted, so it does not delay it.
  app.firstPage.then(() => document.querySelector('.columns').after(section));

  /** Local-day bounds, as the ISO instants `getActivities` takes. */
  const dayStart = (value) => new Date(`${value}T00:00:00`).toISOString();
  const dayEnd = (value) => new Date(`${value}T23:59:59.999`).toISOString();

  async function load() {
    if (!section.open) return;
    const mine = ++token;
    const query = { pageSize: PAGE, sort: 'desc' };
    if (type.value) query.activityTypes = [type.value];
    if (from.value) query.from = dayStart(from.value);
    if (until.value) query.until = dayEnd(until.value);
    list.setAttribute('aria-busy', 'true');
    try {
      const c = await new Promise((ok, fail) => Wix.Activities.getActivities(ok, fail, query));
      if (mine !== token) return;
      cursor = c;
      items = c.getData().slice();
      render();
    } catch (error) {
      if (mine === token) app.say('err', `Could not load the activity stream: ${app.explain(error)}`);
    } finally {
      if (mine === token) list.removeAttribute('aria-busy');
    }
  }

  async function loadMore() {
    if (!cursor || !cursor.hasNext()) return;
    const mine = token;
    more.disabled = true;
    try {
      const page = await new Promise((ok, fail) => cursor.next(ok, fail));
      if (mine !== token) return;
      items.push(...page);
      render();
    } catch (error) {
      app.say('err', `Could not load more activity: ${app.explain(error)}`);
    } finally {
      more.disabled = false;
    }
  }

  function render() {
    list.replaceChildren(...items.map((a) => {
      const item = app.timelineItem(a);
      item.dataset.testid = 'stream-item';
      return item;
    }));
    empty.hidden = items.length > 0;
    more.hidden = !(cursor && cursor.hasNext());
    // The activities cursor has no total (as in the SDK): "+" says that more can be loaded.
    count.textContent = cursor ? `(${items.length}${cursor.hasNext() ? '+' : ''})` : '';
  }

  for (const control of [type, from, until]) control.addEventListener('change', load);
  more.addEventListener('click', loadMore);
  section.addEventListener('toggle', () => { if (section.open) load(); });

  let refresh;
  app.shim.on('change', (change) => {
    if (change.entity !== 'contact' && section.open) { clearTimeout(refresh); refresh = setTimeout(load, 150); }
  });
};
