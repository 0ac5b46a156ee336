import type { Envelope } from '@plugboard/widget-sdk/protocol';
import { ERR, type Message } from './messages.js';
import type { Verdicts } from './verdicts.js';

/** What the widget's state messages need of their connection. */
export interface StateContext {
  /** Whether the widget's descriptor declares the protocol (`dirty-state`, …). */
  readonly supports: (name: string) => boolean;
  /** Answers `message` with InvalidMessageError. */
  readonly invalid: (message: Message, code: number, error: string) => void;
  /** Calls a host method through the bridge's guards. */
  readonly call: (method: string, params: unknown) => Promise<Envelope>;
  readonly verdicts: Verdicts;
}

/**
 * The widget's fire-and-forget messages about its own state: SetDirty and
 * ClearDirty (the host's dirty flag) and ValidationFeedback (its verdict on
 * the last Change), each refused with 1004 when its descriptor does not
 * declare the protocol.
 */
export function stateMessages({ supports, invalid, call, verdicts }: StateContext) {
  const declared = (message: Message, protocol: string): boolean => {
    if (supports(protocol)) return true;
    invalid(
      message,
      ERR.protocol,
      `Widget does not support the protocol for ${String(message['name'])}`,
    );
    return false;
  };
  return {
    SetDirty: (message) => {
      if (declared(message, 'dirty-state')) void call('widget.setDirty', { dirty: true });
    },
    ClearDirty: (message) => {
      if (declared(message, 'dirty-state')) void call('widget.setDirty', { dirty: false });
    },
    ValidationFeedback: (message) => {
      if (declared(message, 'validation-feedback')) verdicts.heard(message, invalid);
    },
  } satisfies Record<string, (message: Message) => void>;
}
