/**
 * `@plugboard/react`: React bindings for a Plugboard host. The host in
 * context (`HostProvider`, `useHost`), components for the runtime's
 * elements (`PanelSlot`, `ToastRegion`; lists and the inspector in their
 * own entries), drafts as hooks (`useOpenDraft`, `useDraft`), the leave
 * guard (`useLeaveGuard`), and JSX typings for the custom elements.
 *
 * @module @plugboard/react
 */
import '@plugboard/host-runtime';

export { HostProvider, useHost, type HostProviderProps } from './host-context.js';
export { PanelSlot, ToastRegion, type PanelSlotProps } from './components.js';
export {
  useDraft,
  useLeaveGuard,
  useOpenDraft,
  type DraftSnapshot,
  type LeaveBlocker,
  type LeaveGuard,
} from './hooks.js';
export type { ElementProps } from './element.js';
export type { PlugboardElements } from './jsx.js';
