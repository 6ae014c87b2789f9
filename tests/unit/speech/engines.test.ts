import { describe, expect, test, vi } from 'vitest';
import { createWebSpeechEngine } from '../../../src/speech/engine';
import { Player } from '../../../src/speech/player';
import { createBridgeTtsEngine, createTtsRequestHandler, type ChromeTtsLike, type TtsEventMessage, type TtsRequest } from '../../../src/speech/tts-bridge';
import { chunks, voice } from './helpers';

/** A Web Speech double behaving like Chromium with speech-dispatcher: pause() does nothing, cancel() errors 'interrupted'. */
function fakeWebSpeech(voices = [voice('Chinese (Mandarin)', 'cmn'), voice('Chinese (Cantonese)', 'yue')]) {
  class Utterance extends EventTarget {
    voice: unknown = null;
    lang = '';
    rate = 1;
    volume = 1;
    pitch = 1;
    constructor(public text: string) {
      super();
    }
  }
  const queue: Utterance[] = [];
  const synth = {
    queue,
    cancelCalls: 0,
    speak: (u: Utterance) => queue.push(u),
    cancel: () => {
      synth.cancelCalls++;
      for (const u of queue.splice(0)) {
        const e = new Event('error') as Event & { error: string };
        e.error = 'interrupted';
        u.dispatchEvent(e);
      }
    },
    pause: () => undefined,
    resume: () => undefined,
    getVoices: () => voices,
    addEventListener: (_type: string, _listener: unknown): void => undefined,
    removeEventListener: (_type: string, _listener: unknown): void => undefined,
  };
  const fire = (type: 'start' | 'end') => {
    const u = type === 'end' ? queue.shift() : queue[0];
    u?.dispatchEvent(new Event(type));
  };
  return { win: { speechSynthesis: synth, SpeechSynthesisUtterance: Utterance }, synth, fire };
}

