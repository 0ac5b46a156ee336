import { WidgetContextSchema, type Theme } from '@plugboard/widget-sdk/protocol';
import * as v from 'valibot';
import { HostConfigError } from '../config-error.js';
import type { HostContext, HostStore } from './host-store.js';

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

/**
 * `host.setContext()`: the checked context goes in the store (the
 * runtime's elements follow it, widgets that load later get it), then
 * every live mount tells its page. Resolves once each has answered or
 * failed to.
 */
export async function setContext(
  host: {
    readonly store: HostStore;
    readonly mounts: ReadonlySet<{ tellContext(): Promise<unknown> | undefined }>;
  },
  changes: HostContextChanges,
): Promise<void> {
  host.store.setState({ context: changedContext(host.store.getState().context, changes) });
  await Promise.all([...host.mounts].flatMap((mount) => mount.tellContext() ?? []));
}
