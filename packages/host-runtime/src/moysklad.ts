/**
 * `@plugboard/host-runtime/moysklad`: apps written for MoySklad's widget
 * protocol, installed from their XML descriptor and run unchanged over a
 * raw-postMessage adapter.
 *
 * @module @plugboard/host-runtime/moysklad
 */
export {
  MOYSKLAD_NAMESPACE,
  MOYSKLAD_SUPPORTS,
  MOYSKLAD_USES,
  MOYSKLAD_WIDGET_POINTS,
  MoySkladDescriptorError,
  moySkladSupportsAt,
  type MoySkladButton,
  type MoySkladConversion,
  type MoySkladConvertOptions,
  type MoySkladPopup,
  type MoySkladSupport,
  type MoySkladUnsupported,
  type MoySkladUse,
  type MoySkladWidget,
} from './compat/moysklad/types.js';
export {
  BUTTON_TIMEOUT_MS,
  type MoySkladButtonCall,
  type MoySkladButtonRequest,
} from './compat/moysklad/buttons.js';
export { convertMoySkladDescriptor } from './compat/moysklad/descriptor.js';
export {
  installMoySkladApp,
  moySkladPointsOf,
  type MoySkladInstallOptions,
  type MoySkladKeyRequest,
} from './compat/moysklad/install.js';
export { NAVIGATE_AFTER_MS } from './compat/moysklad/messages.js';
export {
  moySkladKeys,
  type MoySkladExchange,
  type MoySkladKeys,
  type MoySkladKeysOptions,
} from './compat/moysklad/keys.js';
