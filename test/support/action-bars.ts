// Action bars in tests: one on the page, and pressing its buttons.
import type {
  HostActionBarElement,
  HostActionDoneEvent,
  HostActionOutcome,
  Selection,
} from '@plugboard/host-runtime/lists';
import { waitFor } from './fixture-events.js';

/** A `<pb-action-bar>` for `point` and `selection`, in `root`, rendered. */
export async function actionBar(
  root: HTMLElement,
  point: string,
  selection: Selection,
): Promise<HostActionBarElement> {
  const element = document.createElement('pb-action-bar');
  element.point = point;
  element.selection = selection;
  root.append(element);
  await element.updateComplete;
  return element;
}

/** The bar's button for the action `key` (`appId/actionId`). */
export const actionButton = (element: HostActionBarElement, key: string) =>
  element.shadowRoot?.querySelector<HTMLButtonElement>(`button[data-action="${key}"]`) ?? null;

/** Clicks the bar's button for `key` once it is enabled; resolves with how the action ended. */
export async function pressAction(
  element: HostActionBarElement,
  key: string,
): Promise<HostActionOutcome> {
  await waitFor(
    () => actionButton(element, key)?.getAttribute('aria-disabled') === 'false',
    `${key} enabled`,
  );
  const done = new Promise<HostActionDoneEvent>((resolve) => {
    element.addEventListener('pb-action-done', resolve, { once: true });
  });
  actionButton(element, key)?.click();
  return (await done).outcome;
}
