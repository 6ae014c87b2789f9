import { describe, expect, test, vi } from 'vitest';
import type { ControlContext, ControlSpec, MenuContext } from '../../../src/toolbar/types';
import { translator } from '../../../src/i18n/messages';
import { defaultsOf } from '../../../src/settings/fields';
import { globalFields, siteFields, type GlobalSettings, type SiteSettings } from '../../../src/settings/schema';
import type { SpeechControlContext } from '../../../src/speech/control-context';
import { speechControls, voiceMenuEntries } from '../../../src/speech/controls';
import { registryControls } from '../support/features';
import { groupVoices } from '../../../src/speech/voices';
import { voice } from './helpers';

const tr = translator('zh-CN');
const site = (p: Partial<SiteSettings> = {}): SiteSettings => ({ ...defaultsOf(siteFields), ...p });
const global = (p: Partial<GlobalSettings> = {}): GlobalSettings => ({ ...defaultsOf(globalFields), ...p });

function speech(p: Partial<SpeechControlContext> = {}): SpeechControlContext {
  return {
    state: 'idle', session: null, voices: [], noChineseVoice: false, voiceName: null,
    continuous: vi.fn(), togglePause: vi.fn(), stop: vi.fn(), previous: vi.fn(), next: vi.fn(), loadVoices: vi.fn(),
    ...p,
  };
}
function ctx(sp?: SpeechControlContext, g: Partial<GlobalSettings> = {}): ControlContext {
  return { global: global(g), pageScript: 'simplified', shownAs: 'simplified', ...(sp ? { speech: sp } : {}) };
}
const control = (id: string): ControlSpec => speechControls.find((c) => c.id === id)!;
function menu(id: string, c: ControlContext, s = site()): readonly ControlSpec[] {
  const m: MenuContext = { doc: document, settings: s, control: c, tr };
  return control(id).menu!(m);
}
const label = (c: ControlSpec) => c.text ?? tr(c.label);

