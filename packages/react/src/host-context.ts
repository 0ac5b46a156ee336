import type { Host } from '@plugboard/host-runtime';
import { createContext, createElement, useContext, type ReactNode } from 'react';

const HostContext = createContext<Host | null>(null);

/** Props of {@link HostProvider}. */
export interface HostProviderProps {
  /** The page's host, from `createHost()`: made once, outside rendering (a module, or `useState`). */
  readonly host: Host;
  readonly children?: ReactNode;
}

/**
 * Gives the components below it their host: `<PanelSlot>`, `<ListCell>`,
 * `<ActionBar>`, `<ToastRegion>` and the hooks read it. Two providers may
 * serve two hosts on one page.
 */
export function HostProvider({ host, children }: HostProviderProps): ReactNode {
  return createElement(HostContext.Provider, { value: host }, children);
}

/**
 * The host of the nearest {@link HostProvider}, or `host` when given.
 * Throws, naming the component, when there is neither.
 */
export function useHost(host?: Host, who = 'useHost'): Host {
  const provided = useContext(HostContext);
  const found = host ?? provided;
  if (!found) {
    throw new Error(
      `${who}: no host. Put a <HostProvider host={host}> above it, or pass it the host.`,
    );
  }
  return found;
}
