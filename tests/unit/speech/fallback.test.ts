import { describe, expect, test } from 'vitest';
import { parseTtsRequest } from '../../../src/speech/background';
import type { SpeechEngine } from '../../../src/speech/engine';
import { createFallbackEngine } from '../../../src/speech/fallback-engine';
import { FakeEngine, voice } from './helpers';

const CMN = voice('Chinese (Mandarin) espeak-ng', 'cmn');

function handlers() {
  const events: string[] = [];
  return {
    events,
    h: { onStart: () => events.push('start'), onEnd: () => events.push('end'), onError: (c: string) => events.push(`error:${c}`) },
  };
}

const req = { text: '你好', lang: 'zh-CN', voice: CMN, rate: 1, volume: 1, pitch: 1 };
const tick = () => new Promise((r) => setTimeout(r, 0));

/** A fake engine reporting `label` as its name. */
function named(label: string, voices: ReturnType<typeof voice>[] = [CMN]): SpeechEngine & FakeEngine {
  const e = new FakeEngine({ voices });
  Object.defineProperty(e, 'name', { value: label });
  return e;
}

describe('Web Speech first, chrome.tts where the page cannot speak', () => {
  test('with user activation the content script speaks (Web Speech)', async () => {
    const web = named('web-speech');
    const tts = named('chrome-tts');
    const engine = createFallbackEngine({ primary: web, secondary: () => tts, hasActivation: () => true });
    const { h, events } = handlers();
    engine.speak(req, h);
    web.finish();
    expect(events).toEqual(['start', 'end']);
    expect(tts.spoken).toEqual([]);
    expect(engine.lastUsed).toBe('web-speech');
    expect(engine.fallbackCount).toBe(0);
  });

  test('without activation (Chrome would refuse with not-allowed) it goes straight to the fallback', async () => {
    const web = named('web-speech');
    const tts = named('chrome-tts');
    const engine = createFallbackEngine({ primary: web, secondary: () => tts, hasActivation: () => false });
    const { h, events } = handlers();
    engine.speak(req, h);
    await tick();
    expect(web.spoken).toEqual([]);
    expect(tts.spoken.map((r) => r.text)).toEqual(['你好']);
    tts.finish();
    expect(events).toEqual(['start', 'end']);
    expect(engine.lastUsed).toBe('chrome-tts');
    expect(engine.fallbackCount).toBe(1);
  });

  test('a refusal before audio starts is retried on the fallback; other errors are passed on', async () => {
    const web = named('web-speech');
    const tts = named('chrome-tts');
    const engine = createFallbackEngine({ primary: web, secondary: () => tts, hasActivation: () => null });
    const a = handlers();
    engine.speak(req, a.h);
    web.fail('not-allowed');
    await tick();
    expect(tts.spoken).toHaveLength(1);
    tts.finish();
    expect(a.events).toEqual(['start', 'end']);
    const b = handlers();
    engine.speak(req, b.h);
    web.fail('synthesis-failed');
    await tick();
    expect(b.events).toEqual(['error:synthesis-failed']);
    expect(tts.spoken).toHaveLength(1);
  });

  test('where the fallback has no voices (Firefox: no chrome.tts) the original error stands', async () => {
    const web = named('web-speech');
    const none = named('chrome-tts', []);
    const engine = createFallbackEngine({ primary: web, secondary: () => none, hasActivation: () => null });
    const { h, events } = handlers();
    engine.speak(req, h);
    web.fail('not-allowed');
    await tick();
    expect(events).toEqual(['error:not-allowed']);
    expect(none.spoken).toEqual([]);
  });

  test('cancel stops the engine in use, and a pending fallback never starts after it', async () => {
    const web = named('web-speech');
    const tts = named('chrome-tts');
    const engine = createFallbackEngine({ primary: web, secondary: () => tts, hasActivation: () => false });
    const { h } = handlers();
    engine.speak(req, h);
    engine.cancel(); // before the fallback's voice probe resolved
    await tick();
    expect(tts.spoken).toEqual([]);
    engine.speak(req, h);
    await tick();
    expect(tts.speaking).toBe('你好');
    engine.cancel();
    expect(tts.speaking).toBeNull();
    expect(web.cancels).toBe(0);
  });

  test('voices: the page’s own list, else the fallback’s', async () => {
    const tts = named('chrome-tts', [voice('zh-CN voice', 'zh-CN')]);
    expect((await createFallbackEngine({ primary: named('web-speech'), secondary: () => tts }).getVoices()).map((v) => v.lang)).toEqual(['cmn']);
    expect((await createFallbackEngine({ primary: named('web-speech', []), secondary: () => tts }).getVoices()).map((v) => v.lang)).toEqual(['zh-CN']);
    expect(await createFallbackEngine({ primary: named('web-speech', []), secondary: null }).getVoices()).toEqual([]);
  });
});

describe('background: tts requests are validated', () => {
  test('well-formed requests pass with numbers clamped; anything else is refused', () => {
    expect(parseTtsRequest({ kind: 'stop' })).toEqual({ kind: 'stop' });
    expect(parseTtsRequest({ kind: 'speak', id: 3, text: '你好', lang: 'cmn', voiceName: 'x', rate: 99, volume: -1, pitch: 1 })).toEqual({
      kind: 'speak', id: 3, text: '你好', lang: 'cmn', voiceName: 'x', rate: 10, volume: 0, pitch: 1,
    });
    expect(parseTtsRequest({ kind: 'speak', id: 'x', text: '你好' })).toBeNull();
    expect(parseTtsRequest({ kind: 'speak', id: 1, text: 'x'.repeat(20_001) })).toBeNull();
    expect(parseTtsRequest({ kind: 'eval' })).toBeNull();
    expect(parseTtsRequest(null)).toBeNull();
  });
});
