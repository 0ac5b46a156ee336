import {
  PlugboardError,
  type HostMethodName,
  type JsonValue,
  type Theme,
} from '@plugboard/widget-sdk/protocol';
import type { HostSelector } from '../dialogs/types.js';
import { Host, type HostOptions } from '../host.js';
import { identityService, type HostIdentityClaims } from '../identity/identity-service.js';
import type { HostServices } from '../services/host-services.js';
import { storageServices } from '../storage/storage-service.js';
import type { HostExtensionPoint } from '../store/host-store.js';

type JsonObject = Record<string, JsonValue>;

/** A failure the mock host can inject. */
export type MockFailure = 'none' | 'handshake-timeout' | 'service-error';

/** Options of {@link createMockHost}; every one has a default. */
export interface MockHostOptions extends Partial<Omit<HostOptions, 'services'>> {
  /** Entity data by type and id: `{ customerorder: { '42': { number: 'SO-42' } } }`. */
  readonly entities?: Readonly<Record<string, Readonly<Record<string, JsonObject>>>>;
  /** How long every host service takes to answer, in milliseconds. Default 0. */
  readonly latencyMs?: number;
  /**
   * `handshake-timeout`: the host gives up on every widget's handshake at once,
   * as it would on one too slow to answer. `service-error`: every host
   * service fails (widgets get `host_error`). Default `none`.
   */
  readonly failure?: MockFailure;
  /** Services that replace the canned ones. */
  readonly services?: HostServices;
  /** Default: one selector per entity type, named after it, over `entities`. */
  readonly selectors?: NonNullable<HostOptions['selectors']>;
}

/** One call a widget made to a mock host service. */
export interface MockHostCall {
  readonly method: HostMethodName;
  readonly params: unknown;
  readonly appId: string;
}

/** The extension points of the demo product, used when none are given. */
export const MOCK_EXTENSION_POINTS: readonly HostExtensionPoint[] = [
  {
    id: 'customerorder.card',
    kind: 'panel',
    entity: 'customerorder',
    title: 'Customer order card',
  },
  { id: 'counterparty.card', kind: 'panel', entity: 'counterparty', title: 'Counterparty card' },
  { id: 'product.card', kind: 'panel', entity: 'product', title: 'Goods card' },
  { id: 'customerorder.list', kind: 'column', entity: 'customerorder', title: 'Order list' },
  {
    id: 'customerorder.list.actions',
    kind: 'action',
    entity: 'customerorder',
    title: 'Order list toolbar',
  },
  {
    id: 'customerorder.card.actions',
    kind: 'action',
    entity: 'customerorder',
    title: 'Customer order card actions',
  },
  { id: 'counterparty.list', kind: 'column', entity: 'counterparty', title: 'Counterparty list' },
  {
    id: 'counterparty.list.row',
    kind: 'action',
    entity: 'counterparty',
    title: 'Counterparty row',
  },
];

/** Light and dark themes with the tokens widgets receive. */
export const MOCK_THEMES: Readonly<Record<Theme['mode'], Theme>> = {
  light: {
    mode: 'light',
    tokens: {
      'color-text': '#101828',
      'color-muted': '#667085',
      'color-accent': '#2f54eb',
      'color-surface': '#ffffff',
    },
  },
  dark: {
    mode: 'dark',
    tokens: {
      'color-text': '#f2f4f7',
      'color-muted': '#98a2b3',
      'color-accent': '#85a5ff',
      'color-surface': '#101828',
    },
  },
};

const DEFAULT_ENTITIES: Record<string, Record<string, JsonObject>> = {
  customerorder: {
    '1': {
      number: 'SO-00001',
      date: '2026-10-01',
      status: 'confirmed',
      total: 161500,
      counterparty: 'Northwind Trading',
    },
  },
  counterparty: {
    c1: { name: 'Northwind Trading', city: 'Lisbon', email: 'orders@northwind-trading.example' },
  },
};

/**
 * A mock host: the real host runtime with canned services over in-memory
 * entities, and knobs for latency and failures. For Storybook and tests,
 * where there is no host product.
 */
export class MockHost extends Host {
  /** Every service call widgets made, in order. */
  readonly calls: MockHostCall[] = [];
}

