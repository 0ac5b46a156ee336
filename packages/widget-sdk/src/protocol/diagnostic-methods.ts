import * as v from 'valibot';
import { bounded, LIMITS } from './bounds.js';

/**
 * What went wrong in a widget's page, as `diagnostics.report` tells it:
 * `storage-denied` when the browser denied the page its own web storage or
 * cookies (a cross-site frame, in Safari, Brave or a private window);
 * `error` for any other error the page did not catch.
 */
export const DiagnosticKindSchema = v.picklist(['error', 'storage-denied']);

/** The diagnostics host methods. */
export const DIAGNOSTIC_HOST_METHODS = {
  /**
   * An error the widget's page did not catch, for the host's log and tools:
   * the SDK sends it by itself (at most 10 a page), and the dev host shows it
   * beside the widget with what to do. No permission; no answer to wait for.
   */
  'diagnostics.report': {
    params: v.strictObject({ kind: DiagnosticKindSchema, message: bounded(LIMITS.text) }),
    result: v.undefined(),
    permission: null,
  },
} as const;

/** A diagnostic's kind. */
export type DiagnosticKind = v.InferOutput<typeof DiagnosticKindSchema>;
