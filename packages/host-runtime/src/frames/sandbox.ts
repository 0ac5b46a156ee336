/**
 * The sandbox a widget iframe gets: scripts, forms, popups and downloads, and
 * its own origin (for the vendor's cookies and storage). Never top
 * navigation. `allow-modals` only where the installation grants it (a
 * MoySklad app's frames have it, as in MoySklad). A widget on the host's own origin is refused
 * `allow-same-origin`: with it, the page could reach into the host and lift
 * its own sandbox.
 */
export function sandboxFor(widgetOrigin: string, hostOrigin: string, modals?: boolean): string {
  const tokens = ['allow-scripts', 'allow-forms', 'allow-popups', 'allow-downloads'];
  if (widgetOrigin !== hostOrigin) tokens.push('allow-same-origin');
  if (modals) tokens.push('allow-modals');
  return tokens.join(' ');
}
