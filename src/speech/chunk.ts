// Chunking: split text into utterances no longer than maxLength, at sentence ends first, then at clause
// punctuation, then hard. Chunks partition the input exactly (concatenated they give the input back), so
// every character is read once, in order; whitespace is trimmed only in what is spoken (spokenText).
import type { ReadingSegment, SourceRange, SpeechChunk, TextPiece, TextSpan } from './types';

export interface ChunkOptions {
  /**
   * Longest chunk, in code points of its trimmed text. Default 120: about 15 s of Chinese at normal rate,
   * which is where Chrome cuts long utterances off.
   */
  maxLength?: number;
  /** Use Intl.Segmenter for sentence boundaries where available (default true). */
  useSegmenter?: boolean;
}

export const DEFAULT_MAX_CHUNK = 120;

const CLOSERS = '”’」』）)\\]】》〉"\'」』»';
// Sentence ends (CJK and ASCII !?;). ASCII '.' is handled separately so 3.14 and example.com stay whole.
const SENTENCE_END = new RegExp(`[。．｡！？!?；;…]+[${CLOSERS}]*`, 'gu');
const ASCII_PERIOD = new RegExp(`\\.+[${CLOSERS}]*(?=\\s|$|[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef])`, 'gu');
// Clause ends; ASCII , and : only when not between digits (1,000 and 12:30 stay whole).
const CLAUSE_END = new RegExp(`(?:[，、﹐﹑：]|[,:](?!\\d))[${CLOSERS}]*`, 'gu');

/** Code points in the trimmed text: what the max length limits. */
export function measure(s: string): number {
  let n = 0;
  for (const _ of s.trim()) n++;
  return n;
}

function cutsFromRegex(text: string, re: RegExp, into: Set<number>): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (end > 0 && end < text.length) into.add(end);
    if (m[0].length === 0) re.lastIndex++;
  }
}

type SegmenterCtor = new (locale: string, opts: { granularity: 'sentence' }) => {
  segment(s: string): Iterable<{ index: number }>;
};

function segmenterCtor(): SegmenterCtor | null {
  const I = Intl as unknown as { Segmenter?: SegmenterCtor };
  return typeof I.Segmenter === 'function' ? I.Segmenter : null;
}

let cachedSegmenter: { segment(s: string): Iterable<{ index: number }> } | null | undefined;

function sentenceSegmenter(): { segment(s: string): Iterable<{ index: number }> } | null {
  if (cachedSegmenter === undefined) {
    const Ctor = segmenterCtor();
    try {
      cachedSegmenter = Ctor ? new Ctor('zh', { granularity: 'sentence' }) : null;
    } catch {
      cachedSegmenter = null;
    }
  }
  return cachedSegmenter;
}

// A cut right after an opening quote or bracket is never a sentence end: ICU's sentence rules treat “ as
// closing punctuation and would strand it at the end of the previous sentence.
const OPENERS = new Set(['“', '‘', '「', '『', '（', '(', '《', '〈', '【', '〔', '［', '[', '{', '｛']);

/** Whitespace after a cut stays with the text before it (as Intl.Segmenter does). */
function skipSpaces(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** Cut points (exclusive ends) partitioning text into pieces. */
function partition(text: string, cuts: Set<number>): TextSpan[] {
  const sorted = [...new Set([...cuts].map((c) => skipSpaces(text, c)))]
    .filter((c) => c > 0 && c < text.length && !OPENERS.has(text[c - 1]!))
    .sort((a, b) => a - b);
  const out: TextSpan[] = [];
  let prev = 0;
  for (const c of sorted) {
    if (c > prev) out.push({ start: prev, end: c, text: text.slice(prev, c) });
    prev = c;
  }
  if (prev < text.length) out.push({ start: prev, end: text.length, text: text.slice(prev) });
  return out;
}

/** Glue whitespace-only spans onto the previous span (or the next, at the start). */
function glueWhitespace(spans: TextSpan[], whole: string): TextSpan[] {
  const out: TextSpan[] = [];
  let pendingStart: number | null = null;
  for (const s of spans) {
    if (s.text.trim() === '') {
      const last = out[out.length - 1];
      if (last) out[out.length - 1] = span(whole, last.start, s.end);
      else if (pendingStart === null) pendingStart = s.start;
      continue;
    }
    out.push(pendingStart === null ? s : span(whole, pendingStart, s.end));
    pendingStart = null;
  }
  return out;
}

function span(whole: string, start: number, end: number): TextSpan {
  return { start, end, text: whole.slice(start, end) };
}

/** Sentences of text, partitioning it exactly (whitespace between sentences stays with a neighbour). */
export function splitSentences(text: string, opts: ChunkOptions = {}): TextSpan[] {
  if (text.trim() === '') return [];
  const cuts = new Set<number>();
  cutsFromRegex(text, SENTENCE_END, cuts);
  cutsFromRegex(text, ASCII_PERIOD, cuts);
  const seg = opts.useSegmenter === false ? null : sentenceSegmenter();
  if (seg) {
    // Newlines in DOM text are source formatting, not paragraph ends: segment a copy with them as spaces
    // (same length, so indices carry over). Segment piece by piece between the punctuation cuts: V8's
    // segmenter slows down badly on long strings (127k characters took 2.5 s in one go).
    const flat = text.replace(/\s/g, ' ');
    const bounds = [0, ...[...cuts].sort((a, b) => a - b), text.length];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const a = bounds[i]!;
      const b = bounds[i + 1]!;
      if (b - a < 2) continue;
      for (const s of seg.segment(flat.slice(a, b))) if (s.index > 0) cuts.add(a + s.index);
    }
  }
  return glueWhitespace(partition(text, cuts), text);
}

