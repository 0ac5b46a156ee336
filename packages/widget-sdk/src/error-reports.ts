import type { WidgetClient } from './client.js';

/** The most errors one page reports: a page failing in a loop does not flood the host. */
const MAX_REPORTS = 10;

/** What a browser says when it denies a cross-site frame its own storage or cookies. */
const STORAGE_DENIED =
  /Access is denied for this document|SecurityError.*(storage|cookie|indexedDB)/i;

/**
 * Tells the host (`diagnostics.report`) the errors the page does not catch,
 * so that the host's tools can show them beside the widget: above all a
 * browser that denies the widget its own web storage, which in Safari and
 * Brave every cross-site frame is. Returns a function that stops.
 */
export function reportErrors(client: WidgetClient): () => void {
  let sent = 0;
  const report = (reason: unknown) => {
    if (sent >= MAX_REPORTS) return;
    sent += 1;
    const message = (
      reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)
    ).slice(0, 500);
    const kind = STORAGE_DENIED.test(message) ? 'storage-denied' : 'error';
    client.call('diagnostics.report', { kind, message }).catch(() => undefined);
  };
  const onError = (event: ErrorEvent) => {
    report(event.error ?? event.message);
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    report(event.reason);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  };
}
