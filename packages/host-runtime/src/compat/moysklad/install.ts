import type { Host, HostInstallGrants } from '../../host.js';
import type { HostInstalledApp } from '../../store/host-store.js';
import { connectMoySklad } from './adapter.js';
import { moySkladButtons, type MoySkladButtonCall } from './buttons.js';
import { convertMoySkladDescriptor } from './descriptor.js';
import {
  MoySkladDescriptorError,
  type MoySkladConversion,
  type MoySkladConvertOptions,
} from './types.js';

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
  /** The installation's grants (settings, narrowed permissions, …). */
  readonly grants?: Omit<HostInstallGrants, 'transport' | 'server'>;
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
  host: Host,
  descriptor: string,
  options: MoySkladInstallOptions,
): { readonly app: HostInstalledApp; readonly conversion: MoySkladConversion } {
  const conversion = convertMoySkladDescriptor(descriptor, options);
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
  const info = {
    widgets: conversion.widgets,
    popups: conversion.popups,
    fields: options.fields ?? {},
    route: options.route ?? (() => undefined),
    goodFolderSelector: options.goodFolderSelector ?? 'goodFolder',
  };
  const app = host.install(conversion.manifest, {
    ...options.grants,
    transport: (connection, widgetId) =>
      connectMoySklad({ ...connection, widgetId, moysklad: info }),
    ...(button
      ? {
          server: moySkladButtons(
            { name: options.name, buttons: conversion.buttons, popups: conversion.popups },
            button,
          ),
        }
      : {}),
  });
  for (const part of conversion.unsupported) {
    console.info(`[plugboard] ${options.name}: not run here: ${part.path}: ${part.message}`);
  }
  return { app, conversion };
}
