import type { Cell } from '@plugboard/widget-sdk/protocol';
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
 * The cells' styles, one sheet for every cell of a document or shadow root
 * (the cells are in light DOM: a shadow root per cell was most of a
 * scroll jump's cost). Scoped by the tag, so a page's own rules for `a`
 * or `button` do not win over them.
 */
const CSS = `
pb-list-cell {
  display: block;
  min-width: 0;
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
  font: var(--pb-cell-font, inherit);
}
pb-list-cell[align='center'] { text-align: center; }
pb-list-cell[align='end'] { text-align: end; }
pb-list-cell[loading]::before {
  content: '' / 'Loading';
  display: inline-block;
  width: 60%;
  height: 0.8em;
  border-radius: 4px;
  background: var(--pb-cell-placeholder, #e4e7ec);
}
pb-list-cell > .pb-cell-error {
  color: var(--pb-cell-error, #b42318);
  cursor: help;
  text-decoration: none;
}
pb-list-cell > .pb-cell-badge {
  display: inline-block;
  padding: 1px 8px;
  border-radius: 999px;
  font-size: 0.85em;
  background: var(--pb-tone-neutral-bg, #f2f4f7);
  color: var(--pb-tone-neutral-fg, #344054);
}
pb-list-cell > .pb-cell-badge[data-tone='info'] {
  background: var(--pb-tone-info-bg, #eff8ff);
  color: var(--pb-tone-info-fg, #175cd3);
}
pb-list-cell > .pb-cell-badge[data-tone='success'] {
  background: var(--pb-tone-success-bg, #ecfdf3);
  color: var(--pb-tone-success-fg, #027a48);
}
pb-list-cell > .pb-cell-badge[data-tone='warning'] {
  background: var(--pb-tone-warning-bg, #fffaeb);
  color: var(--pb-tone-warning-fg, #b54708);
}
pb-list-cell > .pb-cell-badge[data-tone='critical'] {
  background: var(--pb-tone-critical-bg, #fef3f2);
  color: var(--pb-tone-critical-fg, #b42318);
}
pb-list-cell > a,
pb-list-cell > button {
  font: inherit;
  color: var(--pb-cell-link, #175cd3);
  background: none;
  border: 0;
  padding: 0;
  cursor: pointer;
  text-decoration: underline;
}
pb-list-cell > button.pb-cell-error {
  color: var(--pb-cell-error, #b42318);
  text-decoration: none;
}
pb-list-cell > progress {
  width: 100%;
  max-width: 120px;
  vertical-align: middle;
  accent-color: var(--pb-cell-progress, #175cd3);
}
`;

let sheet: CSSStyleSheet | undefined;
/** The documents and shadow roots the sheet was added to. */
const styled = new WeakSet<Node>();

/** Adds the cells' style sheet to the document or shadow root `root`, once. */
function style(root: Node): void {
  if (styled.has(root) || !(root instanceof Document || root instanceof ShadowRoot)) return;
  styled.add(root);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** An element of `tag` with `text`, and `title` when given. */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  title?: string,
): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  made.textContent = text;
  if (title !== undefined) made.title = title;
  return made;
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
 *
 * Its content is light DOM, built with the DOM's own calls: a cell costs
 * about a `<span>` in the frame that brings it on screen (the placeholder
 * is drawn by CSS from its `loading` attribute, with no child). Its
 * classes are `pb-cell-*`; the page's styles reach it as they reach the
 * rest of the table.
 */
export class HostListCellElement extends HTMLElement {
  #column: HostListColumn | undefined;
  #row: HostListRow | undefined;
  #host: ListsHost | undefined;
  #preview: HostCellState | undefined;
  #state: HostCellState | undefined;
  #stop: (() => void) | undefined;
  #watched: string | undefined;
  /** The state last drawn: a state drawn once is not drawn again. */
  #drawn: HostCellState | undefined;

  constructor() {
    super();
    // Properties set before the element was defined would hide its own: take them over.
    for (const key of ['column', 'row', 'host', 'preview'] as const) {
      if (!Object.hasOwn(this, key)) continue;
      const value: unknown = this[key];
      Reflect.deleteProperty(this, key);
      (this as Record<typeof key, unknown>)[key] = value;
    }
  }

  /** The column, from `listsOf(host).columns(point)`. */
  get column(): HostListColumn | undefined {
    return this.#column;
  }
  set column(column: HostListColumn | undefined) {
    this.#column = column;
    this.#watch();
  }

  /** The row: its id, its version (a new version asks for the cell again) and its data. */
  get row(): HostListRow | undefined {
    return this.#row;
  }
  set row(row: HostListRow | undefined) {
    this.#row = row;
    this.#watch();
  }

  /** The host. Default: the host attached to a root above the cell. */
  get host(): ListsHost | undefined {
    return this.#host;
  }
  set host(host: ListsHost | undefined) {
    this.#host = host;
    this.#watch();
  }

  /**
   * A state to show instead of asking a connector: for previews (Storybook,
   * design reviews) of a cell in every state, with no app behind it.
   */
  get preview(): HostCellState | undefined {
    return this.#preview;
  }
  set preview(preview: HostCellState | undefined) {
    this.#preview = preview;
    this.#draw();
  }

  /** What the cell shows now: `loading`, `ready` with the cell, or `error` with why. */
  get state(): HostCellState | undefined {
    return this.#preview ?? this.#state;
  }

  /** Resolves once what was set is drawn (it is drawn at once: for code written for lit's elements). */
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }

  connectedCallback(): void {
    style(this.getRootNode());
    this.#watch();
    this.#draw();
  }

  disconnectedCallback(): void {
    this.#unwatch();
  }

  #resolvedHost(): ListsHost | undefined {
    return this.#host ?? (findHost(this) as ListsHost | undefined);
  }

  #watch(): void {
    const column = this.#column;
    const row = this.#row;
    const host = this.#resolvedHost();
    const watched = column && row && host ? `${column.key}\u0000${row.id}\u0000${row.version}` : '';
    if (!this.isConnected || watched === this.#watched) return;
    this.#unwatch();
    this.#watched = watched;
    if (!column || !row || !host) return;
    this.setAttribute('align', column.align);
    this.#stop = listsOf(host).watch(column, row, (state) => {
      this.#state = state;
      this.#draw();
    });
  }

  #unwatch(): void {
    this.#stop?.();
    this.#stop = undefined;
    this.#watched = undefined;
  }

  #draw(): void {
    const state = this.state;
    if (state === this.#drawn) return;
    this.#drawn = state;
    const loading = state?.status === 'loading';
    // The placeholder, and its accessible name "Loading", are the style sheet's.
    this.toggleAttribute('loading', loading);
    this.toggleAttribute('failed', state?.status === 'error');
    if (!state || loading) {
      this.replaceChildren();
      return;
    }
    if (state.status === 'error') {
      const mark = element(state.retryable ? 'button' : 'span', '⚠');
      mark.className = 'pb-cell-error';
      if (state.retryable) {
        (mark as HTMLButtonElement).type = 'button';
        mark.title = `${state.message} Select to retry.`;
        mark.setAttribute('aria-label', `Could not load: ${state.message} Retry`);
        mark.addEventListener('click', this.#retry);
      } else {
        mark.title = state.message;
        mark.setAttribute('role', 'img');
        mark.setAttribute('aria-label', `Could not load: ${state.message}`);
      }
      this.replaceChildren(mark);
      return;
    }
    const drawn = this.#cell(state.cell);
    if (drawn) this.replaceChildren(drawn);
    else this.replaceChildren();
  }

  #cell(cell: Cell): HTMLElement | undefined {
    if (!cell) return undefined;
    const tooltip = 'tooltip' in cell ? cell.tooltip : undefined;
    switch (cell.kind) {
      case 'text':
        return element('span', cell.text, tooltip);
      case 'number': {
        const locale = this.#resolvedHost()?.store.getState().context.locale ?? 'en';
        return element('span', formatNumber(locale, cell.decimals, cell.value), tooltip);
      }
      case 'badge': {
        const badge = element('span', cell.text, tooltip);
        badge.className = 'pb-cell-badge';
        badge.dataset['tone'] = cell.tone;
        return badge;
      }
      case 'link': {
        if (cell.to !== undefined) {
          const link = element('a', cell.text, tooltip);
          link.href = cell.to;
          link.addEventListener('click', this.#navigate);
          return link;
        }
        const button = element('button', cell.text, tooltip);
        button.type = 'button';
        button.addEventListener('click', this.#openDialog);
        return button;
      }
      case 'icon': {
        const icon = element('span', GLYPHS[cell.icon] ?? '', cell.tooltip);
        icon.setAttribute('role', 'img');
        icon.setAttribute('aria-label', cell.tooltip);
        return icon;
      }
      case 'progress': {
        const label = tooltip ?? `${Math.round(cell.value * 100)} %`;
        const bar = document.createElement('progress');
        bar.max = 1;
        bar.value = cell.value;
        bar.title = label;
        bar.setAttribute('aria-label', label);
        return bar;
      }
      default:
        return undefined;
    }
  }

  /** The cell shown, when it is a link. */
  #link(): Extract<Cell, { kind: 'link' }> | undefined {
    const cell = this.state?.status === 'ready' ? this.state.cell : null;
    return cell?.kind === 'link' ? cell : undefined;
  }

  readonly #retry = () => {
    const host = this.#resolvedHost();
    if (host && this.#column) listsOf(host).retry(this.#column.appId);
  };

  readonly #navigate = (event: MouseEvent) => {
    const navigate = this.#resolvedHost()?.options.navigate;
    const cell = this.#link();
    if (!navigate || cell?.to === undefined) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    void navigate(cell.to, { newTab: false });
  };

  readonly #openDialog = () => {
    const host = this.#resolvedHost();
    const cell = this.#link();
    const column = this.#column;
    const row = this.#row;
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
