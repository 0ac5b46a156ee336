// A tiny client-side router: links with `data-link` navigate without a page
// load, so a card's panel slot (and its live widgets) survive moving between
// entities. Before it leaves a page it asks the leave guard (the host's
// confirmLeave: a card with unsaved work asks the user), on links and on
// the browser's Back and Forward alike.

type Listener = (path: string) => void;
const listeners = new Set<Listener>();
let guard: () => Promise<boolean> = () => Promise.resolve(true);
/** The path shown now: where Back returns to when the user stays. */
let current = location.pathname;

/** Sets what is asked before the router leaves the current page. */
export function setLeaveGuard(ask: () => Promise<boolean>): void {
  guard = ask;
}

function show(path: string): void {
  current = path;
  for (const listener of listeners) listener(path);
}

export async function navigate(path: string): Promise<void> {
  if (path === location.pathname) return;
  if (!(await guard())) return;
  history.pushState(null, '', path);
  show(path);
}

/** Shows another URL for the page already on screen (a new order got its id), without leaving it. */
export function replaceRoute(path: string): void {
  history.replaceState(null, '', path);
  current = path;
}

export function onRoute(listener: Listener): void {
  listeners.add(listener);
  window.addEventListener('popstate', () => {
    const wanted = location.pathname;
    // The URL has changed already: put it back while the user decides.
    history.pushState(null, '', current);
    void guard().then((leave) => {
      if (!leave) return;
      history.replaceState(null, '', wanted);
      show(wanted);
    });
  });
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-link]');
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate(link.pathname);
  });
  listener(location.pathname);
}
