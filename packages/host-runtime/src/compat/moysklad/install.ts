import type { HostInstallGrants } from '../../store/installation.js';
import type { HostInstalledApp, HostStore } from '../../store/host-store.js';
import { connectMoySklad, type MoySkladAppInfo } from './adapter.js';
import { moySkladButtons, type MoySkladButtonCall } from './buttons.js';
import { convertMoySkladDescriptor } from './descriptor.js';
import {
  MOYSKLAD_WIDGET_POINTS,
  MoySkladDescriptorError,
  type MoySkladConversion,
  type MoySkladConvertOptions,
} from './types.js';

/** The host, as a MoySklad install uses it (`Host` is one). */
export interface MoySkladHost {
  readonly store: HostStore;
  install(manifest: unknown, grants?: HostInstallGrants): HostInstalledApp;
}

/** Options of {@link installMoySkladApp}: the conversion's, and how the host's data reads in MoySklad's terms. */
export interface MoySkladInstallOptions extends MoySkladConvertOptions {
  /**
   * MoySklad field names to the host's, where they differ: `{ description:
   * 'comment' }`. `Change.objectState` uses MoySklad's names, and an
   * `UpdateRequest`'s fields are written to the host's.
   */
  readonly fields?: Readonly<Record<string, string>>;
  /**
   * A MoySklad route from a `NavigateRequest` (`#customerorder/edit?id=7`)
   * as a path of this host (`/orders/7`), or `undefined` when the host has
   * no such page (the widget gets error 1002).
   */
  readonly route?: (path: string) => string | undefined;
  /**
   * Sends a button click to the vendor's server through the host's backend,
   * which adds `user`, signs the call and POSTs it to the descriptor's
   * `vendorApi/endpointBase` + `/api/moysklad/vendor/1.0/apps/{appId}/{accountId}/button`
   * (see {@link MoySkladButtonCall}). Required when a button lands at a
   * location of `buttonPoints`.
   */
  readonly button?: MoySkladButtonCall;
  /**
   * The app's uid in MoySklad's sense (`loyalty.loyalco`), as its widgets'
   * URLs carry it (`appUid`) and as the host's backend knows the app when
   * its server exchanges a key. Default: `id`.
   */
  readonly appUid?: string;
  /**
   * A new context key for each fresh load of a widget or popup whose
   * descriptor does not say `useContextKey="false"`: normally a call to
   * the host's backend, which mints it for the signed-in user and the app
   * (`moySkladKeys`), for the vendor's server to exchange once, within 5
   * minutes. The page loads
   * `sourceUrl?contextKey=…&appUid=…&appId=…&userLocale=ru_RU|en_US`; a
   * reused widget never gets a new one. Without it, pages load without a
   * key (and the install says so).
   */
  readonly contextKey?: (request: MoySkladKeyRequest) => string | Promise<string>;
  /**
   * A fresh user-context token for each `UserContextRequest` of a widget
   * or popup whose `uses` has `user-context`: opaque, single use, 60 s,
   * minted by the host's backend (`moySkladKeys`) for the vendor's server to
   * exchange. Never cached. Without it, such requests get 1006.
   */
  readonly userContext?: (request: MoySkladKeyRequest) => string | Promise<string>;
  /** The installation's grants (settings, narrowed permissions, …). */
  readonly grants?: Omit<HostInstallGrants, 'transport' | 'server' | 'frame'>;
}

/** Which page of a MoySklad app a context key or user-context token is for. */
export interface MoySkladKeyRequest {
  /** The app's id on this host. */
  readonly appId: string;
  /** Its uid (`appUid`). */
  readonly appUid: string;
  /** The manifest widget's or dialog's id. */
  readonly widgetId: string;
  /** Whether the page is a popup. */
  readonly popup: boolean;
}

/** MoySklad's sandbox adds allow-modals, and its frames may use the clipboard. */
const FRAME = { modals: true, allow: 'clipboard-read; clipboard-write' } as const;

/**
 * Each MoySklad point the host has a card for, by MoySklad's naming:
 * `entity.X.edit`, `document.X.edit` and `document.X.create` go to the
 * host's panel point `X.card` when it declares one (`customerorder.card`,
 * `counterparty.card`, `product.card`).
 */
