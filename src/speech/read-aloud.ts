// The integration surface for the toolbar: one object wiring extraction, chunking, voices, the player,
// the highlighter, the dwell controller and the log. Every method is safe to call at any time (never throws
// into the page), and dispose() removes every listener and node it added.
import { chunkPlain, chunkSegments, DEFAULT_MAX_CHUNK } from './chunk';
import { describeForSpeech, findSpeakableTarget, isSpokenAsWhole } from './describe';
import { isNavLike, langOf } from './dom';
import { DEFAULT_DWELL_MS, DwellController } from './dwell';
import { createWebSpeechEngine, type SpeechEngine } from './engine';
import { Highlighter, type HighlightDebugState, type HighlightMode } from './highlight';
import { SpeechLog, type SpeechLogEntry } from './log';
import { Player, type PlayerEventMap, type PlayerState } from './player';
import { collectReadingOrder, findMainContent } from './reading-order';
import { reportInternal } from './safe';
import type { ChineseVariant, SpeechChunk, SpeechLocale, VoiceLike, ReadingSegment } from './types';
import { chooseVoice, detectPlatform, groupVoices, noChineseVoiceHelp, type VoiceGroup } from './voices';
import { isUserInput } from '../shared/trusted';
import { Listeners } from '../shared/listeners';

export interface ReadAloudOptions {
  document?: Document;
  /** Default: Web Speech of the document's window; an always-failing engine if there is none. */
  engine?: SpeechEngine;
  /**
   * Shadow root (or element) of the toolbar, for overlay boxes (指读 outline, highlight fallback). A function
   * is asked when the first box is needed (the toolbar may mount after speech starts).
   */
  overlayRoot?: ShadowRoot | Element | null | (() => ShadowRoot | Element | null);
  /** UI locale: role words ("链接") and the no-voice hint. Default zh-CN. */
  locale?: SpeechLocale;
  /** Which Chinese the page shows (after 繁体版 conversion: tw/hk/t). Default cn. */
  variant?: ChineseVariant;
  /** User chose Cantonese (honoured for hk only). */
  allowCantonese?: boolean;
  /** voiceURI the user picked. */
  preferredVoiceURI?: string | null;
  rate?: number;
  volume?: number;
  /** 指读 dwell delay, default 300 ms. */
  dwellMs?: number;
  /** 连读 skips nav/header/footer (default true). */
  skipNav?: boolean;
  maxChunkLength?: number;
  highlight?: HighlightMode;
  /** Scroll the sentence being read into view (default true). */
  scroll?: boolean;
  /** For the no-Chinese-voice hint; default from navigator. */
  platform?: string;
  log?: SpeechLog;
  /** Voice list wait (default 3000 ms). */
  voiceTimeoutMs?: number;
  /**
   * The tab's frames: 连读 reads a frame's document where the frame stands, its sentences given by that
   * frame's own kanjian (`chunks`), which also highlights them there (`show`; null: take it away).
   */
  frames?: FrameReading | null;
}

/** One sentence as a frame gives it to its parent for 连读. */
export interface FrameSentence {
  text: string;
  lang: string;
}

export interface FrameReading {
  chunks(frame: Element, skipNav: boolean): Promise<FrameSentence[]>;
  show(frame: Element, index: number | null): void;
}

export type ReadAloudSession = 'point' | 'continuous' | 'text' | null;

export interface ReadAloudEventMap extends PlayerEventMap {
  /** No Chinese voice installed: show `help` (plain text, zh-CN/zh-TW/en per locale). Emitted once. */
  novoice: { help: string };
}

export type ReadAloudEvent = keyof ReadAloudEventMap;

export interface ReadAloudStatus {
  enabled: boolean;
  pointReading: boolean;
  session: ReadAloudSession;
  state: PlayerState;
  index: number;
  total: number;
  rate: number;
  volume: number;
  voice: VoiceLike | null;
  dwellMs: number;
}

export interface ReadAloudDiagnostics extends ReadAloudStatus {
  engine: string;
  /** When the pointer last came to rest on a new 指读 target, on the log's time scale (null: never). */
  hoverT: number | null;
  highlight: HighlightDebugState | null;
  log: SpeechLogEntry[];
}

