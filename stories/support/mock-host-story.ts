import type { HostManifest } from '@plugboard/host-runtime';
import { createMockHost, MOCK_THEMES, type MockFailure } from '@plugboard/host-runtime/testing';
import { allEntities } from '../../packages/examples/src/entities.js';

/** The controls every widget story has. */
export interface WidgetStoryArgs {
  /** The entity id the widget is opened for. */
  entityId: string;
  theme: 'light' | 'dark';
  locale: string;
  /** The slot's width in CSS pixels. */
  width: number;
  /** How long host services take, in milliseconds. */
  latency: number;
  failure: MockFailure;
}

export const LOCALES = ['en-GB', 'de-DE', 'fr-FR', 'ja-JP'];

/** Storybook argTypes for {@link WidgetStoryArgs}. */
export function widgetArgTypes(entityIds: readonly string[], entityLabel: (id: string) => string) {
  return {
    entityId: {
      name: 'entity',
      control: {
        type: 'select',
        labels: Object.fromEntries(entityIds.map((id) => [id, entityLabel(id)])),
      },
      options: entityIds,
    },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    locale: { control: 'select', options: LOCALES },
    width: { control: { type: 'range', min: 240, max: 960, step: 20 } },
    latency: { name: 'latency (ms)', control: { type: 'range', min: 0, max: 3000, step: 100 } },
    failure: { control: 'select', options: ['none', 'handshake-timeout', 'service-error'] },
  } as const;
}

/**
 * Mounts the manifests' widgets for an extension point with a mock host: a
 * real host runtime with the demo's entities and canned services.
 */
export function renderWithMockHost(
  manifests: readonly HostManifest[],
  point: string,
  args: WidgetStoryArgs,
): HTMLElement {
  const host = createMockHost({
    entities: allEntities(),
    theme: MOCK_THEMES[args.theme],
    locale: args.locale,
    latencyMs: args.latency,
    failure: args.failure,
  });
  const stage = document.createElement('div');
  const surface = MOCK_THEMES[args.theme].tokens['color-surface'] ?? '#fff';
  stage.style.cssText = `padding:16px;background:${surface};width:${args.width}px;box-sizing:border-box;font:14px system-ui,sans-serif`;
  if (args.theme === 'dark') stage.style.setProperty('--pb-frame-border', '1px solid #344054');
  stage.style.setProperty('--pb-frame-muted', MOCK_THEMES[args.theme].tokens['color-muted'] ?? '');
  for (const manifest of manifests) host.install(manifest);
  host.attach(stage);
  const slot = document.createElement('pb-panel-slot');
  slot.point = point;
  slot.entityId = args.entityId;
  stage.append(slot);
  return stage;
}
