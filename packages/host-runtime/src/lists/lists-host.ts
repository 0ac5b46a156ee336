import type { MountHost, MountHostOptions } from '../frames/mount-host.js';
import type { HostUi } from '../services/host-ui.js';
import type { HostInstalledApp } from '../store/host-store.js';
import type { HostConnectors } from './connectors.js';

/**
 * The host, as the lists use it: they mount connectors, show actions'
 * toasts and dialogs, and follow an action's `navigate`. `Host` is one.
 */
export interface ListsHost extends MountHost, Pick<HostUi, 'showToast'> {
  readonly options: Readonly<
    MountHostOptions & {
      readonly navigate?: (
        path: string,
        options: { readonly newTab: boolean },
      ) => boolean | undefined | Promise<boolean | undefined>;
    }
  >;
  readonly dialogs: MountHost['dialogs'] & Pick<HostUi['dialogs'], 'openApp'>;
}

/** What an action runs against: the lists of one host (`HostLists` is one). */
export interface ActionLists {
  readonly host: ListsHost;
  readonly connectors: HostConnectors;
  /** The installed, enabled app `appId`. */
  app(appId: string): HostInstalledApp | undefined;
  /** Drops the app's cached cells of `rows`, `columns`, both, or all. */
  invalidate(
    appId: string,
    what: {
      readonly rows?: readonly string[] | undefined;
      readonly columns?: readonly string[] | undefined;
    },
  ): void;
}
