import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Announcement } from '../../../src/toolbar/types';
import { defaultsOf } from '../../../src/settings/fields';
import { globalFields, siteFields, type GlobalSettings, type SiteSettings } from '../../../src/settings/schema';
import { SPEECH_OFF, SpeechFeature, variantFor, type SpeechInputs } from '../../../src/speech/feature';
import { FakeEngine, voice } from './helpers';
import { asUser, userClick } from '../support/user-input';

const ESPEAK = [voice('English (America)', 'en-US'), voice('Chinese (Mandarin)', 'cmn'), voice('Chinese (Cantonese)', 'yue')];
const PAGE = `
  <nav><a id="home" href="/">网站首页</a></nav>
  <main>
    <h1 id="title">2006年政府重点工作</h1>
    <p id="p1">以加强科技创新为突破口。推动经济发展。</p>
    <p id="p2">加快产业优化升级。</p>
  </main>`;

let feature: SpeechFeature;
let engine: FakeEngine;
let host: HTMLElement;
let root: ShadowRoot;
let notes: Announcement[];
let changes: number;

function make(voices = ESPEAK): SpeechFeature {
  engine = new FakeEngine({ voices });
  notes = [];
  changes = 0;
  feature = new SpeechFeature({
    doc: document,
    win: window,
    overlayRoot: () => root,
    changed: () => changes++,
    notify: (a) => notes.push(a),
    engine,
  });
  return feature;
}

function inputs(site: Partial<SiteSettings> = {}, global: Partial<GlobalSettings> = {}, extra: Partial<SpeechInputs> = {}): SpeechInputs {
  return {
    site: { ...defaultsOf(siteFields), ...site },
    global: { ...defaultsOf(globalFields), ...global },
    convert: { pageScript: 'simplified', shownAs: 'simplified' },
    locale: 'zh-CN',
    ...extra,
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};
const spoken = () => engine.spoken.map((u) => u.text);

beforeEach(() => {
  document.body.innerHTML = PAGE;
  host = document.createElement('div');
  document.documentElement.append(host);
  root = host.attachShadow({ mode: 'open' });
});

afterEach(() => {
  feature?.dispose();
  host.remove();
  vi.useRealTimers();
});

describe('settings → speech', () => {
  test('nothing is made, loaded or listened to until 声音 is on for the site', async () => {
    make();
    feature.apply(inputs());
    await flush();
    expect(feature.diagnostics().active).toBe(false);
    expect(feature.context().state).toBe('idle');
    document.getElementById('home')!.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true })));
    await flush();
    expect(engine.spoken).toEqual([]);
  });

  test('声音 + 指读: keyboard focus reads at once, with the rate, volume and voice from the global settings', async () => {
    make();
    feature.apply(inputs({ speech: true, pointReading: true }, { speechRate: 2, speechVolume: 50 }));
    await flush();
    document.getElementById('home')!.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true, composed: true })));
    await flush();
    expect(spoken()).toEqual(['链接 网站首页']);
    expect(engine.spoken[0]).toMatchObject({ rate: 2, volume: 0.5, lang: 'cmn' });
    expect(engine.spoken[0]!.voice?.name).toBe('Chinese (Mandarin)');
  });

  test('a chosen voice wins; the voice list is offered grouped, Chinese first', async () => {
    make();
    feature.apply(inputs({ speech: true }, { speechVoice: 'Chinese (Cantonese)|yue' }));
    await flush();
    const groups = feature.context().voices!;
    expect(groups.map((g) => g.key)).toEqual(['mandarin', 'cantonese', 'en']);
    expect(feature.context().voiceName).toBe('Chinese (Cantonese)');
    expect(feature.context().noChineseVoice).toBe(false);
  });

  test('声音 off (the default, as after 重置/退出) stops reading and 指读 at once', async () => {
    make();
    feature.apply(inputs({ speech: true, pointReading: true }));
    feature.context().continuous();
    await flush();
    expect(feature.context().state).toBe('speaking');
    feature.apply(inputs({ ...SPEECH_OFF }));
    expect(feature.context().state).toBe('idle');
    expect(engine.speaking).toBeNull();
    const before = engine.spoken.length;
    document.getElementById('home')!.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true })));
    await flush();
    expect(engine.spoken.length).toBe(before);
  });

  test('连读 asked while 声音 is off starts once the setting is applied', async () => {
    make();
    feature.apply(inputs());
    feature.context().continuous();
    await flush();
    expect(engine.spoken).toEqual([]);
    feature.apply(inputs({ speech: true }));
    await flush();
    expect(spoken()[0]).toBe('2006年政府重点工作');
    expect(feature.context().session).toBe('continuous');
  });

  test('连读 starts at the selection', async () => {
    make();
    feature.apply(inputs({ speech: true }));
    const r = document.createRange();
    r.selectNodeContents(document.getElementById('p2')!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(r);
    feature.context().continuous();
    await flush();
    expect(spoken()).toEqual(['加快产业优化升级。']);
    document.getSelection()!.removeAllRanges();
  });
});

