import * as v from 'valibot';
import { bounded, LIMITS } from './bounds.js';
import { JsonValueSchema } from './json.js';

// Messages between the widgets of one app on one host page (its panels,
// dialogs and connector), through the host's broker: topics, in the order
// sent, never back to the sender, nothing posted to a widget that does not
// listen. A shared topic reaches other apps' widgets too, when both
// manifests declare it and both installations grant it.

/** The most messages one `messages.send` call carries (the SDK batches what a widget sends in one task). */
export const MAX_MESSAGE_BATCH = 500;

/** A topic's name: letters, digits and `.` `_` `-` `:`, up to 200 characters. */
const Topic = v.pipe(
  bounded(LIMITS.id),
  v.regex(/^[\w.:-]+$/, 'must be letters, digits, ".", "_", "-" or ":"'),
);

const OutgoingMessageSchema = v.strictObject({
  topic: Topic,
  payload: JsonValueSchema,
  /** One instance of the app to send it to, instead of every subscriber. */
  to: v.optional(bounded(LIMITS.id)),
  /** Keep it as the topic's last value, for widgets that subscribe later. */
  retain: v.optional(v.boolean()),
  /** Send it on the shared topic of that name (declared in `manifest.topics`), across apps. */
  shared: v.optional(v.boolean()),
});

/** Who sent a message. */
export const MessageSenderSchema = v.strictObject({
  appId: bounded(LIMITS.id),
  instanceId: bounded(LIMITS.id),
});

/** One message as a subscriber gets it. */
export const IncomingMessageSchema = v.strictObject({
  topic: Topic,
  payload: JsonValueSchema,
  from: MessageSenderSchema,
  /** It came on a shared topic (from this or another app). */
  shared: v.boolean(),
  /** It is the topic's kept last value, sent before this widget subscribed. */
  retained: v.boolean(),
});

const SubscriptionSchema = v.strictObject({
  topic: Topic,
  shared: v.optional(v.boolean()),
});

/** The broker's host methods. */
export const MESSAGE_HOST_METHODS = {
  /**
   * Sends messages, in order, to the app's other widgets that subscribed to
   * their topics (or to one instance, `to`). Resolves once every receiver
   * has them queued. `busy` when a receiver's queue is full: then none of
   * the call's messages was sent, so nothing is lost unseen; try again
   * later. `not_found` when `to` names no instance listening to the topic;
   * `permission_denied` for a shared topic not declared and granted.
   */
  'messages.send': {
    params: v.strictObject({
      messages: v.pipe(
        v.array(OutgoingMessageSchema),
        v.minLength(1),
        v.maxLength(MAX_MESSAGE_BATCH),
      ),
    }),
    result: v.undefined(),
    permission: 'messages',
  },
  /**
   * Starts delivering a topic's messages to this widget (host calls
   * `messages`), its kept last value first, if it has one.
   */
  'messages.subscribe': {
    params: SubscriptionSchema,
    result: v.undefined(),
    permission: 'messages',
  },
  /** Stops delivering a topic's messages to this widget. */
  'messages.unsubscribe': {
    params: SubscriptionSchema,
    result: v.undefined(),
    permission: 'messages',
  },
} as const;

/** What the host calls on a widget that subscribed. */
export const MESSAGE_WIDGET_METHODS = {
  /**
   * Messages of topics the widget subscribed to, in the order they were
   * sent. The broker builds each from a message that passed
   * `messages.send`'s check, so they are not walked again on the way out
   * (one send to 20 subscribers would be 10 000 walks in one task): the
   * schema checks the batch, and types its messages as IncomingMessageSchema.
   */
  messages: {
    params: v.strictObject({
      messages: v.array(v.custom<IncomingMessage>((message) => typeof message === 'object')),
    }),
    result: v.undefined(),
  },
} as const;

/** A message a widget sends. */
export type OutgoingMessage = v.InferInput<typeof OutgoingMessageSchema>;
/** A message a subscriber gets. */
export type IncomingMessage = v.InferOutput<typeof IncomingMessageSchema>;
