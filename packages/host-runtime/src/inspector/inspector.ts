import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { InspectedCall, TrafficRecorder } from './traffic-recorder.js';
import { inspectorStyles } from './inspector-styles.js';
import { bytes, json, REFUSALS, type InspectorOutcomeFilter } from './format.js';
import type { TelemetryReport } from '@plugboard/widget-sdk/protocol';
import { telemetryTable } from './telemetry-table.js';

export type { InspectorOutcomeFilter } from './format.js';

/** What the inspector reads of telemetry (`HostTelemetry` is one). */
export interface InspectedTelemetry {
  report(): TelemetryReport;
  subscribe(listener: () => void): () => void;
}

/**
 * `<pb-inspector .traffic=${recorder}>`: a host's bridge traffic, live. One
 * row per call, newest last: when it ended, the app and widget, direction,
 * method, duration, outcome (an error code; refusals marked), and the
 * payloads' sizes; a row's button shows its parameters, result or error.
 * Filters: method or app text, app, direction, outcome. Pause holds the
 * view while recording goes on; Clear forgets what was recorded. With
 * `.telemetry`, a table above says per app what the runtime measured
 * (time to ready, loads, reconnects, calls and failures, the slowest
 * method's p95, refusals, layout shift, long tasks).
 */
export class HostInspectorElement extends LitElement {
  static override properties: PropertyDeclarations = {
    traffic: { attribute: false },
    telemetry: { attribute: false },
    query: {},
    app: {},
    direction: {},
    outcome: {},
    paused: { type: Boolean, reflect: true },
    _selected: { state: true },
    _version: { state: true },
  };

  static override styles = inspectorStyles;

  /** The recording shown. */
  declare traffic: TrafficRecorder | undefined;
  /** Per-app figures shown above the calls: a `HostTelemetry` (`@plugboard/host-runtime/telemetry`). */
  declare telemetry: InspectedTelemetry | undefined;
  /** Shows only calls whose method or app contains this text. */
  declare query: string;
  /** Shows only this app's calls (its id); empty: every app's. */
  declare app: string;
  /** `widget→host`, `host→widget`, or empty for both. */
  declare direction: string;
  declare outcome: InspectorOutcomeFilter;
  /** Holds the view where it is; the recording goes on. */
  declare paused: boolean;
  declare _selected: number | undefined;
  declare _version: number;
  #shown: readonly InspectedCall[] = [];
  #stop: (() => void) | undefined;
  #watched: TrafficRecorder | undefined;
  #stopTelemetry: (() => void) | undefined;
  #watchedTelemetry: InspectedTelemetry | undefined;

  constructor() {
    super();
    this.traffic = undefined;
    this.telemetry = undefined;
    this.query = '';
    this.app = '';
    this.direction = '';
    this.outcome = 'all';
    this.paused = false;
    this._selected = undefined;
    this._version = 0;
  }

  /** The calls the view shows now, filters applied, oldest first. */
  get shownCalls(): readonly InspectedCall[] {
    return this.#filtered();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#watch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
    this.#stop = undefined;
    this.#watched = undefined;
    this.#stopTelemetry?.();
    this.#stopTelemetry = undefined;
    this.#watchedTelemetry = undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('traffic') || changed.has('telemetry')) this.#watch();
    if (!this.paused || changed.has('traffic')) this.#shown = this.traffic?.calls ?? [];
  }

