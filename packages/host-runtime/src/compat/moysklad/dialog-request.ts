import { CAPTION, DIALOG_TEXT, ERR, type Message } from './messages.js';

/** A ShowDialogRequest as the host's `dialogs.choose` takes it. */
export interface DialogChoice {
  readonly message: string;
  readonly options: { readonly id: string; readonly label: string }[];
}

/** Why a ShowDialogRequest cannot be shown: its InvalidMessageError. */
export interface DialogRefusal {
  readonly code: number;
  readonly error: string;
}

/**
 * Reads a ShowDialogRequest as MoySklad does: `dialogText` required, at
 * most DIALOG_TEXT characters; `buttons` an array of `{ name, caption }`
 * strings with captions of at most CAPTION characters, ОК when there are none.
 */
export function dialogChoice(request: Message): DialogChoice | DialogRefusal {
  const text = request['dialogText'];
  if (typeof text !== 'string') {
    return { code: ERR.missing, error: 'Missing required parameter dialogText' };
  }
  if (text.length > DIALOG_TEXT) {
    return {
      code: ERR.invalid,
      error: `Invalid value of dialogText: ${text.length} characters, more than ${DIALOG_TEXT}`,
    };
  }
  const buttons = request['buttons'] ?? [{ name: 'Ok', caption: 'ОК' }];
  const options = Array.isArray(buttons)
    ? (buttons as unknown[]).map((button) => {
        const { name, caption } = (button ?? {}) as Message;
        return typeof name === 'string' && typeof caption === 'string'
          ? { id: name, label: caption }
          : undefined;
      })
    : [undefined];
  if (options.length === 0 || options.includes(undefined)) {
    return {
      code: ERR.invalid,
      error: 'Invalid value of buttons: an array of { name, caption } strings',
    };
  }
  const valid = options as DialogChoice['options'];
  const long = valid.find((option) => option.label.length > CAPTION);
  if (long) {
    return {
      code: ERR.invalid,
      error: `Invalid value of buttons: the caption of ${JSON.stringify(long.id)} is longer than ${CAPTION} characters`,
    };
  }
  return { message: text, options: valid };
}
