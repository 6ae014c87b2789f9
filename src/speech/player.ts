// The read-aloud player: a queue of chunks spoken one by one over an injectable SpeechEngine.
//
// States: idle → speaking ⇄ paused → idle.
//
// Pause is cancel + remember: pause() cancels the engine and keeps the current chunk; resume() speaks that
// chunk again from its start. Native pause() is a no-op on several engines (Chromium with speech-dispatcher
// fires nothing and keeps talking) and Chrome drops paused utterances after a while, so this is the only
// pause that really pauses everywhere. The cost: resuming repeats the current sentence from its beginning.
//
// Every utterance gets a token; callbacks of utterances we cancelled carry an old token and are ignored, so
// the 'interrupted' error that follows our own cancel() is never reported as an error.
import type { SpeechEngine, UtteranceRequest } from './engine';
import type { SpeechLog, SpeechLogKind } from './log';
import { reportInternal } from './safe';
import type { SpeechChunk, VoiceLike } from './types';

export type PlayerState = 'idle' | 'speaking' | 'paused';

export type FinishReason = 'end' | 'stopped' | 'interrupted' | 'error';

export interface PlayerEventMap {
  state: { state: PlayerState; previous: PlayerState };
  /** A chunk became current (about to be spoken, or moved to while paused): highlight its ranges. */
  chunk: { index: number; total: number; chunk: SpeechChunk };
  /** The engine started audio for the current chunk. */
  start: { index: number; chunk: SpeechChunk };
  /** Playback ended and the player is idle: clear the highlight. */
  finished: { reason: FinishReason };
  /** An engine error. Non-fatal errors skip to the next chunk; fatal ones stop. */
  error: { index: number; chunk: SpeechChunk | null; code: string; fatal: boolean };
}

export type PlayerEvent = keyof PlayerEventMap;

export interface PlayerOptions {
  rate?: number;
  volume?: number;
  pitch?: number;
  voice?: VoiceLike | null;
  /** Utterance lang when there is no voice (default 'zh-CN'). */
  lang?: string;
  log?: SpeechLog | null;
  /** Stop after this many errors in a row (default 3), so a missing engine does not spin through a page. */
  maxConsecutiveErrors?: number;
  /**
   * If the engine has not started a chunk after this long, report 'timeout' and stop (default 20000 ms;
   * 0 disables). A fresh speech-dispatcher takes ~3 s for the first utterance.
   */
  startTimeoutMs?: number;
}

export const RATE_MIN = 0.5;
export const RATE_MAX = 3;

/** Errors after which skipping on makes no sense. */
const FATAL_ERRORS = new Set(['not-allowed', 'synthesis-unavailable', 'language-unavailable', 'voice-unavailable', 'timeout']);
/** What engines report when an utterance was cancelled. */
const CANCEL_ERRORS = new Set(['interrupted', 'canceled', 'cancelled']);

function clamp(n: number, lo: number, hi: number, fallback: number): number {
  if (!Number.isFinite(n)) return fallback;
  return Math.min(hi, Math.max(lo, n));
}

type Handler<K extends PlayerEvent> = (e: PlayerEventMap[K]) => void;

export class Player {
  private chunks: SpeechChunk[] = [];
  private idx = 0;
  private st: PlayerState = 'idle';
  private token = 0;
  private started = false;
  private errorsInRow = 0;
  private startTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private readonly handlers = new Map<PlayerEvent, Set<(e: never) => void>>();

  private rateV: number;
  private volumeV: number;
  private readonly pitch: number;
  private voiceV: VoiceLike | null;
  private langV: string;
  private readonly log: SpeechLog | null;
  private readonly maxErrors: number;
  private readonly startTimeoutMs: number;

  constructor(private readonly engine: SpeechEngine, opts: PlayerOptions = {}) {
    this.rateV = clamp(opts.rate ?? 1, RATE_MIN, RATE_MAX, 1);
    this.volumeV = clamp(opts.volume ?? 1, 0, 1, 1);
    this.pitch = clamp(opts.pitch ?? 1, 0, 2, 1);
    this.voiceV = opts.voice ?? null;
    this.langV = opts.lang ?? 'zh-CN';
    this.log = opts.log ?? null;
    this.maxErrors = Math.max(1, opts.maxConsecutiveErrors ?? 3);
    this.startTimeoutMs = Math.max(0, opts.startTimeoutMs ?? 20_000);
  }

