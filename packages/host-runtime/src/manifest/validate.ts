import * as v from 'valibot';
import { ManifestSchema, type HostManifest } from './schema.js';

/** One thing wrong with a manifest: where, and the rule it breaks. */
export interface HostManifestIssue {
  /** Where in the manifest, for instance `widgets[2].url`; `''` for the manifest itself. */
  readonly path: string;
  /** The rule, for instance `must be https, or http on localhost`. */
  readonly message: string;
}

/**
 * A manifest that cannot be installed, with every problem found, not only
 * the first. The message lists them one a line: `widgets[2].url: must be …`.
 */
export class HostManifestError extends Error {
  override readonly name = 'HostManifestError';
  constructor(
    /** The app id, if the manifest had a readable one. */
    readonly appId: string | undefined,
    /** Every problem found. */
    readonly issues: readonly HostManifestIssue[],
  ) {
    super(
      `Invalid app manifest${appId ? ` "${appId}"` : ''}:\n` +
        issues.map((issue) => `  ${issue.path || '(manifest)'}: ${issue.message}`).join('\n'),
    );
  }
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key as string | number;
    path += typeof key === 'number' ? `[${key}]` : `${path ? '.' : ''}${key}`;
  }
  return path;
}

function messageOf(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.input !== undefined)
    return 'is not a field of this manifest format';
  if (issue.input === undefined) return 'is required';
  return issue.message;
}

/** Checks the rules that span fields, on a manifest that passed the schema. */
function crossFieldIssues(manifest: HostManifest): HostManifestIssue[] {
  const issues: HostManifestIssue[] = [];
  const onOrigin = (url: string, path: string) => {
    if (new URL(url).origin !== manifest.origin) {
      issues.push({ path, message: `must be on the manifest's origin ${manifest.origin}` });
    }
  };
  unique(manifest.widgets, 'widgets', issues);
  manifest.widgets.forEach((widget, i) => {
    onOrigin(widget.url, `widgets[${i}].url`);
    const { min, max, initial } = widget.height;
    if (min > max)
      issues.push({ path: `widgets[${i}].height`, message: 'min must not exceed max' });
    else if (initial < min || initial > max) {
      issues.push({
        path: `widgets[${i}].height.initial`,
        message: `must be between min (${min}) and max (${max})`,
      });
    }
  });
  unique(manifest.dialogs ?? [], 'dialogs', issues);
  const dialogIds = new Set(manifest.dialogs?.map((dialog) => dialog.id));
  manifest.dialogs?.forEach((dialog, i) => {
    onOrigin(dialog.url, `dialogs[${i}].url`);
    if (typeof dialog.size === 'object') {
      for (const side of ['width', 'height'] as const) {
        if (dialog.size[side].min > dialog.size[side].max) {
          issues.push({ path: `dialogs[${i}].size.${side}`, message: 'min must not exceed max' });
        }
      }
    }
  });
  if (manifest.connector) onOrigin(manifest.connector.url, 'connector.url');
  const needsConnector = (path: string, what: string) => {
    if (!manifest.connector) {
      issues.push({
        path,
        message: `${what} needs the manifest's connector, which it does not have`,
      });
    }
  };
  unique(manifest.columns ?? [], 'columns', issues);
  unique(manifest.actions ?? [], 'actions', issues);
  manifest.columns?.forEach((_, i) => {
    needsConnector(`columns[${i}]`, 'a column');
  });
  manifest.actions?.forEach((action, i) => {
    if (action.run === 'connector') needsConnector(`actions[${i}].run`, 'running on the connector');
    else if (action.run !== 'server' && !dialogIds.has(action.run.dialog)) {
      issues.push({
        path: `actions[${i}].run.dialog`,
        message: `"${action.run.dialog}" is not one of the manifest's dialogs`,
      });
    }
    if (action.state === 'connector')
      needsConnector(`actions[${i}].state`, 'a state from the connector');
  });
  return issues;
}

/** Reports an id used twice in one part of the manifest. */
function unique(
  items: readonly { readonly id: string }[],
  part: string,
  issues: HostManifestIssue[],
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else
      issues.push({
        path: `${part}[${i}].id`,
        message: `"${item.id}" is already the id of ${part}[${first}]`,
      });
  });
}

/**
 * Validates an app manifest (for instance parsed JSON from a vendor) and
 * returns it typed. Throws {@link HostManifestError} listing every problem.
 */
export function validateManifest(input: unknown): HostManifest {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new HostManifestError(undefined, [{ path: '', message: 'must be a JSON object' }]);
  }
  const parsed = v.safeParse(ManifestSchema, input);
  const { id } = input as { id?: unknown };
  const appId = typeof id === 'string' ? id : undefined;
  if (!parsed.success) {
    throw new HostManifestError(
      appId,
      parsed.issues.map((issue) => ({ path: pathOf(issue), message: messageOf(issue) })),
    );
  }
  const issues = crossFieldIssues(parsed.output);
  if (issues.length > 0) throw new HostManifestError(appId, issues);
  return parsed.output;
}
