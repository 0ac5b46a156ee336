import { LitElement, css, html, nothing, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MountHost } from '../frames/mount-host.js';
import { findHost } from '../host-roots.js';
import type { HostDraft } from '../drafts/draft.js';
import { widgetsForPoint, type HostInstalledApp } from '../store/host-store.js';
import { StoreController } from '../store/store-controller.js';
import { DEV, issueWarning } from '../frames/warnings.js';
import '../frames/widget-frame-element.js';

type Entry = { readonly app: HostInstalledApp; readonly widgetId: string };

const sameEntries = (a: readonly Entry[], b: readonly Entry[]) =>
  a.length === b.length &&
  a.every((entry, i) => entry.app === b.at(i)?.app && entry.widgetId === b.at(i)?.widgetId);

/**
 * `<pb-panel-slot point="customerorder.card" entity-type="customerorder" entity-id="42">`:
 * shows every widget installed for an extension point, in install order,
 * each in a `<pb-widget-frame>`. Changing `entity-id` reopens the live
 * widgets for the new entity without reloading them. A slot with no widgets
 * renders nothing and takes no space (it gets the `empty` attribute).
 */
export class HostPanelSlotElement extends LitElement {
  static override properties: PropertyDeclarations = {
    point: {},
    entityType: { attribute: 'entity-type' },
    entityId: { attribute: 'entity-id' },
    host: { attribute: false },
    draft: { attribute: false },
  };

  static override styles = css`
    :host {
      display: grid;
      gap: var(--pb-slot-gap, 12px);
    }
    :host([empty]) {
      display: none;
    }
  `;

  /** The extension point's id. */
  declare point: string;
  /** The entity type; default: the extension point's. */
  declare entityType: string;
  /** The entity's id; empty on a create page. */
  declare entityId: string;
  /** The host. Default: the host attached to a root above the slot. */
  declare host: MountHost | undefined;
  /**
   * The card's draft (`host.openDraft`): its widgets read and update it,
   * and the slot follows its entity (a create page's first save moves the
   * live widgets to the new entity). It wins over `entity-type` and
   * `entity-id`.
   */
  declare draft: HostDraft | undefined;
  #stopDraft: (() => void) | undefined;
  #draftId: string | null | undefined;

  readonly #entries = new StoreController<readonly Entry[]>(
    this,
    () => this.#resolvedHost()?.store,
    (state) => widgetsForPoint(state, this.point),
    sameEntries,
  );

  constructor() {
    super();
    this.point = '';
    this.entityType = '';
    this.entityId = '';
    // host and draft start undefined.
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('draft')) return;
    this.#stopDraft?.();
    const draft = this.draft;
    this.#draftId = draft?.id;
    this.#stopDraft = draft?.subscribe(() => {
      if (draft.id !== this.#draftId) {
        this.#draftId = draft.id;
        this.requestUpdate();
      }
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopDraft?.();
    this.#stopDraft = undefined;
  }

  override connectedCallback(): void {
    const host = this.#resolvedHost();
    if (!host) {
      if (DEV)
        issueWarning(
          'no-host',
          `<pb-panel-slot point="${this.point}"> has no host: set its host property or call host.attach() on a root above it.`,
        );
    } else if (!host.store.getState().points[this.point]) {
      if (DEV)
        issueWarning(
          'unknown-point',
          `<pb-panel-slot> names point "${this.point}", which this host does not declare.`,
        );
    }
    super.connectedCallback();
  }

  /** The widgets this update shows: worked out once, for `empty` and for render. */
  #visible: readonly Entry[] = [];

  protected override willUpdate(): void {
    this.#visible = this.#shown();
    this.toggleAttribute('empty', this.#visible.length === 0);
  }

  /** The point's widgets for this card: a widget for `edit` or `create` pages only shows on those. */
  #shown(): readonly Entry[] {
    const saved = this.draft ? this.draft.id !== null : this.entityId !== '';
    return (this.#entries.value ?? []).filter(({ app, widgetId }) => {
      const page = app.manifest.widgets.find((widget) => widget.id === widgetId)?.page;
      return page === undefined || (page === 'edit') === saved;
    });
  }

  #resolvedHost(): MountHost | undefined {
    return this.host ?? findHost(this);
  }

  override render() {
    const host = this.#resolvedHost();
    const entries = this.#visible;
    if (!host || entries.length === 0) return nothing;
    const type = this.entityType || host.store.getState().points[this.point]?.entity || '';
    const entity = this.draft
      ? this.draft.entity
      : type && this.entityId
        ? { type, id: this.entityId }
        : null;
    return repeat(
      entries,
      (entry) => `${entry.app.manifest.id}/${entry.widgetId}`,
      (entry) =>
        html`<pb-widget-frame
          .host=${host}
          .appId=${entry.app.manifest.id}
          .appName=${entry.app.manifest.name}
          .widgetId=${entry.widgetId}
          .point=${this.point}
          .entity=${entity}
          .draft=${this.draft}
        ></pb-widget-frame>`,
    );
  }
}

if (!customElements.get('pb-panel-slot')) {
  customElements.define('pb-panel-slot', HostPanelSlotElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-panel-slot': HostPanelSlotElement;
  }
}
