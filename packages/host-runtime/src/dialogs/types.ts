import type {
  EntityRef,
  HostMethodParams,
  HostMethodResult,
  JsonValue,
} from '@plugboard/widget-sdk/protocol';
import type { HostPickerOutcome, HostSelectorSource } from '../elements/picker.js';
import type {
  HostStandardDialogOutcome,
  HostStandardDialogRequest,
} from '../elements/standard-dialog.js';
import type { HostCallInfo } from '../services/host-services.js';

/** A selector the host registers: its data, for the default picker, or its own picker. */
export type HostSelector = HostSelectorSource | HostSelectorOwnPicker;

/** A selector whose picker the host shows itself. */
export interface HostSelectorOwnPicker {
  /**
   * Shows the host's own picker and resolves with what the user did. Close
   * it when `signal` aborts (the widget gave up, or went away). `call` says
   * which widget asks; `undefined` when the host opens it itself.
   */
  open(
    params: HostMethodParams<'selectors.open'>,
    options: { readonly signal: AbortSignal; readonly call: HostCallInfo | undefined },
  ): Promise<HostPickerOutcome> | HostPickerOutcome;
}

/**
 * Shows a standard dialog in the host's own design instead of the runtime's
 * `<pb-standard-dialog>`: resolve with what the user did, in the shape of
 * the request's kind (checked before a widget sees it). Plain text only:
 * never render the request's strings as HTML. Close the dialog when
 * `signal` aborts.
 */
export type HostStandardDialogRenderer = (
  request: HostStandardDialogRequest,
  options: { readonly signal: AbortSignal },
) => Promise<HostStandardDialogOutcome> | HostStandardDialogOutcome;

/** Who asks for a dialog: a widget (which then may not ask for another until it ends), or the host. */
export interface HostDialogAsk {
  /** Ends the dialog (it closes, and the promise rejects with the reason). */
  readonly signal?: AbortSignal;
  /** The widget instance that asks; `undefined` for the host itself. */
  readonly opener?: string | undefined;
  /** Who asks, by name: a standard dialog's title when it has none of its own. */
  readonly appName?: string | undefined;
  /**
   * The app that asks, for a widget's dialogs: an app that keeps reopening
   * them is offered to be stopped, and once stopped is refused.
   */
  readonly appId?: string | undefined;
}

/** Which app dialog to open, with what, for which entity (`host.dialogs.openApp`). */
export interface HostAppDialogRequest {
  readonly appId: string;
  /** The dialog's id in the app's manifest. */
  readonly dialog: string;
  /** Reach the dialog's page in its context (`context.dialog.params`). */
  readonly params?: JsonValue;
  /** The entity the dialog's page is opened for. */
  readonly entity?: EntityRef | null;
}

/** What `dialogs.open` resolves with. */
export type HostAppDialogOutcome = HostMethodResult<'dialogs.open'>;

/** How deep dialogs may stack (app dialogs, standard dialogs and pickers together). */
export const MAX_DIALOG_DEPTH = 6;
