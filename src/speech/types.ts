// Shared types of the read-aloud core. Kept DOM-light so the pure parts (chunking, voices) run in Node.

/** UI locale for spoken role words ("链接", "連結", "link") and help texts. */
export type SpeechLocale = 'zh-CN' | 'zh-TW' | 'en';

/** Which Chinese the page is in, for voice choice: Simplified, Taiwan, Hong Kong, generic Traditional. */
export type ChineseVariant = 'cn' | 'tw' | 'hk' | 't';

/** A slice [start, end) of one Text node's data. Enough to build a DOM Range without touching the DOM. */
export interface SourceRange {
  readonly node: Text;
  readonly start: number;
  readonly end: number;
}

/** Where a run of a segment's text comes from: text[textStart, textStart+length) = node.data[nodeStart, …). */
export interface TextPiece {
  readonly node: Text;
  readonly nodeStart: number;
  readonly textStart: number;
  readonly length: number;
}

/**
 * One unit of reading order. `text` segments are a block's visible text (raw, whitespace as in the DOM)
 * with pieces mapping back to Text nodes; `element` segments are spoken descriptions of things without
 * text nodes (images, form fields) and carry no pieces.
 */
export interface ReadingSegment {
  /** 'frame': an `<iframe>`/`<frame>` where it stands (its document is read by its own kanjian). */
  readonly kind: 'text' | 'element' | 'frame';
  readonly text: string;
  readonly pieces: readonly TextPiece[];
  /** The block that holds the text, or the described element. */
  readonly element: Element;
  /** Nearest lang attribute, '' if none. */
  readonly lang: string;
}

/** A [start, end) span of some input string; `text` is exactly input.slice(start, end). */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What the player speaks: one utterance, with where it came from for highlighting. */
export interface SpeechChunk {
  /** Text handed to the engine (whitespace normalised, see chunk.ts spokenText). */
  readonly text: string;
  /** BCP 47 tag of the source, '' if unknown. */
  readonly lang?: string;
  /** Source ranges of the spoken text; empty for descriptions (images, fields) and free text. */
  readonly ranges: readonly SourceRange[];
  /** Element to outline when there are no ranges, or the block the sentence is in. */
  readonly element?: Element | null;
  /** Index of the reading segment this chunk came from, when it came from one. */
  readonly segmentIndex?: number;
  /** A sentence of a frame's document: that frame highlights it (its `index` in what the frame gave). */
  readonly inFrame?: { readonly frame: Element; readonly index: number };
}

/** The fields of SpeechSynthesisVoice we use; real voices satisfy it structurally. */
export interface VoiceLike {
  readonly voiceURI: string;
  readonly name: string;
  readonly lang: string;
  readonly localService?: boolean;
  readonly default?: boolean;
}