export interface ReadAloud {
  /** 声音: master switch. Off stops speech and 指读 listening; on restores 指读 if it was on. */
  setEnabled(on: boolean): void;
  /** 指读: read what the pointer rests on (dwell) or keyboard focus reaches. */
  setPointReading(on: boolean): void;
  /**
   * 连读: read from `from` (the segment holding it, or the next one) or from the main content to the end of
   * the page. Resolves true when speech started.
   */
  readContinuous(from?: Node | null): Promise<boolean>;
  /** In a frame: this whole document's 连读 sentences (its own frames' included), kept for `showFrameSentence`. */
  frameSentences(skipNav: boolean): Promise<FrameSentence[]>;
  /** In a frame: highlight sentence `index` of the last `frameSentences` (null: none), as 连读 in the top reaches it. */
  showFrameSentence(index: number | null): void;
  /** Speak arbitrary text (e.g. toolbar feedback), interrupting what is being read. */
  speakText(text: string, lang?: string): Promise<boolean>;
  /** 暂停/继续. Pause is cancel + remember; resume repeats the current sentence from its start. */
  togglePause(): void;
  pause(): void;
  resume(): void;
  /** 停止. */
  stop(): void;
  /** 上一句 / 下一句. */
  previous(): void;
  next(): void;
  /** Speed 0.5–3 and volume 0–1; take effect from the next sentence. */
  setRate(rate: number): void;
  setVolume(volume: number): void;
  /** A voiceURI from listVoices(), or null for automatic choice. */
  setVoice(voiceURI: string | null): void;
  setVariant(variant: ChineseVariant, allowCantonese?: boolean): void;
  setDwellMs(ms: number): void;
  /** 连读 skips navigation, banner and contentinfo (from the next readContinuous). */
  setSkipNav(on: boolean): void;
  /** UI locale for role words ("链接"/"連結"/"link") and the no-voice hint. */
  setLocale(locale: SpeechLocale): void;
  /** The element 指读 last read (where 连读 starts when nothing is selected), if still in the page. */
  lastPointed(): Element | null;
  /** Voices grouped for a picker (Chinese first), labels in the UI locale. */
  listVoices(): Promise<VoiceGroup[]>;
  /** The no-Chinese-voice hint, for a help dialog. */
  voiceHelp(): string;
  getStatus(): ReadAloudStatus;
  /** Status + engine name + highlight state + spoken-text log: for the content script's diagnostic message. */
  getDiagnostics(): ReadAloudDiagnostics;
  getLog(): SpeechLogEntry[];
  clearLog(): void;
  on<K extends ReadAloudEvent>(type: K, handler: (e: ReadAloudEventMap[K]) => void): () => void;
  dispose(): void;
}

/** An engine that fails every utterance: used where the browser has no speech at all. */
export function createUnavailableEngine(): SpeechEngine {
  return {
    name: 'unavailable',
    speak: (_req, h) => queueMicrotask(() => h.onError('synthesis-unavailable')),
    cancel: () => undefined,
    pause: () => undefined,
    resume: () => undefined,
    getVoices: async () => [],
    dispose: () => undefined,
  };
}

/** After an empty voice list, speak without waiting for voices again for this long. */
const EMPTY_VOICES_RECHECK_MS = 30_000;

function fallbackLang(variant: ChineseVariant, allowCantonese: boolean): string {
  if (variant === 'cn') return 'zh-CN';
  if (variant === 'hk' && allowCantonese) return 'zh-HK';
  return 'zh-TW';
}

function platformHint(): string {
  try {
    const nav = globalThis.navigator as (Navigator & { userAgentData?: { platform?: string } }) | undefined;
    return nav?.userAgentData?.platform || nav?.userAgent || '';
  } catch {
    return '';
  }
}

export function createReadAloud(opts: ReadAloudOptions = {}): ReadAloud {
  return new ReadAloudImpl(opts);
}

class ReadAloudImpl implements ReadAloud {
  private readonly doc: Document;
  private readonly engine: SpeechEngine;
  private readonly ownEngine: boolean;
  private readonly player: Player;
  private readonly log: SpeechLog;
  private readonly dwell: DwellController<Element>;
  private readonly handlers = new Map<ReadAloudEvent, Set<(e: never) => void>>();
  private highlighter: Highlighter | null = null;

