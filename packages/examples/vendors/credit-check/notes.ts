// Credit check's notes on a counterparty, in the host's storage: "Only me"
// keeps them in the user's scope (keyed by the counterparty), "Everyone" in
// the counterparty's own (entity) scope. Each save passes the version it
// read, so a note changed elsewhere in between is not overwritten.
import { PlugboardError, type WidgetClient } from '@plugboard/widget-sdk';

type Who = 'me' | 'everyone';

const addressOf = (who: Who, counterpartyId: string) =>
  who === 'me'
    ? ({ scope: 'user', key: `note:${counterpartyId}` } as const)
    : ({ scope: 'entity', key: 'note' } as const);

/** The notes editor for one counterparty. */
export function notesEditor(client: WidgetClient, counterpartyId: string): HTMLElement {
  const section = document.createElement('section');
  const heading = document.createElement('h3');
  heading.textContent = 'Notes';
  const text = document.createElement('textarea');
  text.id = 'notes';
  text.rows = 3;
  text.dataset['testid'] = 'notes';
  text.setAttribute('aria-label', 'Notes');
  text.disabled = true;
  const status = document.createElement('p');
  status.className = 'muted';
  status.dataset['testid'] = 'notes-status';
  status.setAttribute('role', 'status');
  status.textContent = 'Loading notes…';
  const whoField = document.createElement('fieldset');
  whoField.className = 'inline';
  const legend = document.createElement('legend');
  legend.textContent = 'Who sees them';
  whoField.append(legend);
  const radios = (['me', 'everyone'] as const).map((who) => {
    const label = document.createElement('label');
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'who';
    radio.value = who;
    radio.checked = who === 'me';
    radio.dataset['testid'] = `notes-${who}`;
    label.append(radio, who === 'me' ? ' Only me' : ' Everyone');
    whoField.append(label);
    return radio;
  });
  section.append(heading, whoField, text, status);

  let who: Who = 'me';
  let version = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const load = async () => {
    clearTimeout(timer);
    text.disabled = true;
    status.textContent = 'Loading notes…';
    try {
      const stored = await client.storage.get(addressOf(who, counterpartyId));
      version = stored?.version ?? 0;
      text.value = typeof stored?.value === 'string' ? stored.value : '';
      status.textContent = stored ? 'Saved.' : 'No notes yet.';
      text.disabled = false;
    } catch (error) {
      status.textContent = `Could not load the notes: ${(error as Error).message}`;
    }
  };
  const save = async () => {
    status.textContent = 'Saving…';
    try {
      ({ version } = await client.storage.set({
        ...addressOf(who, counterpartyId),
        value: text.value,
        expectedVersion: version,
      }));
      status.textContent = 'Saved.';
    } catch (error) {
      const code = error instanceof PlugboardError ? error.code : undefined;
      status.textContent =
        code === 'conflict'
          ? 'Someone changed these notes meanwhile: your text is kept here; choose again to see theirs.'
          : code === 'quota_exceeded'
            ? `Too long to save: ${(error as Error).message}`
            : `Could not save: ${(error as Error).message}`;
    }
  };
  text.addEventListener('input', () => {
    clearTimeout(timer);
    status.textContent = 'Editing…';
    timer = setTimeout(() => void save(), 400);
  });
  for (const radio of radios) {
    radio.addEventListener('change', () => {
      who = radio.value as Who;
      void load();
    });
  }
  void load();
  return section;
}
