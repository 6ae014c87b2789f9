// kanjian-img-animated: animated GIF, APNG and WebP images that keep moving for more than 5 s with no
// way to pause them (WCAG 2.2.2 Pause, Stop, Hide). The image's bytes are read from the browser's
// cache only (fetch with cache: 'only-if-cached', same origin, or a data: URL): the audit never makes
// a network request. When the bytes cannot be read, large GIFs go to needs review.
import type { CheckHelper } from 'axe-core';
import { defineKanjianRule } from './define';
import { hasPauseControl } from './motion';

export const ANIMATED_IMAGE_OPTIONS = { maxSeconds: 5 };

export interface Animation {
  frames: number;
  /** One pass through the frames, in seconds. */
  seconds: number;
  /** How many passes (Infinity: loops forever). */
  plays: number;
}

/** Total running time in seconds (Infinity when it loops forever); 0 for a still image. */
export function animationLength(a: Animation | undefined): number {
  if (!a || a.frames < 2) return 0;
  return a.plays === Infinity ? Infinity : a.seconds * a.plays;
}

// Browsers show GIF frames with a delay under 20 ms (0 or 1 hundredths) for 100 ms.
const gifDelay = (cs: number) => (cs <= 1 ? 10 : cs) / 100;

/** Frames, duration and loop count of a GIF (undefined when the bytes are not a GIF). */
export function parseGif(b: Uint8Array): Animation | undefined {
  if (b.length < 13 || String.fromCharCode(b[0]!, b[1]!, b[2]!) !== 'GIF') return undefined;
  let p = 13;
  const packed = b[10]!;
  if (packed & 0x80) p += 3 * 2 ** ((packed & 7) + 1);
  let frames = 0;
  let seconds = 0;
  let pendingDelay = 0;
  let loops: number | undefined; // NETSCAPE2.0 loop count: 0 means forever
  const skipSubBlocks = () => {
    while (p < b.length && b[p]! !== 0) p += b[p]! + 1;
    p++;
  };
  while (p < b.length) {
    const block = b[p]!;
    if (block === 0x3b) break;
    if (block === 0x21) {
      const label = b[p + 1]!;
      p += 2;
      if (label === 0xf9 && b[p] === 4) {
        pendingDelay = b[p + 2]! | (b[p + 3]! << 8);
        p += 6;
        continue;
      }
      if (label === 0xff && b[p] === 11) {
        const app = String.fromCharCode(...Array.from(b.subarray(p + 1, p + 12)));
        p += 12;
        if ((app === 'NETSCAPE2.0' || app === 'ANIMEXTS1.0') && b[p] === 3 && b[p + 1] === 1) loops = b[p + 2]! | (b[p + 3]! << 8);
        skipSubBlocks();
        continue;
      }
      skipSubBlocks();
      continue;
    }
    if (block === 0x2c) {
      const lp = b[p + 9]!;
      p += 10;
      if (lp & 0x80) p += 3 * 2 ** ((lp & 7) + 1);
      p++; // LZW minimum code size
      skipSubBlocks();
      frames++;
      seconds += gifDelay(pendingDelay);
      pendingDelay = 0;
      continue;
    }
    break; // corrupt: stop with what was read
  }
  const plays = loops === undefined ? 1 : loops === 0 ? Infinity : loops + 1;
  return { frames, seconds, plays };
}

const u32 = (b: Uint8Array, p: number) => ((b[p]! << 24) >>> 0) + (b[p + 1]! << 16) + (b[p + 2]! << 8) + b[p + 3]!;
const u16 = (b: Uint8Array, p: number) => (b[p]! << 8) + b[p + 1]!;

/** Frames, duration and plays of an animated PNG (APNG); undefined when the bytes are not a PNG. */
export function parseApng(b: Uint8Array): Animation | undefined {
  if (b.length < 16 || b[0] !== 0x89 || b[1] !== 0x50 || b[2] !== 0x4e || b[3] !== 0x47) return undefined;
  let p = 8;
  let frames = 1;
  let plays = 1;
  let seconds = 0;
  let animated = false;
  while (p + 8 <= b.length) {
    const len = u32(b, p);
    const type = String.fromCharCode(b[p + 4]!, b[p + 5]!, b[p + 6]!, b[p + 7]!);
    const d = p + 8;
    if (type === 'acTL') {
      animated = true;
      frames = u32(b, d);
      const n = u32(b, d + 4);
      plays = n === 0 ? Infinity : n;
    } else if (type === 'fcTL') {
      const num = u16(b, d + 20);
      const den = u16(b, d + 22) || 100;
      seconds += num / den;
    } else if (type === 'IEND') break;
    p = d + len + 4;
  }
  return animated ? { frames, seconds, plays } : { frames: 1, seconds: 0, plays: 1 };
}

