// Test doubles for the speech core: a controllable fake engine and a seeded PRNG.
import type { SpeechEngine, UtteranceHandlers, UtteranceRequest } from '../../../src/speech/engine';
import type { SpeechChunk, VoiceLike } from '../../../src/speech/types';

export interface FakeEngineOptions {
  /** How cancel() reports the cancelled utterance: like Chromium ('interrupted' error), like Firefox ('end'), or not at all. */
  cancelReports?: 'interrupted' | 'end' | 'none';
  /** Report it synchronously inside cancel() or in a microtask. */
  cancelTiming?: 'sync' | 'async';
  voices?: VoiceLike[];
}

/** A speech engine whose utterances progress only when the test says so. pause() does nothing, like Chromium. */
export class FakeEngine implements SpeechEngine {
  readonly name = 'fake';
  readonly spoken: UtteranceRequest[] = [];
  cancels = 0;
  nativePauses = 0;
  disposed = false;
  voices: VoiceLike[];
  private current: { req: UtteranceRequest; h: UtteranceHandlers } | null = null;

  constructor(private readonly opts: FakeEngineOptions = {}) {
    this.voices = opts.voices ?? [];
  }

  get speaking(): string | null {
    return this.current?.req.text ?? null;
  }

  speak(req: UtteranceRequest, h: UtteranceHandlers): void {
    if (this.current) this.cancel();
    this.spoken.push(req);
    this.current = { req, h };
  }

  cancel(): void {
    this.cancels++;
    const c = this.current;
    this.current = null;
    if (!c) return;
    const report = this.opts.cancelReports ?? 'interrupted';
    const fire = () => {
      if (report === 'interrupted') c.h.onError('interrupted');
      else if (report === 'end') c.h.onEnd();
    };
    if ((this.opts.cancelTiming ?? 'sync') === 'sync') fire();
    else queueMicrotask(fire);
  }

  pause(): void {
    this.nativePauses++; // deliberately a no-op: audio would go on
  }

  resume(): void {}

  async getVoices(): Promise<VoiceLike[]> {
    return this.voices;
  }

  dispose(): void {
    this.disposed = true;
  }

  start(): void {
    this.current?.h.onStart();
  }

  /** Start (if needed) and finish the current utterance. */
  finish(): void {
    const c = this.current;
    if (!c) throw new Error('nothing is being spoken');
    c.h.onStart();
    this.current = null;
    c.h.onEnd();
  }

  fail(code: string): void {
    const c = this.current;
    if (!c) throw new Error('nothing is being spoken');
    this.current = null;
    c.h.onError(code);
  }

  /** Finish utterances until idle (bounded). */
  finishAll(limit = 1000): void {
    for (let i = 0; i < limit && this.current; i++) this.finish();
  }
}

/** mulberry32: small, seeded, good enough for generating test inputs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function chunks(...texts: string[]): SpeechChunk[] {
  return texts.map((text) => ({ text, ranges: [] }));
}

export function voice(name: string, lang: string, extra: Partial<VoiceLike> = {}): VoiceLike {
  return { voiceURI: `${name}|${lang}`, name, lang, localService: true, default: false, ...extra };
}

/** Set body HTML and return a query helper. */
export function html(markup: string): <E extends Element = HTMLElement>(sel: string) => E {
  document.body.innerHTML = markup;
  return <E extends Element = HTMLElement>(sel: string) => {
    const el = document.querySelector<E>(sel);
    if (!el) throw new Error(`no element for ${sel}`);
    return el;
  };
}
