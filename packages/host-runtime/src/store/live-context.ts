import { WidgetContextSchema, type Theme } from '@plugboard/widget-sdk/protocol';
import * as v from 'valibot';
import { HostConfigError } from '../config-error.js';
import type { HostContext } from './host-store.js';

/** What `host.setContext()` may change: any of the theme, the locale and the user's name. */
export interface HostContextChanges {
  readonly theme?: Theme;
  readonly locale?: string;
  readonly user?: { readonly name: string };
}

const { user, locale, theme } = WidgetContextSchema.entries;
const ContextSchema = v.strictObject({ user, locale, theme });

/**
 * The live context with `changes`, checked as widgets will check it (a
 * theme, locale or name they could not take would break each one's next
 * `open`). Throws {@link HostConfigError} naming what is wrong; the user's
 * id cannot change.
 */
export function changedContext(current: HostContext, changes: HostContextChanges): HostContext {
  const next = { ...current, ...changes, user: { ...current.user, ...changes.user } };
  const checked = v.safeParse(ContextSchema, next);
  if (!checked.success) {
    const [issue] = checked.issues;
    throw new HostConfigError(
      `setContext: ${v.getDotPath(issue) ?? 'the context'}: ${issue.message}`,
    );
  }
  if (next.user.id !== current.user.id) {
    throw new HostConfigError(
      `setContext: the user's id cannot change (${current.user.id}); another user needs a host of their own.`,
    );
  }
  return checked.output;
}
