import type { HostMethodName } from './host-methods.js';

/** The service a host method belongs to: `dialogs` for `dialogs.open`. */
export type HostServiceName = HostMethodName extends infer M
  ? M extends `${infer S}.${string}`
    ? S
    : never
  : never;

/**
 * Every host service, by name: the widget SDK builds one facade per entry
 * (`client.dialogs.open(…)`). A type test (test/types) fails to compile
 * when a service is missing, so a new service cannot be forgotten here.
 */
export const HOST_SERVICE_NAMES = [
  'widget',
  'entity',
  'selectors',
  'dialogs',
  'toasts',
  'navigation',
  'cells',
  'messages',
  'storage',
  'identity',
  'diagnostics',
] as const satisfies readonly HostServiceName[];

/**
 * Host methods that wait for a person (dialogs, pickers). They have no
 * service timeout on the host and no call timeout in the SDK by default;
 * the widget cancels one with an `AbortSignal`, and they are cancelled when
 * the widget goes away.
 */
export const INTERACTIVE_METHODS: ReadonlySet<string> = new Set<HostMethodName>([
  'dialogs.open',
  'dialogs.dismiss',
  'dialogs.alert',
  'dialogs.confirm',
  'dialogs.prompt',
  'dialogs.choose',
  'selectors.open',
]);

/**
 * The methods of DEFERRED_HOST_METHODS (deferred-methods.ts), by name: a
 * host loads that table at the first such call, and knows these names
 * before. A type test (test/types) checks the two agree.
 */
export const DEFERRED_METHODS = [
  'entity.update',
  'dialogs.open',
  'dialogs.close',
  'dialogs.dismiss',
  'dialogs.alert',
  'dialogs.confirm',
  'dialogs.prompt',
  'dialogs.choose',
  'selectors.open',
  'cells.invalidate',
  'messages.send',
  'messages.subscribe',
  'messages.unsubscribe',
  'storage.get',
  'storage.getMany',
  'storage.set',
  'storage.remove',
  'storage.list',
  'storage.quota',
  'identity.getToken',
  'diagnostics.report',
] as const satisfies readonly HostMethodName[];

/** The data services' methods (messages, storage, identity, diagnostics): what a host's runtime lends by default, loaded at the first call. */
export const DATA_METHODS = DEFERRED_METHODS.filter((method): method is DataMethodName =>
  /^(messages|storage|identity|diagnostics)\./.test(method),
);

/** A method of the data services: `messages.*`, `storage.*`, `identity.*`, `diagnostics.*`. */
export type DataMethodName = Extract<
  (typeof DEFERRED_METHODS)[number],
  `messages.${string}` | `storage.${string}` | `identity.${string}` | `diagnostics.${string}`
>;