/** A JWT of the claims with no signature (`alg: none`): what the mock host hands out as an identity token. */
function unsignedToken(claims: HostIdentityClaims): string {
  const part = (value: unknown) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replaceAll('+', '-')
      .replaceAll('/', '_')
      .replace(/=+$/, '');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.unsigned`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A selector over one type's mock entities: named by their `name` or `number`, found by any text field. */
function entitySelector(type: string, byId: Readonly<Record<string, JsonObject>>): HostSelector {
  const itemOf = (id: string) => {
    const data = byId[id] ?? {};
    const name = data['name'] ?? data['number'];
    return { id, name: typeof name === 'string' ? name : id };
  };
  return {
    title: type,
    search: (query) =>
      Object.keys(byId)
        .filter((id) =>
          [id, ...Object.values(byId[id] ?? {})].some(
            (value) =>
              typeof value === 'string' && value.toLowerCase().includes(query.toLowerCase()),
          ),
        )
        .map(itemOf),
    resolve: (ids) => ids.filter((id) => id in byId).map(itemOf),
  };
}

/** Creates a {@link MockHost}. */
export function createMockHost(options: MockHostOptions = {}): MockHost {
  const entities: Record<string, Record<string, JsonObject>> = structuredClone({
    ...DEFAULT_ENTITIES,
    ...options.entities,
  });
  const failure = options.failure ?? 'none';
  const latencyMs = options.latencyMs ?? 0;
  const user = options.user ?? { id: 'u-1', name: 'Mock user' };

  const canned: HostServices = {
    'entity.get': (_params, { context: { entity } }) => {
      if (!entity) return null;
      const data = entities[entity.type]?.[entity.id];
      if (!data)
        throw new PlugboardError('not_found', `The mock host has no ${entity.type} ${entity.id}.`);
      return { ...entity, data };
    },
    'entity.update': ({ changes }, { context: { entity } }) => {
      const data = entity && entities[entity.type]?.[entity.id];
      if (!entity || !data) throw new PlugboardError('not_found', 'There is no entity to update.');
      Object.assign(data, changes);
      return { version: 0, applied: Object.keys(changes), refused: [] };
    },
    'navigation.go': () => undefined,
    // The runtime's own storage, in memory, and its identity service over
    // a signer that signs nothing: a vendor's backend rejects these tokens.
    ...storageServices(options.storage ?? {}, user.id),
    'identity.getToken': identityService(
      options.identity ?? { sign: unsignedToken },
      user.id,
      (id) =>
        host.store.getState().apps.find((app) => app.manifest.id === id)?.installationId ?? id,
    ),
  };

  const services: Record<string, (params: never, call: { appId: string }) => unknown> = {};
  for (const [method, service] of Object.entries({ ...canned, ...options.services })) {
    services[method] = async (params, call) => {
      host.calls.push({ method: method as HostMethodName, params, appId: call.appId });
      if (latencyMs > 0) await sleep(latencyMs);
      if (failure === 'service-error') {
        // What a widget gets from a failing host service, without the host's
        // console error for an unexpected exception.
        throw new PlugboardError('host_error', `The host's ${method} service failed.`);
      }
      return (service as (p: never, c: unknown) => unknown)(params, call);
    };
  }

  const host: MockHost = new MockHost({
    extensionPoints: options.extensionPoints ?? MOCK_EXTENSION_POINTS,
    user,
    locale: options.locale ?? 'en-GB',
    theme: options.theme ?? MOCK_THEMES.light,
    ...(options.loadConcurrency === undefined ? {} : { loadConcurrency: options.loadConcurrency }),
    ...(options.lazyMargin === undefined ? {} : { lazyMargin: options.lazyMargin }),
    ...(options.debug === undefined ? {} : { debug: options.debug }),
    ...(options.standardDialogs ? { standardDialogs: options.standardDialogs } : {}),
    ...(options.onWidgetError ? { onWidgetError: options.onWidgetError } : {}),
    limits: {
      ...options.limits,
      ...(failure === 'handshake-timeout' ? { handshakeTimeoutMs: 1 } : {}),
    },
    services,
    selectors:
      options.selectors ??
      Object.fromEntries(
        Object.entries(entities).map(([type, byId]) => [type, entitySelector(type, byId)]),
      ),
  });
  return host;
}