describe('which Chinese is spoken follows 繁体版', () => {
  test('variant: Simplified page → cn; converted → the target (twp reads as tw); a Traditional page → its own', () => {
    const g = { traditionalTarget: 'tw' as const };
    expect(variantFor({ pageScript: 'simplified', shownAs: 'simplified' }, g, 'zh-CN')).toBe('cn');
    expect(variantFor({ pageScript: 'simplified', shownAs: 'traditional' }, g, 'zh-TW')).toBe('tw');
    expect(variantFor({ pageScript: 'simplified', shownAs: 'traditional' }, { traditionalTarget: 'twp' }, 'zh-TW')).toBe('tw');
    expect(variantFor({ pageScript: 'simplified', shownAs: 'traditional' }, { traditionalTarget: 'hk' }, 'zh-HK')).toBe('hk');
    expect(variantFor({ pageScript: 'traditional', shownAs: 'traditional' }, g, 'zh-HK')).toBe('hk');
    expect(variantFor({ pageScript: 'traditional', shownAs: 'traditional' }, g, null)).toBe('t');
    expect(variantFor({ pageScript: 'traditional', shownAs: 'simplified' }, g, 'zh-CN')).toBe('cn');
  });

  test('the diagnostics report the variant in use', async () => {
    make();
    feature.apply(inputs({ speech: true }, {}, { convert: { pageScript: 'simplified', shownAs: 'traditional' } }));
    expect(feature.diagnostics().variant).toBe('tw');
  });
});

describe('toolbar actions announced by voice', () => {
  test('spoken while 声音 is on, in the UI language; not when switched off, not over 连读, not for reading controls', async () => {
    make();
    feature.apply(inputs({ speech: true }));
    await flush();
    feature.announce('zoom-in', { key: 'zoomInNow', params: [110] }, 'zh-CN');
    await flush();
    expect(spoken()).toEqual(['页面已放大到110%']);
    feature.announce('speech-stop', { key: 'speechStoppedNow' }, 'zh-CN');
    await flush();
    expect(spoken()).toHaveLength(1);
    feature.apply(inputs({ speech: true }, { speechAnnounce: false }));
    feature.announce('zoom-in', { key: 'zoomInNow', params: [125] }, 'zh-CN');
    await flush();
    expect(spoken()).toHaveLength(1);
    feature.apply(inputs({ speech: true }));
    feature.context().continuous();
    await flush();
    const n = engine.spoken.length;
    feature.announce('zoom-in', { key: 'zoomInNow', params: [150] }, 'zh-CN');
    await flush();
    expect(engine.spoken.length).toBe(n);
    expect(feature.context().session).toBe('continuous');
  });
});

