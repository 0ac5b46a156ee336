/**
 * `@plugboard/widget-sdk`: what a vendor's widget imports inside its iframe.
 *
 * ```ts
 * import { connect } from '@plugboard/widget-sdk';
 * const client = await connect({ hostOrigins: ['https://orders.example'] });
 * const order = await client.call('entity.get');
 * ```
 *
 * @module @plugboard/widget-sdk
 */
export { connect, type ConnectOptions } from './connect.js';
export {
  WidgetClient,
  type HostFacades,
  type HostServiceFacade,
  type WidgetCallArgs,
  type WidgetCallOptions,
  type WidgetMethodHandler,
} from './client.js';
export {
  ErrorCode,
  PlugboardError,
  type PlugboardErrorCode,
  type SerializedError,
} from './protocol/errors.js';
export { PROTOCOL_VERSION } from './protocol/version.js';
export type { TrafficEntry, TrafficLog } from './protocol/traffic.js';
export type { EntityRef, ExtensionPointKind, Theme, WidgetContext } from './protocol/context.js';
export type { JsonValue } from './protocol/json.js';
export type { Dismissed, SelectedItem } from './protocol/ui-methods.js';
export type { DraftEntity, DraftOrigin, RefusedField } from './protocol/draft-methods.js';
export type { HostServiceName } from './protocol/method-kinds.js';
export type {
  HostMethodName,
  HostMethodParams,
  HostMethodResult,
  HostMethods,
  Permission,
} from './protocol/host-methods.js';
export type {
  WidgetMethodName,
  WidgetMethodParams,
  WidgetMethodResult,
  WidgetMethods,
} from './protocol/widget-methods.js';
