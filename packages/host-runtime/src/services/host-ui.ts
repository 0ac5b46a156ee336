import type {
  EntityRef,
  HostMethodParams,
  HostMethodResult,
  JsonValue,
} from '@plugboard/widget-sdk/protocol';

// The host's UI as more than one feature reaches it: toasts, app dialogs
// and the confirm question. The dialog layer and the toast region
// implement it; lists (actions) and drafts (the leave question) use it
// through the `Host` the facade passes them, never importing either.

/** How a toast reads: its colour, and for `error` an assertive announcement. */
export type HostToastTone = 'info' | 'success' | 'warning' | 'error';

/** One toast to show. */
export interface HostToast {
  /** The text; always shown as text, never as HTML. */
  readonly message: string;
  /** Default `info`. */
  readonly tone?: HostToastTone;
  /** The app that asked for it, shown before the message. */
  readonly appName?: string;
  /**
   * The app's id, for a widget's toast: each app gets at most 3 toasts on
   * screen, a repeat of one it shows is counted on it instead, and past 10
   * within 10 s `show` refuses with `busy`. The host's own toasts have none.
   */
  readonly appId?: string;
  /** How long it stays, in milliseconds, not counting while hovered or focused. Default 5 000 (errors 8 000). */
  readonly durationMs?: number;
}

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

/** The host's UI, as features reach it through the host. */
export interface HostUi {
  /** Shows a toast in the host's toast region; resolves with the function that dismisses it. */
  showToast(toast: HostToast): Promise<() => void>;
  readonly dialogs: {
    openApp(request: HostAppDialogRequest, ask?: HostDialogAsk): Promise<HostAppDialogOutcome>;
    confirm(
      params: HostMethodParams<'dialogs.confirm'>,
      ask?: HostDialogAsk,
    ): Promise<HostMethodResult<'dialogs.confirm'>>;
  };
  /** An installed app's display name, or its id. */
  appName(appId: string): string;
}