  // ---- state -------------------------------------------------------------------------------------------

  get state(): PlayerState {
    return this.st;
  }
  /** Index of the current chunk (chunks.length after the last one finished). */
  get index(): number {
    return this.idx;
  }
  get total(): number {
    return this.chunks.length;
  }
  get current(): SpeechChunk | null {
    return this.chunks[this.idx] ?? null;
  }
  get rate(): number {
    return this.rateV;
  }
  get volume(): number {
    return this.volumeV;
  }
  get voice(): VoiceLike | null {
    return this.voiceV;
  }

  on<K extends PlayerEvent>(type: K, handler: Handler<K>): () => void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    set.add(handler as (e: never) => void);
    return () => set.delete(handler as (e: never) => void);
  }

  // ---- commands ----------------------------------------------------------------------------------------

  /** Replace the queue and start speaking at startIndex. An empty queue just stops. */
  play(chunks: readonly SpeechChunk[], startIndex = 0): void {
    if (this.disposed) return;
    this.halt('skip');
    this.chunks = chunks.filter((c) => c.text.trim() !== '');
    this.idx = Math.min(Math.max(0, Math.floor(startIndex)), this.chunks.length);
    this.errorsInRow = 0;
    if (this.idx >= this.chunks.length) {
      this.finish('end');
      return;
    }
    this.setState('speaking');
    this.speakCurrent();
  }

  /** Pause: cancels the engine and remembers the chunk (see the header comment). */
  pause(): void {
    if (this.st !== 'speaking') return;
    this.halt('pause');
    this.setState('paused');
  }

  /** Resume: speaks the current chunk again from its start. */
  resume(): void {
    if (this.st !== 'paused' || this.disposed) return;
    if (this.idx >= this.chunks.length) {
      this.finish('end');
      return;
    }
    this.setState('speaking');
    this.speakCurrent();
  }

  togglePause(): void {
    if (this.st === 'speaking') this.pause();
    else if (this.st === 'paused') this.resume();
  }

  /** Stop: cancel and clear the queue. */
  stop(): void {
    const was = this.st;
    this.halt('stop');
    this.chunks = [];
    this.idx = 0;
    if (was !== 'idle') this.finish('stopped');
  }

  /** Next sentence. Speaking: speak it now; paused: move there and stay paused; idle: speak it. */
  next(): void {
    this.move(this.idx + 1);
  }

  /** Previous sentence, same rules as next(). */
  previous(): void {
    this.move(this.idx - 1);
  }

  /** Jump to a chunk index, same rules as next(). */
  goTo(index: number): void {
    this.move(index);
  }

  /** Rate for the next utterance (0.5–3; the current sentence finishes at the old rate). */
  setRate(rate: number): void {
    this.rateV = clamp(rate, RATE_MIN, RATE_MAX, this.rateV);
  }

  setVolume(volume: number): void {
    this.volumeV = clamp(volume, 0, 1, this.volumeV);
  }

  /** Voice (and its lang) for the next utterance. */
  setVoice(voice: VoiceLike | null, lang?: string): void {
    this.voiceV = voice;
    if (lang) this.langV = lang;
  }

  dispose(): void {
    if (this.disposed) return;
    this.halt('dispose');
    this.chunks = [];
    this.idx = 0;
    this.st = 'idle';
    this.disposed = true;
    this.handlers.clear();
  }

  // ---- internals ---------------------------------------------------------------------------------------

  private move(target: number): void {
    if (this.disposed || this.chunks.length === 0) return;
    if (this.st === 'idle' && target >= this.chunks.length) return; // nothing after the end
    const i = Math.min(Math.max(0, Math.floor(target)), this.chunks.length - 1);
    if (this.st === 'paused') {
      this.idx = i;
      this.emitChunk();
      return;
    }
    if (this.st === 'speaking' && i === this.idx) return; // at an end: keep speaking
    this.halt('skip');
    this.idx = i;
    this.errorsInRow = 0;
    this.setState('speaking');
    this.speakCurrent();
  }

  /** Invalidate the in-flight utterance and cancel the engine if it was speaking ours. */
  private halt(reason: string): void {
    this.clearStartTimer();
    const speaking = this.st === 'speaking';
    this.token++;
    if (!speaking) return;
    const c = this.current;
    this.record('cancel', c?.text ?? '', reason);
    try {
      this.engine.cancel();
    } catch (error) {
      reportInternal('engine cancel', error);
    }
  }

  private speakCurrent(): void {
    const chunk = this.current;
    if (!chunk) {
      this.finish('end');
      return;
    }
    const token = ++this.token;
    this.started = false;
    this.emitChunk();
    if (token !== this.token) return; // a chunk listener moved or stopped us
    const req: UtteranceRequest = {
      text: chunk.text,
      lang: this.voiceV?.lang || chunk.lang || this.langV,
      voice: this.voiceV,
      rate: this.rateV,
      volume: this.volumeV,
      pitch: this.pitch,
    };
    this.record('speak', chunk.text);
    this.armStartTimer(token);
    try {
      this.engine.speak(req, {
        onStart: () => this.onStart(token),
        onEnd: () => this.onEnd(token),
        onError: (code) => this.onError(token, code),
      });
    } catch (error) {
      reportInternal('engine speak', error);
      this.onError(token, 'synthesis-failed');
    }
  }

  private onStart(token: number): void {
    if (token !== this.token || this.started) return;
    this.started = true;
    this.clearStartTimer();
    const chunk = this.current;
    if (!chunk) return;
    this.record('start', chunk.text);
    this.emit('start', { index: this.idx, chunk });
  }

  private onEnd(token: number): void {
    if (token !== this.token) return;
    this.clearStartTimer();
    this.token++;
    this.record('end', this.current?.text ?? '');
    this.errorsInRow = 0;
    this.idx++;
    if (this.idx >= this.chunks.length) this.finish('end');
    else this.speakCurrent();
  }

  private onError(token: number, code: string): void {
    if (token !== this.token) return; // a cancelled utterance: expected, not an error
    this.token++;
    this.handleError(code);
  }

  /** The current utterance failed (its token is already invalidated). */
  private handleError(code: string): void {
    this.clearStartTimer();
    const expected = this.token;
    const chunk = this.current;
    this.record('error', chunk?.text ?? '', code);
    if (CANCEL_ERRORS.has(code)) {
      // Someone else (the page, another tab through a shared engine) cancelled our utterance: yield to them.
      this.finish('interrupted');
      return;
    }
    this.errorsInRow++;
    const fatal = FATAL_ERRORS.has(code) || this.errorsInRow >= this.maxErrors;
    this.emit('error', { index: this.idx, chunk, code, fatal });
    if (expected !== this.token) return; // an error listener already moved or stopped us
    if (fatal) {
      this.finish('error');
      return;
    }
    this.idx++;
    if (this.idx >= this.chunks.length) this.finish('end');
    else this.speakCurrent();
  }

  private armStartTimer(token: number): void {
    if (!this.startTimeoutMs) return;
    this.startTimer = setTimeout(() => {
      this.startTimer = null;
      if (token !== this.token || this.started) return;
      this.token++; // so the engine's reaction to this cancel is ignored
      try {
        this.engine.cancel();
      } catch (error) {
        reportInternal('engine cancel', error);
      }
      this.handleError('timeout');
    }, this.startTimeoutMs);
  }

  private clearStartTimer(): void {
    if (this.startTimer !== null) clearTimeout(this.startTimer);
    this.startTimer = null;
  }

  private finish(reason: FinishReason): void {
    this.clearStartTimer();
    this.token++;
    if (reason === 'stopped') {
      this.chunks = [];
      this.idx = 0;
    }
    this.setState('idle');
    this.emit('finished', { reason });
  }

  private setState(state: PlayerState): void {
    if (state === this.st) return;
    const previous = this.st;
    this.st = state;
    this.emit('state', { state, previous });
  }

  private emitChunk(): void {
    const chunk = this.current;
    if (chunk) this.emit('chunk', { index: this.idx, total: this.chunks.length, chunk });
  }

  private record(kind: SpeechLogKind, text: string, detail?: string): void {
    if (!this.log) return;
    try {
      this.log.add({ kind, text, lang: this.voiceV?.lang || this.current?.lang || this.langV, voiceName: this.voiceV?.name ?? '', detail });
    } catch (error) {
      reportInternal('log', error);
    }
  }

  private emit<K extends PlayerEvent>(type: K, event: PlayerEventMap[K]): void {
    const set = this.handlers.get(type);
    if (!set) return;
    for (const h of [...set]) {
      try {
        (h as Handler<K>)(event);
      } catch (error) {
        reportInternal(`player ${type} handler`, error);
      }
    }
  }
}
