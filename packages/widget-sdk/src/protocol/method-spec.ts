import type * as v from 'valibot';

// What a method table entry is: shared by the host methods and the methods
// a host loads at their first use (deferred-methods.ts), below both.

/**
 * A right to use one host service, declared in the app manifest:
 * `entity:read`, `entity:write`, `selectors:<selector>` (one per host
 * selector, for instance `selectors:goods`), `dialogs`, `toasts`,
 * `navigation`, `messages`, `storage`, `identity`.
 */
export type Permission =
  | 'entity:read'
  | 'entity:write'
  | `selectors:${string}`
  | 'dialogs'
  | 'toasts'
  | 'navigation'
  | 'messages'
  | 'storage'
  | 'identity';

/**
 * The permission a call needs, from its raw parameters. `null`: none.
 * `undefined`: the parameters are too malformed to say; the schema check that
 * follows rejects them.
 */
export type PermissionRule = Permission | null | ((params: unknown) => Permission | undefined);

/** One method's parameter and result schemas and the permission it needs. */
export interface MethodSpec {
  readonly params: v.GenericSchema;
  readonly result: v.GenericSchema;
  readonly permission: PermissionRule;
}
