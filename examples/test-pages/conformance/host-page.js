// The conformance suite's host page: one host (over its own shim instance) for the real-SDK
// frames, and plain frames with the same URL parameters for the shim's own Wix.
import { createHost, verifyInstance } from '/dist/host.js';

const hostShim = WixShim.createShim({ dbName: 'conformance-host', quiet: true });
const host = createHost({ shim: hostShim, secret: 'conformance-secret', quiet: true });
const container = document.getElementById('frames');
let counter = 0;

function loaded(iframe) {
  return new Promise((resolve) => iframe.addEventListener('load', () => resolve(), { once: true }));
}

window.conformance = {
  host,
  hostShim,
  verifyInstance,
  /** Opens the pair of frames for one set of URL parameters; resolves with their names. */
  async open(params) {
    const n = ++counter;
    const compId = params.compId ?? `comp-conf-${n}`;
    const real = document.createElement('iframe');
    real.name = `real-${n}`;
    container.appendChild(real);
    const realLoaded = loaded(real);
    await host.frame('/test-pages/conformance/real-frame.html', { ...params, compId, iframe: real });
    const shim = document.createElement('iframe');
    shim.name = `shim-${n}`;
    shim.src = await host.frameUrl('/test-pages/conformance/shim-frame.html', { ...params, compId });
    container.appendChild(shim);
    await Promise.all([realLoaded, loaded(shim)]);
    return { real: real.name, shim: shim.name, compId };
  },
};
window.dispatchEvent(new Event('conformance-ready'));