export function moySkladPointsOf(host: MoySkladHost): Record<string, string> {
  const { points } = host.store.getState();
  return Object.fromEntries(
    MOYSKLAD_WIDGET_POINTS.flatMap((point) => {
      const card = `${point.split('.')[1] ?? ''}.card`;
      return points[card]?.kind === 'panel' ? [[point, card]] : [];
    }),
  );
}

/**
 * Installs an app written for MoySklad's widget protocol, from its XML
 * descriptor, on `host`: its widgets and popups run unchanged, over a raw
 * postMessage adapter instead of Plugboard's bridge, on the same services,
 * drafts, save flow and dialogs; its buttons are actions the vendor's server
 * answers, through `button`. Throws `MoySkladDescriptorError` for a bad
 * descriptor, `HostManifestError` when the host cannot take the app (a
 * point of the wrong kind, an app already installed).
 */
export function installMoySkladApp(
  host: MoySkladHost,
  descriptor: string,
  options: Omit<MoySkladInstallOptions, 'points'> & Partial<Pick<MoySkladInstallOptions, 'points'>>,
): { readonly app: HostInstalledApp; readonly conversion: MoySkladConversion } {
  const conversion = convertMoySkladDescriptor(descriptor, {
    ...options,
    points: options.points ?? moySkladPointsOf(host),
  });
  const { button } = options;
  const buttons = Object.values(conversion.buttons);
  if (buttons.length > 0 && !button) {
    throw new MoySkladDescriptorError(
      [...new Set(buttons.map((item) => item.path))].map((path) => ({
        path,
        message:
          "runs on the vendor's server: install the app with a `button` option that calls it, or leave its locations out of buttonPoints",
      })),
    );
  }
  const appId = conversion.manifest.id;
  const appUid = options.appUid ?? appId;
  const keyRequest = (widgetId: string): MoySkladKeyRequest => ({
    appId,
    appUid,
    widgetId,
    popup: widgetId in conversion.dialogs,
  });
  const { userContext, contextKey } = options;
  const info: MoySkladAppInfo = {
    widgets: conversion.widgets,
    popups: conversion.popups,
    dialogs: conversion.dialogs,
    fields: options.fields ?? {},
    route: options.route ?? (() => undefined),
    goodFolderSelector: options.goodFolderSelector ?? 'goodFolder',
    userContext: userContext
      ? async ({ widgetId }) => userContext(keyRequest(widgetId))
      : undefined,
  };
  const keyed = (widgetId: string) =>
    (conversion.widgets[widgetId] ?? conversion.dialogs[widgetId])?.contextKey ?? false;
  const app = host.install(conversion.manifest, {
    ...options.grants,
    transport: (connection, widgetId) =>
      connectMoySklad({ ...connection, widgetId, moysklad: info }),
    frame: {
      ...FRAME,
      url: async (url, widgetId) => {
        if (!contextKey || !keyed(widgetId)) return url;
        const key = await contextKey(keyRequest(widgetId));
        if (typeof key !== 'string' || key === '') {
          throw new Error('The host could not issue a context key for its page.');
        }
        const query = new URLSearchParams({
          contextKey: key,
          appUid,
          appId,
          userLocale: host.store.getState().context.locale.toLowerCase().startsWith('ru')
            ? 'ru_RU'
            : 'en_US',
        });
        return `${url}${url.includes('?') ? '&' : '?'}${query}`;
      },
    },
    ...(button
      ? {
          server: moySkladButtons(
            { name: options.name, buttons: conversion.buttons, popups: conversion.popups },
            button,
          ),
        }
      : {}),
  });
  // Pages that want a context key, when the host issues none.
  const keyless = contextKey
    ? []
    : [...Object.values(conversion.widgets), ...Object.values(conversion.dialogs)]
        .filter((page) => page.contextKey)
        .map((page) => ('point' in page ? page.point : `popup ${page.name}`));
  if (keyless.length > 0) {
    console.info(
      `[plugboard] ${options.name}: pages load without a contextKey (installMoySkladApp has no contextKey option): ${keyless.join(', ')}`,
    );
  }
  for (const part of conversion.unsupported) {
    console.info(`[plugboard] ${options.name}: not run here: ${part.path}: ${part.message}`);
  }
  return { app, conversion };
}
