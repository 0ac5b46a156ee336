import type { Envelope } from './wire.js';

/** Options of a `Channel` (channel.ts): who answers its calls, and what it admits. */
export interface ChannelOptions {
  /** Answers one incoming call. */
  readonly serve: FrameServer;
  /**
   * Sees every incoming call before it is parsed, with its frame (a string
   * whose length is known at no cost): an envelope refuses the call unread,
   * `undefined` lets it through. The host checks size and rate here.
   */
  readonly admit?: (method: string, frame: string) => Envelope | undefined;
  /**
   * Answers longer than this (in UTF-16 units, a lower bound of their
   * bytes) are not parsed: the call they answer gets `invalid_params`.
   * Default: no limit.
   */
  readonly maxAnswerLength?: number;
  /** The caller of incoming call `id` no longer waits for it: stop the work if you can. */
  readonly cancel?: (id: number) => void;
}

/** Answers one incoming call; `id` names it in a later `cancel`. */
export type FrameServer = (
  method: string,
  params: unknown,
  id: number,
) => Envelope | Promise<Envelope>;
