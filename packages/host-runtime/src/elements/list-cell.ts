import type { Cell } from '@plugboard/widget-sdk/protocol';
import { LitElement, css, html, nothing, type PropertyDeclarations } from 'lit';
import type { ListsHost } from '../lists/lists-host.js';
import { findHost } from '../host-roots.js';
import type { HostCellState } from '../lists/cell-cache.js';
import { listsOf, type HostListColumn, type HostListRow } from '../lists/host-lists.js';

/** How each icon of a cell is drawn: plain glyphs, so the host's font gives them its look. */
const GLYPHS: Record<string, string> = {
  check: '✓',
  cross: '✕',
  warning: '⚠',
  info: 'ℹ',
  clock: '◷',
  truck: '⛟',
  star: '★',
  flag: '⚑',
  lock: '⚿',
  link: '↗',
};

/** Number formats by locale and decimals: made once each, not at every render of every cell. */
const formats = new Map<string, Intl.NumberFormat>();

function formatNumber(locale: string, decimals: number | undefined, value: number): string {
  const key = `${locale} ${String(decimals)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: decimals ?? 0,
      maximumFractionDigits: decimals ?? 3,
    });
    formats.set(key, format);
  }
  return format.format(value);
}

/**
 * `<pb-list-cell .column=${column} .row=${row}>`: one app's cell for one
 * row of the host's own table. It asks the app's connector for the cell
 * (batched with the other cells on screen, and cached by row version),
 * shows a placeholder while it loads, renders it as host UI (never the
 * app's HTML), and a quiet error mark, with the reason as its tooltip,
 * when it failed: a button that retries when the app's connector is out
 * (it failed to start). Style it with the `--pb-cell-*` and `--pb-tone-*`
 * custom properties.
 */
export class HostListCellElement extends LitElement {
  static override properties: PropertyDeclarations = {
    column: { attribute: false },
    row: { attribute: false },
    host: { attribute: false },
    preview: { attribute: false },
    _state: { state: true },
  };

  static override styles = css`
    :host {
      display: block;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font: var(--pb-cell-font, inherit);
    }
    :host([align='center']) {
      text-align: center;
    }
    :host([align='end']) {
      text-align: end;
    }
    .loading {
      display: inline-block;
      width: 60%;
      height: 0.8em;
      border-radius: 4px;
      background: var(--pb-cell-placeholder, #e4e7ec);
    }
    .error {
      color: var(--pb-cell-error, #b42318);
      cursor: help;
      text-decoration: none;
    }
    button.error {
      cursor: pointer;
    }
    .badge {
      display: inline-block;
      padding: 1px 8px;
      border-radius: 999px;
      font-size: 0.85em;
      background: var(--pb-tone-neutral-bg, #f2f4f7);
      color: var(--pb-tone-neutral-fg, #344054);
    }
    .badge[data-tone='info'] {
      background: var(--pb-tone-info-bg, #eff8ff);
      color: var(--pb-tone-info-fg, #175cd3);
    }
    .badge[data-tone='success'] {
      background: var(--pb-tone-success-bg, #ecfdf3);
      color: var(--pb-tone-success-fg, #027a48);
    }
    .badge[data-tone='warning'] {
      background: var(--pb-tone-warning-bg, #fffaeb);
      color: var(--pb-tone-warning-fg, #b54708);
    }
    .badge[data-tone='critical'] {
      background: var(--pb-tone-critical-bg, #fef3f2);
      color: var(--pb-tone-critical-fg, #b42318);
    }
    a,
    button {
      font: inherit;
      color: var(--pb-cell-link, #175cd3);
      background: none;
      border: 0;
      padding: 0;
      cursor: pointer;
      text-decoration: underline;
    }
    progress {
      width: 100%;
      max-width: 120px;
      vertical-align: middle;
      accent-color: var(--pb-cell-progress, #175cd3);
    }
  `;

  /** The column, from `listsOf(host).columns(point)`. */
  declare column: HostListColumn | undefined;
  /** The row: its id, its version (a new version asks for the cell again) and its data. */
  declare row: HostListRow | undefined;
  /** The host. Default: the host attached to a root above the cell. */
  declare host: ListsHost | undefined;
  /**
   * A state to show instead of asking a connector: for previews (Storybook,
   * design reviews) of a cell in every state, with no app behind it.
   */
  declare preview: HostCellState | undefined;
  declare _state: HostCellState | undefined;
  #stop: (() => void) | undefined;
  #watched: string | undefined;

  constructor() {
    super();
    this.column = undefined;
    this.row = undefined;
    this.host = undefined;
    this.preview = undefined;
    this._state = undefined;
  }

  /** What the cell shows now: `loading`, `ready` with the cell, or `error` with why. */
  get state(): HostCellState | undefined {
    return this.preview ?? this._state;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#watch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatch();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('column') || changed.has('row') || changed.has('host')) this.#watch();
  }

  #watch(): void {
    const { column, row } = this;
    const host = this.host ?? (findHost(this) as ListsHost | undefined);
    const watched = column && row && host ? `${column.key}\u0000${row.id}\u0000${row.version}` : '';
    if (!this.isConnected || watched === this.#watched) return;
    this.#unwatch();
    this.#watched = watched;
    if (!column || !row || !host) return;
    this.setAttribute('align', column.align);
    this.#stop = listsOf(host).watch(column, row, (state) => {
      this._state = state;
      this.toggleAttribute('loading', state.status === 'loading');
      this.toggleAttribute('failed', state.status === 'error');
    });
  }

  #unwatch(): void {
    this.#stop?.();
    this.#stop = undefined;
    this.#watched = undefined;
  }

  protected override render() {
    const state = this.state;
    if (!state) return nothing;
    if (state.status === 'loading') {
      return html`<span class="loading" role="img" aria-label="Loading"></span>`;
    }
    if (state.status === 'error' && state.retryable) {
      return html`<button
        type="button"
        class="error"
        title=${`${state.message} Select to retry.`}
        aria-label=${`Could not load: ${state.message} Retry`}
        @click=${this.#retry}
      >
        ⚠
      </button>`;
    }
    if (state.status === 'error') {
      return html`<span
        class="error"
        role="img"
        title=${state.message}
        aria-label=${`Could not load: ${state.message}`}
        >⚠</span
      >`;
    }
    return this.#cell(state.cell);
  }

  #cell(cell: Cell) {
    if (!cell) return nothing;
    const tooltip = 'tooltip' in cell ? cell.tooltip : undefined;
    switch (cell.kind) {
      case 'text':
        return html`<span title=${tooltip ?? nothing}>${cell.text}</span>`;
      case 'number': {
        const locale =
          (this.host ?? (findHost(this) as ListsHost | undefined))?.store.getState().context
            .locale ?? 'en';
        return html`<span title=${tooltip ?? nothing}
          >${formatNumber(locale, cell.decimals, cell.value)}</span
        >`;
      }
      case 'badge':
        return html`<span class="badge" data-tone=${cell.tone} title=${tooltip ?? nothing}
          >${cell.text}</span
        >`;
      case 'link':
        return cell.to !== undefined
          ? html`<a href=${cell.to} title=${tooltip ?? nothing} @click=${this.#navigate}
              >${cell.text}</a
            >`
          : html`<button type="button" title=${tooltip ?? nothing} @click=${this.#openDialog}>
              ${cell.text}
            </button>`;
      case 'icon':
        return html`<span role="img" aria-label=${cell.tooltip} title=${cell.tooltip}
          >${GLYPHS[cell.icon]}</span
        >`;
      case 'progress': {
        const label = tooltip ?? `${Math.round(cell.value * 100)} %`;
        return html`<progress
          value=${cell.value}
          max="1"
          title=${label}
          aria-label=${label}
        ></progress>`;
      }
      default:
        return nothing;
    }
  }

  /** The cell shown, when it is a link. */
  #link(): Extract<Cell, { kind: 'link' }> | undefined {
    const cell = this.state?.status === 'ready' ? this.state.cell : null;
    return cell?.kind === 'link' ? cell : undefined;
  }

  readonly #navigate = (event: MouseEvent) => {
    const navigate = (this.host ?? (findHost(this) as ListsHost | undefined))?.options.navigate;
    const cell = this.#link();
    if (!navigate || cell?.to === undefined) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    void navigate(cell.to, { newTab: false });
  };

  readonly #retry = () => {
    const host = this.host ?? (findHost(this) as ListsHost | undefined);
    if (host && this.column) listsOf(host).retry(this.column.appId);
  };

  readonly #openDialog = () => {
    const host = this.host ?? (findHost(this) as ListsHost | undefined);
    const cell = this.#link();
    const { column, row } = this;
    if (!host || !column || !row || cell?.dialog === undefined) return;
    const type = host.store.getState().points[column.point]?.entity;
    void host.dialogs
      .openApp({
        appId: column.appId,
        dialog: cell.dialog,
        params: cell.params ?? null,
        entity: type ? { type, id: row.id } : null,
      })
      .catch((error: unknown) => {
        void host.showToast({
          message: (error as Error).message,
          tone: 'error',
          appName: column.appName,
        });
      });
  };
}

if (!customElements.get('pb-list-cell')) customElements.define('pb-list-cell', HostListCellElement);

declare global {
  interface HTMLElementTagNameMap {
    'pb-list-cell': HostListCellElement;
  }
}
