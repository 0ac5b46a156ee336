import {
  formatRange,
  negotiateVersion,
  PlugboardError,
  PROTOCOL_RANGE,
  type ProtocolRange,
  type WidgetHello,
} from '@plugboard/widget-sdk/protocol';

function isRange(value: unknown): value is ProtocolRange {
  const range = value as Partial<ProtocolRange> | null;
  return typeof range?.min === 'number' && typeof range.max === 'number';
}

/**
 * The protocol version to speak with a widget, from its hello, or a
 * `version_mismatch` naming both ranges and what to update.
 */
export function negotiate(hello: unknown): number | PlugboardError {
  const protocol = (hello as Partial<WidgetHello> | null)?.protocol;
  const theirs = isRange(protocol) ? protocol : undefined;
  const version = theirs && negotiateVersion(PROTOCOL_RANGE, theirs);
  if (version !== undefined) return version;
  return new PlugboardError(
    'version_mismatch',
    `The widget speaks protocol ${theirs ? formatRange(theirs) : '(none given)'}; the host speaks ${formatRange(PROTOCOL_RANGE)}. Update @plugboard/widget-sdk or @plugboard/host-runtime so that they share a version.`,
  );
}
