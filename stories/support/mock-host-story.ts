import type { Host, HostDraft, HostManifest, JsonValue } from '@plugboard/host-runtime';
import {
  createMockHost,
  MOCK_EXTENSION_POINTS,
  MOCK_THEMES,
  type MockFailure,
} from '@plugboard/host-runtime/testing';
import { TrafficRecorder } from '@plugboard/host-runtime/inspector';
import '@plugboard/host-runtime/lists'; // <pb-action-bar>
import { allEntities } from '../../packages/examples/src/entities.js';
import { selectors } from '../../packages/examples/src/selectors.js';

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
 * real host runtime with the demo's entities and canned services, and, with
 * `draft`, the card's draft.
 */
export function renderWithMockHost(
  manifests: readonly HostManifest[],
  point: string,
  args: WidgetStoryArgs,
  options: MockStageOptions = {},
): HTMLElement {
  return mountWithMockHost(manifests, point, args, options).stage;
}

/** Options of {@link renderWithMockHost}. */
export interface MockStageOptions {
  /** Gives the card a draft (and a Save button). */
  readonly draft?: boolean;
  /** Data over the entity's, for a state (an order over its credit limit, say). */
  readonly data?: Readonly<Record<string, JsonValue>>;
  /** Installs apps another way than from a manifest (a MoySklad descriptor, say). */
  readonly install?: (host: Host) => void;
  /** The card's `action` point: its apps' buttons show above the card, run on its entity. */
  readonly actions?: string;
  /** Shows the bridge inspector below the card, recording from the start. */
  readonly inspect?: boolean;
}

/**
 * {@link renderWithMockHost}, and `show(entityId)`, which moves the live
 * widgets to another entity (they get `open`; the iframes stay).
 */
export function mountWithMockHost(
  manifests: readonly HostManifest[],
  point: string,
  args: WidgetStoryArgs,
  options: MockStageOptions = {},
): { readonly stage: HTMLElement; readonly show: (entityId: string) => void } {
  // Only the theme or locale changed (Storybook's controls): the same stage,
  // its widgets told with host.setContext(), no reload. Storybook keeps a
  // story's node when its render returns the same one.
  const key = stageKey(manifests, point, args, options);
  if (last?.key === key && last.mounted.stage.isConnected) {
    void last.host.setContext({ theme: MOCK_THEMES[args.theme], locale: args.locale });
    paint(last.mounted.stage, args);
    return last.mounted;
  }
  const entities = allEntities();
  const traffic = options.inspect ? new TrafficRecorder() : undefined;
  const host = createMockHost({
    ...(traffic ? { debug: traffic.log } : {}),
    entities,
    // Order desk's goods, counterparty and good-folder pickers.
    selectors,
    theme: MOCK_THEMES[args.theme],
    locale: args.locale,
    latencyMs: args.latency,
    failure: args.failure,
  });
  const stage = document.createElement('div');
  stage.style.cssText = `padding:16px;width:${args.width}px;box-sizing:border-box;font:14px system-ui,sans-serif`;
  paint(stage, args);
  for (const manifest of manifests) host.install(manifest);
  options.install?.(host);
  host.attach(stage);
  const slot = document.createElement('pb-panel-slot');
  slot.point = point;
  // A card with a draft, as a host with editable cards has: widgets read and
  // update it, and the stage's Save runs the save flow (validation included).
  const type = MOCK_EXTENSION_POINTS.find((p) => p.id === point)?.entity ?? '';
  let draft: HostDraft | undefined;
  if (options.draft && type) stage.append(saveBar(() => draft));
  const bar = options.actions ? document.createElement('pb-action-bar') : undefined;
  if (bar && options.actions) {
    bar.point = options.actions;
    stage.append(bar);
  }
  const show = (entityId: string) => {
    if (options.draft && type) {
      // The widgets join the new draft before the old one closes.
      const previous = draft;
      draft = host.openDraft({
        type,
        id: entityId,
        data: { ...entities[type]?.[entityId], ...options.data },
        persist: ({ id }) => Promise.resolve({ id: id ?? entityId }),
      });
      slot.draft = draft;
      void slot.updateComplete.then(() => previous?.close());
    }
    if (bar) bar.selection = { kind: 'ids', ids: [entityId] };
    slot.entityId = entityId;
  };
  show(args.entityId);
  stage.append(slot);
  if (traffic) {
    traffic.attach(host);
    const inspector = document.createElement('pb-inspector');
    inspector.traffic = traffic;
    inspector.style.marginTop = '16px';
    stage.append(inspector);
  }
  last = { key, host, mounted: { stage, show } };
  return last.mounted;
}

/** The stage last mounted, for a render that changes only its theme or locale. */
let last:
  | {
      readonly key: string;
      readonly host: Host;
      readonly mounted: { readonly stage: HTMLElement; readonly show: (entityId: string) => void };
    }
  | undefined;

/** Ids for functions in a stage's key: the same function, the same id. */
const functionIds = new WeakMap<object, number>();
let functions = 0;

/** What a stage is made of, but its theme and locale. */
function stageKey(
  manifests: readonly HostManifest[],
  point: string,
  args: WidgetStoryArgs,
  options: MockStageOptions,
): string {
  const made = { ...args, theme: undefined, locale: undefined };
  return JSON.stringify({ manifests, point, made, options }, (_key, value: unknown) => {
    if (typeof value !== 'function') return value;
    if (!functionIds.has(value)) functionIds.set(value, ++functions);
    return `function ${String(functionIds.get(value))}`;
  });
}

/** The stage's look for the theme: its surface and Plugboard's elements' custom properties. */
function paint(stage: HTMLElement, args: WidgetStoryArgs): void {
  const { tokens } = MOCK_THEMES[args.theme];
  stage.style.background = tokens['color-surface'] ?? '#fff';
  stage.style.setProperty(
    '--pb-frame-border',
    args.theme === 'dark' ? '1px solid #344054' : '1px solid #d0d5dd',
  );
  stage.style.setProperty('--pb-frame-muted', tokens['color-muted'] ?? '');
}

/** A Save button and what the last save said. */
function saveBar(draft: () => HostDraft | undefined): HTMLElement {
  const bar = document.createElement('p');
  const save = document.createElement('button');
  save.type = 'button';
  save.textContent = 'Save';
  const said = document.createElement('output');
  said.style.marginLeft = '12px';
  save.addEventListener('click', () => {
    void draft()
      ?.save()
      .then((report) => {
        said.textContent = report.saved
          ? 'Saved.'
          : `Not saved: ${report.blockedBy.map((b) => `${b.appName}: ${b.message ?? ''}`).join(' ')}`;
      });
  });
  bar.append(save, said);
  return bar;
}
