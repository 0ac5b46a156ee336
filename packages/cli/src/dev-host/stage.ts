// The dev host's host: a mock host over the made-up data, with the
// controls' theme, locale, latency and fault, recording its traffic for the
// inspector, and the apps installed.
import {
  PlugboardError,
  type Host,
  type HostServices,
  type HostWidgetError,
} from '@plugboard/host-runtime';
import { TrafficRecorder } from '@plugboard/host-runtime/inspector';
import {
  createMockHost,
  MOCK_EXTENSION_POINTS,
  MOCK_THEMES,
} from '@plugboard/host-runtime/testing';
import type { CheckedApp } from '../sources.js';
import { entities, selectors } from './data.js';

/** A fault the dev host injects, for everything it runs. */
export const FAULTS = {
  none: 'none',
  'handshake-timeout': 'handshake timeout',
  'service-error': 'service errors',
  'picker-cancelled': 'a cancelled picker',
  'quota-exceeded': 'storage quota exceeded',
  'storage-conflict': 'a storage conflict',
  'validation-deadline': 'a validation deadline missed',
} as const;
export type Fault = keyof typeof FAULTS;

/** What the controls set; changing any of these builds the host anew. */
export interface StageSettings {
  readonly theme: 'light' | 'dark';
  readonly locale: string;
  readonly latency: number;
  readonly fault: Fault;
}

const failWith = (code: 'quota_exceeded' | 'conflict', message: string) => () => {
  throw new PlugboardError(code, message);
};

/** The host services the fault replaces. */
function faultyServices(fault: Fault): HostServices {
  if (fault === 'picker-cancelled')
    return { 'selectors.open': () => ({ status: 'dismissed', by: 'cancel' }) };
  if (fault === 'quota-exceeded') {
    return {
      'storage.set': failWith('quota_exceeded', "Dev host fault: the app's storage is full."),
    };
  }
  if (fault === 'storage-conflict') {
    return {
      'storage.set': failWith('conflict', 'Dev host fault: the value changed since it was read.'),
    };
  }
  return {};
}

/** A mock host for `settings`, recording into a new TrafficRecorder. */
export function createStage(
  settings: StageSettings,
  onWidgetError: (report: HostWidgetError) => void,
): { host: Host; traffic: TrafficRecorder } {
  const traffic = new TrafficRecorder();
  const host = createMockHost({
    onWidgetError,
    entities: entities(),
    selectors,
    theme: MOCK_THEMES[settings.theme],
    locale: settings.locale,
    latencyMs: settings.latency,
    failure:
      settings.fault === 'handshake-timeout' || settings.fault === 'service-error'
        ? settings.fault
        : 'none',
    services: faultyServices(settings.fault),
    extensionPoints:
      settings.fault === 'validation-deadline'
        ? MOCK_EXTENSION_POINTS.map((point) =>
            point.kind === 'panel' ? { ...point, validation: { deadlineMs: 1 } } : point,
          )
        : MOCK_EXTENSION_POINTS,
    debug: traffic.log,
  });
  traffic.attach(host);
  return { host, traffic };
}

/** What the dev host says of a widget's uncaught error: for denied storage, what to do instead. */
export function widgetErrorNotice({ appName, kind, message }: HostWidgetError): string {
  return kind === 'storage-denied'
    ? `${appName}: this browser denies the widget its own web storage and cookies (${message}). Safari, Brave and private windows deny them to every cross-site frame, so keep the widget's data in client.storage (permission "storage") or on your server: see the vendor guide, "Keep your data in the host's storage, not the iframe's".`
    : `${appName}: the widget's page failed: ${message}`;
}

/** What is wrong with an app before it is installed (the command found it), path by path. */
export const issuesOf = (apps: readonly CheckedApp[]) =>
  apps.flatMap((app) =>
    app.issues.map((issue) => `${app.source}: ${issue.path || '(manifest)'}: ${issue.message}`),
  );

/**
 * Installs the apps the command found no problem with; resolves with what
 * went wrong in installing them here (a point this host has not, say).
 */
export async function installApps(host: Host, apps: readonly CheckedApp[]): Promise<string[]> {
  const problems: string[] = [];
  for (const app of apps) {
    if (app.issues.length > 0) continue;
    try {
      if (app.moysklad) {
        const { installMoySkladApp } = await import('@plugboard/host-runtime/moysklad');
        const { id } = app.moysklad.options;
        installMoySkladApp(host, app.moysklad.xml, {
          ...app.moysklad.options,
          fields: { description: 'comment' },
          button: (request, signal) =>
            fetch('/api/moysklad/button', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ app: id, request }),
              signal,
            }),
        });
      } else {
        host.install(app.manifest);
      }
    } catch (error) {
      const { issues } = error as { issues?: readonly { path: string; message: string }[] };
      problems.push(
        ...(issues ?? [{ path: '', message: (error as Error).message }]).map(
          (issue) => `${app.source}: ${issue.path || '(manifest)'}: ${issue.message}`,
        ),
      );
    }
  }
  return problems;
}
