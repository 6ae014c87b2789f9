import { describe, expect, it } from 'vitest';
import { asPlainSpeech } from '../../../src/speech/plain-text';
import { createTtsRequestHandler, type ChromeTtsLike } from '../../../src/speech/tts-bridge';

describe('page text is spoken as text, never as SSML', () => {
  it('text that begins like markup gets a silent word joiner in front', () => {
    expect(asPlainSpeech('<speak><audio src="https://x/beacon"/>你好</speak>')).toBe('\u2060<speak><audio src="https://x/beacon"/>你好</speak>');
    expect(asPlainSpeech('  <?xml version="1.0"?><speak/>').startsWith('\u2060')).toBe(true);
    expect(asPlainSpeech('价格 < 100 元')).toBe('价格 < 100 元');
    expect(asPlainSpeech('以加强科技创新为突破口。')).toBe('以加强科技创新为突破口。');
  });

  it('chrome.tts receives the neutralised text', async () => {
    const spoken: string[] = [];
    const tts = { speak: (t: string) => spoken.push(t), stop() {}, pause() {}, resume() {}, getVoices: (cb: (v: unknown[]) => void) => cb([]) } as unknown as ChromeTtsLike;
    await createTtsRequestHandler(tts)({ kind: 'speak', id: 1, text: '<speak>页面</speak>', lang: 'zh-CN', rate: 1, volume: 1, pitch: 1 }, () => undefined);
    expect(spoken).toEqual(['\u2060<speak>页面</speak>']);
  });
});
