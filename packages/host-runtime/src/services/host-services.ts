import {
  PlugboardError,
  type HostMethodName,
  type HostMethodParams,
  type HostMethodResult,
  type WidgetContext,
} from '@plugboard/widget-sdk/protocol';

/** Who is calling a host service. */
export interface HostCallInfo {
  /** The calling app's id. */
  readonly appId: string;
  /** The calling widget instance. */
  readonly instanceId: string;
  /** The calling widget's context now: its entity, extension point, user, locale, theme. */
  readonly context: WidgetContext;
  /** Aborted when the call times out, the widget cancels it, or its connection is destroyed. */
  readonly signal: AbortSignal;
}

/**
 * A host service method: receives parameters that already passed the
 * permission guard and the schema check. Throw a `PlugboardError` to send a
 * specific code (`not_found`, `cancelled`, …); any other exception reaches the
 * widget as `host_error` without its message or stack.
 */
export type HostServiceHandler<M extends HostMethodName> = (
  params: HostMethodParams<M>,
  call: HostCallInfo,
) => HostMethodResult<M> | Promise<HostMethodResult<M>>;

/**
 * What the host lends to widgets, method by method. A method left out
 * answers `unsupported`. `ping` is answered by the bridge itself.
 */
export type HostServices = {
  readonly [M in Exclude<HostMethodName, 'ping'>]?: HostServiceHandler<M>;
};

/** The service for `method`, or `unsupported` when the host lends none. */
export function serviceFor<M extends Exclude<HostMethodName, 'ping'>>(
  services: HostServices,
  method: M,
): HostServiceHandler<M> {
  const service = services[method];
  if (!service) throw new PlugboardError('unsupported', `This host lends no ${method} service.`);
  return service;
}
