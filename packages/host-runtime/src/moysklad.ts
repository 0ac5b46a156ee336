/**
 * `@plugboard/host-runtime/moysklad`: apps written for MoySklad's widget
 * protocol. For now, the descriptor's conversion into a Plugboard app
 * manifest; the raw-postMessage adapter that runs such widgets comes next.
 */
export {
  MOYSKLAD_NAMESPACE,
  MOYSKLAD_SUPPORTS,
  MOYSKLAD_USES,
  MoySkladDescriptorError,
  type MoySkladConversion,
  type MoySkladConvertOptions,
  type MoySkladSupport,
  type MoySkladUnsupported,
  type MoySkladUse,
  type MoySkladWidget,
} from './compat/moysklad/types.js';
export { convertMoySkladDescriptor } from './compat/moysklad/descriptor.js';
