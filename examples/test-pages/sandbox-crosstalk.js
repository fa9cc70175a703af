// Listens for changes on the default database, then starts the sandboxed child (sandbox-child.html)
// that writes a contact to its memory storage. window.crosstalk collects what this page heard.
window.crosstalk = { heard: [], child: undefined };
WixShim.on('change', (e) => window.crosstalk.heard.push(e));
WixShim.on('webhook', (e) => window.crosstalk.heard.push(e));
const frame = document.createElement('iframe');
frame.setAttribute('sandbox', 'allow-scripts');
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  window.crosstalk.child = event.data;
  document.getElementById('result').textContent = JSON.stringify(window.crosstalk, null, 2);
});
// The listener needs the database open (the storage decides who may be heard) before the frame writes.
WixShim.status().then(() => {
  frame.src = 'sandbox-child.html';
  document.querySelector('main').append(frame);
});
