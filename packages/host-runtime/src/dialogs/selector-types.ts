import type { HostMethodResult, JsonValue } from '@plugboard/widget-sdk/protocol';

// What a host's selector offers and what a picker ends with: the types of
// the host's `selectors` option, its default picker and the dialog layer.

/** One thing a picker offers. */
export interface HostSelectorItem {
  readonly id: string;
  readonly name: string;
  /** A second line, for instance an article number or a city. */
  readonly description?: string;
}

/**
 * Where a picker's items come from: the host's data. The runtime's default
 * picker (`<pb-picker>`) renders it.
 */
export interface HostSelectorSource {
  /** What the picker is for, as its title says: `Goods`, `Counterparty`. */
  readonly title: string;
  /**
   * The items matching `query` (empty: the first ones), honouring the
   * widget's `filter`. Stop when `signal` aborts: the user typed on.
   */
  search(
    query: string,
    options: { readonly filter: Readonly<Record<string, JsonValue>>; readonly signal: AbortSignal },
  ): Promise<readonly HostSelectorItem[]> | readonly HostSelectorItem[];
  /**
   * The items with these ids, to show the widget's initial selection by
   * name. Without it, they show by id.
   */
  resolve?(
    ids: readonly string[],
    options: { readonly signal: AbortSignal },
  ): Promise<readonly HostSelectorItem[]> | readonly HostSelectorItem[];
}

/** What the picker ends with. */
export type HostPickerOutcome = HostMethodResult<'selectors.open'>;
