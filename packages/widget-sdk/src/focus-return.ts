/**
 * Keeps the page's focus where the user left it. When the host takes the
 * focus (it opens a dialog) and gives it back to this iframe, Chromium
 * focuses the frame's document, not the element that had the focus: a
 * keyboard user would start again from the top of the widget. This puts it
 * back on that element. Returns a function that stops it.
 */
export function keepFocus(): () => void {
  let last: Element | null = null;
  const left = (event: FocusEvent) => {
    last = event.target instanceof Element ? event.target : null;
  };
  const back = () => {
    if (document.activeElement === document.body && last?.isConnected && 'focus' in last) {
      (last as HTMLElement).focus();
    }
  };
  window.addEventListener('focusout', left);
  window.addEventListener('focus', back);
  return () => {
    window.removeEventListener('focusout', left);
    window.removeEventListener('focus', back);
  };
}
