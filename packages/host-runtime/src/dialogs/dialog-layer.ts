import type { DialogHost } from './types.js';
import {
  PlugboardError,
  type HostMethodParams,
  type HostMethodResult,
} from '@plugboard/widget-sdk/protocol';
import type { HostDialogDismissal } from './dialog-element.js';
import { HostPickerElement, type HostPickerOutcome } from './picker-element.js';
import {
  HostStandardDialogElement,
  standardDialogTitle,
  type HostStandardDialogOutcome,
  type HostStandardDialogRequest,
} from './standard-dialog-element.js';
import { HostWidgetFrameElement } from '../frames/widget-frame-element.js';
import { WidgetMount } from '../frames/widget-mount.js';
import type { HostExtensionPoint } from '../store/host-store.js';
import type { HostCallInfo } from '../services/host-services.js';
import { DialogStack, until } from './dialog-stack.js';
import { dialogLayout, type PixelRange } from './sizes.js';
import {
  type HostAppDialogOutcome,
  type HostAppDialogRequest,
  type HostDialogAsk,
} from './types.js';

/** Where an app dialog's page is mounted, as its context says. */
const DIALOG_POINT: HostExtensionPoint = {
  id: 'dialog',
  kind: 'dialog',
  entity: '',
  title: 'App dialog',
};

const STANDARD_WIDTH: PixelRange = { min: 320, max: 440 };
const PICKER_WIDTH: PixelRange = { min: 360, max: 520 };

/**
 * The dialog layer itself, loaded at the first dialog (see host-dialogs.ts,
 * which documents what it does): the stack, its rules, and the elements.
 */
export class DialogLayer {
  readonly #host: DialogHost;
  readonly #stack = new DialogStack();

  constructor(host: DialogHost) {
    this.#host = host;
  }

  /** How many dialogs are open. */
  get depth(): number {
    return this.#stack.depth;
  }

