// Web Speech in the content script first; chrome.tts through the background where the page context cannot
// speak. Chrome refuses speechSynthesis.speak() on a page the user has not interacted with yet ('not-allowed'),
// which is exactly the 指读 case on a freshly opened page (hovering is not an activation), so without sticky
// activation the fallback is used straight away; any refusal before audio starts is retried on it as well.
// Firefox has no chrome.tts: there the fallback reports no voices and is never used.
import type { SpeechEngine, UtteranceHandlers, UtteranceRequest } from './engine';
import { reportInternal } from './safe';
import type { VoiceLike } from './types';

/** Errors (before audio started) meaning "this context cannot speak", worth retrying on the fallback. */
const RETRY_CODES = new Set(['not-allowed', 'synthesis-unavailable', 'audio-hardware', 'audio-busy', 'network']);

export interface FallbackEngineOptions {
  /** Web Speech of the page (null where the window has none). */
  primary: SpeechEngine | null;
  /** Made on first need (it registers a message listener); null where there is no fallback. */
  secondary?: (() => SpeechEngine | null) | null;
  /** Sticky user activation of the page: true/false, or null where the browser does not say. */
  hasActivation?: () => boolean | null;
}

export interface FallbackEngine extends SpeechEngine {
  /** Which engine spoke the last utterance ('web-speech', 'chrome-tts') or null before the first. */
  readonly lastUsed: string | null;
  /** How many utterances went to the fallback. */
  readonly fallbackCount: number;
}

export function pageActivation(win: Window | null | undefined): boolean | null {
  try {
    const ua = (win?.navigator as (Navigator & { userActivation?: { hasBeenActive?: boolean } }) | undefined)?.userActivation;
    return typeof ua?.hasBeenActive === 'boolean' ? ua.hasBeenActive : null;
  } catch {
    return null;
  }
}

export function createFallbackEngine(opts: FallbackEngineOptions): FallbackEngine {
  const primary = opts.primary;
  let secondary: SpeechEngine | null = null;
  let secondaryTried = false;
  /** Voices the fallback reported ([] = it cannot speak here; null = not asked yet). */
  let secondaryVoices: VoiceLike[] | null = null;
  let active: SpeechEngine | null = null;
  let seq = 0;
  let lastUsed: string | null = null;
  let fallbackCount = 0;
  let disposed = false;

  const getSecondary = (): SpeechEngine | null => {
    if (!secondaryTried) {
      secondaryTried = true;
      try {
        secondary = opts.secondary?.() ?? null;
      } catch (error) {
        reportInternal('fallback engine', error);
        secondary = null;
      }
    }
    return secondary;
  };

  /** The fallback is worth using only once it has shown it has voices (Firefox: it never does). */
  const secondaryUsable = async (): Promise<SpeechEngine | null> => {
    const s = getSecondary();
    if (!s) return null;
    if (secondaryVoices === null) secondaryVoices = await s.getVoices().catch(() => []);
    return secondaryVoices.length ? s : null;
  };

  const speakOn = (engine: SpeechEngine, req: UtteranceRequest, handlers: UtteranceHandlers): void => {
    active = engine;
    lastUsed = engine.name;
    if (engine !== primary) fallbackCount++;
    engine.speak(req, handlers);
  };

  const speakFallback = (id: number, req: UtteranceRequest, handlers: UtteranceHandlers, code: string): void => {
    void secondaryUsable().then((s) => {
      if (disposed || id !== seq) return; // cancelled or replaced meanwhile
      if (s) speakOn(s, req, handlers);
      else handlers.onError(code);
    });
  };

  return {
    get name() {
      return lastUsed ?? primary?.name ?? 'chrome-tts';
    },
    get lastUsed() {
      return lastUsed;
    },
    get fallbackCount() {
      return fallbackCount;
    },
    speak(req, handlers) {
      if (disposed) return;
      const id = ++seq;
      if (!primary || (opts.secondary && opts.hasActivation?.() === false)) {
        speakFallback(id, req, handlers, primary ? 'not-allowed' : 'synthesis-unavailable');
        return;
      }
      let started = false;
      speakOn(primary, req, {
        onStart: () => {
          started = true;
          handlers.onStart();
        },
        onEnd: () => handlers.onEnd(),
        onError: (code) => {
          if (!started && id === seq && opts.secondary && RETRY_CODES.has(code)) speakFallback(id, req, handlers, code);
          else handlers.onError(code);
        },
      });
    },
    cancel() {
      seq++;
      const engine = active;
      active = null;
      engine?.cancel();
    },
    pause() {
      active?.pause();
    },
    resume() {
      active?.resume();
    },
    async getVoices() {
      if (disposed) return [];
      const own = primary ? await primary.getVoices().catch(() => []) : [];
      if (own.length) return own;
      const s = await secondaryUsable();
      return s && secondaryVoices ? secondaryVoices : [];
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      seq++;
      try {
        primary?.dispose();
      } finally {
        secondary?.dispose();
      }
    },
  };
}
