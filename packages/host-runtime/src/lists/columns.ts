import type { CellRow } from '@plugboard/widget-sdk/protocol';
import type { HostManifestColumn } from '../manifest/schema.js';
import type { HostInstalledApp } from '../store/host-store.js';

/** One installed app's column at a point, for the host's table header and its cells. */
export interface HostListColumn {
  readonly appId: string;
  readonly appName: string;
  /** The column's id in the app's manifest. */
  readonly id: string;
  /** Unique on the host page: `appId/id`. */
  readonly key: string;
  readonly point: string;
  readonly title: string;
  readonly width: number | undefined;
  readonly align: 'start' | 'center' | 'end';
}

/** A row a list shows: its id, a version that changes when the row does, and its data. */
export type HostListRow = CellRow;

/** An installed app's manifest column, as a host's list shows it. */
export function listColumn(app: HostInstalledApp, column: HostManifestColumn): HostListColumn {
  return {
    appId: app.manifest.id,
    appName: app.manifest.name,
    id: column.id,
    key: `${app.manifest.id}/${column.id}`,
    point: column.point,
    title: column.title,
    width: column.width,
    align: column.align ?? 'start',
  };
}
