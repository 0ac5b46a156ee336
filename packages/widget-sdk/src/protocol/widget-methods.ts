import * as v from 'valibot';
import { WidgetContextSchema } from './context.js';
import { DRAFT_WIDGET_METHODS } from './draft-methods.js';
import type { MESSAGE_WIDGET_METHODS } from './message-methods.js';
import type { LIST_WIDGET_METHODS } from './list-methods.js';

/**
 * The methods the host may call on any widget, with their parameter and
 * result schemas. A widget that has no handler for one answers
 * `unsupported`. A connector also answers LIST_WIDGET_METHODS (list-methods.ts),
 * and a widget that subscribed to a topic MESSAGE_WIDGET_METHODS
 * (message-methods.ts): kept apart so that a host page without lists or
 * messages does not load their schemas.
 */
export const WIDGET_METHODS = {
  /** Health check and latency probe. */
  ping: { params: v.undefined(), result: v.literal('pong') },
  /** The widget is (re)opened for another entity: the live iframe is reused, not reloaded. */
  open: { params: WidgetContextSchema, result: v.undefined() },
  /** Something in the context other than the entity changed: theme, locale, settings. */
  contextChanged: { params: WidgetContextSchema, result: v.undefined() },
  ...DRAFT_WIDGET_METHODS,
} as const satisfies Record<string, { params: v.GenericSchema; result: v.GenericSchema }>;

type WidgetTable = typeof WIDGET_METHODS &
  typeof LIST_WIDGET_METHODS &
  typeof MESSAGE_WIDGET_METHODS;

/** The name of a method the host may call on a widget. */
export type WidgetMethodName = keyof WidgetTable;

/** What the host passes to a widget method. */
export type WidgetMethodParams<M extends WidgetMethodName> = v.InferOutput<
  WidgetTable[M]['params']
>;

/** What a widget method resolves with. */
export type WidgetMethodResult<M extends WidgetMethodName> = v.InferOutput<
  WidgetTable[M]['result']
>;

/** The widget's methods as the host sees them. */
export type WidgetMethods = {
  [M in WidgetMethodName]: (params: WidgetMethodParams<M>) => Promise<WidgetMethodResult<M>>;
};
