import type { CompiledDict } from './dict-format';
import type { Trie } from './trie';

/**
 * Runs one compiled direction over a string with exactly opencc-js 1.4.x's semantics
 * (ConverterBuilder → ConverterFactoryWithSegmentation):
 *
 *   text = normalize tries, each over the whole text
 *   segments = segmentation trie's segment(text)   (or [text])
 *   for each chain trie: segments = segments.map(trie.convert)
 *   return segments.join('')
 *
 * where trie.convert is forward longest match that steps over unmatched text one code point at a
 * time, or one whole Ideographic Description Sequence at a time. The text lives in UTF-16 code-unit
 * buffers and segments are kept as a list of end offsets, so no intermediate strings are built.
 * Buffers are reused between calls: a Pipeline is not re-entrant (conversion is synchronous).
 */
export class Pipeline {
  /** The current text (first len units) and the buffer the next pass writes into. */
  private text = new Uint16Array(256);
  private spare = new Uint16Array(256);
  /** The current segments' end offsets (first nb entries) and the next pass's. */
  private ends = new Int32Array(257);
  private spareEnds = new Int32Array(257);
  private len = 0;
  private nb = 0;
  /** IDS sequence ends already computed in the current segment (they depend on its end). */
  private memo: Map<number, number> | null = null;
  private memoBound = -1;
  /** The text loaded has a lone surrogate (then the fast UTF-16 decoder would replace it). */
  private lone = false;

  constructor(readonly dict: CompiledDict) {}

  convert(text: string): string {
    const n = text.length;
    const any = this.dict.anyStart;
    let i = 0;
    while (i < n && any[text.charCodeAt(i)] === 0) i++;
    if (i === n) return text; // no key can start anywhere: every stage leaves the text as it is
    const normalizable = this.load(text);
    const d = this.dict;
    let changed = false;
    if (normalizable) for (const t of d.normalize) changed = this.pass(t, false) || changed;
    let rest = d.chain;
    if (d.fused) {
      changed = this.pass(d.chain[0]!, true) || changed;
      rest = d.chain.slice(1);
    } else if (d.segment) {
      this.segment(d.segment);
    }
    for (const t of rest) changed = this.pass(t, false) || changed;
    // Outputs are input code units plus dictionary values (well-formed), so the output has a lone
    // surrogate only if the input had one.
    const out = !changed ? text : this.lone ? decode(this.text, this.len) : decodeWellFormed(this.text, this.len);
    this.trim();
    return out;
  }

