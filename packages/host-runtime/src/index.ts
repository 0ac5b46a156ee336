/**
 * `@plugboard/host-runtime`: what a host product imports to declare extension
 * points and mount vendors' widgets.
 *
 * @module @plugboard/host-runtime
 */
export {
  ErrorCode,
  PlugboardError,
  PROTOCOL_VERSION,
  type DraftEntity,
  type DraftOrigin,
  type JsonValue,
  type Permission,
  type RefusedField,
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
export type { HostIdentityClaims, HostIdentityOptions } from './identity/identity-service.js';
export type { HostMessagesOptions, MessageBroker } from './messages/broker.js';
export type {
  HostStorageAdapter,
  HostStorageAddress,
  HostStorageOptions,
  HostStorageQuota,
  HostStorageRecord,
} from './storage/types.js';
export {
  HostManifestError,
  validateManifest,
  type HostManifestIssue,
} from './manifest/validate.js';
export type {
  HostDialogSize,
  HostManifest,
  HostManifestDialog,
  HostManifestWidget,
} from './manifest/schema.js';
export { HostDialogs } from './dialogs/host-dialogs.js';
export {
  HostDraft,
  type DraftMember,
  type HostDraftDirt,
  type HostDraftOptions,
} from './drafts/draft.js';
export type {
  HostSaveOptions,
  HostSaveReport,
  HostValidationAnswer,
  HostWidgetSave,
} from './drafts/save-flow.js';
export type { MountDraft, MountHost, MountHostOptions } from './frames/mount-host.js';
export {
  MAX_DIALOG_DEPTH,
  type HostAppDialogOutcome,
  type HostAppDialogRequest,
  type HostDialogAsk,
  type HostSelector,
  type HostSelectorOwnPicker,
  type HostStandardDialogRenderer,
} from './dialogs/types.js';
// The dialog layer's elements load with it, at the first dialog
// (host.dialogs.load() fetches them ahead): their types are here.
export type {
  HostDialogElement,
  HostDialogDismissEvent,
  HostDialogDismissal,
  HostDialogStopAppEvent,
  HostDialogWidth,
} from './dialogs/dialog-element.js';
export type {
  HostDialogOutcomeEvent,
  HostStandardDialogElement,
  HostStandardDialogOutcome,
  HostStandardDialogRequest,
} from './dialogs/standard-dialog-element.js';
export type {
  HostPickerElement,
  HostPickerOutcome,
  HostSelectorItem,
  HostSelectorSource,
} from './dialogs/picker-element.js';
export { HostWidgetFrameElement, HostWidgetRetryEvent } from './frames/widget-frame-element.js';
export { HostPanelSlotElement } from './elements/panel-slot.js';
// The toast region loads with the first toast (host.showToast); its type is here.
export type { HostToast, HostToastRegionElement, HostToastTone } from './elements/toast-region.js';
export {
  createHost,
  Host,
  HostConfigError,
  type HostContextChanges,
  type HostInstallGrants,
  type HostOptions,
  type HostWidgetError,
  type HostServerActionCall,
  type HostServerActions,
  type HostTransport,
  type HostFrameGrants,
} from './host.js';
export type {
  HostContext,
  HostExtensionPoint,
  HostInstalledApp,
  HostState,
  HostStore,
  HostWidgetInstance,
  HostWidgetStatus,
} from './store/host-store.js';
