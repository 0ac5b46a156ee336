import type { WidgetClient } from './client.js';

/**
 * Reports the page's content height to the host whenever it changes, so the
 * host can size the iframe (within the manifest's bounds). Returns a function
 * that stops it.
 *
 * It measures `<body>` with its margins, not the document: the document is at
 * least as tall as the iframe, so measuring it could only ever grow.
 */
export function autoResize(client: WidgetClient): () => void {
  const { body } = document;
  let last = -1;
  const observer = new ResizeObserver(() => {
    const style = getComputedStyle(body);
    const height = Math.ceil(
      body.getBoundingClientRect().height +
        parseFloat(style.marginTop) +
        parseFloat(style.marginBottom),
    );
    if (height === last) return;
    last = height;
    // A host without a resize service keeps the manifest's initial height.
    client.call('widget.resize', { height }).catch(() => undefined);
  });
  observer.observe(body);
  return () => {
    observer.disconnect();
  };
}
