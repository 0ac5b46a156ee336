import type { JsonValue } from '@plugboard/widget-sdk/protocol';
import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { HostDialogOutcomeEvent } from './standard-dialog-element.js';
import { pickerStyles } from './picker-styles.js';
import type { HostPickerOutcome, HostSelectorItem, HostSelectorSource } from './selector-types.js';

export type { HostPickerOutcome, HostSelectorItem, HostSelectorSource } from './selector-types.js';

/** How many results the picker shows at once; the user refines the search for more. */
const SHOWN = 200;
/** How long typing must pause before the picker searches, in milliseconds. */
const DEBOUNCE_MS = 150;

let pickers = 0;

/**
 * `<pb-picker>`: the runtime's default picker, the body of a selector's
 * dialog. A search box over a list of the host's items: arrows move, Enter
 * picks (or, with `multiple`, ticks; Ctrl+Enter then confirms), Escape
 * leaves; with loading, empty and error states (and Retry) announced to
 * screen readers. With `multiple` it keeps at most `max` ticked, shown as
 * removable chips, starting from the `initial` ids.
 *
 * @fires pb-dialog-outcome - {@link HostDialogOutcomeEvent} with a {@link HostPickerOutcome}.
 */
export class HostPickerElement extends LitElement {
  static override properties: PropertyDeclarations = {
    source: { attribute: false },
    multiple: { type: Boolean },
    max: { type: Number },
    query: {},
    initial: { attribute: false },
    filter: { attribute: false },
    items: { state: true },
    state: { state: true },
    problem: { state: true },
    active: { state: true },
    selected: { state: true },
    note: { state: true },
  };

  static override styles = pickerStyles;

  /** The host's data. */
  declare source: HostSelectorSource | undefined;
  /** Whether several items may be picked. */
  declare multiple: boolean;
  /** With `multiple`: how many may be picked. */
  declare max: number | undefined;
  /** The search the picker starts with. */
  declare query: string;
  /** Ids already picked. */
  declare initial: readonly string[];
  /** Passed to the source's search as it is. */
  declare filter: Readonly<Record<string, JsonValue>>;

  declare items: readonly HostSelectorItem[];
  declare state: 'loading' | 'ready' | 'error';
  declare problem: string;
  declare active: number;
  declare selected: ReadonlyMap<string, HostSelectorItem>;
  declare note: string;

  readonly #id = `pb-picker-${++pickers}`;
  #search: AbortController | undefined;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  #started = false;

  constructor() {
    super();
    this.source = undefined;
    this.multiple = false;
    this.max = undefined;
    this.query = '';
    this.initial = [];
    this.filter = {};
    this.items = [];
    this.state = 'loading';
    this.problem = '';
    this.active = 0;
    this.selected = new Map();
    this.note = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#started || !this.source) return;
    this.#started = true;
    void this.#resolveInitial();
    void this.#run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#debounce);
    this.#search?.abort();
  }

