// The speech engine seam. The player talks only to SpeechEngine, so tests use a fake and the lead can swap
// in chrome.tts through the background (tts-bridge.ts) where Web Speech is missing or broken.
import { reportInternal } from './safe';
import type { VoiceLike } from './types';
import { waitForVoices } from './voices';
import { asPlainSpeech } from './plain-text';

export interface UtteranceRequest {
  text: string;
  /** BCP 47 tag; the voice's own tag when a voice is set. */
  lang: string;
  voice: VoiceLike | null;
  /** 1 = normal. The player keeps it within 0.5–3. */
  rate: number;
  /** 0–1. */
  volume: number;
  pitch: number;
}

/**
 * Per-utterance callbacks. An engine calls onStart at most once, then exactly one of onEnd / onError, unless
 * the utterance is cancelled (then it may call onError('interrupted' | 'canceled'), onEnd, or nothing: the
 * player ignores callbacks of utterances it has cancelled).
 */
export interface UtteranceHandlers {
  onStart(): void;
  onEnd(): void;
  /** Web Speech error codes: 'interrupted', 'canceled', 'not-allowed', 'synthesis-failed', … */
  onError(code: string): void;
}

export interface SpeechEngine {
  /** For the event log and diagnostics ('web-speech', 'chrome-tts', 'fake'). */
  readonly name: string;
  /** Speak now, replacing anything this engine is speaking. Must not throw. */
  speak(request: UtteranceRequest, handlers: UtteranceHandlers): void;
  /** Stop speaking and drop anything queued. Must not throw. */
  cancel(): void;
  /** Native pause/resume. The player does not rely on them (see player.ts), they are here for completeness. */
  pause(): void;
  resume(): void;
  /** Installed voices; waits for late-loading lists, resolves [] when there are none. */
  getVoices(): Promise<VoiceLike[]>;
  /** Release listeners and references; cancels speech this engine started. */
  dispose(): void;
}

interface SynthesisLike {
  speak(u: SpeechSynthesisUtterance): void;
  cancel(): void;
  pause(): void;
  resume(): void;
  getVoices(): SpeechSynthesisVoice[];
  addEventListener?(type: 'voiceschanged', listener: () => void): void;
  removeEventListener?(type: 'voiceschanged', listener: () => void): void;
}

export interface WebSpeechEngineOptions {
  /** Where to find speechSynthesis and SpeechSynthesisUtterance (default globalThis). */
  win?: { speechSynthesis?: unknown; SpeechSynthesisUtterance?: unknown };
  voiceTimeoutMs?: number;
}

/**
 * Web Speech adapter. Returns null where the API is missing. Only cancels speechSynthesis when it has an
 * utterance of its own in flight, so it does not cut off the page's own speech for nothing.
 */
export function createWebSpeechEngine(opts: WebSpeechEngineOptions = {}): SpeechEngine | null {
  const win = (opts.win ?? globalThis) as { speechSynthesis?: SynthesisLike; SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance };
  const synth = win.speechSynthesis;
  const Utterance = win.SpeechSynthesisUtterance;
  if (!synth || typeof Utterance !== 'function') return null;

  // Holding the utterance stops Chrome from garbage-collecting it mid-speech (then 'end' never fires).
  let current: SpeechSynthesisUtterance | null = null;
  let disposed = false;
  // Ends pending voice waits on dispose, so no voiceschanged listener or poll outlives us.
  const lifetime = typeof AbortController === 'function' ? new AbortController() : null;

  const findVoice = (v: VoiceLike | null): SpeechSynthesisVoice | null => {
    if (!v) return null;
    try {
      const list = synth.getVoices();
      return list.find((x) => x.voiceURI === v.voiceURI) ?? list.find((x) => x.name === v.name) ?? null;
    } catch {
      return null;
    }
  };

  return {
    name: 'web-speech',
    speak(req, handlers) {
      if (disposed) return;
      if (current) this.cancel();
      try {
        const u = new Utterance(asPlainSpeech(req.text));
        const voice = findVoice(req.voice);
        if (voice) u.voice = voice;
        u.lang = voice?.lang || req.lang;
        u.rate = req.rate;
        u.volume = req.volume;
        u.pitch = req.pitch;
        const mine = () => current === u;
        u.addEventListener('start', () => handlers.onStart());
        u.addEventListener('end', () => {
          if (mine()) current = null;
          handlers.onEnd();
        });
        u.addEventListener('error', (e: Event) => {
          if (mine()) current = null;
          handlers.onError(String((e as SpeechSynthesisErrorEvent).error ?? 'synthesis-failed'));
        });
        current = u;
        synth.speak(u);
      } catch (error) {
        reportInternal('web-speech speak', error);
        current = null;
        // Report asynchronously so the caller is never re-entered from inside speak().
        queueMicrotask(() => handlers.onError('synthesis-failed'));
      }
    },
    cancel() {
      if (!current) return;
      current = null;
      try {
        synth.cancel();
      } catch (error) {
        reportInternal('web-speech cancel', error);
      }
    },
    pause() {
      try {
        synth.pause();
      } catch (error) {
        reportInternal('web-speech pause', error);
      }
    },
    resume() {
      try {
        synth.resume();
      } catch (error) {
        reportInternal('web-speech resume', error);
      }
    },
    async getVoices() {
      if (disposed) return [];
      const list = await waitForVoices(synth, { timeoutMs: opts.voiceTimeoutMs ?? 3000, signal: lifetime?.signal });
      return list.map((v) => ({ voiceURI: v.voiceURI, name: v.name, lang: v.lang, localService: v.localService, default: v.default }));
    },
    dispose() {
      if (current) this.cancel();
      disposed = true;
      lifetime?.abort();
    },
  };
}
