import { counterparties, goods, orders } from './data.js';
import { FAULTS, type Fault, type StageSettings } from './stage.js';

// The dev host's settings: the view, its entity, theme, locale, width,
// latency, fault and the inspector, read from the page's URL (so a link
// shows the same).

/** The dev host's views, by their `view` in the URL. */
export const VIEWS = {
  order: 'Order card',
  new: 'New order',
  counterparty: 'Counterparty card',
  goods: 'Goods card',
  orders: 'Order list',
  counterparties: 'Counterparty list',
} as const;
export type View = keyof typeof VIEWS;

export interface Settings extends StageSettings {
  readonly view: View;
  readonly order: string;
  readonly counterparty: string;
  readonly good: string;
  readonly width: number;
  readonly inspect: boolean;
}

export function readSettings(): Settings {
  const query = new URLSearchParams(location.search);
  const pick = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const value = query.get(key) as T | null;
    return value !== null && allowed.includes(value) ? value : fallback;
  };
  const number = (key: string, fallback: number, max: number) => {
    const value = Number(query.get(key) ?? fallback);
    return Number.isFinite(value) ? Math.min(Math.max(0, value), max) : fallback;
  };
  return {
    view: pick('view', Object.keys(VIEWS) as View[], 'order'),
    order: pick(
      'order',
      orders.map((order) => order.id),
      '1',
    ),
    counterparty: pick(
      'counterparty',
      counterparties.map((c) => c.id),
      'c1',
    ),
    good: pick(
      'good',
      goods.map((g) => g.id),
      'g1',
    ),
    theme: pick('theme', ['light', 'dark'], 'light'),
    locale: pick('locale', ['en-GB', 'de-DE', 'fr-FR', 'ja-JP'], 'en-GB'),
    width: number('width', 420, 1200) || 420,
    latency: number('latency', 0, 5_000),
    fault: pick('fault', Object.keys(FAULTS) as Fault[], 'none'),
    inspect: query.get('inspect') !== 'off',
  };
}