  /** Focuses the search box (once rendered). */
  override focus(): void {
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector('input')?.focus();
    });
  }

  async #resolveInitial(): Promise<void> {
    const source = this.source;
    // Never more than the picker may answer.
    const ids = [...new Set(this.initial)].slice(0, this.multiple ? (this.max ?? Infinity) : 1);
    if (!source || ids.length === 0) return;
    this.selected = new Map(ids.map((id) => [id, { id, name: id }]));
    if (!source.resolve) return;
    try {
      const items = await source.resolve(ids, { signal: new AbortController().signal });
      const named = new Map(items.map((item) => [item.id, item]));
      this.selected = new Map(
        [...this.selected.keys()].map((id) => [id, named.get(id) ?? { id, name: id }]),
      );
    } catch {
      // They keep showing by id.
    }
  }

  async #run(): Promise<void> {
    const source = this.source;
    if (!source) return;
    this.#search?.abort();
    const search = (this.#search = new AbortController());
    this.state = 'loading';
    try {
      const items = await source.search(this.query, {
        filter: this.filter,
        signal: search.signal,
      });
      if (search.signal.aborted) return;
      this.items = items;
      this.active = 0;
      this.state = 'ready';
    } catch (error) {
      if (search.signal.aborted) return;
      this.problem = error instanceof Error ? error.message : String(error);
      this.state = 'error';
    }
  }

  override render() {
    const source = this.source;
    if (!source) return nothing;
    const shown = this.items.slice(0, SHOWN);
    const activeId =
      this.state === 'ready' && shown[this.active] ? `${this.#id}-${this.active}` : '';
    return html`<input
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-autocomplete="list"
        aria-controls="${this.#id}-list"
        aria-activedescendant=${activeId || nothing}
        aria-label=${`Search ${source.title.toLowerCase()}`}
        placeholder="Search…"
        autocomplete="off"
        .value=${this.query}
        @input=${this.#onInput}
        @keydown=${this.#onKeydown}
      />
      ${this.#status(shown.length)}
      ${this.multiple && this.selected.size > 0 ? this.#chips() : nothing}
      <ul
        id="${this.#id}-list"
        role="listbox"
        aria-label=${source.title}
        aria-multiselectable=${this.multiple ? 'true' : nothing}
        aria-busy=${this.state === 'loading' ? 'true' : 'false'}
      >
        ${
          this.state === 'ready'
            ? repeat(
                shown,
                (item) => item.id,
                (item, i) =>
                  html`<li
                    id="${this.#id}-${i}"
                    role="option"
                    aria-selected=${this.selected.has(item.id) ? 'true' : 'false'}
                    ?data-active=${i === this.active}
                    @click=${() => {
                      this.active = i;
                      this.#choose(item);
                    }}
                  >
                    ${
                      this.multiple
                        ? html`<span class="tick" aria-hidden="true"
                            >${this.selected.has(item.id) ? '✓' : ''}</span
                          >`
                        : nothing
                    }
                    <span>${item.name}</span>
                    ${item.description ? html`<small>${item.description}</small>` : nothing}
                  </li>`,
              )
            : nothing
        }
      </ul>
      <footer>
        <span class="count">${this.multiple ? this.#count() : ''}</span>
        <button type="button" @click=${this.#cancel}>Cancel</button>
        ${
          this.multiple
            ? html`<button type="button" class="main" @click=${this.#confirm}>
                Select${this.selected.size > 0 ? ` (${this.selected.size})` : ''}
              </button>`
            : nothing
        }
      </footer>`;
  }

  #status(count: number) {
    if (this.state === 'error') {
      return html`<div class="problem" role="alert">
        <span>Could not load ${this.source?.title.toLowerCase()}: ${this.problem}</span>
        <button type="button" @click=${() => void this.#run()}>Retry</button>
      </div>`;
    }
    let text = this.note;
    if (!text) {
      if (this.state === 'loading') text = 'Loading…';
      else if (count === 0) {
        text = this.query.trim()
          ? `Nothing matches “${this.query.trim()}”.`
          : 'There is nothing to pick.';
      } else if (this.items.length > SHOWN) {
        text = `The first ${SHOWN} of ${this.items.length}: type to narrow them down.`;
      } else text = `${count} ${count === 1 ? 'result' : 'results'}`;
    }
    return html`<div class="status" role="status" aria-live="polite">${text}</div>`;
  }

  #chips() {
    return html`<div class="chips" aria-label="Picked">
      ${[...this.selected.values()].map(
        (item) =>
          html`<span class="chip"
            >${item.name}<button
              type="button"
              aria-label=${`Remove ${item.name}`}
              @click=${() => {
                this.#toggle(item);
              }}
            >
              ×
            </button></span
          >`,
      )}
    </div>`;
  }

  #count(): string {
    const picked = `${this.selected.size} picked`;
    return this.max === undefined ? picked : `${picked}, at most ${this.max}`;
  }

  readonly #onInput = (event: Event) => {
    this.query = (event.target as HTMLInputElement).value;
    this.note = '';
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => void this.#run(), DEBOUNCE_MS);
  };

  readonly #onKeydown = (event: KeyboardEvent) => {
    const count = Math.min(this.items.length, SHOWN);
    const move = (to: number) => {
      event.preventDefault();
      if (count === 0) return;
      this.active = Math.max(0, Math.min(count - 1, to));
      void this.updateComplete.then(() => {
        this.renderRoot
          .querySelector(`#${this.#id}-${this.active}`)
          ?.scrollIntoView({ block: 'nearest' });
      });
    };
    switch (event.key) {
      case 'ArrowDown':
        move(this.active + 1);
        break;
      case 'ArrowUp':
        move(this.active - 1);
        break;
      case 'PageDown':
        move(this.active + 10);
        break;
      case 'PageUp':
        move(this.active - 10);
        break;
      case 'Enter': {
        event.preventDefault();
        if (this.multiple && (event.ctrlKey || event.metaKey)) {
          this.#confirm();
          return;
        }
        const item = this.state === 'ready' ? this.items[this.active] : undefined;
        if (item) this.#choose(item);
        break;
      }
    }
  };

  #choose(item: HostSelectorItem): void {
    if (!this.multiple) {
      this.#end({ status: 'ok', selected: [{ id: item.id, name: item.name }] });
      return;
    }
    this.#toggle(item);
  }

  #toggle(item: HostSelectorItem): void {
    const selected = new Map(this.selected);
    if (selected.has(item.id)) {
      selected.delete(item.id);
      this.note = `${item.name} removed.`;
    } else if (this.max !== undefined && selected.size >= this.max) {
      this.note = `You can pick at most ${this.max}.`;
      return;
    } else {
      selected.set(item.id, item);
      this.note = `${item.name} picked.`;
    }
    this.selected = selected;
  }

  readonly #confirm = () => {
    this.#end({
      status: 'ok',
      selected: [...this.selected.values()]
        .slice(0, this.multiple ? (this.max ?? Infinity) : 1)
        .map(({ id, name }) => ({ id, name })),
    });
  };

  readonly #cancel = () => {
    this.#end({ status: 'dismissed', by: 'cancel' });
  };

  #end(outcome: HostPickerOutcome): void {
    this.dispatchEvent(new HostDialogOutcomeEvent(outcome));
  }
}

if (!customElements.get('pb-picker')) {
  customElements.define('pb-picker', HostPickerElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-picker': HostPickerElement;
  }
}