  private locale: SpeechLocale;
  private variant: ChineseVariant;
  private allowCantonese: boolean;
  private preferredVoiceURI: string | null;
  private voices: VoiceLike[] = [];
  private warnedNoVoice = false;
  private enabled = true;
  private pointOn = false;
  private listening = false;
  private readonly listeners = new Listeners();
  /** In a frame: the sentences last given to the parent for 连读, and the one highlighted now. */
  private served: SpeechChunk[] = [];
  private servedShown: SpeechChunk | null = null;
  /** The chunk 连读 shows now (its highlight goes when the next one comes). */
  private shown: SpeechChunk | null = null;
  private session: ReadAloudSession = null;
  private gen = 0;
  private disposed = false;
  private lastRaw: EventTarget | null = null;
  private lastResolved: Element | null = null;
  private lastRead: Element | null = null;
  private hoverT: number | null = null;
  /** When a full wait for voices last came back empty (0: it did not). */
  private emptyVoicesAt = 0;
  private skipNav: boolean;
  private highlighterHasRoot = false;

  constructor(private readonly opts: ReadAloudOptions) {
    this.doc = opts.document ?? globalThis.document;
    this.locale = opts.locale ?? 'zh-CN';
    this.variant = opts.variant ?? 'cn';
    this.allowCantonese = opts.allowCantonese ?? false;
    this.preferredVoiceURI = opts.preferredVoiceURI ?? null;
    this.skipNav = opts.skipNav ?? true;
    this.log = opts.log ?? new SpeechLog();
    let engine = opts.engine ?? null;
    this.ownEngine = !engine;
    if (!engine) {
      engine = createWebSpeechEngine({
        win: (this.doc?.defaultView ?? globalThis) as { speechSynthesis?: unknown; SpeechSynthesisUtterance?: unknown },
        voiceTimeoutMs: opts.voiceTimeoutMs,
      }) ?? createUnavailableEngine();
    }
    this.engine = engine;
    this.player = new Player(engine, {
      rate: opts.rate, volume: opts.volume, log: this.log,
      lang: fallbackLang(this.variant, this.allowCantonese),
    });
    this.dwell = new DwellController<Element>({
      delayMs: opts.dwellMs ?? DEFAULT_DWELL_MS,
      onRead: (el) => void this.readPointed(el),
    });
    for (const type of ['state', 'chunk', 'start', 'finished', 'error'] as const) {
      this.player.on(type, (e) => this.emit(type, e as never));
    }
    this.player.on('chunk', (e) => this.onChunk(e.chunk));
    this.player.on('finished', () => this.onFinished());
  }

  // ---- toolbar commands --------------------------------------------------------------------------------

  setEnabled(on: boolean): void {
    this.safe('setEnabled', () => {
      if (this.disposed) return;
      this.enabled = on;
      if (!on) this.stopAll();
      this.syncListeners();
    });
  }

  setPointReading(on: boolean): void {
    this.safe('setPointReading', () => {
      if (this.disposed) return;
      this.pointOn = on;
      if (!on) {
        this.dwell.reset();
        this.highlighter?.clearElement();
        if (this.session === 'point') this.stopAll();
      }
      this.syncListeners();
    });
  }

  async readContinuous(from?: Node | null): Promise<boolean> {
    try {
      if (this.disposed || !this.enabled) return false;
      const gen = this.begin();
      const start = from ?? findMainContent(this.doc);
      const startEl = start ? (start.nodeType === 1 ? (start as Element) : start.parentElement) : null;
      // Starting inside navigation on purpose: read it rather than skip it.
      let skipNav = this.skipNav;
      for (let e = startEl; e && skipNav; e = e.parentElement) if (isNavLike(e)) skipNav = false;
      const chunks = await this.continuousChunks(skipNav, start);
      if (gen !== this.gen) return false;
      return await this.playChunks(gen, chunks, 'continuous');
    } catch (error) {
      reportInternal('readContinuous', error);
      return false;
    }
  }

  async frameSentences(skipNav: boolean): Promise<FrameSentence[]> {
    try {
      if (this.disposed) return [];
      this.showFrameSentence(null);
      this.served = await this.continuousChunks(skipNav, null);
      return this.served.map((c) => ({ text: c.text, lang: c.lang ?? '' }));
    } catch (error) {
      reportInternal('frameSentences', error);
      return [];
    }
  }

  showFrameSentence(index: number | null): void {
    this.safe('showFrameSentence', () => {
      const chunk = index === null ? null : (this.served[index] ?? null);
      if (index !== null && !chunk) return;
      this.showChunk(chunk, this.servedShown);
      this.servedShown = chunk;
    });
  }

