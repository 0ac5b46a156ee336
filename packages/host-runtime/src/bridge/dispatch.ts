import {
  DEFERRED_METHODS,
  HOST_METHODS,
  INTERACTIVE_METHODS,
  type WidgetContext,
  PlugboardError,
  type Envelope,
  type HostMethodName,
  type MethodSpec,
} from '@plugboard/widget-sdk/protocol';
import * as v from 'valibot';
import { serviceFor, type HostServices } from '../services/host-services.js';
import { checkParams } from './check-params.js';
import type { CallLimiter, HostBridgeLimits } from './limits.js';

/** What the pipeline needs to know about the calling widget. */
export interface CallerInfo {
  readonly appId: string;
  /** The app's display name, for messages. */
  readonly appName: string;
  readonly instanceId: string;
  /** The widget's context now, handed to services. */
  readonly context: () => WidgetContext;
  readonly permissions: ReadonlySet<string>;
  readonly services: HostServices;
  readonly limits: HostBridgeLimits;
  readonly limiter: CallLimiter;
  /** Aborted when the connection is destroyed. */
  readonly signal: AbortSignal;
  /** Cancels a running call by its frame id, when the widget gives up on it. */
  readonly cancels: Map<number, () => void>;
}

/**
 * Runs one call from a widget through the guards, in order: permission,
 * schema, pending cap, the service with its time limit (none for calls that
 * wait for the user), and a check of the service's result. (Its rate and
 * size were checked before it was parsed: see admission.ts.) Always
 * settles, with an envelope: errors are data here, never exceptions.
 * `id` is the call's frame id, by which the widget may cancel it.
 */
export async function dispatchCall(
  caller: CallerInfo,
  method: string,
  params: unknown,
  id: number,
): Promise<Envelope> {
  try {
    const found = specOf(method);
    const spec = found instanceof Promise ? await found : found;
    if (!spec) {
      throw new PlugboardError('unsupported', `There is no host method "${method}".`);
    }
    const rule = spec.permission;
    const permission = typeof rule === 'function' ? rule(params) : rule;
    if (permission && !caller.permissions.has(permission)) {
      throw new PlugboardError(
        'permission_denied',
        `${caller.appName} needs the "${permission}" permission to call ${method}.`,
        { permission },
      );
    }
    const valid: unknown = checkParams(spec.params, params, method);
    if (!caller.limiter.begin()) {
      throw new PlugboardError(
        'busy',
        `${caller.appName} already has ${caller.limits.maxPendingCalls} calls waiting for the host; ${method} was refused.`,
      );
    }
    try {
      const value = await runService(caller, method as HostMethodName, spec, valid, id);
      return { ok: true, value };
    } finally {
      caller.limiter.end();
    }
  } catch (error) {
    return { ok: false, error: asPlugboardError(error, caller, method).toJSON() };
  }
}

type MethodTable = Readonly<Record<string, MethodSpec>>;

/** DEFERRED_HOST_METHODS (dialogs, selectors, lists, data services): loading at the first such call, then loaded. */
let deferredLoad: Promise<MethodTable> | undefined;
let deferredTable: MethodTable | undefined;

const inTable = (table: MethodTable, method: string) =>
  Object.hasOwn(table, method) ? table[method] : undefined;

/**
 * A host method's spec, or `undefined` when there is no such method: at
 * once for the up-front table and, once loaded, the deferred one (calls
 * take no extra turn); a promise only while the deferred table loads.
 */
function specOf(method: string): MethodSpec | undefined | Promise<MethodSpec | undefined> {
  const spec = inTable(HOST_METHODS, method) ?? (deferredTable && inTable(deferredTable, method));
  if (spec || deferredTable || !(DEFERRED_METHODS as readonly string[]).includes(method))
    return spec;
  deferredLoad ??= import('./deferred-methods.js').then(
    (m): MethodTable => (deferredTable = m.DEFERRED_HOST_METHODS),
  );
  return deferredLoad.then((table) => inTable(table, method));
}

async function runService(
  caller: CallerInfo,
  method: HostMethodName,
  spec: MethodSpec,
  params: unknown,
  id: number,
): Promise<unknown> {
  if (method === 'ping') return 'pong';
  const handler = serviceFor(caller.services, method);
  const controller = new AbortController();
  const cancel = () => {
    controller.abort(
      new PlugboardError('cancelled', `${method} was cancelled: the connection was closed.`),
    );
  };
  caller.signal.addEventListener('abort', cancel);
  caller.cancels.set(id, () => {
    controller.abort(new PlugboardError('cancelled', `${method} was cancelled by the widget.`));
  });
  // A person takes as long as they take: no time limit for them.
  const timer = INTERACTIVE_METHODS.has(method)
    ? undefined
    : setTimeout(() => {
        controller.abort(
          new PlugboardError(
            'timeout',
            `The host's ${method} service did not answer within ${caller.limits.serviceTimeoutMs} ms.`,
          ),
        );
      }, caller.limits.serviceTimeoutMs);
  const stopped = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => {
      reject(controller.signal.reason as Error);
    });
  });
  try {
    const info = {
      appId: caller.appId,
      instanceId: caller.instanceId,
      context: caller.context(),
      signal: controller.signal,
    };
    const result = await Promise.race([
      Promise.resolve().then(() => handler(params as never, info)),
      stopped,
    ]);
    const checked = v.safeParse(spec.result, result);
    if (!checked.success) {
      console.error(
        `[plugboard] The host's ${method} service returned a result that breaks the protocol:`,
        checked.issues,
      );
      throw new PlugboardError('host_error', `The host's ${method} service failed.`);
    }
    return checked.output;
  } finally {
    clearTimeout(timer);
    caller.signal.removeEventListener('abort', cancel);
    caller.cancels.delete(id);
  }
}

/** Any failure as a PlugboardError; a service's own exception is logged here and never sent. */
function asPlugboardError(error: unknown, caller: CallerInfo, method: string): PlugboardError {
  if (error instanceof PlugboardError) return error;
  console.error(`[plugboard] The host's ${method} service failed for ${caller.appId}:`, error);
  return new PlugboardError('host_error', `The host's ${method} service failed.`);
}
