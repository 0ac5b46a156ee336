// A hash router (#/orders/7), written against @plugboard/react's leave
// guard the way a router with blockers (React Router's useBlocker) is: a
// navigation away from unsaved work is blocked, the guard asks the user,
// and the router proceeds or stays.
import type { LeaveBlocker } from '@plugboard/react';
import { useEffect, useRef, useState } from 'react';

const pathOf = () => location.hash.replace(/^#/, '') || '/orders';

/** Goes to `path` (the blocker, when mounted, may stop it). */
export function go(path: string): void {
  location.hash = path;
}

/**
 * The route shown, and a blocker for useLeaveGuard: a hash change while
 * `unsaved()` is put back and blocked until the guard proceeds or resets.
 */
export function useRoute(unsaved: () => boolean): { path: string; blocker: LeaveBlocker } {
  const [path, setPath] = useState(pathOf);
  const [wanted, setWanted] = useState<string | undefined>(undefined);
  const shown = useRef(path);
  shown.current = path;
  useEffect(() => {
    const onChange = () => {
      const next = pathOf();
      if (next === shown.current) return;
      if (unsaved()) {
        // Put the URL back while the user decides.
        history.replaceState(null, '', `#${shown.current}`);
        setWanted(next);
        return;
      }
      setPath(next);
    };
    window.addEventListener('hashchange', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
    };
  }, [unsaved]);
  const blocker: LeaveBlocker =
    wanted === undefined
      ? { state: 'unblocked' }
      : {
          state: 'blocked',
          proceed: () => {
            setWanted(undefined);
            history.replaceState(null, '', `#${wanted}`);
            setPath(wanted);
          },
          reset: () => {
            setWanted(undefined);
          },
        };
  return { path, blocker };
}
