import { PROTOCOL_VERSION } from '@plugboard/host-runtime';

const app = document.querySelector<HTMLElement>('#app');
if (app) {
  const footer = document.createElement('p');
  footer.textContent = `Plugboard host runtime, bridge protocol v${PROTOCOL_VERSION}.`;
  footer.dataset['testid'] = 'runtime-version';
  app.append(footer);
}
