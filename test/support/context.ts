import type { WidgetContext } from '@plugboard/widget-sdk';

/** A complete widget context for tests, with any fields replaced. */
export function testContext(overrides: Partial<WidgetContext> = {}): WidgetContext {
  return {
    instanceId: 'w-1',
    extensionPoint: { id: 'customerorder.card', kind: 'panel' },
    entity: { type: 'customerorder', id: '42' },
    user: { id: 'u-1', name: 'Ada Lovelace' },
    locale: 'en-GB',
    theme: { mode: 'light', tokens: { 'color-text': '#101828' } },
    app: { id: 'delivery-tracker', version: '1.0.0', settings: {} },
    ...overrides,
  };
}
