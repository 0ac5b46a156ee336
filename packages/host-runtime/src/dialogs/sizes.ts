import type { HostDialogSize } from '../manifest/schema.js';

/** Bounds in CSS pixels. */
export interface PixelRange {
  readonly min: number;
  readonly max: number;
}

/** A dialog's size as the layer lays it out. */
export interface DialogLayout {
  /** Width bounds; the window's width caps them. */
  readonly width: PixelRange;
  /** Bounds of the page's height (auto-resize), under the window's. */
  readonly height: PixelRange;
  /** Fills the window; the page's height does not matter. */
  readonly fill: boolean;
}

/** What the named sizes mean, in CSS pixels. */
export const DIALOG_SIZES = {
  small: { width: { min: 320, max: 400 }, height: { min: 80, max: 480 }, fill: false },
  medium: { width: { min: 400, max: 600 }, height: { min: 120, max: 640 }, fill: false },
  large: { width: { min: 600, max: 900 }, height: { min: 160, max: 800 }, fill: false },
  fullscreen: { width: { min: 0, max: 100_000 }, height: { min: 0, max: 100_000 }, fill: true },
} as const satisfies Record<string, DialogLayout>;

/** The layout of a manifest dialog's size (default `medium`). */
export function dialogLayout(size: HostDialogSize = 'medium'): DialogLayout {
  return typeof size === 'string' ? DIALOG_SIZES[size] : { ...size, fill: false };
}