  /** Copies text into the buffer; returns whether some unit starts a normalization key. */
  private load(text: string): boolean {
    const n = text.length;
    if (this.text.length < n) this.text = new Uint16Array(n + (n >> 2) + 16);
    const buf = this.text;
    const any = this.dict.anyStart;
    let surrogates = false;
    let normalizable = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      buf[i] = c;
      normalizable |= any[c]!;
      if ((c & 0xf800) === 0xd800) surrogates = true;
    }
    this.lone = false;
    if (surrogates) {
      for (let i = 0; i < n; i++) {
        const c = buf[i]!;
        if (c < 0xd800 || c > 0xdfff) continue;
        if (c <= 0xdbff && i + 1 < n && (buf[i + 1]! & 0xfc00) === 0xdc00) i++;
        else {
          this.lone = true;
          break;
        }
      }
    }
    this.len = n;
    this.ends[0] = n;
    this.nb = 1;
    return (normalizable & 2) !== 0;
  }

  private swapEnds(): void {
    const e = this.ends;
    this.ends = this.spareEnds;
    this.spareEnds = e;
  }

  /** Lets go of scratch buffers grown past 2 MiB by one big text, so an idle converter stays small. */
  private trim(): void {
    const big = 1 << 20;
    if (this.text.length > big || this.spare.length > big) {
      this.text = new Uint16Array(256);
      this.spare = new Uint16Array(256);
    }
    if (this.ends.length > big / 2 || this.spareEnds.length > big / 2) {
      this.ends = new Int32Array(257);
      this.spareEnds = new Int32Array(257);
    }
  }

  /** Makes the spare text buffer hold at least min units, keeping its first keep units. */
  private growDst(min: number, keep: number): Uint16Array<ArrayBuffer> {
    const next = new Uint16Array(Math.max(min, this.spare.length * 2));
    next.set(this.spare.subarray(0, keep));
    this.spare = next;
    return next;
  }

  /** Makes the spare segment-end list hold at least min entries, keeping its first keep. */
  private growBounds(min: number, keep: number): Int32Array<ArrayBuffer> {
    const next = new Int32Array(Math.max(min, this.spareEnds.length * 2));
    next.set(this.spareEnds.subarray(0, keep));
    this.spareEnds = next;
    return next;
  }

  /**
   * One trie over every segment. With seg, keys carrying the seg bit become segments of their own
   * and the text between them one segment (fused segmentation). Returns whether the text changed;
   * the output is only written from the first match on.
   *
   * Where no key matches, opencc-js steps one code point (or one whole IDS). Stepping one code
   * unit instead over a surrogate pair is the same: no key starts with a low surrogate, so no
   * match can start between the two halves.
   */
  private pass(t: Trie, seg: boolean): boolean {
    const src = this.text;
    const bIn = this.ends;
    const nbIn = this.nb;
    const da = t.da;
    const code = t.code;
    const starts = t.starts;
    const bb = t.baseBits;
    const mask = t.baseMask;
    const rootBase = da[0]! & mask;
    const vs = t.valueStart;
    const vu = t.valueUnits;
    let dst = this.spare;
    let cap = dst.length;
    let bOut = this.spareEnds;
    let bCap = bOut.length;
    let dirty = false;
    let o = 0;
    let nbo = 0;
    let lastB = 0;
    let a = 0;
    this.memo = null;
    for (let s = 0; s < nbIn; s++) {
      const b = bIn[s]!;
      let i = a;
      while (i < b) {
        let c = src[i]!;
        if (starts[c] === 0 && (c < 0x2ff0 || c > 0x2fff)) {
          // A run of units no key starts with: copied as is (or skipped while nothing has changed).
          if (dirty) {
            if (o + (b - i) > cap) {
              dst = this.growDst(o + (b - i) + (cap >> 1) + 16, o);
              cap = dst.length;
            }
            do {
              dst[o++] = c;
              if (++i === b) break;
              c = src[i]!;
            } while (starts[c] === 0 && (c < 0x2ff0 || c > 0x2fff));
          } else {
            do {
              if (++i === b) break;
              c = src[i]!;
            } while (starts[c] === 0 && (c < 0x2ff0 || c > 0x2fff));
            o = i;
          }
          continue;
        }
        const c0 = code[c]!;
        let node = rootBase + c0;
        if (c0 !== 0 && da[2 * node]! >>> bb === c0) {
          let k = 0;
          let v = da[2 * node + 1]!;
          if (v >= 0) k = i + 1;
          let j = i + 1;
          while (j < b) {
            const cj = code[src[j]!]!;
            if (cj === 0) break;
            const next = (da[2 * node]! & mask) + cj;
            if (da[2 * next]! >>> bb !== cj) break;
            node = next;
            j++;
            const x = da[2 * node + 1]!;
            if (x >= 0) {
              k = j;
              v = x;
            }
          }
          if (k !== 0) {
            // Inline values are one unit; others are a range of the value table.
            const inline = (v & 2) !== 0;
            const id = v >>> 2;
            const p0 = inline ? 0 : vs[id]!;
            const p1 = inline ? 1 : vs[id + 1]!;
            if (!dirty) {
              dirty = true;
              if (cap < i + (b - i) + 16) {
                dst = this.growDst(b + (b >> 2) + 16, 0);
                cap = dst.length;
              }
              dst.set(src.subarray(0, i), 0); // o === i until the first match
            }
            if (o + (p1 - p0) > cap) {
              dst = this.growDst(o + (p1 - p0) + (cap >> 1) + 16, o);
              cap = dst.length;
            }
            if (seg && (v & 1) !== 0) {
              if (nbo + 2 > bCap) {
                bOut = this.growBounds(nbo + 2 + (bCap >> 1), nbo);
                bCap = bOut.length;
              }
              if (o > lastB) bOut[nbo++] = lastB = o;
              if (inline) dst[o++] = id;
              else for (let p = p0; p < p1; p++) dst[o++] = vu[p]!;
              if (o > lastB) bOut[nbo++] = lastB = o;
            } else if (inline) {
              dst[o++] = id;
            } else {
              for (let p = p0; p < p1; p++) dst[o++] = vu[p]!;
            }
            i = k;
            continue;
          }
        }
        // No key here: step over one unit, or one whole Ideographic Description Sequence.
        let step = 1;
        if (c >= 0x2ff0 && c <= 0x2fff) {
          const e = this.idsEnd(src, i, b);
          if (e > i) step = e - i;
        }
        if (dirty) {
          if (o + step > cap) {
            dst = this.growDst(o + step + (cap >> 1) + 16, o);
            cap = dst.length;
          }
          for (let q = 0; q < step; q++) dst[o++] = src[i + q]!;
        } else {
          o += step;
        }
        i += step;
      }
      if (o > lastB || nbo === 0) {
        if (nbo + 1 > bCap) {
          bOut = this.growBounds(nbo + 1 + (bCap >> 1), nbo);
          bCap = bOut.length;
        }
        bOut[nbo++] = lastB = o;
      }
      a = b;
    }
    this.swapEnds();
    this.nb = nbo;
    if (dirty) {
      const t = this.text;
      this.text = this.spare;
      this.spare = t;
      this.len = o;
    }
    return dirty;
  }

  /**
   * Segmentation without conversion (opencc-js Trie.segment): each longest match of a key is a
   * segment; maximal runs of unmatched text are one segment each. Only the segment ends change.
   */
  private segment(t: Trie): void {
    const src = this.text;
    const n = this.len;
    const da = t.da;
    const code = t.code;
    const bb = t.baseBits;
    const mask = t.baseMask;
    const rootBase = da[0]! & mask;
    let bOut = this.spareEnds;
    let bCap = bOut.length;
    let nbo = 0;
    let lastB = 0;
    this.memo = null;
    let i = 0;
    while (i < n) {
      const c = src[i]!;
      const c0 = code[c]!;
      let node = rootBase + c0;
      if (c0 !== 0 && da[2 * node]! >>> bb === c0) {
        let k = da[2 * node + 1]! >= 0 ? i + 1 : 0;
        let j = i + 1;
        while (j < n) {
          const cj = code[src[j]!]!;
          if (cj === 0) break;
          const next = (da[2 * node]! & mask) + cj;
          if (da[2 * next]! >>> bb !== cj) break;
          node = next;
          j++;
          if (da[2 * node + 1]! >= 0) k = j;
        }
        if (k !== 0) {
          if (nbo + 2 > bCap) {
            bOut = this.growBounds(nbo + 2 + (bCap >> 1), nbo);
            bCap = bOut.length;
          }
          if (i > lastB) bOut[nbo++] = i;
          bOut[nbo++] = lastB = k;
          i = k;
          continue;
        }
      }
      let step = 1;
      if (c >= 0x2ff0 && c <= 0x2fff) {
        const e = this.idsEnd(src, i, n);
        if (e > i) step = e - i;
      }
      i += step;
    }
    if (n > lastB || nbo === 0) {
      if (nbo + 1 > bCap) bOut = this.growBounds(nbo + 1, nbo);
      bOut[nbo++] = n;
    }
    this.swapEnds();
    this.nb = nbo;
  }

  /**
   * opencc-js getIdeographicDescriptionSequenceEnd(s, i) on the segment ending at b: the end of the
   * IDS starting at i, or 0 when it is cut off by b. Iterative with memo: same results, but no
   * recursion depth limit and linear time on long runs of description characters.
   */
  private idsEnd(src: Uint16Array, i: number, b: number): number {
    if (this.memo === null || this.memoBound !== b) {
      this.memo = new Map();
      this.memoBound = b;
    }
    const memo = this.memo;
    const known = memo.get(i);
    if (known !== undefined) return known;
    const cpLen = (p: number): number => {
      const c = src[p]!;
      if (c >= 0xd800 && c <= 0xdbff && p + 1 < b) {
        const d = src[p + 1]!;
        if (d >= 0xdc00 && d <= 0xdfff) return 2;
      }
      return 1;
    };
    // Frames of the recursion: start position, current end, operands still to read.
    const pos: number[] = [i];
    const end: number[] = [i + cpLen(i)];
    const rem: number[] = [idsArity(src[i]!)];
    for (;;) {
      const top = pos.length - 1;
      let result = -1;
      if (rem[top] === 0) result = end[top]!;
      else if (end[top]! >= b) result = 0;
      if (result >= 0) {
        memo.set(pos[top]!, result);
        pos.pop();
        end.pop();
        rem.pop();
        if (pos.length === 0) return result;
        const p = pos.length - 1;
        end[p] = result || end[p]! + cpLen(end[p]!);
        rem[p]!--;
        continue;
      }
      const at = end[top]!;
      const arity = idsArity(src[at]!);
      const seen = arity === 0 ? 0 : memo.get(at);
      if (seen !== undefined) {
        end[top] = seen || at + cpLen(at);
        rem[top]!--;
      } else {
        pos.push(at);
        end.push(at + cpLen(at));
        rem.push(arity);
      }
    }
  }
}

/** opencc-js getIdeographicDescriptionArity. */
function idsArity(u: number): number {
  if (u === 0x2ff0 || u === 0x2ff1) return 2;
  if (u === 0x2ff2 || u === 0x2ff3) return 3;
  if (u >= 0x2ff4 && u <= 0x2fff) return 2;
  return 0;
}

const CHUNK = 8192;

let utf16: TextDecoder | null | undefined;

/** Well-formed UTF-16 units to a string: TextDecoder when there is one (much faster on big text). */
export function decodeWellFormed(u: Uint16Array, len: number): string {
  if (len < 64) return decode(u, len);
  if (utf16 === undefined) {
    try {
      // ignoreBOM: keep a leading U+FEFF (the default would drop it).
      utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });
    } catch {
      utf16 = null;
    }
  }
  return utf16 ? utf16.decode(u.subarray(0, len)) : decode(u, len);
}

/** UTF-16 units to a string, lone surrogates kept as they are (TextDecoder would replace them). */
export function decode(u: Uint16Array, len: number): string {
  if (len <= CHUNK) return String.fromCharCode.apply(null, u.subarray(0, len) as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < len; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, u.subarray(i, Math.min(len, i + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}
