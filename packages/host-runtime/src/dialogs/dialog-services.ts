import { PlugboardError } from '@plugboard/widget-sdk/protocol';
import type { HostDialogs } from './host-dialogs.js';
import type { DialogHost } from './types.js';
import type { HostCallInfo, HostServices } from '../services/host-services.js';

const notInDialog = (method: string) => () => {
  throw new PlugboardError(
    'unsupported',
    `${method} is for an app dialog's own page; this widget is not in a dialog.`,
  );
};

/** The runtime's `dialogs.*` and `selectors.open` services, over the host's dialog layer. */
export function dialogServices(
  host: Pick<DialogHost, 'appName'> & { readonly dialogs: HostDialogs },
): HostServices {
  const ask = (call: HostCallInfo) => ({
    signal: call.signal,
    opener: call.instanceId,
    appId: call.appId,
    appName: host.appName(call.appId),
  });
  return {
    'dialogs.open': ({ dialog, params }, call) =>
      host.dialogs.openApp(
        { appId: call.appId, dialog, params: params ?? null, entity: call.context.entity },
        ask(call),
      ),
    // An app dialog's mount answers these for its own page.
    'dialogs.close': notInDialog('dialogs.close'),
    'dialogs.dismiss': notInDialog('dialogs.dismiss'),
    ...Object.fromEntries(
      (['alert', 'confirm', 'prompt', 'choose'] as const).map((kind) => [
        `dialogs.${kind}`,
        (params: never, call: HostCallInfo) => host.dialogs[kind](params, ask(call)),
      ]),
    ),
    'selectors.open': (params, call) => host.dialogs.pick(params, { ...ask(call), call }),
  };
}
