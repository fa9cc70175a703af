// Seed, Clear and Import ask first, in the page (as Delete does; no confirm() dialog), and say how
// many stored records they would replace. Untrusted text (a file name) is set as text only.
'use strict';

(window.DashboardParts = window.DashboardParts || {}).confirm = function confirmPart(app) {
  const { h } = app;
  const plural = (n, one, many) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  let pending = null;

  const message = h('span', { 'data-testid': 'replace-message' });
  const ok = h('button', { type: 'button', class: 'danger solid small', 'data-testid': 'replace-confirm' });
  const cancel = h('button', { type: 'button', class: 'secondary small', 'data-testid': 'replace-cancel' }, 'Cancel');
  const bar = h('div', { class: 'confirm-bar replace-bar', role: 'alertdialog', 'aria-label': 'Confirm', 'data-testid': 'replace-bar', hidden: true },
    message, h('span', { class: 'confirm-actions' }, ok, cancel));
  document.querySelector('.page-head').after(bar);

  function settle(answer) {
    bar.hidden = true;
    const resolve = pending;
    pending = null;
    if (resolve) resolve(answer);
  }
  ok.addEventListener('click', () => settle(true));
  cancel.addEventListener('click', () => settle(false));
  document.addEventListener('keydown', (event) => { if (event.key === 'Escape' && pending) settle(false); });

  /** Asks whether to replace what is stored; resolves true or false. A second ask cancels the first. */
  return function confirmReplace({ action, with: replacement }, counts) {
    if (pending) settle(false);
    const stored = `${plural(counts.contacts, 'contact', 'contacts')} and ${plural(counts.activities, 'activity', 'activities')}`;
    message.textContent = action === 'Clear'
      ? `Delete all ${stored}? Reset brings back the last seed.`
      : `${action}: replace all ${stored} ${replacement}?`;
    ok.textContent = action === 'Clear' ? 'Delete all' : `Replace ${plural(counts.contacts + counts.activities, 'record', 'records')}`;
    bar.hidden = false;
    ok.focus();
    return new Promise((resolve) => { pending = resolve; });
  };
};
