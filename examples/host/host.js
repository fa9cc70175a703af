// A Wix site page: it hosts the contact-form widget, whose frame loads the real Wix.js 1.90.0, and
// answers it from the default shim instance (the database the dashboard shows).
import { createHost } from '/dist/host.js';

const host = createHost({
  shim: window.WixShim,
  secret: 'example-app-secret',
  instance: { instanceId: 'bellas-bakery-instance', permissions: '' },
});
const log = document.querySelector('[data-testid="host-log"]');
const height = document.querySelector('[data-testid="host-frame-height"]');

const frame = await host.frame('/host/widget.html', {
  compId: 'comp-contact-form',
  container: document.getElementById('widget-slot'),
  height: 640,
  title: 'Contact form',
});

// Show what the widget asks its host, as the messages arrive.
let shown = 0;
setInterval(() => {
  const messages = host.messages();
  for (const m of messages.slice(shown)) {
    const li = document.createElement('li');
    li.textContent = `${m.namespace ?? '–'}.${m.type}`;
    log.append(li);
  }
  shown = messages.length;
  const last = frame.heights[frame.heights.length - 1];
  if (last !== undefined) height.textContent = `${last}px`;
}, 250);

document.getElementById('fire-settings').addEventListener('click', () => {
  host.fireEvent('SETTINGS_UPDATED', { accent: '#d2691e', firedAt: new Date().toISOString() });
});

window.exampleHost = { host, frame };
