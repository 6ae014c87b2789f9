import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  chooseVoice, detectPlatform, groupVoices, noChineseVoiceHelp, variantFromLang, voiceInstallHint, voiceLangInfo, waitForVoices,
} from '../../../src/speech/voices';
import type { VoiceLike } from '../../../src/speech/types';
import { voice } from './helpers';

// Voice lists as real systems report them.
const windows = [
  voice('Microsoft David - English (United States)', 'en-US'),
  voice('Microsoft Huihui - Chinese (Simplified, PRC)', 'zh-CN'),
  voice('Microsoft Hanhan - Chinese (Traditional, Taiwan)', 'zh-TW'),
  voice('Microsoft Tracy - Chinese (Traditional, Hong Kong S.A.R.)', 'zh-HK'),
];
const chromeGoogle = [
  voice('Google US English', 'en-US', { localService: false }),
  voice('Google 粤語（香港）', 'zh-HK', { localService: false }),
  voice('Google 國語（臺灣）', 'zh-TW', { localService: false }),
  voice('Google 普通话（中国大陆）', 'zh-CN', { localService: false }),
];
const espeak = [
  voice('English (America)+ Default', 'en-US'),
  voice('Chinese (Cantonese)', 'yue'),
  voice('Chinese (Mandarin, latin as Pinyin)', 'cmn-latn-pinyin'),
  voice('Chinese (Mandarin)', 'cmn'),
];
const singapore = [voice('Cantonese HK', 'zh-HK'), voice('Mandarin SG', 'zh-SG'), voice('Japanese', 'ja-JP')];

const name = (v: VoiceLike | null) => v?.name ?? null;

describe('voiceLangInfo', () => {
  test('classifies zh-*, cmn, yue, underscores and pinyin voices', () => {
    expect(voiceLangInfo({ lang: 'zh-CN', name: '' })).toMatchObject({ family: 'mandarin', region: 'CN' });
    expect(voiceLangInfo({ lang: 'zh_TW', name: '' })).toMatchObject({ family: 'mandarin', region: 'TW' });
    expect(voiceLangInfo({ lang: 'zh-HK', name: '' })).toMatchObject({ family: 'cantonese', region: 'HK' });
    expect(voiceLangInfo({ lang: 'cmn', name: '' })).toMatchObject({ family: 'mandarin', region: '' });
    expect(voiceLangInfo({ lang: 'yue', name: '' })).toMatchObject({ family: 'cantonese' });
    expect(voiceLangInfo({ lang: 'cmn-latn-pinyin', name: '' })).toMatchObject({ family: 'mandarin', latin: true });
    expect(voiceLangInfo({ lang: 'zh-Hant', name: '' })).toMatchObject({ family: 'mandarin', script: 'Hant' });
    expect(voiceLangInfo({ lang: 'nan', name: '' }).family).toBe('chinese-other');
    expect(voiceLangInfo({ lang: 'en-US', name: '' }).family).toBe('other');
    // Name beats tag; an empty tag falls back to the name.
    expect(voiceLangInfo({ lang: 'zh-CN', name: 'Google 粤語' }).family).toBe('cantonese');
    expect(voiceLangInfo({ lang: '', name: 'Chinese (Mandarin)' }).family).toBe('mandarin');
  });
});

