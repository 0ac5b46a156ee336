import { html, nothing } from 'lit';
import type { HostSelectorItem } from './selector-types.js';

// The picker's pieces: an option of its list, the chips of what a multiple
// picker has ticked, and its footer.

/** One option of the picker's list; `multiple` shows its tick. */
export const option = (
  id: string,
  item: HostSelectorItem,
  { picked, active, multiple }: { picked: boolean; active: boolean; multiple: boolean },
  choose: () => void,
) =>
  html`<li
    id=${id}
    role="option"
    aria-selected=${picked ? 'true' : 'false'}
    ?data-active=${active}
    @click=${choose}
  >
    ${multiple ? html`<span class="tick" aria-hidden="true">${picked ? '✓' : ''}</span>` : nothing}
    <span>${item.name}</span>
    ${item.description ? html`<small>${item.description}</small>` : nothing}
  </li>`;

/** A multiple picker's ticked items, as chips with a button that removes each. */
export const chips = (
  items: Iterable<HostSelectorItem>,
  remove: (item: HostSelectorItem) => void,
) =>
  html`<div class="chips" aria-label="Picked">
    ${[...items].map(
      (item) =>
        html`<span class="chip"
          >${item.name}<button
            type="button"
            aria-label=${`Remove ${item.name}`}
            @click=${() => {
              remove(item);
            }}
          >
            ×
          </button></span
        >`,
    )}
  </div>`;

/**
 * The picker's footer: Cancel, and for a multiple picker (`picked` is
 * how many it has ticked) the count and Select.
 */
export const footer = (
  picked: number | undefined,
  max: number | undefined,
  cancel: () => void,
  confirm: () => void,
) =>
  html`<footer>
    <span class="count"
      >${picked === undefined ? '' : `${picked} picked${max === undefined ? '' : `, at most ${max}`}`}</span
    >
    <button type="button" @click=${cancel}>Cancel</button>
    ${
      picked === undefined
        ? nothing
        : html`<button type="button" class="main" @click=${confirm}>
            Select${picked > 0 ? ` (${picked})` : ''}
          </button>`
    }
  </footer>`;
