// chrome.tts fallback: an engine in the content script that asks the background to speak with chrome.tts
// (permission "tts"), for pages or browsers where Web Speech is missing or silent. Transport-agnostic: the
// lead passes `send` (content → background) and `subscribe` (background → content events), e.g. over
// src/messaging. The background half, createTtsRequestHandler, maps requests onto chrome.tts.
import type { SpeechEngine, UtteranceHandlers } from './engine';
import { reportInternal } from './safe';
import type { VoiceLike } from './types';
import { asPlainSpeech } from './plain-text';

export type TtsRequest =
  | { kind: 'speak'; id: number; text: string; lang: string; voiceName?: string; rate: number; volume: number; pitch: number }
  | { kind: 'stop' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'voices' };

/** Background → content: progress of utterance `id`. */
export interface TtsEventMessage {
  id: number;
  type: 'start' | 'end' | 'error';
  /** For 'error': 'interrupted', 'canceled' or the engine's message. */
  error?: string;
}

/** Voice as the background reports it (chrome.tts.TtsVoice, trimmed). */
export interface TtsVoiceInfo {
  voiceName: string;
  lang: string;
  remote?: boolean;
}

export interface TtsBridge {
  send(request: TtsRequest): Promise<unknown>;
  /** Listen to TtsEventMessages for this tab; returns an unsubscribe function. */
  subscribe(listener: (event: TtsEventMessage) => void): () => void;
}

/** Content-side engine over the bridge. */
export function createBridgeTtsEngine(bridge: TtsBridge): SpeechEngine {
  let seq = 0;
  const pending = new Map<number, UtteranceHandlers>();
  const unsubscribe = bridge.subscribe((ev) => {
    try {
      const h = pending.get(ev.id);
      if (!h) return;
      if (ev.type === 'start') h.onStart();
      else if (ev.type === 'end') {
        pending.delete(ev.id);
        h.onEnd();
      } else {
        pending.delete(ev.id);
        h.onError(ev.error || 'synthesis-failed');
      }
    } catch (error) {
      reportInternal('tts bridge event', error);
    }
  });
  const send = (req: TtsRequest): Promise<unknown> => {
    try {
      return Promise.resolve(bridge.send(req));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  let disposed = false;

  return {
    name: 'chrome-tts',
    speak(req, handlers) {
      if (disposed) return;
      const id = ++seq;
      pending.clear(); // speak replaces: earlier utterances' events no longer matter
      pending.set(id, handlers);
      send({
        kind: 'speak', id, text: req.text, lang: req.voice?.lang || req.lang, voiceName: req.voice?.name,
        rate: req.rate, volume: req.volume, pitch: req.pitch,
      }).catch((error: unknown) => {
        reportInternal('tts bridge speak', error);
        if (pending.get(id) === handlers) {
          pending.delete(id);
          handlers.onError('synthesis-failed');
        }
      });
    },
    cancel() {
      pending.clear();
      send({ kind: 'stop' }).catch((error: unknown) => reportInternal('tts bridge stop', error));
    },
    pause() {
      send({ kind: 'pause' }).catch((error: unknown) => reportInternal('tts bridge pause', error));
    },
    resume() {
      send({ kind: 'resume' }).catch((error: unknown) => reportInternal('tts bridge resume', error));
    },
    async getVoices() {
      try {
        const list = (await send({ kind: 'voices' })) as TtsVoiceInfo[] | undefined;
        return Array.isArray(list) ? list.map(ttsVoiceToVoiceLike) : [];
      } catch (error) {
        reportInternal('tts bridge voices', error);
        return [];
      }
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      if (pending.size) this.cancel();
      pending.clear();
      try {
        unsubscribe();
      } catch (error) {
        reportInternal('tts bridge unsubscribe', error);
      }
    },
  };
}

export function ttsVoiceToVoiceLike(v: TtsVoiceInfo): VoiceLike {
  return { voiceURI: v.voiceName, name: v.voiceName, lang: v.lang ?? '', localService: v.remote !== true };
}

/** The parts of chrome.tts the background handler uses. */
export interface ChromeTtsLike {
  speak(
    utterance: string,
    options: {
      lang?: string; voiceName?: string; rate?: number; volume?: number; pitch?: number; enqueue?: boolean;
      onEvent?: (event: { type: string; errorMessage?: string }) => void;
    },
    callback?: () => void,
  ): unknown;
  stop(): void;
  pause(): void;
  resume(): void;
  getVoices(callback?: (voices: Array<{ voiceName?: string; lang?: string; remote?: boolean }>) => void): unknown;
}

/**
 * Background half: returns a function handling one TtsRequest from a tab; `emit` sends TtsEventMessages
 * back to that tab. chrome.tts is one queue for the whole browser, so a speak from another tab interrupts
 * this one (the content side then sees 'interrupted' and stops).
 */
export function createTtsRequestHandler(tts: ChromeTtsLike) {
  return async function handle(req: TtsRequest, emit: (event: TtsEventMessage) => void): Promise<TtsVoiceInfo[] | boolean> {
    switch (req.kind) {
      case 'speak': {
        const id = req.id;
        const safeEmit = (e: TtsEventMessage) => {
          try {
            emit(e);
          } catch (error) {
            reportInternal('tts emit', error);
          }
        };
        tts.speak(asPlainSpeech(req.text), {
          lang: req.lang || undefined,
          voiceName: req.voiceName || undefined,
          rate: req.rate,
          volume: req.volume,
          pitch: req.pitch,
          enqueue: false,
          onEvent: (e) => {
            if (e.type === 'start') safeEmit({ id, type: 'start' });
            else if (e.type === 'end') safeEmit({ id, type: 'end' });
            else if (e.type === 'interrupted') safeEmit({ id, type: 'error', error: 'interrupted' });
            else if (e.type === 'cancelled') safeEmit({ id, type: 'error', error: 'canceled' });
            else if (e.type === 'error') safeEmit({ id, type: 'error', error: e.errorMessage || 'synthesis-failed' });
          },
        });
        return true;
      }
      case 'stop':
        tts.stop();
        return true;
      case 'pause':
        tts.pause();
        return true;
      case 'resume':
        tts.resume();
        return true;
      case 'voices': {
        const voices = await new Promise<Array<{ voiceName?: string; lang?: string; remote?: boolean }>>((resolve) => {
          let settled = false;
          const done = (v: unknown) => {
            if (settled) return;
            settled = true;
            resolve(Array.isArray(v) ? v : []);
          };
          try {
            const r = tts.getVoices(done);
            if (r && typeof (r as Promise<unknown>).then === 'function') (r as Promise<unknown>).then(done, () => done([]));
          } catch {
            done([]);
          }
        });
        return voices
          .filter((v) => v.voiceName)
          .map((v): TtsVoiceInfo => ({ voiceName: v.voiceName!, lang: v.lang ?? '', remote: v.remote === true }));
      }
      default:
        return false;
    }
  };
}