  async speakText(text: string, lang?: string): Promise<boolean> {
    try {
      if (this.disposed || !this.enabled) return false;
      const gen = this.begin();
      const chunks = chunkPlain(String(text ?? ''), { maxLength: this.opts.maxChunkLength ?? DEFAULT_MAX_CHUNK, lang: lang ?? '' });
      return await this.playChunks(gen, chunks, 'text');
    } catch (error) {
      reportInternal('speakText', error);
      return false;
    }
  }

  togglePause(): void {
    this.safe('togglePause', () => this.player.togglePause());
  }
  pause(): void {
    this.safe('pause', () => this.player.pause());
  }
  resume(): void {
    this.safe('resume', () => {
      if (this.enabled) this.player.resume();
    });
  }
  stop(): void {
    this.safe('stop', () => this.stopAll());
  }
  previous(): void {
    this.safe('previous', () => {
      if (this.enabled) this.player.previous();
    });
  }
  next(): void {
    this.safe('next', () => {
      if (this.enabled) this.player.next();
    });
  }
  setRate(rate: number): void {
    this.safe('setRate', () => this.player.setRate(rate));
  }
  setVolume(volume: number): void {
    this.safe('setVolume', () => this.player.setVolume(volume));
  }
  setVoice(voiceURI: string | null): void {
    this.safe('setVoice', () => {
      this.preferredVoiceURI = voiceURI;
      this.applyVoice();
    });
  }
  setVariant(variant: ChineseVariant, allowCantonese?: boolean): void {
    this.safe('setVariant', () => {
      this.variant = variant;
      if (allowCantonese !== undefined) this.allowCantonese = allowCantonese;
      this.applyVoice();
    });
  }
  setDwellMs(ms: number): void {
    this.safe('setDwellMs', () => this.dwell.setDelay(ms));
  }
  setSkipNav(on: boolean): void {
    this.skipNav = on;
  }
  setLocale(locale: SpeechLocale): void {
    this.locale = locale;
  }
  lastPointed(): Element | null {
    return this.lastRead?.isConnected ? this.lastRead : null;
  }

  async listVoices(): Promise<VoiceGroup[]> {
    try {
      await this.loadVoices(true);
      return groupVoices(this.voices, this.locale);
    } catch (error) {
      reportInternal('listVoices', error);
      return [];
    }
  }

  voiceHelp(): string {
    return noChineseVoiceHelp(this.locale, detectPlatform(this.opts.platform ?? platformHint()));
  }

  getStatus(): ReadAloudStatus {
    return {
      enabled: this.enabled,
      pointReading: this.pointOn,
      session: this.session,
      state: this.player.state,
      index: this.player.index,
      total: this.player.total,
      rate: this.player.rate,
      volume: this.player.volume,
      voice: this.player.voice,
      dwellMs: this.dwell.delayMs,
    };
  }

  getDiagnostics(): ReadAloudDiagnostics {
    return {
      ...this.getStatus(),
      engine: this.engine.name,
      hoverT: this.hoverT,
      highlight: this.highlighter?.debugState() ?? null,
      log: this.log.entries(),
    };
  }

  getLog(): SpeechLogEntry[] {
    return this.log.entries();
  }

  clearLog(): void {
    this.log.clear();
  }

