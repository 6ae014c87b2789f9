import type { Converter, Variant } from './engine';

/**
 * One dictionary per tab, not one per frame. The top frame's 繁简 feature offers its converters (the
 * parsed dictionary is by far the biggest thing kanjian holds, ≈ 1.3 MB); a frame below it that can
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

/** The most text one frame sends for conversion in one message (characters); more goes in the next. */
export const MAX_BATCH_CHARS = 200_000;

/** Asks the top frame (through the background) to convert texts with its converter for `from`→`to`. */
export type RemoteConvert = (req: { from: Variant; to: Variant; phrases: string[]; texts: string[] }) => Promise<unknown>;

/**
 * A frame that cannot reach the top frame's window (another origin: another process) converts with the
 * top frame's dictionary too, through the background: its texts go to the top frame's converter in
 * batches and come back converted. The page converter needs a synchronous converter, so this one
 * answers from what came back and notes what it has not seen yet (returned as it is, so nothing is
 * recorded for it); `fill()` fetches those and the caller converts again, which then finds them.
 */
export class RemoteConverter implements Converter {
  private readonly known = new Map<string, string>();
  private missing = new Set<string>();

  constructor(
    readonly from: Variant,
    readonly to: Variant,
    private readonly phrases: string[],
    private readonly ask: RemoteConvert,
    /** Called once per round when text was found that has not been converted yet. */
    private readonly onMissing: () => void = () => undefined,
  ) {}

  convert(text: string): string {
    const known = this.known.get(text);
    if (known !== undefined) return known;
    if (!this.missing.size) queueMicrotask(this.onMissing);
    this.missing.add(text);
    return text;
  }

  /** Fetches the texts seen but not yet converted; true when there were any. */
  async fill(): Promise<boolean> {
    if (!this.missing.size) return false;
    const all = [...this.missing];
    this.missing = new Set();
    for (let i = 0; i < all.length; ) {
      const texts: string[] = [];
      for (let size = 0; i < all.length && (texts.length === 0 || size + all[i]!.length <= MAX_BATCH_CHARS); i++) {
        texts.push(all[i]!);
        size += all[i]!.length;
      }
      const out = await this.ask({ from: this.from, to: this.to, phrases: this.phrases, texts });
      if (!Array.isArray(out) || out.length !== texts.length || !out.every((t) => typeof t === 'string')) throw new Error('the top frame gave no conversion');
      texts.forEach((t, k) => this.known.set(t, out[k] as string));
    }
    return true;
  }

  /** One text, converted now (fetched if not yet known): for the caption band. */
  async convertNow(text: string): Promise<string> {
    const known = this.known.get(text);
    if (known !== undefined) return known;
    this.missing.add(text);
    await this.fill();
    return this.known.get(text) ?? text;
  }
}
