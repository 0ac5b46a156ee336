import {
  MESSAGE_WIDGET_METHODS,
  PlugboardError,
  type HostMethodParams,
  type IncomingMessage,
  type OutgoingMessage,
} from '@plugboard/widget-sdk/protocol';
import type { HostCallInfo } from '../services/host-services.js';

/** Options of the host's message broker. */
export interface HostMessagesOptions {
  /**
   * How many messages may wait for one receiver. A send that would pass it
   * is refused whole with `busy`: nothing is dropped unseen. Default 1 000.
   */
  readonly queueLength?: number;
}

/** What the broker needs to know of an app: its id and the shared topics it was granted. */
export interface BrokerApp {
  readonly appId: string;
  /** Shared topics the manifest declares and the installation grants. */
  readonly sharedTopics: ReadonlySet<string>;
}

/** Hands a batch of messages to one widget; rejects when the widget is gone or did not take them. */
export type Deliver = (messages: IncomingMessage[]) => Promise<unknown>;

interface Receiver {
  readonly appId: string;
  readonly instanceId: string;
  readonly deliver: Deliver;
  readonly keys: Set<string>;
  readonly queue: IncomingMessage[];
  pumping: boolean;
}

/** The most messages one `messages` call to a widget carries. */
const DELIVERY_BATCH = 250;

/**
 * The host page's message broker. Topics are per app (`<app>\n<topic>`) or
 * shared (`\n<topic>`, for apps granted it). Each receiver has a bounded
 * queue and gets its messages in batches, one call at a time, so they
 * arrive in the order they were sent; the sender never gets its own.
 */
export class MessageBroker {
  /** The schemas of the widget method the broker calls (`messages`), for a subscriber's connection. */
  readonly widgetMethods = MESSAGE_WIDGET_METHODS;

  readonly #queueLength: number;
  readonly #appOf: (appId: string) => BrokerApp | undefined;
  readonly #receivers = new Map<string, Receiver>();
  /** Subscribers by topic key. */
  readonly #topics = new Map<string, Set<Receiver>>();
  /** The kept last value of a topic key. */
  readonly #retained = new Map<string, IncomingMessage>();

  constructor(appOf: (appId: string) => BrokerApp | undefined, options: HostMessagesOptions = {}) {
    this.#appOf = appOf;
    this.#queueLength = options.queueLength ?? 1_000;
  }

  /** Starts delivering a topic to the calling widget, its kept value first. */
  subscribe(
    { topic, shared }: HostMethodParams<'messages.subscribe'>,
    call: HostCallInfo,
    deliver: Deliver,
  ): void {
    const key = this.#key(call.appId, topic, shared ?? false);
    let receiver = this.#receivers.get(call.instanceId);
    if (!receiver) {
      receiver = {
        appId: call.appId,
        instanceId: call.instanceId,
        deliver,
        keys: new Set(),
        queue: [],
        pumping: false,
      };
      this.#receivers.set(call.instanceId, receiver);
    }
    if (receiver.keys.has(key)) return;
    receiver.keys.add(key);
    let subscribers = this.#topics.get(key);
    if (!subscribers) this.#topics.set(key, (subscribers = new Set()));
    subscribers.add(receiver);
    const kept = this.#retained.get(key);
    if (kept && kept.from.instanceId !== call.instanceId) {
      receiver.queue.push({ ...kept, retained: true });
      this.#pump(receiver);
    }
  }

  /** Stops delivering a topic to the calling widget. */
  unsubscribe(
    { topic, shared }: HostMethodParams<'messages.unsubscribe'>,
    call: HostCallInfo,
  ): void {
    const key = this.#key(call.appId, topic, shared ?? false);
    const receiver = this.#receivers.get(call.instanceId);
    if (!receiver?.keys.delete(key)) return;
    this.#unlink(receiver, key);
  }

