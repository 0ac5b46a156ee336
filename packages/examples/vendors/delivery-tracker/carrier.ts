// Delivery tracker's "Choose carrier" dialog: the order's number and current
// carrier arrive as the dialog's params; it closes with the carrier picked.
// A pick not yet saved makes the dialog dirty, so the host asks before ✕ or
// Escape throws it away.
import { actionButton, startWidget } from '../shared/widget-page.js';
import { CARRIERS } from './carriers.js';

void startWidget((client, root) => {
  const params = client.context.dialog?.params;
  const { order, carrier } =
    typeof params === 'object' && params !== null && !Array.isArray(params) ? params : {};
  const current = typeof carrier === 'string' ? carrier : undefined;

  const form = document.createElement('form');
  const fieldset = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = `Who ships ${typeof order === 'string' ? order : 'this order'}?`;
  fieldset.append(legend);
  for (const name of CARRIERS) {
    const label = document.createElement('label');
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'carrier';
    radio.value = name;
    radio.checked = name === current;
    label.append(radio, name === current ? `${name} (current)` : name);
    fieldset.append(label);
  }
  const picked = () => new FormData(form).get('carrier');
  form.addEventListener('change', () => {
    void client.widget.setDirty({ dirty: picked() !== (current ?? null) });
  });
  // Its own Cancel is the user's explicit choice: nothing to ask about.
  const cancel = actionButton('Cancel', undefined, () => {
    void client.widget.setDirty({ dirty: false }).then(() => client.dialogs.dismiss());
  });
  const save = document.createElement('button');
  save.type = 'submit';
  save.textContent = 'Save carrier';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const choice = picked();
    if (typeof choice !== 'string') return;
    void client.dialogs.close({ result: { carrier: choice } });
  });
  const buttons = document.createElement('div');
  buttons.className = 'buttons';
  buttons.append(cancel, save);
  form.append(fieldset, buttons);
  root.replaceChildren(form);
  // The host gives this page the focus once it is ready; it lands here.
  (form.querySelector<HTMLInputElement>('input:checked') ?? form.querySelector('input'))?.focus();
  return Promise.resolve();
});
