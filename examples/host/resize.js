// What a widget on a Wix site does beside its own work: tell the host its height (the host resizes
// the iframe) and react to settings changes the host pushes. Plain Wix.js calls, nothing shim-specific.
'use strict';

(function () {
  const report = () => Wix.setHeight(Math.ceil(document.documentElement.scrollHeight));
  new ResizeObserver(report).observe(document.body);
  Wix.addEventListener(Wix.Events.SETTINGS_UPDATED, (settings) => {
    const note = document.querySelector('[data-testid="widget-settings"]');
    note.textContent = `Settings updated: ${JSON.stringify(settings)}`;
    note.hidden = false;
  });
})();
