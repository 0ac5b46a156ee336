// The dev host's controls bar: which view, which entity, and the settings
// the host is built with.
import { html, nothing, type TemplateResult } from 'lit';
import { counterparties, goods, orders } from './data.js';
import { VIEWS, type Settings, type View } from './settings.js';
import { FAULTS } from './stage.js';

const control = (label: string, input: TemplateResult) =>
  html`<label style="display:inline-flex;gap:4px;align-items:center">${label} ${input}</label>`;

/**
 * The dev host's controls: a button per view, the entity the card shows,
 * theme, locale, width, latency, a fault to inject and the inspector, each
 * showing `settings` and changing them through `set`.
 */
export function controls(settings: Settings, set: (changes: Partial<Settings>) => void) {
  const options = (items: Readonly<Record<string, string>>, current: string) =>
    Object.entries(items).map(
      ([value, text]) =>
        html`<option value=${value} ?selected=${value === current}>${text}</option>`,
    );
  const same = (list: readonly string[]) => Object.fromEntries(list.map((item) => [item, item]));
  const onSelect = (key: keyof Settings) => (event: Event) => {
    set({ [key]: (event.target as HTMLSelectElement).value });
  };
  // The entity the card shows, for the card views.
  const pick = (label: string, key: 'order' | 'counterparty' | 'good', names: [string, string][]) =>
    control(
      label,
      html`<select name=${key} @change=${onSelect(key)}>
        ${options(Object.fromEntries(names), settings[key])}
      </select>`,
    );
  const entity =
    settings.view === 'order'
      ? pick(
          'Order',
          'order',
          orders.map((o) => [o.id, o.number]),
        )
      : settings.view === 'counterparty'
        ? pick(
            'Counterparty',
            'counterparty',
            counterparties.map((c) => [c.id, c.name]),
          )
        : settings.view === 'goods'
          ? pick(
              'Goods',
              'good',
              goods.map((g) => [g.id, g.name]),
            )
          : nothing;
  return html`<nav aria-label="Extension points" style="display:flex;gap:8px;flex-wrap:wrap">
      ${(Object.keys(VIEWS) as View[]).map(
        (view) =>
          html`<button
            type="button"
            data-view=${view}
            aria-pressed=${view === settings.view ? 'true' : 'false'}
            @click=${() => {
              set({ view });
            }}
          >
            ${VIEWS[view]}
          </button>`,
      )}
    </nav>
    <form
      aria-label="Dev host controls"
      style="display:flex;gap:12px;flex-wrap:wrap;margin:8px 0"
      @submit=${(event: Event) => {
        event.preventDefault();
      }}
    >
      ${entity}
      ${control(
        'Theme',
        html`<select name="theme" @change=${onSelect('theme')}>
          ${options(same(['light', 'dark']), settings.theme)}
        </select>`,
      )}
      ${control(
        'Locale',
        html`<select name="locale" @change=${onSelect('locale')}>
          ${options(same(['en-GB', 'de-DE', 'fr-FR', 'ja-JP']), settings.locale)}
        </select>`,
      )}
      ${control(
        'Width',
        html`<input
          name="width"
          type="range"
          min="240"
          max="1200"
          step="20"
          .value=${String(settings.width)}
          @change=${(event: Event) => {
            set({ width: Number((event.target as HTMLInputElement).value) });
          }}
        />`,
      )}
      ${control(
        'Latency (ms)',
        html`<input
          name="latency"
          type="number"
          min="0"
          max="5000"
          step="100"
          .value=${String(settings.latency)}
          @change=${(event: Event) => {
            set({ latency: Number((event.target as HTMLInputElement).value) });
          }}
        />`,
      )}
      ${control(
        'Fault',
        html`<select name="fault" @change=${onSelect('fault')}>
          ${options(FAULTS, settings.fault)}
        </select>`,
      )}
      ${control(
        'Inspector',
        html`<input
          name="inspect"
          type="checkbox"
          .checked=${settings.inspect}
          @change=${(event: Event) => {
            set({ inspect: (event.target as HTMLInputElement).checked });
          }}
        />`,
      )}
    </form>`;
}
