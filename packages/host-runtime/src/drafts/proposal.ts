import {
  PlugboardError,
  type HostMethodParams,
  type JsonValue,
  type RefusedField,
} from '@plugboard/widget-sdk/protocol';
import type { DraftMember } from '../frames/mount-host.js';
import type { HostDraftOptions } from './types.js';

type JsonObject = { [key: string]: JsonValue };

/** What a proposal is weighed against: the draft as it is, and the host's say. */
export interface ProposalContext {
  readonly type: string;
  readonly data: Readonly<JsonObject>;
  /** The version at which a field last changed (0: never). */
  readonly changedAt: (path: string) => number;
  readonly apply: HostDraftOptions['apply'];
  /** The user may not edit the entity: nothing is weighed. */
  readonly readOnly: boolean | undefined;
}

/**
 * Weighs a widget's `entity.update`: a field the app may not write is
 * `not_writable`, one changed after `baseVersion` a `conflict`, one the
 * host's `apply` refuses `refused` with its reason; the rest is accepted.
 * With `atomic`, any refusal refuses it all, and the host is not asked
 * about a part of it. On a read-only draft it throws `permission_denied`.
 * Loaded at the first update (draft.ts).
 */
export async function proposal(
  member: DraftMember,
  { changes, baseVersion, atomic }: HostMethodParams<'entity.update'>,
  draft: ProposalContext,
): Promise<{ accepted: JsonObject; refused: RefusedField[] }> {
  if (draft.readOnly) {
    throw new PlugboardError('permission_denied', `This ${draft.type} is read-only for you.`);
  }
  const refused: RefusedField[] = [];
  const wanted: JsonObject = {};
  for (const [path, value] of Object.entries(changes)) {
    if (!member.writable.has(path)) {
      refused.push({
        path,
        code: 'not_writable',
        reason: `${member.appName} may not write ${path} of a ${draft.type}.`,
      });
    } else if (baseVersion !== undefined && draft.changedAt(path) > baseVersion) {
      refused.push({
        path,
        code: 'conflict',
        reason: `${path} changed after version ${baseVersion} (it is at ${draft.changedAt(path)}); read the draft again.`,
      });
    } else {
      wanted[path] = value;
    }
  }
  const none = { accepted: {}, refused };
  if (atomic && refused.length > 0) return none;
  if (Object.keys(wanted).length > 0 && draft.apply) {
    const refusals = (await draft.apply(wanted, { appId: member.appId, data: draft.data })) ?? {};
    for (const [path, reason] of Object.entries(refusals)) {
      if (Object.hasOwn(wanted, path)) refused.push({ path, code: 'refused', reason });
    }
  }
  if (atomic && refused.length > 0) return none;
  const accepted = Object.fromEntries(
    Object.entries(wanted).filter(([path]) => !refused.some((r) => r.path === path)),
  );
  return { accepted, refused };
}
