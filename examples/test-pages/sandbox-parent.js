// Receives the sandboxed frame's report (its origin is opaque, so only postMessage reaches us).
window.sandboxResult = undefined;
const frame = document.getElementById('frame');
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  window.sandboxResult = event.data;
  document.getElementById('result').textContent = JSON.stringify(event.data, null, 2);
});
