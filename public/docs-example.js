/* global document, window, URL */
// Drives the first embed of docs-example.html through the Job Playground embed API
// (src/embed/messages.ts) and logs what the players send back. No inline script: the
// page runs under the app's Content-Security-Policy (script-src 'self').

const PROTOCOL = 'job-playground-embed';
const frame = document.getElementById('embed-backoff');
const log = document.getElementById('log');
const embedOrigin = new URL(frame.src, document.baseURI).origin;
let nextId = 1;

function write(line) {
  log.textContent += `${line}\n`;
  const lines = log.textContent.split('\n');
  if (lines.length > 200) log.textContent = lines.slice(-200).join('\n');
  log.scrollTop = log.scrollHeight;
}

function send(message) {
  if (!frame.contentWindow) return;
  frame.contentWindow.postMessage({ protocol: PROTOCOL, id: nextId++, ...message }, embedOrigin);
}

window.addEventListener('message', (e) => {
  // Only our own players, and only their protocol.
  if (e.origin !== embedOrigin || e.source !== frame.contentWindow) return;
  const d = e.data;
  if (d === null || typeof d !== 'object' || d.protocol !== PROTOCOL) return;
  if (d.type === 'tick') return; // many per second while playing
  if (d.type === 'state') write(`state: t=${d.state.ms} ms of ${d.state.endMs} ms, ${d.state.conditions.map((c) => c.type).join(', ') || 'no conditions'}`);
  else if (d.type === 'condition') write(`condition at ${d.ms} ms: ${d.conditions.map((c) => `${c.type}=${c.status}`).join(', ') || 'none'}`);
  else if (d.type === 'podChange') write(`pods at ${d.ms} ms: ${d.counts.pods} (failed ${d.counts.failed})`);
  else if (d.type === 'error') write(`error: ${d.message}`);
  else write(d.type);
});

for (const button of document.querySelectorAll('[data-command]')) {
  button.addEventListener('click', () => {
    const type = button.dataset.command;
    if (type === 'seek') send({ type, ms: Number(button.dataset.ms) });
    else send({ type });
  });
}

// Subscribe to the player's events (it answers the origin of the last valid command).
frame.addEventListener('load', () => send({ type: 'getState' }));
