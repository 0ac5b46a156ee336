import { createElement, useEffect, useRef, type CSSProperties, type ReactElement } from 'react';

/** What every component passes on to its element, beside its own properties. */
export interface ElementProps {
  readonly id?: string;
  readonly className?: string;
  readonly style?: CSSProperties;
}

/**
 * One of the runtime's custom elements, as React 19 renders it: its
 * properties are set as properties (objects too), on the element React
 * creates, before it joins the page, so it connects with its host, point
 * and draft already set; the element is kept across renders (StrictMode's
 * second run of effects reuses it, so a widget's iframe never loads
 * twice). `events` are listened to with the latest handler until the
 * component unmounts.
 */
export function useCustomElement(
  tag: string,
  { id, className, style }: ElementProps,
  properties: Readonly<Record<string, unknown>>,
  events: Readonly<Record<string, ((event: Event) => void) | undefined>> = {},
): ReactElement {
  const ref = useRef<HTMLElement>(null);
  const handlers = useRef(events);
  handlers.current = events;
  const names = Object.keys(events).join(' ');
  useEffect(() => {
    const element = ref.current;
    if (!element || names === '') return;
    const listeners = names.split(' ').map((name) => {
      const listener = (event: Event) => {
        handlers.current[name]?.(event);
      };
      element.addEventListener(name, listener);
      return () => {
        element.removeEventListener(name, listener);
      };
    });
    return () => {
      for (const stop of listeners) stop();
    };
  }, [names]);
  return createElement(tag, {
    ref,
    ...properties,
    ...(id === undefined ? {} : { id }),
    ...(className === undefined ? {} : { className }),
    ...(style === undefined ? {} : { style }),
  });
}