describe('speech controls on the toolbar', () => {
  test('are in the toolbar, named 声音 指读 连读 暂停 停止 上一句 下一句 语速 音量 声音选择, in one group', () => {
    const all = registryControls();
    const mine = all.filter((c) => c.group === 'speech');
    expect(mine.map((c) => tr(c.label))).toEqual(['声音', '指读', '连读', '暂停', '停止', '上一句', '下一句', '语速', '音量', '声音选择']);
    // Toggle buttons expose aria-pressed; the three settings pickers are menu buttons.
    expect(mine.filter((c) => c.pressed).map((c) => c.id)).toEqual(['speech-toggle', 'speech-point', 'speech-continuous', 'speech-pause']);
    expect(mine.filter((c) => c.menu).map((c) => c.id)).toEqual(['speech-rate', 'speech-volume', 'speech-voice']);
    // Esc is listed in the help dialog.
    expect(mine.flatMap((c) => c.shortcuts ?? []).map((s) => s.keys)).toEqual(['Esc']);
  });

  test('声音 toggles the per-site setting; 指读 turns 声音 on with it', () => {
    const t = control('speech-toggle');
    expect(t.pressed!(site(), ctx())).toBe(false);
    expect(t.run(site(), ctx())).toEqual({ patch: { speech: true }, announce: { key: 'speechOnNow' } });
    expect(t.run(site({ speech: true }), ctx())).toEqual({ patch: { speech: false }, announce: { key: 'speechOffNow' } });
    const p = control('speech-point');
    expect(p.pressed!(site({ pointReading: true }), ctx())).toBe(false); // no sound, no 指读
    expect(p.pressed!(site({ speech: true, pointReading: true }), ctx())).toBe(true);
    expect(p.run(site(), ctx())!.patch).toEqual({ pointReading: true, speech: true });
    expect(p.run(site({ speech: true, pointReading: true }), ctx())!.patch).toEqual({ pointReading: false });
  });

  test('连读 starts reading (and sound) or stops it; pressed while reading', () => {
    const c = control('speech-continuous');
    const idle = speech();
    const r = c.run(site(), ctx(idle))!;
    expect(idle.continuous).toHaveBeenCalledOnce();
    expect(r.patch).toEqual({ speech: true });
    const reading = speech({ state: 'speaking', session: 'continuous' });
    expect(c.pressed!(site({ speech: true }), ctx(reading))).toBe(true);
    expect(c.pressed!(site({ speech: true }), ctx(speech({ state: 'speaking', session: 'point' })))).toBe(false);
    c.run(site({ speech: true }), ctx(reading));
    expect(reading.stop).toHaveBeenCalledOnce();
    expect(reading.continuous).not.toHaveBeenCalled();
  });

  test('暂停/停止/上一句/下一句 act while reading; idle they are aria-disabled and say so', () => {
    const idle = speech();
    for (const id of ['speech-pause', 'speech-stop', 'speech-previous', 'speech-next']) {
      expect(control(id).disabled!(site(), ctx(idle))).toBe(true);
      expect(control(id).run(site(), ctx(idle))).toEqual({ announce: { key: 'speechNothing' } });
    }
    const sp = speech({ state: 'speaking', session: 'continuous' });
    expect(control('speech-pause').run(site(), ctx(sp))).toEqual({ announce: { key: 'speechPausedNow' } });
    expect(sp.togglePause).toHaveBeenCalledOnce();
    expect(control('speech-pause').pressed!(site(), ctx(speech({ state: 'paused', session: 'continuous' })))).toBe(true);
    control('speech-next').run(site(), ctx(sp));
    control('speech-previous').run(site(), ctx(sp));
    control('speech-stop').run(site(), ctx(sp));
    expect([sp.next, sp.previous, sp.stop].map((f) => (f as ReturnType<typeof vi.fn>).mock.calls.length)).toEqual([1, 1, 1]);
  });

  test('语速 0.5–3 and 音量 menus set the global settings, the current value checked', () => {
    const rates = menu('speech-rate', ctx(speech(), { speechRate: 1.5 }));
    expect(rates.map(label)).toEqual(['0.5 倍', '0.75 倍', '1 倍（正常）', '1.25 倍', '1.5 倍', '2 倍', '2.5 倍', '3 倍']);
    expect(rates.filter((i) => i.pressed!(site(), ctx(undefined, { speechRate: 1.5 }))).map(label)).toEqual(['1.5 倍']);
    expect(rates.at(-1)!.run(site(), ctx())).toEqual({ globalPatch: { speechRate: 3 }, announce: { key: 'speechRateNow', params: [3] } });
    for (const r of rates) expect(globalFields.speechRate.parse(r.run(site(), ctx())!.globalPatch!.speechRate)).toBeDefined();
    const vols = menu('speech-volume', ctx());
    expect(vols.map(label)).toEqual(['100%', '80%', '60%', '40%', '20%']);
    expect(vols[2]!.run(site(), ctx())!.globalPatch).toEqual({ speechVolume: 60 });
  });

  test('声音选择: "loading" until the list is known; automatic first, then voices grouped with Chinese first', () => {
    const loading = speech({ voices: null });
    expect(menu('speech-voice', ctx(loading)).map(label)).toEqual(['正在载入语音列表……']);
    expect(loading.loadVoices).toHaveBeenCalled();
    const groups = groupVoices([voice('Alex', 'en-US'), voice('Ting-Ting', 'zh-CN'), voice('Sin-ji', 'zh-HK'), voice('Mei-Jia', 'zh-TW')]);
    const items = menu('speech-voice', ctx(speech({ voices: groups, voiceName: 'Ting-Ting' })));
    expect(items.map(label)).toEqual([
      '自动选择：Ting-Ting',
      '普通话：Ting-Ting（中国大陆）',
      '普通话：Mei-Jia（台湾）',
      '粤语：Sin-ji（香港）',
      '英语：Alex（美国）',
    ]);
    expect(items[0]!.pressed!(site(), ctx(undefined))).toBe(true);
    const pick = items[2]!.run(site(), ctx())!;
    expect(pick.globalPatch).toEqual({ speechVoice: 'Mei-Jia|zh-TW' });
    expect(items[2]!.pressed!(site(), ctx(undefined, { speechVoice: 'Mei-Jia|zh-TW' }))).toBe(true);
  });

  test('声音选择 says when there is no Chinese voice', () => {
    const groups = groupVoices([voice('Alex', 'en-US')]);
    const items = menu('speech-voice', ctx(speech({ voices: groups, noChineseVoice: true })));
    expect(items.map(label)).toEqual(['自动选择', '没有中文语音', '英语：Alex（美国）']);
    expect(items[1]!.disabled!(site(), ctx())).toBe(true);
  });

  test('thousands of voices (espeak-ng) are capped: base voices before variants, the chosen one always listed', () => {
    const many = [];
    for (const lang of ['cmn', 'yue', 'en', 'fr', 'de', 'ja', 'ko', 'ru']) {
      many.push(voice(`${lang} base`, lang));
      for (let i = 0; i < 200; i++) many.push(voice(`${lang} base+v${i}`, lang));
    }
    const groups = groupVoices(many);
    const chosen = 'yue base+v150|yue';
    const entries = voiceMenuEntries(groups, chosen);
    expect(entries.length).toBeLessThanOrEqual(81);
    expect(entries[0]!.label).toBe('cmn base');
    expect(entries.some((e) => e.voiceURI === chosen)).toBe(true);
    expect(new Set(entries.map((e) => e.group)).size).toBeGreaterThan(3);
  });
});