describe('chooseVoice', () => {
  test('Simplified: zh-CN first, then cmn, then any Mandarin; never Cantonese', () => {
    expect(name(chooseVoice(windows, { variant: 'cn' }))).toBe('Microsoft Huihui - Chinese (Simplified, PRC)');
    expect(name(chooseVoice(chromeGoogle, { variant: 'cn' }))).toBe('Google 普通话（中国大陆）');
    expect(name(chooseVoice(espeak, { variant: 'cn' }))).toBe('Chinese (Mandarin)');
    expect(name(chooseVoice(singapore, { variant: 'cn' }))).toBe('Mandarin SG');
    expect(name(chooseVoice([voice('Tracy', 'zh-HK'), voice('yue', 'yue')], { variant: 'cn', allowCantonese: true }))).toBeNull();
  });

  test('Taiwan and generic Traditional: zh-TW first, else any Mandarin; never Cantonese', () => {
    expect(name(chooseVoice(windows, { variant: 'tw' }))).toBe('Microsoft Hanhan - Chinese (Traditional, Taiwan)');
    expect(name(chooseVoice(chromeGoogle, { variant: 't' }))).toBe('Google 國語（臺灣）');
    expect(name(chooseVoice(espeak, { variant: 'tw' }))).toBe('Chinese (Mandarin)');
    const noTw = windows.filter((v) => v.lang !== 'zh-TW');
    expect(name(chooseVoice(noTw, { variant: 'tw' }))).toBe('Microsoft Huihui - Chinese (Simplified, PRC)');
    // Even with Cantonese allowed, Taiwan/Traditional text is not read in Cantonese.
    expect(name(chooseVoice([voice('Tracy', 'zh-HK')], { variant: 'tw', allowCantonese: true }))).toBeNull();
    expect(name(chooseVoice([voice('yue', 'yue')], { variant: 't', allowCantonese: true }))).toBeNull();
  });

  test('Hong Kong: Mandarin unless the user chose Cantonese, then zh-HK / yue', () => {
    expect(name(chooseVoice(windows, { variant: 'hk' }))).toBe('Microsoft Hanhan - Chinese (Traditional, Taiwan)');
    expect(name(chooseVoice(windows, { variant: 'hk', allowCantonese: true }))).toBe('Microsoft Tracy - Chinese (Traditional, Hong Kong S.A.R.)');
    expect(name(chooseVoice(espeak, { variant: 'hk' }))).toBe('Chinese (Mandarin)');
    expect(name(chooseVoice(espeak, { variant: 'hk', allowCantonese: true }))).toBe('Chinese (Cantonese)');
    expect(name(chooseVoice(chromeGoogle, { variant: 'hk', allowCantonese: true }))).toBe('Google 粤語（香港）');
    // Cantonese chosen but none installed: Mandarin rather than silence.
    expect(name(chooseVoice(espeak.filter((v) => v.lang !== 'yue'), { variant: 'hk', allowCantonese: true }))).toBe('Chinese (Mandarin)');
  });

  test('a pinyin voice is only a last resort', () => {
    expect(name(chooseVoice([voice('Pinyin', 'cmn-latn-pinyin'), voice('Mandarin', 'cmn')], { variant: 'cn' }))).toBe('Mandarin');
    expect(name(chooseVoice([voice('Pinyin', 'cmn-latn-pinyin'), voice('English', 'en')], { variant: 'cn' }))).toBe('Pinyin');
  });

  test('a local voice wins a tie with a network one', () => {
    const vs = [voice('Online', 'zh-CN', { localService: false }), voice('Local', 'zh-CN')];
    expect(name(chooseVoice(vs, { variant: 'cn' }))).toBe('Local');
  });

  test('a preferred voice is respected while installed (even Cantonese), ignored once gone', () => {
    const tracy = windows[3]!;
    expect(chooseVoice(windows, { variant: 'tw', preferredVoiceURI: tracy.voiceURI })).toBe(tracy);
    expect(chooseVoice(windows, { variant: 'cn', preferredVoiceURI: windows[0]!.voiceURI })).toBe(windows[0]);
    expect(name(chooseVoice(windows, { variant: 'cn', preferredVoiceURI: 'gone|zh-CN' }))).toBe('Microsoft Huihui - Chinese (Simplified, PRC)');
  });

  test('no voices or no Chinese voices: null', () => {
    expect(chooseVoice([], { variant: 'cn' })).toBeNull();
    expect(chooseVoice([voice('English', 'en-US'), voice('Japanese', 'ja-JP')], { variant: 'cn' })).toBeNull();
  });
});

describe('variantFromLang', () => {
  test('maps page language tags', () => {
    expect(variantFromLang('zh-CN')).toBe('cn');
    expect(variantFromLang('zh-TW')).toBe('tw');
    expect(variantFromLang('zh-Hant-HK')).toBe('hk');
    expect(variantFromLang('zh-Hant')).toBe('t');
    expect(variantFromLang('')).toBe('cn');
  });
});

