// The baselines' other end: echoes a raw window.postMessage, echoes on a
// MessagePort it is handed, and answers a penpal method: the cheapest ways
// to cross into a cross-origin iframe and back.
import { connect, WindowMessenger } from 'penpal';

const parentOrigin = location.ancestorOrigins[0] ?? '';

window.addEventListener('message', (event: MessageEvent<{ bench?: string }>) => {
  if (event.source !== window.parent || event.origin !== parentOrigin) return;
  if (event.data.bench === 'echo') window.parent.postMessage({ bench: 'echoed' }, parentOrigin);
  if (event.data.bench === 'port') {
    const [port] = event.ports;
    if (!port) return;
    port.onmessage = (message) => {
      port.postMessage(message.data);
    };
    port.postMessage('ready');
  }
});

connect({
  messenger: new WindowMessenger({ remoteWindow: window.parent, allowedOrigins: [parentOrigin] }),
  methods: { echo: (value: unknown) => value },
});
