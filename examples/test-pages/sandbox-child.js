// Runs the shim inside `sandbox="allow-scripts"` and reports to the parent page.
(function () {
  function report(result) {
    document.getElementById('state').textContent = JSON.stringify(result);
    parent.postMessage(result, '*');
  }
  function describe(error) {
    return error && error.name ? error.name + ': ' + error.message : String(error);
  }
  // What the browser does with IndexedDB here, independent of the shim.
  let indexedDBAccess;
  try {
    const factory = window.indexedDB;
    factory.open('sandbox-probe');
    indexedDBAccess = 'open() did not throw';
  } catch (error) {
    indexedDBAccess = 'threw ' + describe(error);
  }
  const result = { origin: String(window.origin), indexedDBAccess: indexedDBAccess };
  try {
    Wix.Contacts.reconcileContact(
      { name: { first: 'Sandy' }, emails: [{ tag: 'main', email: 'sandbox@example.com' }] },
      function (r) {
        result.reconcile = { ok: true, isNew: r.isNew, email: r.contact.emails[0].email, id: r.contact.id };
        Wix.Contacts.getContactById(r.contact.id, function (c) {
          result.readBack = c.emails[0].email;
          WixShim.status().then(function (status) {
            result.status = status;
            // What the shim told the developer: the fallback notice must be there, once.
            result.log = WixShim.log().map(function (entry) { return entry.message; });
            report(result);
          }, function (e) { result.statusError = describe(e); report(result); });
        }, function (e) { result.readBackError = e; report(result); });
      },
      function (e) { result.reconcile = { ok: false, error: e }; report(result); },
    );
  } catch (error) {
    result.thrown = describe(error);
    report(result);
  }
})();