  /**
   * Queues a call's messages for their receivers, all or none: `busy` when
   * one receiver's queue has no room for what it would get.
   */
  send({ messages }: HostMethodParams<'messages.send'>, call: HostCallInfo): void {
    const plan: [Receiver, IncomingMessage][] = [];
    const room = new Map<Receiver, number>();
    const from = { appId: call.appId, instanceId: call.instanceId };
    for (const message of messages) {
      const key = this.#key(call.appId, message.topic, message.shared ?? false);
      const incoming: IncomingMessage = {
        topic: message.topic,
        payload: message.payload,
        from,
        shared: message.shared ?? false,
        retained: false,
      };
      for (const receiver of this.#targets(key, message, call)) {
        const taken = (room.get(receiver) ?? receiver.queue.length) + 1;
        if (taken > this.#queueLength) {
          throw new PlugboardError(
            'busy',
            `A receiver of "${message.topic}" has ${this.#queueLength} messages waiting: none of these ${messages.length} was sent. Try again later.`,
            { topic: message.topic, queueLength: this.#queueLength },
          );
        }
        room.set(receiver, taken);
        plan.push([receiver, incoming]);
      }
      if (message.retain && message.to === undefined) this.#retained.set(key, incoming);
    }
    for (const [receiver, incoming] of plan) receiver.queue.push(incoming);
    for (const receiver of room.keys()) this.#pump(receiver);
  }

  /** Forgets a widget: its page went away or it was unmounted. What waited for it is dropped with it. */
  leave(instanceId: string): void {
    const receiver = this.#receivers.get(instanceId);
    if (!receiver) return;
    this.#receivers.delete(instanceId);
    receiver.queue.length = 0;
    for (const key of receiver.keys) this.#unlink(receiver, key);
    receiver.keys.clear();
  }

  /** Forgets an app's kept values (it was uninstalled): on its own topics, and what it kept on shared ones. */
  forgetApp(appId: string): void {
    for (const [key, kept] of this.#retained) {
      if (key.startsWith(`${appId}\n`) || kept.from.appId === appId) this.#retained.delete(key);
    }
  }

  /** How many messages wait for each receiver, for tests and the inspector. */
  queued(): Record<string, number> {
    return Object.fromEntries(
      [...this.#receivers.values()].map((receiver) => [receiver.instanceId, receiver.queue.length]),
    );
  }

  #key(appId: string, topic: string, shared: boolean): string {
    if (!shared) return `${appId}\n${topic}`;
    if (!this.#appOf(appId)?.sharedTopics.has(topic)) {
      throw new PlugboardError(
        'permission_denied',
        `"${topic}" is not a shared topic of this app: its manifest must declare it in "topics" and its installation grant it.`,
        { topic },
      );
    }
    return `\n${topic}`;
  }

  #targets(key: string, message: OutgoingMessage, call: HostCallInfo): Receiver[] {
    const subscribers = [...(this.#topics.get(key) ?? [])].filter(
      (receiver) =>
        receiver.instanceId !== call.instanceId &&
        // A shared topic reaches an app only while it is still granted.
        (!message.shared || this.#appOf(receiver.appId)?.sharedTopics.has(message.topic)),
    );
    if (message.to === undefined) return subscribers;
    const one = subscribers.find((receiver) => receiver.instanceId === message.to);
    if (!one) {
      throw new PlugboardError(
        'not_found',
        `No widget "${message.to}" of this app listens to "${message.topic}" on this page.`,
        { to: message.to, topic: message.topic },
      );
    }
    return [one];
  }

  #unlink(receiver: Receiver, key: string): void {
    const subscribers = this.#topics.get(key);
    subscribers?.delete(receiver);
    if (subscribers?.size === 0) this.#topics.delete(key);
    receiver.queue.splice(
      0,
      receiver.queue.length,
      ...receiver.queue.filter((message) => receiver.keys.has(this.#keyOf(receiver, message))),
    );
  }

  #keyOf(receiver: Receiver, message: IncomingMessage): string {
    return message.shared ? `\n${message.topic}` : `${receiver.appId}\n${message.topic}`;
  }

  /** Delivers a receiver's queue, a batch at a time, until it is empty. */
  #pump(receiver: Receiver): void {
    if (receiver.pumping) return;
    receiver.pumping = true;
    const next = (): void => {
      if (receiver.queue.length === 0 || this.#receivers.get(receiver.instanceId) !== receiver) {
        receiver.pumping = false;
        return;
      }
      const batch = receiver.queue.splice(0, DELIVERY_BATCH);
      receiver.deliver(batch).then(next, (error: unknown) => {
        // The widget threw in its handler, or did not answer in time: the
        // batch reached it or is lost with its page. Either way, go on.
        if ((error as PlugboardError).code !== 'cancelled') {
          console.warn(`[plugboard] A widget did not take ${batch.length} messages:`, error);
        }
        next();
      });
    };
    next();
  }
}