  on<K extends ReadAloudEvent>(type: K, handler: (e: ReadAloudEventMap[K]) => void): () => void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    set.add(handler as (e: never) => void);
    return () => set.delete(handler as (e: never) => void);
  }

  dispose(): void {
    if (this.disposed) return;
    this.safe('dispose', () => {
      this.stopAll();
      this.pointOn = false;
      this.syncListeners();
      this.dwell.dispose();
      this.player.dispose();
      this.highlighter?.dispose();
      this.highlighter = null;
      if (this.ownEngine) this.engine.dispose();
      this.handlers.clear();
    });
    this.disposed = true;
  }

  // ---- internals ---------------------------------------------------------------------------------------

  /** Start a new request: anything still awaiting voices from an older request will not play. */
  private begin(): number {
    this.gen++;
    return this.gen;
  }

  private async playChunks(gen: number, chunks: SpeechChunk[], session: Exclude<ReadAloudSession, null>): Promise<boolean> {
    await this.loadVoices(false);
    if (gen !== this.gen || this.disposed || !this.enabled) return false;
    this.applyVoice();
    if (!chunks.length) {
      if (this.session !== null) this.stopAll();
      return false;
    }
    if (session !== 'point') this.highlighter?.clearElement();
    this.session = session;
    this.player.play(chunks);
    return this.player.state === 'speaking';
  }

  private async readPointed(el: Element): Promise<void> {
    try {
      if (this.disposed || !this.enabled || !this.pointOn) return;
      // Do not let hovering interrupt 连读; 指读 resumes when continuous reading ends.
      if (this.session === 'continuous' && this.player.state !== 'idle') return;
      const gen = this.begin();
      this.lastRead = el;
      this.hl()?.showElement(el);
      const max = this.opts.maxChunkLength ?? DEFAULT_MAX_CHUNK;
      let chunks: SpeechChunk[] = [];
      if (!isSpokenAsWhole(el)) {
        chunks = chunkSegments(collectReadingOrder(el, { skipNav: false, locale: this.locale }), { maxLength: max });
      }
      if (!chunks.length) {
        chunks = chunkPlain(describeForSpeech(el, this.locale), { maxLength: max, lang: langOf(el), element: el });
      }
      await this.playChunks(gen, chunks, 'point');
    } catch (error) {
      reportInternal('point reading', error);
    }
  }

  private async loadVoices(force: boolean): Promise<void> {
    if (this.voices.length && !force) return;
    // A machine without voices would otherwise wait out the whole deadline before every utterance.
    if (!force && Date.now() - this.emptyVoicesAt < EMPTY_VOICES_RECHECK_MS) return;
    try {
      const list = await this.engine.getVoices();
      if (list.length || force) this.voices = list;
      this.emptyVoicesAt = list.length ? 0 : Date.now();
    } catch (error) {
      reportInternal('voices', error);
    }
  }

  private applyVoice(): void {
    const voice = chooseVoice(this.voices, {
      variant: this.variant,
      allowCantonese: this.allowCantonese,
      preferredVoiceURI: this.preferredVoiceURI,
    });
    this.player.setVoice(voice, voice?.lang || fallbackLang(this.variant, this.allowCantonese));
    if (!voice && !this.warnedNoVoice) {
      this.warnedNoVoice = true;
      this.emit('novoice', { help: this.voiceHelp() });
    }
  }

  private stopAll(): void {
    this.gen++;
    this.player.stop();
    this.session = null;
    this.highlighter?.clear();
    if (this.shown?.inFrame) this.opts.frames?.show(this.shown.inFrame.frame, null);
    this.shown = null;
  }

  private hl(): Highlighter | null {
    if (this.disposed || !this.doc) return null;
    const given = this.opts.overlayRoot;
    const root = typeof given === 'function' ? given() : (given ?? null);
    // Created before the toolbar mounted: make a new one now that boxes have somewhere to go.
    if (this.highlighter && !this.highlighterHasRoot && root) {
      this.highlighter.dispose();
      this.highlighter = null;
    }
    if (!this.highlighter) {
      this.highlighter = new Highlighter({
        document: this.doc,
        overlayRoot: root,
        mode: this.opts.highlight ?? 'auto',
        scroll: this.opts.scroll ?? true,
      });
      this.highlighterHasRoot = !!root;
    }
    return this.highlighter;
  }

  private onChunk(chunk: SpeechChunk): void {
    if (this.session === 'point') {
      const hl = this.hl();
      if (!hl) return;
      if (chunk.ranges.length) hl.showSentence(chunk.ranges);
      else hl.clearSentence();
      return;
    }
    this.showChunk(chunk, this.shown);
    this.shown = chunk;
  }

  /**
   * Highlights a 连读 sentence: its ranges here, or — a sentence of a frame — in that frame (the frame is
   * scrolled into view here, and the frame that showed the previous sentence takes its highlight away).
   */
  private showChunk(chunk: SpeechChunk | null, before: SpeechChunk | null): void {
    const frames = this.opts.frames;
    if (before?.inFrame && before.inFrame.frame !== chunk?.inFrame?.frame) frames?.show(before.inFrame.frame, null);
    const hl = this.hl();
    if (!chunk) {
      hl?.clearSentence();
      hl?.clearElement();
      return;
    }
    if (chunk.inFrame) {
      hl?.clearSentence();
      hl?.clearElement();
      if (this.opts.scroll ?? true) chunk.inFrame.frame.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      frames?.show(chunk.inFrame.frame, chunk.inFrame.index);
      return;
    }
    if (!hl) return;
    if (chunk.ranges.length) hl.showSentence(chunk.ranges);
    else {
      hl.clearSentence();
      if (chunk.element) hl.showElement(chunk.element);
    }
  }

  /**
   * 连读's sentences from `from` (or the whole document): this document's, and each shown frame's where the
   * frame stands (asked of all frames at once; a frame that gives nothing is passed over).
   */
  private async continuousChunks(skipNav: boolean, from: Node | null): Promise<SpeechChunk[]> {
    const frames = this.opts.frames ?? null;
    const segments = collectReadingOrder(this.doc, { skipNav, from, locale: this.locale, frames: !!frames });
    const maxLength = this.opts.maxChunkLength ?? DEFAULT_MAX_CHUNK;
    const fromFrames = await Promise.all(
      segments.map((seg) => (seg.kind === 'frame' && frames ? frames.chunks(seg.element, skipNav).catch((): FrameSentence[] => []) : Promise.resolve([]))),
    );
    const out: SpeechChunk[] = [];
    let run: ReadingSegment[] = [];
    const flush = (): void => {
      if (run.length) out.push(...chunkSegments(run, { maxLength }));
      run = [];
    };
    segments.forEach((seg, i) => {
      if (seg.kind !== 'frame') {
        run.push(seg);
        return;
      }
      flush();
      fromFrames[i]!.forEach((c, index) => {
        if (c.text.trim()) out.push({ text: c.text, lang: c.lang || seg.lang, ranges: [], element: seg.element, inFrame: { frame: seg.element, index } });
      });
    });
    flush();
    return out;
  }

  private onFinished(): void {
    if (this.session !== 'point') {
      this.showChunk(null, this.shown);
      this.shown = null;
    }
    this.highlighter?.clearSentence();
    this.session = null;
  }

  // ---- page listeners (指读) ----------------------------------------------------------------------------

  private syncListeners(): void {
    const want = this.enabled && this.pointOn && !this.disposed;
    if (want === this.listening || !this.doc) return;
    this.listening = want;
    const o: AddEventListenerOptions = { capture: true, passive: true };
    if (want) {
      this.listeners.on(this.doc, 'pointermove', this.onPointerMove, o);
      this.listeners.on(this.doc, 'focusin', this.onFocusIn, o);
      this.listeners.on(this.doc, 'mouseout', this.onMouseOut, o);
    } else {
      this.listeners.off();
      this.dwell.reset();
      this.lastRaw = null;
      this.lastResolved = null;
    }
  }

  private readonly onPointerMove = (e: Event): void => {
    if (!isUserInput(e)) return;
    try {
      const raw = innermostTarget(e);
      if (raw !== this.lastRaw) {
        this.lastRaw = raw;
        const resolved = findSpeakableTarget(raw as Node | null);
        if (resolved !== this.lastResolved) this.hoverT = this.log.time();
        this.lastResolved = resolved;
      }
      this.dwell.pointerMove(this.lastResolved);
    } catch (error) {
      reportInternal('pointermove', error);
    }
  };

  private readonly onFocusIn = (e: Event): void => {
    if (!isUserInput(e)) return;
    try {
      const target = findSpeakableTarget(innermostTarget(e) as Node | null);
      if (target) this.dwell.focus(target);
    } catch (error) {
      reportInternal('focusin', error);
    }
  };

  private readonly onMouseOut = (e: Event): void => {
    if (!isUserInput(e)) return;
    try {
      if (!(e as MouseEvent).relatedTarget) this.dwell.pointerLeave();
    } catch (error) {
      reportInternal('mouseout', error);
    }
  };

  // ---- events ------------------------------------------------------------------------------------------

  private emit<K extends ReadAloudEvent>(type: K, event: ReadAloudEventMap[K]): void {
    const set = this.handlers.get(type);
    if (!set) return;
    for (const h of [...set]) {
      try {
        (h as (e: ReadAloudEventMap[K]) => void)(event);
      } catch (error) {
        reportInternal(`${type} handler`, error);
      }
    }
  }

  private safe(where: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      reportInternal(where, error);
    }
  }
}

/** The innermost target, through open shadow roots (our toolbar's buttons are read too). */
function innermostTarget(e: Event): EventTarget | null {
  try {
    const path = e.composedPath?.();
    if (path && path.length) return path[0] ?? e.target;
  } catch {
    // fall through
  }
  return e.target;
}
