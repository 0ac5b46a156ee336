/**
 * `@plugboard/host-runtime`: what a host product imports to declare extension
 * points and mount vendors' widgets.
 */
export { PROTOCOL_VERSION } from '@plugboard/widget-sdk/protocol';
export {
  HostWidgetFrameElement,
  HostWidgetRetryEvent,
  type HostWidgetStatus,
} from './elements/widget-frame.js';
