import * as v from 'valibot';
import { bounded, LIMITS } from './bounds.js';
import { normalizeHostPath } from './host-path.js';
import { DRAFT_HOST_METHODS } from './draft-methods.js';
import { DEFERRED_HOST_METHODS } from './deferred-methods.js';
import type { MethodSpec, Permission, PermissionRule } from './method-spec.js';

const NoParams = v.undefined();
const NoResult = v.undefined();

export type { MethodSpec, Permission, PermissionRule } from './method-spec.js';

/**
 * The methods a widget may call on the host, but for those a host loads
 * at their first call (DEFERRED_HOST_METHODS: dialogs, selectors,
 * `cells.invalidate`, messages, storage, identity): their parameter and result schemas, and the
 * permission each needs. These two tables are the one place that says which
 * permission guards which method.
 */
export const HOST_METHODS = {
  /** Health check and latency probe. */
  ping: { params: NoParams, result: v.literal('pong'), permission: null },
  /** The widget's content height in CSS pixels; the host clamps it to the manifest's bounds. */
  'widget.resize': {
    params: v.strictObject({
      height: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100_000)),
    }),
    result: NoResult,
    permission: null,
  },
  /** Whether the widget holds unsaved changes; the host asks before leaving the entity. */
  'widget.setDirty': {
    params: v.strictObject({ dirty: v.boolean() }),
    result: NoResult,
    permission: null,
  },
  ...DRAFT_HOST_METHODS,
  /** Shows a toast in the host. */
  'toasts.show': {
    params: v.strictObject({
      message: bounded(LIMITS.text),
      tone: v.optional(v.picklist(['info', 'success', 'warning', 'error'])),
    }),
    result: NoResult,
    permission: 'toasts',
  },
  /**
   * Navigates the host to a path of its own, for instance `/orders/42`, in
   * this tab or a new one; `not_found` when the host has no page there.
   * Anything else (`//evil.example`, `/\\evil.example`, `https://…`) is
   * refused; the host's service gets the path normalised (`..` resolved).
   */
  'navigation.go': {
    params: v.strictObject({
      to: v.pipe(
        v.string(),
        v.maxLength(LIMITS.path),
        v.check(
          (to) => normalizeHostPath(to) !== undefined,
          "must be a path on the host's own origin, such as /orders/42 (not //…, a backslash, a scheme, spaces or control characters)",
        ),
        v.transform((to) => normalizeHostPath(to) ?? to),
      ),
      /** Open the path in a new tab instead of this one. Default `false`. */
      newTab: v.optional(v.boolean()),
    }),
    result: NoResult,
    permission: 'navigation',
  },
} as const satisfies Record<string, MethodSpec>;

type HostTable = typeof HOST_METHODS & typeof DEFERRED_HOST_METHODS;

/** Every host method, both tables: for tools and tests; a host loads DEFERRED_HOST_METHODS lazily. */
export const ALL_HOST_METHODS: HostTable = /* @__PURE__ */ Object.assign(
  {},
  HOST_METHODS,
  DEFERRED_HOST_METHODS,
);

/** The name of a method a widget may call on the host. */
export type HostMethodName = keyof HostTable;

/** What a widget passes to a host method. */
export type HostMethodParams<M extends HostMethodName> = v.InferInput<HostTable[M]['params']>;

/** What a host method resolves with. */
export type HostMethodResult<M extends HostMethodName> = v.InferOutput<HostTable[M]['result']>;

/** The host's methods as a widget sees them. */
export type HostMethods = {
  [M in HostMethodName]: (params: HostMethodParams<M>) => Promise<HostMethodResult<M>>;
};

/** The permission a call needs; see {@link HOST_METHODS}. */
export function permissionFor(
  method: HostMethodName,
  params: unknown,
): Permission | null | undefined {
  const rule: PermissionRule = ALL_HOST_METHODS[method].permission;
  return typeof rule === 'function' ? rule(params) : rule;
}

/** Whether `name` is a host method of this protocol version. */
export function isHostMethod(name: string): name is HostMethodName {
  return Object.hasOwn(ALL_HOST_METHODS, name);
}
