// Runs in <head>, right after the shim and before the page is parsed: picks the instance (`?db=name`
// opens another one; the picker in db-picker.js sets it) and asks for the first page at once, so the
// database opens and reads while the rest of the page loads. At 100,000 contacts that overlap is
// most of the time to the first page (issue 12). dashboard.js takes all of it from here.
'use strict';

window.DashboardStart = (function () {
  // For the first-page figure (test/browser/dashboard-data.test.ts): this mark → the first rows painted.
  performance.mark('dashboard:start');
  const dbName = new URLSearchParams(location.search).get('db') || 'wix-hive-shim';
  const shim = dbName !== 'wix-hive-shim' ? window.WixShim.createShim({ dbName }) : window.WixShim;
  // The default instance's SDK namespace; also `window.Wix` unless the page already had a Wix.
  const Wix = shim.Wix || window.Wix;
  const pageSize = 10;
  const firstPage = new Promise((ok, fail) => Wix.Contacts.getContacts({ pageSize }, ok, fail));
  firstPage.catch(() => undefined); // reported where dashboard.js awaits it
  return { dbName, shim, Wix, pageSize, firstPage };
})();
