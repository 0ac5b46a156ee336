import { PlugboardError, type Envelope } from '@plugboard/widget-sdk/protocol';
import type { CallerInfo } from './dispatch.js';

const encoder = new TextEncoder();
// eslint-disable-next-line no-control-regex
const NOT_ASCII = /[^\u0000-\u007f]/;

/**
 * The UTF-8 size of a frame, exact where it matters: a UTF-16 unit is at
 * least one UTF-8 byte and at most three, so a frame longer in units than
 * `limit`, or under a third of it, needs no counting, and an ASCII frame is
 * as many bytes as units. Only the rest is encoded to be counted.
 */
function byteLength(frame: string, limit: number): number {
  if (frame.length > limit || frame.length * 3 <= limit || !NOT_ASCII.test(frame)) {
    return frame.length;
  }
  return encoder.encode(frame).byteLength;
}

const refuse = (
  code: 'busy' | 'invalid_params',
  message: string,
  details?: PlugboardError['details'],
): Envelope => ({
  ok: false,
  error: new PlugboardError(code, message, details).toJSON(),
});

/**
 * Decides, before a call is parsed, whether the host reads it at all. Every
 * call takes a rate token, refused or not, so a flood of bad calls is
 * throttled too. Then: a call over `maxPayloadBytes` is `invalid_params`; a
 * widget over its call rate, or over its budget of bytes read per window
 * (`maxBytesPerWindow`: what bounds the host's work when every call is as
 * large as allowed), is `busy`. Refused calls are never parsed.
 */
export function admitCall(caller: CallerInfo, method: string, frame: string): Envelope | undefined {
  const { limits, limiter, appName } = caller;
  const withinRate = limiter.take();
  const bytes = byteLength(frame, limits.maxPayloadBytes);
  if (bytes > limits.maxPayloadBytes) {
    return refuse(
      'invalid_params',
      `${method}: the call is at least ${bytes} bytes, over the ${limits.maxPayloadBytes}-byte limit; it was not read.`,
      { bytes, limit: limits.maxPayloadBytes },
    );
  }
  if (!withinRate) {
    return refuse(
      'busy',
      `${appName} made more than ${limits.maxCallsPerWindow} calls within ${limits.rateWindowMs} ms; ${method} was refused. Try again shortly.`,
    );
  }
  if (!limiter.takeBytes(bytes)) {
    return refuse(
      'busy',
      `${appName} sent more than ${limits.maxBytesPerWindow} bytes within ${limits.rateWindowMs} ms; ${method} was refused unread. Send less, or try again shortly.`,
    );
  }
  return undefined;
}
