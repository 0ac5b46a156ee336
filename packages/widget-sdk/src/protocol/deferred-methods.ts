import { DIAGNOSTIC_HOST_METHODS } from './diagnostic-methods.js';
import { DRAFT_DEFERRED_HOST_METHODS } from './draft-methods.js';
import type { MethodSpec } from './method-spec.js';
import { IDENTITY_HOST_METHODS } from './identity-methods.js';
import { LIST_HOST_METHODS } from './list-methods.js';
import { MESSAGE_HOST_METHODS } from './message-methods.js';
import { STORAGE_HOST_METHODS } from './storage-methods.js';
import { UI_METHODS } from './ui-methods.js';

/**
 * The host methods a host loads at their first call: `entity.update`, dialogs and selectors
 * (whose dialog layer loads at first use too), the connector's
 * `cells.invalidate`, and the data services' (`messages.*`, `storage.*`,
 * `identity.*`, `diagnostics.*`). They are kept apart from HOST_METHODS (as
 * LIST_WIDGET_METHODS are from WIDGET_METHODS) so that a card whose widgets
 * only read and update the entity never loads their schemas.
 */
// Made in a call marked pure, so a bundle that never reads the table drops it.
export const DEFERRED_HOST_METHODS = /* @__PURE__ */ (() =>
  ({
    ...DRAFT_DEFERRED_HOST_METHODS,
    ...UI_METHODS,
    ...LIST_HOST_METHODS,
    ...MESSAGE_HOST_METHODS,
    ...STORAGE_HOST_METHODS,
    ...IDENTITY_HOST_METHODS,
    ...DIAGNOSTIC_HOST_METHODS,
  }) as const satisfies Record<string, MethodSpec>)();
