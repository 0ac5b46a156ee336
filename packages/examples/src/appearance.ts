// Order desk's theme and language, switched in its header while the page
// runs: widgets hear of it through host.setContext() (no reload, drafts
// kept); Order desk's own page and Plugboard's elements follow the page's
// CSS custom properties (index.html, :root[data-theme='dark']). The choice
// is kept in this first-party page's localStorage.
import type { Theme } from '@plugboard/widget-sdk';

export const THEMES: Readonly<Record<Theme['mode'], Theme>> = {
  light: {
    mode: 'light',
    tokens: {
      'color-text': '#101828',
      'color-muted': '#667085',
      'color-accent': '#2f54eb',
      'color-surface': '#ffffff',
    },
  },
  dark: {
    mode: 'dark',
    tokens: {
      'color-text': '#f2f4f7',
      'color-muted': '#98a2b3',
      'color-accent': '#85a5ff',
      'color-surface': '#101828',
    },
  },
};

/** The languages the header offers, by BCP 47 tag. */
export const LOCALES: Readonly<Record<string, string>> = {
  'en-GB': 'English',
  'de-DE': 'Deutsch',
  'fr-FR': 'Français',
};

const read = (key: string) => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage off: the defaults
  }
};

/** The theme and locale the page starts with: the last chosen, or light and English. */
export function savedAppearance(): { readonly theme: Theme; readonly locale: string } {
  const mode = read('order-desk:theme') === 'dark' ? 'dark' : 'light';
  const locale = read('order-desk:locale') ?? '';
  return { theme: THEMES[mode], locale: locale in LOCALES ? locale : 'en-GB' };
}

/** Shows the page in `theme` and `locale`, and keeps them for the next visit. */
export function applyAppearance(theme: Theme, locale: string): void {
  const root = document.documentElement;
  root.dataset['theme'] = theme.mode;
  root.lang = locale;
  try {
    localStorage.setItem('order-desk:theme', theme.mode);
    localStorage.setItem('order-desk:locale', locale);
  } catch {
    // Not kept: the page still switches.
  }
}