/** Frames, duration and plays of an animated WebP; undefined when the bytes are not a WebP. */
export function parseWebp(b: Uint8Array): Animation | undefined {
  const tag = (p: number) => String.fromCharCode(b[p]!, b[p + 1]!, b[p + 2]!, b[p + 3]!);
  if (b.length < 16 || tag(0) !== 'RIFF' || tag(8) !== 'WEBP') return undefined;
  const le32 = (p: number) => b[p]! + (b[p + 1]! << 8) + (b[p + 2]! << 16) + ((b[p + 3]! << 24) >>> 0);
  let p = 12;
  let frames = 0;
  let ms = 0;
  let plays = 1;
  while (p + 8 <= b.length) {
    const type = tag(p);
    const len = le32(p + 4);
    const d = p + 8;
    if (type === 'ANIM') {
      const loops = b[d + 4]! + (b[d + 5]! << 8);
      plays = loops === 0 ? Infinity : loops;
    } else if (type === 'ANMF') {
      frames++;
      ms += b[d + 12]! + (b[d + 13]! << 8) + (b[d + 14]! << 16);
    }
    p = d + len + (len & 1);
  }
  return frames ? { frames, seconds: ms / 1000, plays } : { frames: 1, seconds: 0, plays: 1 };
}

export function parseAnimation(b: Uint8Array): Animation | undefined {
  return parseGif(b) ?? parseApng(b) ?? parseWebp(b);
}

function dataUrlBytes(src: string): Uint8Array | undefined {
  const m = /^data:[^,]*?(;base64)?,(.*)$/is.exec(src);
  if (!m) return undefined;
  try {
    const raw = m[1] ? atob(m[2]!) : decodeURIComponent(m[2]!);
    return Uint8Array.from(raw, (c) => c.charCodeAt(0) & 0xff);
  } catch {
    return undefined;
  }
}

/** The image's bytes without touching the network: a data: URL, or a same-origin cached response. */
export async function cachedBytes(img: HTMLImageElement): Promise<Uint8Array | undefined> {
  const src = img.currentSrc || img.src;
  if (!src) return undefined;
  if (src.startsWith('data:')) return dataUrlBytes(src);
  const win = img.ownerDocument.defaultView;
  if (!win || typeof win.fetch !== 'function') return undefined;
  try {
    if (new URL(src, win.location.href).origin !== win.location.origin) return undefined;
    const res = await win.fetch(src, { cache: 'only-if-cached', mode: 'same-origin', credentials: 'same-origin' });
    if (!res.ok) return undefined;
    return new Uint8Array(await res.arrayBuffer());
  } catch {
    return undefined;
  }
}

const MAYBE_ANIMATED = /\.(gif|png|apng|webp)(?:[?#]|$)|^data:image\/(gif|png|apng|webp)/i;

export function animatedMatches(node: Element): boolean {
  const src = (node as HTMLImageElement).currentSrc || node.getAttribute('src') || '';
  return MAYBE_ANIMATED.test(src);
}

function bigEnough(img: HTMLImageElement): boolean {
  const r = img.getBoundingClientRect();
  const w = r.width || img.width || Number(img.getAttribute('width')) || 0;
  const h = r.height || img.height || Number(img.getAttribute('height')) || 0;
  return w >= 100 && h >= 50;
}

export function animatedEvaluate(this: CheckHelper, node: Element, options: unknown): void {
  const o = { ...ANIMATED_IMAGE_OPTIONS, ...(options as Partial<typeof ANIMATED_IMAGE_OPTIONS> | undefined) };
  const done = this.async();
  const img = node as HTMLImageElement;
  const src = img.currentSrc || img.src || '';
  void cachedBytes(img).then(
    (bytes) => {
      if (!bytes) {
        // Unreadable (not cached, another origin): only banner-sized GIFs are worth a look by hand.
        if (/\.gif(?:[?#]|$)|^data:image\/gif/i.test(src) && bigEnough(img)) {
          this.data({ messageKey: 'unread', maxSeconds: o.maxSeconds });
          done(undefined);
        } else done(true);
        return;
      }
      const anim = parseAnimation(bytes);
      const length = animationLength(anim);
      const shown = length === Infinity ? '∞' : Math.round(length * 10) / 10;
      this.data({ seconds: shown, frames: anim?.frames ?? 1, maxSeconds: o.maxSeconds });
      if (length <= o.maxSeconds) done(true);
      else done(hasPauseControl(node));
    },
    () => done(undefined),
  );
}

export const imgAnimated = defineKanjianRule({
  id: 'kanjian-img-animated',
  selector: 'img[src]',
  matches: animatedMatches,
  evaluate: animatedEvaluate as unknown as (this: CheckHelper, node: Element, options: unknown) => boolean | undefined,
  impact: 'serious',
  tags: ['kanjian', 'wcag2a', 'wcag222', 'cat.time-and-media'],
  options: ANIMATED_IMAGE_OPTIONS,
});