describe('waitForVoices', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function fakeSynth(initial: VoiceLike[] = []) {
    const listeners = new Set<() => void>();
    const synth = {
      list: initial,
      getVoices: () => synth.list,
      addEventListener: (_t: 'voiceschanged', l: () => void) => listeners.add(l),
      removeEventListener: (_t: 'voiceschanged', l: () => void) => listeners.delete(l),
      listeners,
    };
    return synth;
  }

  test('returns at once when voices are there', async () => {
    const s = fakeSynth(espeak);
    await expect(waitForVoices(s)).resolves.toEqual(espeak);
  });

  test('polls getVoices (voiceschanged never fires) and cleans up', async () => {
    vi.useFakeTimers();
    const s = fakeSynth();
    const p = waitForVoices(s, { timeoutMs: 5000, pollMs: 100 });
    await vi.advanceTimersByTimeAsync(250);
    s.list = espeak;
    await vi.advanceTimersByTimeAsync(100);
    await expect(p).resolves.toEqual(espeak);
    expect(s.listeners.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('resolves on voiceschanged', async () => {
    vi.useFakeTimers();
    const s = fakeSynth();
    const p = waitForVoices(s, { timeoutMs: 5000, pollMs: 1000 });
    s.list = windows;
    for (const l of [...s.listeners]) l();
    await expect(p).resolves.toEqual(windows);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('resolves [] at the deadline', async () => {
    vi.useFakeTimers();
    const s = fakeSynth();
    const p = waitForVoices(s, { timeoutMs: 1000, pollMs: 100 });
    await vi.advanceTimersByTimeAsync(1000);
    await expect(p).resolves.toEqual([]);
    expect(s.listeners.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('a throwing getVoices counts as empty', async () => {
    const s = { getVoices: (): VoiceLike[] => { throw new Error('boom'); } };
    await expect(waitForVoices(s, { timeoutMs: 0 })).resolves.toEqual([]);
  });
});

describe('groupVoices', () => {
  const all = [...windows, ...chromeGoogle, ...espeak, voice('Kyoko', 'ja-JP'), voice('Amelie', 'fr-CA')];

  test('Chinese first (Mandarin, then Cantonese), then other languages', () => {
    const groups = groupVoices(all, 'zh-CN');
    expect(groups[0]!.key).toBe('mandarin');
    expect(groups[1]!.key).toBe('cantonese');
    expect(groups[0]!.label).toBe('普通话');
    expect(groups[1]!.label).toBe('粤语');
    expect(groups.slice(2).map((g) => g.key).sort()).toEqual(['en', 'fr', 'ja']);
    // Mandarin voices: mainland first, then Taiwan, then region-less (cmn).
    const regions = groups[0]!.voices.map((o) => voiceLangInfo(o.voice).region);
    expect(regions.indexOf('CN')).toBeLessThan(regions.indexOf('TW'));
    expect(regions.lastIndexOf('TW')).toBeLessThan(regions.indexOf(''));
  });

  test('labels in zh-TW and en; region added when the name lacks it; online flag', () => {
    const tw = groupVoices(all, 'zh-TW');
    expect(tw[0]!.label).toBe('普通話');
    expect(tw[1]!.label).toBe('粵語');
    const en = groupVoices(all, 'en');
    expect(en[0]!.label).toBe('Mandarin Chinese');
    expect(en.find((g) => g.key === 'ja')!.label).toBe('Japanese');
    const huihui = en[0]!.voices.find((o) => o.voice.name.startsWith('Microsoft Huihui'))!;
    expect(huihui.label).toBe('Microsoft Huihui - Chinese (Simplified, PRC) (Mainland China)');
    const google = groupVoices(all, 'zh-CN')[0]!.voices.find((o) => o.voice.name.startsWith('Google 普通话'))!;
    expect(google.label).toBe('Google 普通话（中国大陆）');
    expect(google.online).toBe(true);
  });
});

describe('noChineseVoiceHelp', () => {
  test('one plain, link-free hint per platform and locale', () => {
    for (const platform of ['windows', 'mac', 'chromeos', 'linux', 'android', 'ios', 'other'] as const) {
      for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
        const t = noChineseVoiceHelp(locale, platform);
        expect(t.length).toBeGreaterThan(20);
        expect(t).not.toMatch(/https?:|www\.|<a\b/i);
      }
    }
    expect(noChineseVoiceHelp('zh-CN', 'linux')).toContain('espeak-ng');
    expect(noChineseVoiceHelp('zh-CN', 'linux')).toContain('speech-dispatcher');
    expect(noChineseVoiceHelp('zh-CN', 'windows')).toContain('添加语音');
    expect(noChineseVoiceHelp('zh-TW', 'mac')).toContain('朗讀內容');
    expect(noChineseVoiceHelp('en', 'chromeos')).toContain('Text-to-Speech');
  });

  test('platform from user agent strings', () => {
    expect(detectPlatform('Mozilla/5.0 (Windows NT 10.0; Win64; x64)')).toBe('windows');
    expect(detectPlatform('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)')).toBe('mac');
    expect(detectPlatform('Mozilla/5.0 (X11; CrOS x86_64 14541.0.0)')).toBe('chromeos');
    expect(detectPlatform('Mozilla/5.0 (X11; Linux x86_64)')).toBe('linux');
    expect(detectPlatform('Linux; Android 14')).toBe('android');
    expect(noChineseVoiceHelp('zh-CN', 'Mozilla/5.0 (X11; Linux x86_64)')).toContain('espeak-ng');
  });
});

describe('espeak-ng variants', () => {
  test('a base voice is preferred over its "+variant" copies; the install hint drops the "no voice" sentence', () => {
    const list = [
      voice('Chinese (Mandarin, latin as English)+Andy', 'cmn'),
      voice('Chinese (Mandarin, latin as English)', 'cmn'),
      voice('Chinese (Mandarin, latin as English)+Zac', 'cmn'),
    ];
    expect(chooseVoice(list, { variant: 'cn' })?.name).toBe('Chinese (Mandarin, latin as English)');
    expect(chooseVoice(list, { variant: 'tw' })?.name).toBe('Chinese (Mandarin, latin as English)');
    expect(voiceInstallHint('zh-CN', 'windows')).toMatch(/^Windows：/);
    expect(voiceInstallHint('en', 'linux')).toMatch(/^Linux: install speech-dispatcher/);
    expect(voiceInstallHint('zh-TW', 'mac')).toMatch(/^macOS：/);
  });
});
