import {
  trafficLogger,
  type PlugboardErrorCode,
  type TrafficLog,
} from '@plugboard/widget-sdk/protocol';
import { ERR, type Message } from './messages.js';

/** What a MoySklad error code reads as in the host's debug log. */
const LOGGED: Readonly<Record<number, PlugboardErrorCode>> = {
  [ERR.parallel]: 'busy',
  [ERR.protocol]: 'unsupported',
  [ERR.readOnly]: 'permission_denied',
  [ERR.host]: 'host_error',
};

/** The host's events a MoySklad page gets, as the log shows them (responses go with their request). */
const EVENTS = new Set(['Open', 'Change', 'Save', 'OpenPopup']);

/**
 * A MoySklad page's messages in the host's debug log (`createHost({ debug
 * })`, and so `<pb-inspector>`), named as MoySklad names them: the host's
 * events as it sends them, the page's messages once answered, an
 * InvalidMessageError's code as the outcome. `undefined` when the host
 * keeps no log.
 */
export function messageLog(option: TrafficLog | undefined, instanceId: string) {
  const log = trafficLogger(option);
  if (!log) return undefined;
  return {
    sent(message: Message): void {
      const name = String(message['name']);
      if (!EVENTS.has(name)) return;
      log({
        direction: 'host→widget',
        method: name,
        durationMs: 0,
        outcome: 'ok',
        instanceId,
        params: message,
      });
    },
    heard(
      message: Message,
      durationMs: number,
      error: { readonly code: number; readonly error: string } | undefined,
    ): void {
      log({
        direction: 'widget→host',
        method: String(message['name']),
        durationMs,
        outcome: error ? (LOGGED[error.code] ?? 'invalid_params') : 'ok',
        instanceId,
        params: message,
        ...(error ? { message: `${error.code}: ${error.error}` } : {}),
      });
    },
  };
}