describe('no Chinese voice', () => {
  test('said plainly in the toolbar (a notice with the link-free hint) and in the live region, once', async () => {
    make([voice('English (America)', 'en-US')]);
    feature.apply(inputs({ speech: true }));
    await flush();
    const note = root.querySelector('[data-kanjian-speech-note]')!;
    expect(note).not.toBeNull();
    expect(note.getAttribute('role')).toBe('note');
    expect(note.textContent).toContain('本机没有中文语音');
    expect(note.textContent).not.toMatch(/https?:|www\./);
    expect(note.textContent).toMatch(/(Windows|macOS|ChromeOS|Linux)：/); // how to add one, for this platform
    expect(note.textContent).not.toContain('未找到中文语音'); // said once, in the title
    expect(notes).toEqual([{ key: 'speechNoChineseVoice' }]);
    expect(feature.context().noChineseVoice).toBe(true);
    expect(feature.diagnostics().noticeShown).toBe(true);
    // Dismissed: stays away for this page.
    userClick(note.querySelector('button')!);
    expect(root.querySelector('[data-kanjian-speech-note]')).toBeNull();
    feature.apply(inputs({ speech: true }, { speechRate: 1.5 }));
    expect(root.querySelector('[data-kanjian-speech-note]')).toBeNull();
    // 声音 off hides it too (nothing of ours left in the toolbar root).
    feature.apply(inputs());
    expect(root.childNodes.length).toBe(0);
  });

  test('an empty list (voices load late) is asked for again before concluding there are none', async () => {
    vi.useFakeTimers();
    make([]);
    feature.apply(inputs({ speech: true }));
    await vi.advanceTimersByTimeAsync(0);
    expect(feature.context().voices).toBeNull(); // not settled yet: the picker shows "loading"
    expect(feature.context().noChineseVoice).toBe(false);
    engine.voices = ESPEAK; // the list arrives
    await vi.advanceTimersByTimeAsync(3500);
    expect(feature.context().voices!.length).toBe(3);
    expect(root.querySelector('[data-kanjian-speech-note]')).toBeNull();
  });

  test('a list that stays empty ends in the notice', async () => {
    vi.useFakeTimers();
    make([]);
    feature.apply(inputs({ speech: true }));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(feature.context().noChineseVoice).toBe(true);
    expect(root.querySelector('[data-kanjian-speech-note]')).not.toBeNull();
  });
});

describe('Esc', () => {
  test('stops speech while something is being read, without preventDefault; does nothing when idle', async () => {
    make();
    feature.apply(inputs({ speech: true }));
    const esc = () => {
      const e = asUser(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
      document.body.dispatchEvent(e);
      return e;
    };
    const idleCancels = engine.cancels;
    expect(esc().defaultPrevented).toBe(false);
    expect(engine.cancels).toBe(idleCancels);
    feature.context().continuous();
    await flush();
    expect(feature.context().state).toBe('speaking');
    const e = esc();
    expect(e.defaultPrevented).toBe(false);
    expect(feature.context().state).toBe('idle');
    expect(notes).toContainEqual({ key: 'speechStoppedNow' });
    // Other keys (Tab) are never looked at.
    feature.context().continuous();
    await flush();
    const tab = asUser(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    document.body.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(false);
    expect(feature.context().state).toBe('speaking');
  });

  test('Esc inside our own menu closes the menu only', async () => {
    make();
    feature.apply(inputs({ speech: true }));
    feature.context().continuous();
    await flush();
    const menu = document.createElement('div');
    menu.setAttribute('role', 'menu');
    const item = document.createElement('div');
    menu.append(item);
    root.append(menu);
    item.dispatchEvent(asUser(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })));
    expect(feature.context().state).toBe('speaking');
    menu.remove();
  });
});

describe('diagnostics and dispose', () => {
  test('the log holds what was spoken; clearing empties it; dispose leaves nothing behind', async () => {
    make();
    feature.apply(inputs({ speech: true, pointReading: true }));
    feature.context().continuous();
    await flush();
    engine.finish();
    const d = feature.diagnostics(true);
    expect(d.active).toBe(true);
    expect(d.engineUsed).toBe('fake');
    expect(d.log.filter((e) => e.kind === 'start').map((e) => e.text)).toEqual(['2006年政府重点工作']);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d); // plain data: it crosses a message boundary
    expect(feature.diagnostics().log.filter((e) => e.kind !== 'speak' && e.kind !== 'start')).toEqual([]);
    feature.dispose();
    expect(engine.disposed).toBe(true);
    expect(engine.speaking).toBeNull();
    expect(root.childNodes.length).toBe(0);
  });
});