  #watch(): void {
    if (this.#watchedTelemetry !== this.telemetry || !this.#stopTelemetry) {
      this.#stopTelemetry?.();
      this.#watchedTelemetry = this.telemetry;
      this.#stopTelemetry = this.telemetry?.subscribe(() => {
        if (!this.paused) this._version++;
      });
    }
    if (this.#watched === this.traffic && this.#stop) return;
    this.#stop?.();
    this.#watched = this.traffic;
    this.#stop = this.traffic?.subscribe(() => {
      if (!this.paused) this._version++;
    });
  }

  #filtered(): readonly InspectedCall[] {
    const query = this.query.trim().toLowerCase();
    return this.#shown.filter(
      (call) =>
        (!this.app || call.appId === this.app) &&
        (!this.direction || call.direction === this.direction) &&
        (this.outcome === 'all' ||
          (this.outcome === 'ok'
            ? call.outcome === 'ok'
            : this.outcome === 'errors'
              ? call.outcome !== 'ok'
              : REFUSALS.has(call.outcome))) &&
        (!query ||
          call.method.toLowerCase().includes(query) ||
          (call.appName ?? '').toLowerCase().includes(query)),
    );
  }

  protected override render() {
    const calls = this.#filtered();
    const apps = new Map<string, string>();
    for (const call of this.#shown)
      if (call.appId) apps.set(call.appId, call.appName ?? call.appId);
    const selected = calls.find((call) => call.seq === this._selected);
    const errors = this.#shown.filter((call) => call.outcome !== 'ok').length;
    return html`<header>
        <h2>Bridge traffic</h2>
        <span role="status" aria-live="polite"
          >${this.#shown.length} calls, ${errors}
          failed${calls.length === this.#shown.length ? '' : ` (${calls.length} shown)`}</span
        >
        <label
          >Filter
          <input
            type="search"
            name="query"
            placeholder="method or app"
            .value=${this.query}
            @input=${(event: Event) => {
              this.query = (event.target as HTMLInputElement).value;
            }}
        /></label>
        <label
          >App
          <select
            name="app"
            @change=${(event: Event) => {
              this.app = (event.target as HTMLSelectElement).value;
            }}
          >
            <option value="" ?selected=${this.app === ''}>All</option>
            ${[...apps].map(
              ([id, name]) =>
                html`<option value=${id} ?selected=${this.app === id}>${name}</option>`,
            )}
          </select></label
        >
        <label
          >Direction
          <select
            name="direction"
            @change=${(event: Event) => {
              this.direction = (event.target as HTMLSelectElement).value;
            }}
          >
            ${[
              ['', 'Both'],
              ['widget→host', 'widget → host'],
              ['host→widget', 'host → widget'],
            ].map(
              ([value, text]) =>
                html`<option value=${value ?? ''} ?selected=${this.direction === value}>
                  ${text}
                </option>`,
            )}
          </select></label
        >
        <label
          >Outcome
          <select
            name="outcome"
            @change=${(event: Event) => {
              this.outcome = (event.target as HTMLSelectElement).value as InspectorOutcomeFilter;
            }}
          >
            ${(
              [
                ['all', 'All'],
                ['ok', 'OK'],
                ['errors', 'Errors'],
                ['refused', 'Refused'],
              ] as const
            ).map(
              ([value, text]) =>
                html`<option value=${value} ?selected=${this.outcome === value}>${text}</option>`,
            )}
          </select></label
        >
        <button
          type="button"
          aria-pressed=${this.paused ? 'true' : 'false'}
          @click=${() => {
            this.paused = !this.paused;
          }}
        >
          ${this.paused ? 'Resume' : 'Pause'}
        </button>
        <button
          type="button"
          @click=${() => {
            this._selected = undefined;
            this.traffic?.clear();
            this.#shown = [];
            this.requestUpdate();
          }}
        >
          Clear
        </button>
      </header>
      ${telemetryTable(this.telemetry?.report())}
      <div class="scroll">
        ${
          calls.length === 0
            ? html`<p class="empty">
                ${this.traffic ? 'No calls yet.' : 'No recording: set .traffic.'}
              </p>`
            : html`<table>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">App</th>
                    <th scope="col">Widget</th>
                    <th scope="col">Direction</th>
                    <th scope="col">Method</th>
                    <th scope="col">ms</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Sent</th>
                    <th scope="col">Answer</th>
                  </tr>
                </thead>
                <tbody>
                  ${repeat(
                    calls,
                    (call) => call.seq,
                    (call) =>
                      html`<tr
                        class=${call.outcome === 'ok' ? 'ok' : 'error'}
                        data-method=${call.method}
                        data-outcome=${call.outcome}
                        aria-selected=${call.seq === this._selected ? 'true' : 'false'}
                      >
                        <td class="num">${call.seq}</td>
                        <td>${call.appName ?? '?'}</td>
                        <td>${call.widgetId ?? call.instanceId ?? ''}</td>
                        <td>${call.direction}</td>
                        <td>
                          <button
                            type="button"
                            title="Show the call"
                            @click=${() => {
                              this._selected = this._selected === call.seq ? undefined : call.seq;
                            }}
                          >
                            ${call.method}
                          </button>
                        </td>
                        <td class="num">${call.durationMs.toFixed(1)}</td>
                        <td class="outcome">
                          ${call.outcome}${REFUSALS.has(call.outcome) ? ' (refused)' : ''}
                        </td>
                        <td class="num">${bytes(call.paramsBytes)}</td>
                        <td class="num">${bytes(call.resultBytes)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
        }
      </div>
      ${selected ? this.#details(selected) : nothing}`;
  }

  #details(call: InspectedCall) {
    const answer =
      call.outcome === 'ok'
        ? `result ${json(call.result)}`
        : `error ${call.outcome}: ${call.message ?? ''}`;
    return html`<pre aria-label=${`Call ${call.seq}: ${call.method}`}>
${call.direction} ${call.method} (${call.appName ?? '?'}, ${call.pointId ?? ''})
params ${json(call.params)}
${answer}</pre>`;
  }
}

if (!customElements.get('pb-inspector'))
  customElements.define('pb-inspector', HostInspectorElement);

declare global {
  interface HTMLElementTagNameMap {
    'pb-inspector': HostInspectorElement;
  }
}
