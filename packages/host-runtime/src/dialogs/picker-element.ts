import type { JsonValue } from '@plugboard/widget-sdk/protocol';
import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { HostDialogOutcomeEvent } from './standard-dialog-element.js';
import { initialIds, keyTarget, named, SHOWN, statusText, toggled } from './picker-state.js';
import { chips, footer, option } from './picker-templates.js';
import { pickerStyles } from './picker-styles.js';
import type { HostPickerOutcome, HostSelectorItem, HostSelectorSource } from './selector-types.js';

export type { HostPickerOutcome, HostSelectorItem, HostSelectorSource } from './selector-types.js';

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
    const ids = initialIds(this.initial, this.multiple ? (this.max ?? Infinity) : 1);
    if (!source || ids.length === 0) return;
    this.selected = new Map(ids.map((id) => [id, { id, name: id }]));
    const names = await named(source, this.selected);
    if (!names) return;
    this.selected = new Map(
      [...this.selected.keys()].map((id) => [id, names.get(id) ?? { id, name: id }]),
    );
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
      ${
        this.multiple && this.selected.size > 0
          ? chips(this.selected.values(), (item) => {
              this.#toggle(item);
            })
          : nothing
      }
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
                  option(
                    `${this.#id}-${i}`,
                    item,
                    {
                      picked: this.selected.has(item.id),
                      active: i === this.active,
                      multiple: this.multiple,
                    },
                    () => {
                      this.active = i;
                      this.#choose(item);
                    },
                  ),
              )
            : nothing
        }
      </ul>
      ${footer(this.multiple ? this.selected.size : undefined, this.max, this.#cancel, this.#confirm)}`;
  }

  #status(count: number) {
    if (this.state === 'error') {
      return html`<div class="problem" role="alert">
        <span>Could not load ${this.source?.title.toLowerCase()}: ${this.problem}</span>
        <button type="button" @click=${() => void this.#run()}>Retry</button>
      </div>`;
    }
    const text = statusText({
      state: this.state,
      note: this.note,
      query: this.query,
      shown: count,
      total: this.items.length,
    });
    return html`<div class="status" role="status" aria-live="polite">${text}</div>`;
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
    const to = keyTarget(event.key, this.active);
    if (to !== undefined) {
      move(to);
      return;
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (this.multiple && (event.ctrlKey || event.metaKey)) {
      this.#confirm();
      return;
    }
    const item = this.state === 'ready' ? this.items[this.active] : undefined;
    if (item) this.#choose(item);
  };

  #choose(item: HostSelectorItem): void {
    if (!this.multiple) {
      this.#end({ status: 'ok', selected: [{ id: item.id, name: item.name }] });
      return;
    }
    this.#toggle(item);
  }

  #toggle(item: HostSelectorItem): void {
    const { selected, note } = toggled(this.selected, item, this.max);
    this.note = note;
    if (selected) this.selected = selected;
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
