import { PlugboardError, type DataMethodName } from '@plugboard/widget-sdk/protocol';
import type { HostOptions } from './host-options.js';
import { identityService } from './identity/identity-service.js';
import { MessageBroker } from './messages/broker.js';
import { storageServices } from './storage/storage-service.js';
import type { HostServices } from './services/host-services.js';
import type { HostStore } from './store/host-store.js';

/** The runtime's data services: the page's message broker, and storage and identity over the host's adapter and signer. */
export interface DataServices {
  readonly broker: MessageBroker;
  readonly services: Pick<Required<HostServices>, DataMethodName>;
}

/**
 * Builds the data services of `host`. Loaded at the first messages,
 * storage or identity call (host.ts), so a page whose widgets use none of
 * them never fetches this chunk.
 */
export function dataServices(host: {
  readonly options: Readonly<HostOptions>;
  readonly store: HostStore;
}): DataServices {
  const { options, store } = host;
  const appOf = (appId: string) => store.getState().apps.find((app) => app.manifest.id === appId);
  const broker = new MessageBroker((appId) => {
    const app = appOf(appId);
    return app && { appId, sharedTopics: new Set(app.topics) };
  }, options.messages);
  const { identity } = options;
  return {
    broker,
    services: {
      'messages.send': (params, call) => {
        broker.send(params, call);
      },
      // A subscription needs the widget's connection: widget mounts answer it.
      'messages.subscribe': () => {
        throw new PlugboardError('unsupported', 'Subscribe through a widget connection.');
      },
      'messages.unsubscribe': (params, call) => {
        broker.unsubscribe(params, call);
      },
      ...storageServices(options.storage ?? {}, options.user.id),
      'diagnostics.report': ({ kind, message }, call) => {
        const appName = appOf(call.appId)?.manifest.name ?? call.appId;
        if (options.onWidgetError) {
          options.onWidgetError({
            appId: call.appId,
            appName,
            instanceId: call.instanceId,
            kind,
            message,
          });
        } else {
          console.warn(`[plugboard] ${appName}'s widget failed: ${message}`);
        }
      },
      'identity.getToken': identity
        ? identityService(
            identity,
            options.user.id,
            (appId) => appOf(appId)?.installationId ?? appId,
          )
        : () => {
            throw new PlugboardError(
              'unsupported',
              'This host signs no identity tokens (createHost has no identity.sign).',
            );
          },
    },
  };
}
