// A tiny client-side router: links with `data-link` navigate without a page
// load, so a card's panel slot (and its live widgets) survive moving between
// entities.

type Listener = (path: string) => void;
const listeners = new Set<Listener>();

export function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  for (const listener of listeners) listener(path);
}

export function onRoute(listener: Listener): void {
  listeners.add(listener);
  window.addEventListener('popstate', () => {
    listener(location.pathname);
  });
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-link]');
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(link.pathname);
  });
  listener(location.pathname);
}
