/**
 * `@plugboard/host-runtime`: what a host product imports to declare extension
 * points and mount vendors' widgets.
 */
export {
  ErrorCode,
  PlugboardError,
  PROTOCOL_VERSION,
  type Permission,
  type PlugboardErrorCode,
  type TrafficEntry,
  type TrafficLog,
  type WidgetContext,
} from '@plugboard/widget-sdk/protocol';
export {
  connectWidget,
  type HostConnection,
  type HostConnectionEnd,
  type HostConnectionInfo,
  type HostConnectionOptions,
  type HostHandshake,
} from './bridge/connection.js';
export { DEFAULT_LIMITS, type HostBridgeLimits } from './bridge/limits.js';
export type { HostCallInfo, HostServiceHandler, HostServices } from './services/host-services.js';
export {
  HostManifestError,
  validateManifest,
  type HostManifestIssue,
} from './manifest/validate.js';
export type { HostManifest, HostManifestWidget } from './manifest/schema.js';
export { HostWidgetFrameElement, HostWidgetRetryEvent } from './elements/widget-frame.js';
export { HostPanelSlotElement } from './elements/panel-slot.js';
export {
  HostToastRegionElement,
  type HostToast,
  type HostToastTone,
} from './elements/toast-region.js';
export {
  createHost,
  Host,
  HostConfigError,
  type HostInstallGrants,
  type HostOptions,
} from './host.js';
export type {
  HostExtensionPoint,
  HostInstalledApp,
  HostState,
  HostStore,
  HostWidgetInstance,
  HostWidgetStatus,
} from './store/host-store.js';
