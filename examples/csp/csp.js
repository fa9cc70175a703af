// Exercises the shim under the strict CSP: validation, IndexedDB, a contact and an activity.
(function () {
  const out = document.getElementById('result');
  function done(result) {
    window.cspResult = result;
    out.textContent = JSON.stringify(result, null, 2);
  }
  const result = {};
  Wix.Contacts.reconcileContact(
    { name: { first: 'Strict' }, emails: [{ tag: 'main', email: 'csp@example.com' }], phones: [{ tag: 'cell', phone: '+1 415 555 0100' }] },
    function (r) {
      result.reconcile = { ok: true, isNew: r.isNew, id: r.contact.id };
      Wix.Activities.postActivity(
        {
          type: Wix.Activities.Type.ALBUM_FAN,
          info: { album: { name: 'Daylight', id: 'alb-1' }, artist: { name: 'The Pixels', id: 'art-9' } },
          details: { additionalInfoUrl: null, summary: 'Became a fan' },
          contactUpdate: { emails: [{ tag: 'main', email: 'csp@example.com' }] },
        },
        function (p) {
          result.post = { ok: true, activityId: p.activityId, contactId: p.contactId };
          // A validation failure too: the error path formats validation issues.
          Wix.Contacts.reconcileContact({ emails: [{ tag: 'main', email: '' }] }, function () {
            result.invalid = 'accepted?!';
            done(result);
          }, function (e) {
            result.invalid = e;
            WixShim.status().then(function (s) { result.driver = s.driver; done(result); });
          });
        },
        function (e) { result.post = { ok: false, error: e }; done(result); },
      );
    },
    function (e) { result.reconcile = { ok: false, error: e }; done(result); },
  );
})();
