// The other end of every bridge_rtt method, in one page so that all of them
// cross to the same process: it is a Plugboard widget (the SDK answers ping),
// echoes a raw window.postMessage, echoes on a MessagePort it is handed, and
// answers a penpal method on a channel of its own: the cheapest ways to cross
// into a cross-origin iframe and back.
import { connect as connectWidget } from '@plugboard/widget-sdk';
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
  channel: 'bench-penpal',
  methods: { echo: (value: unknown) => value },
});

if (new URLSearchParams(location.search).has('plugboard')) {
  void connectWidget({ hostOrigins: [parentOrigin], autoResize: false });
}