describe('createWebSpeechEngine', () => {
  test('returns null without Web Speech', () => {
    expect(createWebSpeechEngine({ win: {} })).toBeNull();
  });

  test('sets the real voice object, lang, rate, volume; end and start reach the handlers', async () => {
    const { win, synth, fire } = fakeWebSpeech();
    const engine = createWebSpeechEngine({ win })!;
    const seen: string[] = [];
    engine.speak(
      { text: '你好。', lang: 'zh-CN', voice: voice('Chinese (Mandarin)', 'cmn'), rate: 1.5, volume: 0.5, pitch: 1 },
      { onStart: () => seen.push('start'), onEnd: () => seen.push('end'), onError: (c) => seen.push(`error:${c}`) },
    );
    const u = synth.queue[0] as unknown as { voice: { name: string }; lang: string; rate: number; volume: number };
    expect(u.voice.name).toBe('Chinese (Mandarin)');
    expect(u.lang).toBe('cmn');
    expect(u.rate).toBe(1.5);
    expect(u.volume).toBe(0.5);
    fire('start');
    fire('end');
    expect(seen).toEqual(['start', 'end']);
    expect((await engine.getVoices()).map((v) => v.lang)).toEqual(['cmn', 'yue']);
  });

  test('dispose ends a pending voice wait at once, leaving no listener behind', async () => {
    const { win, synth } = fakeWebSpeech([]);
    const added: unknown[] = [];
    const removed: unknown[] = [];
    synth.addEventListener = (_t, l) => void added.push(l);
    synth.removeEventListener = (_t, l) => void removed.push(l);
    const engine = createWebSpeechEngine({ win, voiceTimeoutMs: 60_000 })!;
    const pending = engine.getVoices();
    engine.dispose();
    await expect(pending).resolves.toEqual([]);
    expect(added).toHaveLength(1);
    expect(removed).toEqual(added);
  });

  test('cancel only touches speechSynthesis when we have an utterance in flight', () => {
    const { win, synth, fire } = fakeWebSpeech();
    const engine = createWebSpeechEngine({ win })!;
    engine.cancel();
    expect(synth.cancelCalls).toBe(0);
    engine.speak({ text: '甲', lang: 'zh-CN', voice: null, rate: 1, volume: 1, pitch: 1 }, { onStart() {}, onEnd() {}, onError() {} });
    fire('start');
    fire('end');
    engine.cancel();
    expect(synth.cancelCalls).toBe(0);
    engine.speak({ text: '乙', lang: 'zh-CN', voice: null, rate: 1, volume: 1, pitch: 1 }, { onStart() {}, onEnd() {}, onError() {} });
    engine.cancel();
    expect(synth.cancelCalls).toBe(1);
  });

  test('with the player: pause really silences a Chromium-like engine and stop leaves nothing queued', () => {
    const { win, synth, fire } = fakeWebSpeech();
    const engine = createWebSpeechEngine({ win })!;
    const player = new Player(engine, { startTimeoutMs: 0 });
    const errors: string[] = [];
    player.on('error', (e) => errors.push(e.code));
    player.play(chunks('一。', '二。'));
    fire('start');
    player.pause();
    expect(synth.queue).toHaveLength(0);
    player.resume();
    expect(synth.queue.map((u) => u.text)).toEqual(['一。']);
    player.stop();
    expect(synth.queue).toHaveLength(0);
    expect(errors).toEqual([]);
  });

  test('a throwing speechSynthesis.speak becomes an async error, not an exception', async () => {
    const { win, synth } = fakeWebSpeech();
    synth.speak = () => {
      throw new Error('nope');
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const engine = createWebSpeechEngine({ win })!;
    const codes: string[] = [];
    expect(() => engine.speak({ text: '甲', lang: 'zh-CN', voice: null, rate: 1, volume: 1, pitch: 1 }, { onStart() {}, onEnd() {}, onError: (c) => codes.push(c) })).not.toThrow();
    expect(codes).toEqual([]);
    await Promise.resolve();
    expect(codes).toEqual(['synthesis-failed']);
    warn.mockRestore();
  });
});

describe('chrome.tts bridge', () => {
  function fakeChromeTts() {
    const calls: Array<{ text: string; options: Parameters<ChromeTtsLike['speak']>[1] }> = [];
    const tts: ChromeTtsLike & { calls: typeof calls; stops: number } = {
      calls,
      stops: 0,
      speak: (text, options) => {
        calls.push({ text, options });
      },
      stop: () => {
        tts.stops++;
        const last = calls.at(-1);
        last?.options.onEvent?.({ type: 'interrupted' });
      },
      pause: () => undefined,
      resume: () => undefined,
      getVoices: (cb) => cb?.([{ voiceName: 'Chinese (Mandarin)', lang: 'cmn' }, { voiceName: 'Google 粤語（香港）', lang: 'zh-HK', remote: true }]),
    };
    return tts;
  }

  /** Wire content engine ⇄ background handler in memory, like runtime messages would. */
  function wire(tts: ChromeTtsLike) {
    const handle = createTtsRequestHandler(tts);
    const listeners = new Set<(e: TtsEventMessage) => void>();
    const sent: TtsRequest[] = [];
    const engine = createBridgeTtsEngine({
      send: (req) => {
        sent.push(req);
        return handle(req, (ev) => queueMicrotask(() => listeners.forEach((l) => l(ev))));
      },
      subscribe: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    });
    return { engine, sent, listeners };
  }

  test('speak maps onto chrome.tts.speak with enqueue false; events come back to the right utterance', async () => {
    const tts = fakeChromeTts();
    const { engine } = wire(tts);
    const player = new Player(engine, { startTimeoutMs: 0 });
    player.setVoice(voice('Chinese (Mandarin)', 'cmn'));
    player.setRate(1.25);
    const finished: string[] = [];
    player.on('finished', (e) => finished.push(e.reason));
    player.play(chunks('一。', '二。'));
    await Promise.resolve();
    expect(tts.calls[0]).toMatchObject({ text: '一。', options: { voiceName: 'Chinese (Mandarin)', lang: 'cmn', rate: 1.25, enqueue: false } });
    tts.calls[0]!.options.onEvent!({ type: 'start' });
    tts.calls[0]!.options.onEvent!({ type: 'end' });
    await new Promise((r) => setTimeout(r, 0));
    expect(tts.calls.map((c) => c.text)).toEqual(['一。', '二。']);
    tts.calls[1]!.options.onEvent!({ type: 'end' });
    await new Promise((r) => setTimeout(r, 0));
    expect(finished).toEqual(['end']);
  });

  test('stop sends stop; the interrupted event that follows is not an error', async () => {
    const tts = fakeChromeTts();
    const { engine, sent } = wire(tts);
    const player = new Player(engine, { startTimeoutMs: 0 });
    const errors: string[] = [];
    player.on('error', (e) => errors.push(e.code));
    player.play(chunks('一。', '二。'));
    await Promise.resolve();
    player.stop();
    await new Promise((r) => setTimeout(r, 0));
    expect(sent.map((r) => r.kind)).toEqual(['speak', 'stop']);
    expect(tts.stops).toBe(1);
    expect(errors).toEqual([]);
    expect(player.state).toBe('idle');
  });

  test('voices come back as VoiceLike; a failing transport yields [] and an error, never a throw', async () => {
    const tts = fakeChromeTts();
    const { engine } = wire(tts);
    expect(await engine.getVoices()).toEqual([
      { voiceURI: 'Chinese (Mandarin)', name: 'Chinese (Mandarin)', lang: 'cmn', localService: true },
      { voiceURI: 'Google 粤語（香港）', name: 'Google 粤語（香港）', lang: 'zh-HK', localService: false },
    ]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken = createBridgeTtsEngine({ send: () => Promise.reject(new Error('no receiver')), subscribe: () => () => undefined });
    expect(await broken.getVoices()).toEqual([]);
    const codes: string[] = [];
    broken.speak({ text: '甲', lang: 'zh-CN', voice: null, rate: 1, volume: 1, pitch: 1 }, { onStart() {}, onEnd() {}, onError: (c) => codes.push(c) });
    await new Promise((r) => setTimeout(r, 0));
    expect(codes).toEqual(['synthesis-failed']);
    warn.mockRestore();
  });

  test('dispose unsubscribes', () => {
    const tts = fakeChromeTts();
    const { engine, listeners } = wire(tts);
    expect(listeners.size).toBe(1);
    engine.dispose();
    expect(listeners.size).toBe(0);
  });

  test('promise-style chrome.tts.getVoices (MV3) works too', async () => {
    const tts = fakeChromeTts();
    tts.getVoices = (() => Promise.resolve([{ voiceName: 'X', lang: 'zh-CN' }])) as unknown as ChromeTtsLike['getVoices'];
    const handle = createTtsRequestHandler(tts);
    expect(await handle({ kind: 'voices' }, () => undefined)).toEqual([{ voiceName: 'X', lang: 'zh-CN', remote: false }]);
  });
});