// Marks, joiners, variation selectors and skin-tone modifiers belong to the character before them.
const COMBINING = /^(?:\p{M}|\p{Emoji_Modifier}|\u200d|\ufe0e|\ufe0f)/u;

/** Hard-split one span into pieces of at most max code points (trimmed), preferring spaces in Latin text. */
function hardSplit(whole: string, s: TextSpan, max: number): TextSpan[] {
  const out: TextSpan[] = [];
  let start = s.start;
  while (start < s.end && measure(whole.slice(start, s.end)) > max) {
    // Skip leading whitespace: it does not count and must not be the whole chunk.
    let i = start;
    while (i < s.end && /\s/.test(whole[i]!)) i++;
    let count = 0;
    let cut = i;
    while (cut < s.end && count < max) {
      const cp = whole.codePointAt(cut)!;
      cut += cp > 0xffff ? 2 : 1;
      count++;
    }
    // Do not strand a combining mark or variation selector at the start of the next chunk.
    while (cut > i + 1 && cut < s.end && COMBINING.test(whole.slice(cut, cut + 2))) {
      cut--;
      if (cut > i && /[\udc00-\udfff]/.test(whole[cut]!)) cut--;
    }
    // Inside a Latin word: back off to the last space if it is not too far back.
    if (/[A-Za-z0-9]/.test(whole[cut - 1] ?? '') && /[A-Za-z0-9]/.test(whole[cut] ?? '')) {
      const sp = whole.lastIndexOf(' ', cut - 1);
      if (sp > i + Math.floor(max / 2)) cut = sp + 1;
    }
    out.push(span(whole, start, cut));
    start = cut;
  }
  if (start < s.end) out.push(span(whole, start, s.end));
  return glueWhitespace(out, whole);
}

/** Split an over-long sentence at clause punctuation, packing clauses greedily up to max. */
function splitLong(whole: string, s: TextSpan, max: number): TextSpan[] {
  const cuts = new Set<number>();
  cutsFromRegex(s.text, CLAUSE_END, cuts);
  const clauses = glueWhitespace(partition(s.text, cuts), s.text).map((c) => span(whole, s.start + c.start, s.start + c.end));
  const pieces: TextSpan[] = [];
  for (const c of clauses) {
    if (measure(c.text) > max) pieces.push(...hardSplit(whole, c, max));
    else pieces.push(c);
  }
  const packed: TextSpan[] = [];
  for (const p of pieces) {
    const last = packed[packed.length - 1];
    if (last && measure(whole.slice(last.start, p.end)) <= max) packed[packed.length - 1] = span(whole, last.start, p.end);
    else packed.push(p);
  }
  return packed;
}

/**
 * Split text into chunks of at most maxLength code points (trimmed). The chunks partition the input:
 * chunks.map(c => c.text).join('') === text, unless text is only whitespace (then []).
 */
export function chunkText(text: string, opts: ChunkOptions = {}): TextSpan[] {
  const max = Math.max(1, Math.floor(opts.maxLength ?? DEFAULT_MAX_CHUNK));
  const out: TextSpan[] = [];
  for (const s of splitSentences(text, opts)) {
    if (measure(s.text) <= max) out.push(s);
    else out.push(...splitLong(text, s, max));
  }
  return out;
}

const CJK = '\\u2e80-\\u2fff\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const BREAK_BETWEEN_CJK = new RegExp(`([${CJK}])\\n(?=[${CJK}])`, 'g');

/**
 * What is handed to the engine for a chunk: whitespace runs collapsed to one space and trimmed. A run that
 * contains a line break between two CJK characters is dropped instead: it is source line wrapping, which
 * browsers do not render as a space in Chinese either (CSS segment break rules), and engines pause on it.
 * Plain spaces between CJK words ("网站首页 繁体版", "链接 首页") are kept: they separate items.
 */
export function spokenText(raw: string): string {
  return raw
    .replace(/\s+/g, (m) => (/[\n\r]/.test(m) ? '\n' : ' '))
    .trim()
    .replace(BREAK_BETWEEN_CJK, '$1')
    .replace(/\n/g, ' ');
}

/** Map [start, end) of a segment's text back to Text node slices. */
export function rangesFor(pieces: readonly TextPiece[], start: number, end: number): SourceRange[] {
  const out: SourceRange[] = [];
  for (const p of pieces) {
    const a = Math.max(start, p.textStart);
    const b = Math.min(end, p.textStart + p.length);
    if (b <= a) continue;
    out.push({ node: p.node, start: p.nodeStart + (a - p.textStart), end: p.nodeStart + (b - p.textStart) });
  }
  return out;
}

/** Chunk reading segments into what the player speaks, each chunk with its source ranges. */
export function chunkSegments(segments: readonly ReadingSegment[], opts: ChunkOptions = {}): SpeechChunk[] {
  const out: SpeechChunk[] = [];
  segments.forEach((seg, segmentIndex) => {
    for (const c of chunkText(seg.text, opts)) {
      const lead = c.text.length - c.text.trimStart().length;
      const trail = c.text.length - c.text.trimEnd().length;
      const ranges = seg.kind === 'text' ? rangesFor(seg.pieces, c.start + lead, c.end - trail) : [];
      out.push({ text: spokenText(c.text), lang: seg.lang, ranges, element: seg.element, segmentIndex });
    }
  });
  return out;
}

/** Chunk free text (announcements, 指读 descriptions): no source ranges. */
export function chunkPlain(text: string, opts: ChunkOptions & { lang?: string; element?: Element | null } = {}): SpeechChunk[] {
  return chunkText(text, opts).map((c) => ({ text: spokenText(c.text), lang: opts.lang ?? '', ranges: [], element: opts.element ?? null }));
}
