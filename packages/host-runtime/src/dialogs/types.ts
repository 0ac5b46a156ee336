import type { HostMethodParams } from '@plugboard/widget-sdk/protocol';
import type { HostPickerOutcome, HostSelectorSource } from './selector-types.js';
import type {
  HostStandardDialogOutcome,
  HostStandardDialogRequest,
} from './standard-dialog-element.js';
import type { MountHost, MountHostOptions } from '../frames/mount-host.js';
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

export type {
  HostAppDialogOutcome,
  HostAppDialogRequest,
  HostDialogAsk,
} from '../services/host-ui.js';

/** How deep dialogs may stack (app dialogs, standard dialogs and pickers together). */
export const MAX_DIALOG_DEPTH = 6;

/** The host, as the dialog layer uses it: it mounts app dialogs' pages, and reads its selectors and renderer. */
export interface DialogHost extends MountHost {
  readonly options: Readonly<
    MountHostOptions & {
      readonly selectors?: Readonly<Record<string, HostSelector>>;
      readonly standardDialogs?: HostStandardDialogRenderer;
    }
  >;
  /** An installed app's display name, or its id. */
  appName(appId: string): string;
}
