import { html, nothing } from 'lit';
import type { TelemetryReport } from '@plugboard/widget-sdk/protocol';

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

const codes = (counts: Readonly<Partial<Record<string, number>>>) =>
  Object.entries(counts)
    .map(([code, count]) => `${code} ${String(count)}`)
    .join(', ');

/**
 * The inspector's per-app telemetry: one row per app with its widgets'
 * time to ready, loads, reconnects and last diagnosis, its calls (failed,
 * the slowest method's p95), refusals by code, the layout shift its
 * resizes caused, and long tasks while its calls ran.
 */
export function telemetryTable(report: TelemetryReport | undefined) {
  if (!report || report.apps.length === 0) return nothing;
  return html`<section class="apps" aria-label="Per app">
    <table>
      <thead>
        <tr>
          <th scope="col">App</th>
          <th scope="col">Ready p50 ms</th>
          <th scope="col">Loads</th>
          <th scope="col">Reconnects</th>
          <th scope="col">Calls</th>
          <th scope="col">Failed</th>
          <th scope="col">Slowest p95 ms</th>
          <th scope="col">Refused</th>
          <th scope="col">Layout shift</th>
          <th scope="col">Long tasks</th>
        </tr>
      </thead>
      <tbody>
        ${report.apps.map((app) => {
          const ready = app.widgets.flatMap((widget) =>
            widget.timeToReady.count > 0 ? [widget.timeToReady.p50] : [],
          );
          const calls = app.methods.reduce((sum, method) => sum + method.calls, 0);
          const failed = app.methods.reduce(
            (sum, method) => sum + Object.values(method.failures).reduce((a, b) => a + b, 0),
            0,
          );
          const slowest = app.methods.reduce(
            (top, method) => (method.latency.p95 > (top?.latency.p95 ?? -1) ? method : top),
            app.methods[0],
          );
          const diagnosis = app.widgets.flatMap((widget) => widget.diagnoses).at(-1);
          return html`<tr data-app=${app.appId}>
            <th scope="row">${app.appName}</th>
            <td class="num">${ready.length > 0 ? ms(Math.max(...ready)) : '–'}</td>
            <td class="num">${app.widgets.reduce((sum, widget) => sum + widget.loads, 0)}</td>
            <td class="num">${app.widgets.reduce((sum, widget) => sum + widget.reconnects, 0)}</td>
            <td class="num">${calls}</td>
            <td class="num" title=${diagnosis ?? nothing}>${failed}</td>
            <td class="num" title=${slowest ? `${slowest.direction} ${slowest.method}` : nothing}>
              ${slowest ? ms(slowest.latency.p95) : '–'}
            </td>
            <td>${codes(app.refusals) || '–'}</td>
            <td class="num">${app.layoutShift.toFixed(3)}</td>
            <td class="num">
              ${
                app.longTasks.count > 0
                  ? `${String(app.longTasks.count)} (${String(app.longTasks.totalMs)} ms)`
                  : '0'
              }
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
  </section>`;
}
