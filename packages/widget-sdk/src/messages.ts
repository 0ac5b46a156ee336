/**
 * @plugboard/widget-sdk/messages: topics between an app's widgets, through
 * the host's broker. Its own entry, so widgets that send no messages do not
 * carry it.
 *
 * @module @plugboard/widget-sdk/messages
 */
import type { WidgetClient } from './client.js';
import { PlugboardError } from './protocol/errors.js';
import type { JsonValue } from './protocol/json.js';
import {
  MAX_MESSAGE_BATCH,
  type IncomingMessage,
  type OutgoingMessage,
} from './protocol/message-methods.js';

export type { IncomingMessage } from './protocol/message-methods.js';

/** Options of {@link Messages.publish}. */
export interface PublishOptions {
  /** Send it to this instance of the app only (its `context.instanceId`). */
  readonly to?: string;
  /** Keep it as the topic's last value: a widget that subscribes later gets it first. */
  readonly retain?: boolean;
  /** The shared topic of this name (declared in the manifest's `topics` and granted), across apps. */
  readonly shared?: boolean;
}

/** Options of {@link Messages.subscribe}. */
export interface SubscribeOptions {
  /** The shared topic of this name, across apps. */
  readonly shared?: boolean;
}

/** Hears one topic's messages: the payload, and the whole message (sender, whether kept). */
export type MessageListener = (payload: JsonValue, message: IncomingMessage) => void;

/** An app's topics, as one widget sees them: from {@link messagesOf}. */
export interface Messages {
  /**
   * Sends `payload` on `topic` to the app's other widgets that subscribed
   * (never to this one). Messages published in one task go to the host as
   * one call, and arrive in the order published. Rejects with `busy` when a
   * receiver's queue is full (none of that call's messages was sent: try
   * again later), `not_found` for a `to` that does not listen,
   * `permission_denied` without the `messages` permission or for a shared
   * topic not granted.
   */
  publish(topic: string, payload: JsonValue, options?: PublishOptions): Promise<void>;
  /**
   * Hears `topic`; the host sends its kept last value first, if any.
   * Resolves, once the host knows, with a function that stops hearing it.
   */
  subscribe(
    topic: string,
    listener: MessageListener,
    options?: SubscribeOptions,
  ): Promise<() => Promise<void>>;
}

const made = new WeakMap<WidgetClient, Messages>();

/** This widget's {@link Messages}: one per client. */
export function messagesOf(client: WidgetClient): Messages {
  let messages = made.get(client);
  if (!messages) made.set(client, (messages = create(client)));
  return messages;
}

function create(client: WidgetClient): Messages {
  const listeners = new Map<string, Set<MessageListener>>();
  const keyOf = (topic: string, shared: boolean | undefined) => `${shared ? 's' : 'a'}:${topic}`;
  client.handle('messages', ({ messages }) => {
    for (const message of messages) {
      for (const listener of listeners.get(keyOf(message.topic, message.shared)) ?? []) {
        try {
          listener(message.payload, message);
        } catch (error) {
          console.error(`[plugboard] A listener of "${message.topic}" threw:`, error);
        }
      }
    }
  });

  let pending: { message: OutgoingMessage; settle: [() => void, (e: unknown) => void] }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    for (let i = 0; i < batch.length; i += MAX_MESSAGE_BATCH) {
      const part = batch.slice(i, i + MAX_MESSAGE_BATCH);
      client.messages.send({ messages: part.map((entry) => entry.message) }).then(
        () => {
          for (const { settle } of part) settle[0]();
        },
        (error: unknown) => {
          for (const { settle } of part) settle[1](error);
        },
      );
    }
  };

  return {
    publish(topic, payload, options = {}) {
      return new Promise<void>((resolve, reject) => {
        if (pending.length === 0) queueMicrotask(flush);
        pending.push({ message: { topic, payload, ...options }, settle: [resolve, reject] });
      });
    },
    async subscribe(topic, listener, options = {}) {
      const key = keyOf(topic, options.shared);
      let set = listeners.get(key);
      const first = !set;
      if (!set) listeners.set(key, (set = new Set()));
      set.add(listener);
      try {
        if (first) await client.messages.subscribe({ topic, ...options });
      } catch (error) {
        set.delete(listener);
        if (set.size === 0) listeners.delete(key);
        throw error instanceof PlugboardError
          ? error
          : new PlugboardError('host_error', String(error));
      }
      return async () => {
        if (!set.delete(listener) || set.size > 0) return;
        listeners.delete(key);
        await client.messages.unsubscribe({ topic, ...options });
      };
    },
  };
}
