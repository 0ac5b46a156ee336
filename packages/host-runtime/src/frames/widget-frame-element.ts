import type { EntityRef } from '@plugboard/widget-sdk/protocol';
import {
  LitElement,
  css,
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
} from 'lit';
import { WidgetMount } from './widget-mount.js';
import type { MountDraft, MountHost } from './mount-host.js';
import { findHost } from '../host-roots.js';
import type { HostWidgetInstance, HostWidgetStatus } from '../store/host-store.js';
import { DEV, issueWarning } from './warnings.js';
import { StoreController } from '../store/store-controller.js';

let instances = 0;

/**
 * Fired by `<pb-widget-frame>` when the user asks to load a failed widget
 * again. It bubbles and crosses shadow roots so that whatever owns the frame
 * (a panel slot, a story) can listen once for all of its frames.
 */
export class HostWidgetRetryEvent extends Event {
  static readonly type = 'pb-widget-retry';
  constructor(
    /** The app whose widget should be loaded again. */
    readonly appId: string,
  ) {
    super(HostWidgetRetryEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * `<pb-widget-frame>`: the host's chrome around one widget. It shows the
 * app's name, a skeleton while the widget loads, and a message with a Retry
 * button when it fails or times out. The widget's iframe goes in the default
 * slot; it stays in the document (so it keeps loading) but out of sight until
 * the status is `ready`.
 *
 * Given a host (the `host` property, or a root attached with
 * `host.attach()`), an `appId`, a `widgetId` and a `point`, the frame mounts
 * the widget itself: lazily when it comes near the viewport, through the
 * host's load queue, with its status from the host store. Without them it
 * only shows the `status` it is given (Storybook, custom layouts).
 *
 * @fires pb-widget-retry - {@link HostWidgetRetryEvent} when Retry is pressed.
 * @csspart header - the app name bar.
 * @cssprop --pb-frame-border - border of the frame.
 * @cssprop --pb-frame-radius - corner radius of the frame.
 * @cssprop --pb-frame-muted - colour of the header and skeleton.
 */
export class HostWidgetFrameElement extends LitElement {
  static override properties: PropertyDeclarations = {
    status: { reflect: true },
    busy: { type: Boolean, reflect: true },
    appId: { attribute: 'app-id', reflect: true },
    appName: { attribute: 'app-name' },
    errorMessage: { attribute: 'error-message' },
    host: { attribute: false },
    widgetId: { attribute: 'widget-id' },
    point: {},
    entity: { attribute: false },
    mountWith: { attribute: false },
    draft: { attribute: false },
  };

  static override styles = css`
    :host {
      display: grid;
      border: var(--pb-frame-border, 1px solid #d0d5dd);
      border-radius: var(--pb-frame-radius, 8px);
      overflow: hidden;
      font: inherit;
    }
    header {
      padding: 6px 12px;
      font-size: 0.8em;
      color: var(--pb-frame-muted, #667085);
      border-bottom: var(--pb-frame-border, 1px solid #d0d5dd);
    }
    /* The widget keeps its place while it loads (its manifest's initial
       height, or the height it last had), unseen under the placeholder in
       the same grid cell: the card does not move when it is ready. Unseen,
       not hidden: a dialog may hand its page the focus as it turns ready. */
    .skeleton {
      margin: 12px;
      border-radius: 4px;
      background: var(--pb-frame-placeholder, #eaecf0);
    }
    :host([status='queued']) .skeleton {
      min-height: 48px;
    }
    .skeleton,
    .problem,
    .content {
      grid-area: 2 / 1;
    }
    .problem {
      display: flex;
      gap: 12px;
      align-items: center;
      justify-content: space-between;
      margin: 12px;
    }
    :host(:not([status='ready'])) ::slotted(*),
    :host([busy]) ::slotted(*) {
      opacity: 0;
      pointer-events: none;
    }
    :host([status='error']) ::slotted(*),
    :host([status='timeout']) ::slotted(*) {
      display: none;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    :host([in-dialog]) {
      border: 0;
      border-radius: 0;
    }
    :host([in-dialog]) header {
      display: none;
    }
    :host([in-dialog][fill]),
    :host([in-dialog][fill]) .content {
      height: 100%;
    }
  `;

  /** Where the widget is in its life; reflected to the `status` attribute. */
  declare status: HostWidgetStatus;
  /**
   * A ready widget getting ready for a new entity (a MoySklad widget
   * between Open and OpenFeedback): the loader shows over it. Reflected to `busy`.
   */
  declare busy: boolean | undefined;
  /** The id of the app the widget belongs to; reflected to `app-id`. */
  declare appId: string;
  /** The app's display name, shown in the header and in messages. */
  declare appName: string;
  /** Detail shown under an `error` status, for instance the load failure. */
  declare errorMessage: string;

  /** The host that mounts the widget. Default: the host attached to a root above the frame. */
  declare host: MountHost | undefined;
  /** The widget's id in its app's manifest. */
  declare widgetId: string;
  /** The extension point the widget is mounted at. */
  declare point: string;
  /** The entity the widget shows; changing it sends `open` to the live widget. */
  declare entity: EntityRef | null;
  /**
   * Makes the frame's mount instead of the frame looking its widget up, and
   * starts it at once rather than lazily: the dialog layer shows an app
   * dialog's page this way (the frame then has the `in-dialog` attribute,
   * and no header: the dialog has the title).
   */
  declare mountWith: ((frame: HostWidgetFrameElement) => WidgetMount) | undefined;
  /** The card's draft, if the host keeps one: set when the frame mounts its widget. */
  declare draft: MountDraft | undefined;

  /** This frame's widget instance id. */
  readonly instanceId = `pb-widget-${++instances}`;
  #mount: WidgetMount | undefined;
  #observer: IntersectionObserver | undefined;
  readonly #instance = new StoreController<HostWidgetInstance | undefined>(
    this,
    () => (this.#mount ? this.#resolvedHost()?.store : undefined),
    (state) => state.widgets[this.instanceId],
  );

  constructor() {
    super();
    this.status = 'queued';
    this.appId = '';
    this.appName = '';
    this.errorMessage = '';
    this.widgetId = '';
    this.point = '';
    this.entity = null;
    // host, mountWith and draft start undefined.
    this.addEventListener(HostWidgetRetryEvent.type, () => {
      this.#mount?.retry();
    });
  }

  override connectedCallback(): void {
    this.#createMount();
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#mount?.destroy();
    this.#mount = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const instance = this.#instance.value;
    if (instance) {
      this.status = instance.status;
      this.busy = !!instance.busy;
      this.errorMessage = instance.error ?? '';
    }
    // Another card's draft (the user moved to another entity): the live
    // widget joins it before it hears of the new entity.
    if (changed.has('draft') && changed.get('draft') !== undefined) {
      this.#mount?.setDraft(this.draft);
    }
    // The first render has no previous entity; later ones reopen the widget
    // only when the entity really changed (slots pass a new object each time).
    const previous = changed.get('entity');
    if (
      previous !== undefined &&
      (previous?.type !== this.entity?.type || previous?.id !== this.entity?.id)
    ) {
      void this.#mount?.setEntity(this.entity);
    }
  }

  #resolvedHost(): MountHost | undefined {
    return this.host ?? findHost(this);
  }

  /** Moves focus into the widget's page, once it has one. */
  focusWidget(): void {
    this.querySelector('iframe')?.focus();
  }

  #createMount(): void {
    if (this.mountWith) {
      this.#mount = this.mountWith(this);
      void this.#mount.start();
      return;
    }
    if (!this.appId || !this.widgetId || !this.point) return;
    const host = this.#resolvedHost();
    if (!host) {
      if (DEV)
        issueWarning(
          'no-host',
          `<pb-widget-frame app-id="${this.appId}"> has no host: set its host property or call host.attach() on a root above it.`,
        );
      return;
    }
    const state = host.store.getState();
    const app = state.apps.find((a) => a.manifest.id === this.appId);
    const widget = app?.manifest.widgets.find((w) => w.id === this.widgetId);
    const point = state.points[this.point];
    if (!app || !widget || !point) {
      if (DEV)
        issueWarning(
          'unknown-widget',
          `No installed widget "${this.appId}/${this.widgetId}" at point "${this.point}".`,
        );
      return;
    }
    this.#mount = new WidgetMount({
      host,
      app,
      widget,
      point,
      instanceId: this.instanceId,
      entity: this.entity,
      container: this,
      ...(this.draft ? { draft: this.draft } : {}),
    });
    // The iframe is created only when the frame is near the viewport. A
    // frame that already is (most panels on a card) starts at once instead of
    // waiting for the observer's first callback, a rendering frame or more
    // later. Checked in a microtask, so all the frames a slot renders at once
    // share one layout.
    const mount = this.#mount;
    const margin = host.options.lazyMargin ?? '200px';
    queueMicrotask(() => {
      if (this.#mount !== mount) return;
      if (this.#nearViewport(margin)) {
        void mount.start();
        return;
      }
      this.#observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          this.#observer?.disconnect();
          this.#observer = undefined;
          void this.#mount?.start();
        },
        { rootMargin: margin },
      );
      this.#observer.observe(this);
    });
  }

  /** Whether the frame is shown and within `margin` (a length in px) of the viewport. */
  #nearViewport(margin: string): boolean {
    const px = /^(\d+(?:\.\d+)?)px$/.exec(margin.trim())?.[1];
    if (px === undefined || !this.checkVisibility()) return false;
    const near = Number(px);
    const rect = this.getBoundingClientRect();
    return (
      rect.bottom >= -near &&
      rect.top <= window.innerHeight + near &&
      rect.right >= -near &&
      rect.left <= window.innerWidth + near
    );
  }

  override render() {
    const name = this.appName || this.appId;
    return html`
      <header part="header">${name}</header>
      ${this.renderState(name)}
      <div class="content"><slot></slot></div>
    `;
  }

  private renderState(name: string) {
    // A busy ready widget shows the loader (the default case).
    if (this.status === 'ready' && !this.busy) return nothing;
    switch (this.status) {
      case 'error':
      case 'timeout':
        return html`<div class="problem" role="alert">
          <span
            >${
              this.status === 'timeout'
                ? `${name} did not respond in time.`
                : `${name} could not be loaded.`
            }
            ${this.errorMessage}</span
          >
          <button type="button" @click=${this.retry}>Retry</button>
        </div>`;
      default:
        // An unknown status (a typo in an attribute) reads as loading rather
        // than breaking the frame.
        return html`<div class="skeleton" role="status" aria-busy="true">
          <span class="visually-hidden"
            >${this.status === 'reconnecting' ? `${name} is reloading…` : `Loading ${name}…`}</span
          >
        </div>`;
    }
  }

  private readonly retry = () => {
    this.dispatchEvent(new HostWidgetRetryEvent(this.appId));
  };
}

if (!customElements.get('pb-widget-frame')) {
  customElements.define('pb-widget-frame', HostWidgetFrameElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'pb-widget-frame': HostWidgetFrameElement;
  }
  interface HTMLElementEventMap {
    'pb-widget-retry': HostWidgetRetryEvent;
  }
}
