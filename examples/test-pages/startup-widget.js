// A widget's start-up, as real 2014–2018 widgets did it (issue 9): every call below runs at load,
// before any user action. It must run unchanged on the shim's script tag and on the real Wix.js
// hosted by the shim. What it saw is kept in window.startupWidget for the tests.
(function () {
  var seen = {
    compId: Wix.Utils.getCompId(),
    origCompId: Wix.Utils.getOrigCompId(),
    demoMode: Wix.Utils.getDemoMode(),
    pixelType: Wix.Analytics.PixelType.FACEBOOK,
    cycles: Object.keys(Wix.Billing.Cycle),
    settingsUpdates: [],
    siteInfo: null,
  };
  window.startupWidget = seen;

  function render() {
    var el = document.getElementById('state');
    if (el) el.textContent = JSON.stringify(seen, null, 2);
  }

  Wix.addEventListener(Wix.Events.SETTINGS_UPDATED, function (data) {
    seen.settingsUpdates.push(data);
    render();
  });
  Wix.setHeight(321);
  Wix.Settings.getSiteInfo(function (info) {
    seen.siteInfo = info;
    render();
  });
  render();
})();
