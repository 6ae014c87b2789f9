import type { Converter, Variant } from './engine';

/**
 * One dictionary per tab, not one per frame. The top frame's 繁简 feature offers its converters (the
 * parsed dictionary is by far the biggest thing kanjian holds, ≈ 1.7 MB); a frame below it that can
 * reach the top frame's window (same origin, so the same renderer process and heap) uses those instead
 * of loading its own copy, synchronously, so its conversion and exact restore work as before.
 *
 * The offer lives in the extension's isolated world of the top frame, which a frame's content script
 * reaches through `window.top` and the page never sees (its own world has another global); a
 * cross-origin frame cannot reach it at all (the browser refuses) and loads its own dictionary.
 */
export type ConverterSource = (from: Variant, to: Variant, phraseLines: readonly string[]) => Promise<Converter>;

const OFFER = Symbol.for('kanjian.tab.converters');

type Offers = Record<symbol, ConverterSource | null | undefined>;

/** In the top frame: offer this frame's converters to the tab's frames (null withdraws it). */
export function offerTabConverters(win: Window, source: ConverterSource | null): void {
  try {
    (win as unknown as Offers)[OFFER] = source;
  } catch {
    // A window wrapper that takes no property of ours (Firefox's Xray may refuse): every frame loads its own.
  }
}

/** Below the top: the top frame's converters when this frame may use them, else null (load its own). */
export function tabConverters(win: Window): ConverterSource | null {
  try {
    const top = win.top;
    if (!top || top === win) return null;
    const source = (top as unknown as Offers)[OFFER];
    return typeof source === 'function' ? source : null;
  } catch {
    // Another origin: the browser refuses, and this frame loads its own.
    return null;
  }
}