  /**
   * Opens one of an app's dialogs (its manifest's `dialogs`) for `entity`:
   * `params` reach its page in its context. Rejects with `not_found` for an
   * app or dialog that is not installed.
   */
  async openApp(
    request: HostAppDialogRequest,
    ask: HostDialogAsk = {},
  ): Promise<HostAppDialogOutcome> {
    const app = this.#host.store.getState().apps.find((a) => a.manifest.id === request.appId);
    if (!app) throw new PlugboardError('not_found', `No app "${request.appId}" is installed.`);
    const dialogs = app.manifest.dialogs ?? [];
    const dialog = dialogs.find((d) => d.id === request.dialog);
    if (!dialog) {
      throw new PlugboardError(
        'not_found',
        `${app.manifest.name} has no dialog "${request.dialog}"; its manifest's dialogs are: ${dialogs.map((d) => d.id).join(', ') || 'none'}.`,
      );
    }
    const { signal, release } = this.#stack.admit(ask, `dialogs.open("${dialog.id}")`);
    try {
      const layout = dialogLayout(dialog.size);
      const frame = new HostWidgetFrameElement();
      const open = this.#stack.open<HostAppDialogOutcome>(signal);
      let asking = false;
      /** Dismisses unless the page holds unsaved changes and the user chooses to keep them. */
      const dismiss = async (by: HostDialogDismissal | 'dialog'): Promise<boolean> => {
        if (asking || open.ended.aborted) return false;
        if (this.#host.store.getState().widgets[frame.instanceId]?.dirty) {
          asking = true;
          try {
            const answer = await this.confirm(
              {
                title: 'Discard changes?',
                message: `${dialog.title} has changes that are not saved. If you close it, they are lost.`,
                confirm: 'Discard changes',
                cancel: 'Keep editing',
                intent: 'destructive',
              },
              { signal: open.ended },
            );
            if (answer.status !== 'ok') return false;
          } catch {
            return false;
          } finally {
            asking = false;
          }
        }
        open.settle({ status: 'dismissed', by });
        return true;
      };
      frame.host = this.#host;
      frame.appId = app.manifest.id;
      frame.appName = app.manifest.name;
      frame.toggleAttribute('in-dialog', true);
      frame.toggleAttribute('fill', layout.fill);
      frame.mountWith = (container) =>
        new WidgetMount({
          host: this.#host,
          app,
          widget: {
            id: dialog.id,
            point: DIALOG_POINT.id,
            url: dialog.url,
            height: { ...layout.height, initial: layout.height.min },
          },
          point: DIALOG_POINT,
          instanceId: container.instanceId,
          entity: request.entity ?? null,
          container,
          dialog: { id: dialog.id, params: request.params ?? null },
          fill: layout.fill,
          services: {
            'dialogs.close': (params) => {
              open.settle({ status: 'ok', result: params?.result ?? null });
            },
            'dialogs.dismiss': async (params) => ({
              dismissed: await dismiss(params?.by ?? 'dialog'),
            }),
          },
        });
      // Focus moves into the page once it can take it; not into a page of
      // another transport (a MoySklad popup), which has no way to pass
      // Escape on: the focus stays on the dialog, where Escape closes it.
      const unsubscribe = this.#host.store.subscribe((state) => {
        if (state.widgets[frame.instanceId]?.status !== 'ready') return;
        unsubscribe();
        if (!app.transport) frame.focusWidget();
      });
      open.ended.addEventListener('abort', unsubscribe);
      const element = this.#stack.present(open, {
        heading: dialog.title,
        width: layout.width,
        fill: layout.fill,
        body: frame,
        contentInstanceId: frame.instanceId,
        appId: ask.appId,
        appName: app.manifest.name,
        stopped: () => {
          open.settle({ status: 'dismissed', by: 'close' });
        },
      });
      element.addEventListener('pb-dialog-dismiss', (event) => void dismiss(event.by));
      return await open.promise;
    } finally {
      release();
    }
  }

  /** A message with one button. */
  alert(
    params: HostMethodParams<'dialogs.alert'>,
    ask?: HostDialogAsk,
  ): Promise<HostMethodResult<'dialogs.alert'>> {
    return this.#standard({ ...params, kind: 'alert', appName: ask?.appName }, ask);
  }

  /** A question: `ok` for confirm, `dismissed` (by `cancel`, `escape`, …) otherwise. */
  confirm(
    params: HostMethodParams<'dialogs.confirm'>,
    ask?: HostDialogAsk,
  ): Promise<HostMethodResult<'dialogs.confirm'>> {
    return this.#standard({ ...params, kind: 'confirm', appName: ask?.appName }, ask);
  }

  /** Asks for a line of text. */
  prompt(
    params: HostMethodParams<'dialogs.prompt'>,
    ask?: HostDialogAsk,
  ): Promise<HostMethodResult<'dialogs.prompt'>> {
    return this.#standard({ ...params, kind: 'prompt', appName: ask?.appName }, ask) as Promise<
      HostMethodResult<'dialogs.prompt'>
    >;
  }

  /** One of a few options. */
  choose(
    params: HostMethodParams<'dialogs.choose'>,
    ask?: HostDialogAsk,
  ): Promise<HostMethodResult<'dialogs.choose'>> {
    return this.#standard({ ...params, kind: 'choose', appName: ask?.appName }, ask) as Promise<
      HostMethodResult<'dialogs.choose'>
    >;
  }

  /**
   * Opens one of the host's selectors (`createHost({ selectors })`), for
   * the widget that makes `call`, or for the host itself. Rejects with
   * `not_found` for a selector the host did not register.
   */
  async pick(
    params: HostMethodParams<'selectors.open'>,
    ask: HostDialogAsk & { readonly call?: HostCallInfo } = {},
  ): Promise<HostPickerOutcome> {
    const selectors = this.#host.options.selectors ?? {};
    const selector = Object.hasOwn(selectors, params.selector)
      ? selectors[params.selector]
      : undefined;
    if (!selector) {
      throw new PlugboardError(
        'not_found',
        `This host has no "${params.selector}" selector; it has: ${Object.keys(selectors).join(', ') || 'none'}.`,
      );
    }
    const { signal, release } = this.#stack.admit(ask, `selectors.open("${params.selector}")`);
    try {
      if ('open' in selector) {
        const outcome = await until(selector.open(params, { signal, call: ask.call }), signal);
        const most = params.multiple ? (params.max ?? Infinity) : 1;
        if (outcome.status === 'ok' && outcome.selected.length > most) {
          console.error(
            `[plugboard] The host’s "${params.selector}" picker answered ${outcome.selected.length} items; at most ${most} were asked for.`,
          );
          throw new PlugboardError('host_error', 'The host’s selectors.open service failed.');
        }
        return outcome;
      }
      const body = new HostPickerElement();
      body.source = selector;
      body.multiple = params.multiple ?? false;
      body.max = params.max;
      body.query = params.query ?? '';
      body.initial = params.initial ?? [];
      body.filter = params.filter ?? {};
      return await this.#stack.presentBody<HostPickerOutcome>(signal, {
        heading: selector.title,
        width: PICKER_WIDTH,
        body,
        appId: ask.appId,
        appName: ask.appName,
      });
    } finally {
      release();
    }
  }

  async #standard(
    request: HostStandardDialogRequest,
    ask: HostDialogAsk = {},
  ): Promise<HostStandardDialogOutcome> {
    const { signal, release } = this.#stack.admit(ask, `dialogs.${request.kind}`);
    try {
      const render = this.#host.options.standardDialogs;
      if (render) {
        const outcome = await until(render(request, { signal }), signal);
        if (
          request.kind === 'choose' &&
          outcome.status === 'ok' &&
          !request.options.some((option) => 'value' in outcome && option.id === outcome.value)
        ) {
          console.error(
            '[plugboard] The host’s standardDialogs renderer answered choose with an option it was not given:',
            outcome,
          );
          throw new PlugboardError('host_error', 'The host’s dialogs.choose service failed.');
        }
        return outcome;
      }
      const body = new HostStandardDialogElement();
      body.request = request;
      return await this.#stack.presentBody<HostStandardDialogOutcome>(signal, {
        heading: standardDialogTitle(request),
        width: STANDARD_WIDTH,
        body,
        appId: ask.appId,
        appName: ask.appName,
      });
    } finally {
      release();
    }
  }

  /**
   * Cancels what widget `opener` is waiting for (its card moved to another
   * entity): its dialog or picker closes, and its call ends with `reason`.
   */
  cancelFor(opener: string, reason: unknown): void {
    this.#stack.cancelFor(opener, reason);
  }
}
