import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createReadAloud, type ReadAloud } from '../../../src/speech/read-aloud';
import { FakeEngine, voice } from './helpers';
import { asUser } from '../support/user-input';

const ESPEAK = [voice('English (America)', 'en-US'), voice('Chinese (Mandarin)', 'cmn'), voice('Chinese (Cantonese)', 'yue')];

const PAGE = `
  <header><a id="home" href="/">网站首页</a> <a href="/fanti">繁体版</a></header>
  <nav><a href="/news">新闻中心</a></nav>
  <main id="main">
    <h1 id="title">2006年政府重点工作</h1>
    <p id="p1">以加强科技创新、集约利用资源为突破口。推动经济发展由粗放型向集约型转变。</p>
    <p id="p2">加快产业优化升级。</p>
    <label>姓名<input id="name" value="张三"></label>
  </main>
  <footer>版权所有</footer>`;

let ra: ReadAloud;
let engine: FakeEngine;

function make(opts: Parameters<typeof createReadAloud>[0] = {}) {
  engine = new FakeEngine({ voices: ESPEAK });
  ra = createReadAloud({ document, engine, highlight: 'off', ...opts });
  return ra;
}

const spokenTexts = () => engine.spoken.map((u) => u.text);

beforeEach(() => {
  document.body.innerHTML = PAGE;
});

afterEach(() => {
  ra?.dispose();
  vi.useRealTimers();
});

describe('连读 (continuous reading)', () => {
  test('through frames: a shown frame is read where it stands, from the sentences its own kanjian gives; it highlights them', async () => {
    document.body.innerHTML = '<main><p id="a">框架前面。</p><iframe id="f"></iframe><iframe id="hidden" hidden></iframe><p id="b">框架后面。</p></main>';
    const frame = document.getElementById('f')!;
    frame.getBoundingClientRect = () => ({ x: 0, y: 0, left: 0, top: 0, right: 300, bottom: 150, width: 300, height: 150, toJSON: () => ({}) });
    const asked: Element[] = [];
    const shown: Array<[string, number | null]> = [];
    make({
      frames: {
        chunks: async (f) => {
          asked.push(f);
          return [{ text: '框架里第一句。', lang: 'zh-CN' }, { text: ' ', lang: '' }, { text: '框架里第二句。', lang: '' }];
        },
        show: (f, index) => shown.push([f.id, index]),
      },
    });
    await ra.readContinuous();
    engine.finishAll();
    expect(spokenTexts()).toEqual(['框架前面。', '框架里第一句。', '框架里第二句。', '框架后面。']);
    expect(asked).toEqual([frame]); // the hidden frame is not read
    // Each frame sentence by its position in what the frame gave; the highlight goes when reading leaves the frame.
    expect(shown).toEqual([['f', 0], ['f', 2], ['f', null]]);
  });

  test('in a frame: its sentences for the parent, then each highlighted by position', async () => {
    make({ highlight: 'overlay' });
    const got = await ra.frameSentences(true);
    expect(got.map((c) => c.text)).toEqual(['2006年政府重点工作', '以加强科技创新、集约利用资源为突破口。', '推动经济发展由粗放型向集约型转变。', '加快产业优化升级。', '编辑框 姓名 内容 张三']);
    ra.showFrameSentence(3);
    expect(ra.getDiagnostics().highlight?.sentence).toBe('加快产业优化升级。');
    ra.showFrameSentence(null);
    expect(ra.getDiagnostics().highlight?.sentence).toBe('');
    expect(engine.spoken).toEqual([]); // the parent speaks; the frame only shows
  });

  test('starts at the main content, skips nav/header/footer, speaks sentence by sentence with a Mandarin voice', async () => {
    make();
    expect(await ra.readContinuous()).toBe(true);
    expect(ra.getStatus()).toMatchObject({ session: 'continuous', state: 'speaking' });
    engine.finishAll();
    expect(spokenTexts()).toEqual([
      '2006年政府重点工作',
      '以加强科技创新、集约利用资源为突破口。',
      '推动经济发展由粗放型向集约型转变。',
      '加快产业优化升级。',
      '编辑框 姓名 内容 张三',
    ]);
    expect(engine.spoken.every((u) => u.voice?.name === 'Chinese (Mandarin)')).toBe(true);
    expect(ra.getStatus().session).toBeNull();
  });

  test('from an element: the rest of the page from there', async () => {
    make();
    await ra.readContinuous(document.getElementById('p2'));
    engine.finishAll();
    expect(spokenTexts()).toEqual(['加快产业优化升级。', '编辑框 姓名 内容 张三']);
  });

  test('starting inside navigation reads that navigation', async () => {
    make();
    await ra.readContinuous(document.getElementById('home'));
    expect(engine.speaking).toBe('网站首页 繁体版');
  });

  test('stop really stops: nothing spoken after, and the log shows it', async () => {
    make();
    await ra.readContinuous();
    engine.finish();
    ra.stop();
    expect(engine.speaking).toBeNull();
    expect(ra.getStatus()).toMatchObject({ state: 'idle', session: null, total: 0 });
    const log = ra.getLog();
    expect(log.at(-1)).toMatchObject({ kind: 'cancel', text: '以加强科技创新、集约利用资源为突破口。', detail: 'stop' });
    expect(log.filter((e) => e.kind === 'speak').map((e) => e.text)).toEqual(['2006年政府重点工作', '以加强科技创新、集约利用资源为突破口。']);
    expect(log[0]).toMatchObject({ lang: 'cmn', voiceName: 'Chinese (Mandarin)' });
  });

  test('pause / resume / previous / next pass through to the player', async () => {
    make();
    await ra.readContinuous();
    ra.next();
    expect(engine.speaking).toBe('以加强科技创新、集约利用资源为突破口。');
    ra.togglePause();
    expect(ra.getStatus().state).toBe('paused');
    expect(engine.speaking).toBeNull();
    ra.previous();
    ra.togglePause();
    expect(engine.speaking).toBe('2006年政府重点工作');
  });

  test('rate, volume and voice settings reach the engine', async () => {
    make();
    ra.setRate(1.5);
    ra.setVolume(0.3);
    ra.setVoice('Chinese (Cantonese)|yue');
    await ra.readContinuous();
    expect(engine.spoken[0]).toMatchObject({ rate: 1.5, volume: 0.3, lang: 'yue' });
    ra.setVoice(null);
    engine.finish();
    expect(engine.spoken[1]!.voice?.name).toBe('Chinese (Mandarin)');
  });

  test('variant: Hong Kong reads Mandarin unless Cantonese was chosen', async () => {
    make({ variant: 'hk' });
    await ra.readContinuous();
    expect(engine.spoken[0]!.voice?.name).toBe('Chinese (Mandarin)');
    ra.setVariant('hk', true);
    engine.finish();
    expect(engine.spoken[1]!.voice?.name).toBe('Chinese (Cantonese)');
    ra.setVariant('tw');
    engine.finish();
    expect(engine.spoken[2]!.voice?.name).toBe('Chinese (Mandarin)');
  });
});

describe('指读 (point reading)', () => {
  function move(el: Element) {
    el.dispatchEvent(asUser(new PointerEvent('pointermove', { bubbles: true, composed: true })));
  }

  test('dwell on a link reads "链接 …" after 300 ms and outlines nothing when highlight is off', async () => {
    vi.useFakeTimers();
    make();
    ra.setPointReading(true);
    move(document.getElementById('home')!);
    await vi.advanceTimersByTimeAsync(299);
    expect(engine.spoken).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(spokenTexts()).toEqual(['链接 网站首页']);
    // Staying on it does not re-read.
    move(document.getElementById('home')!);
    await vi.advanceTimersByTimeAsync(1000);
    expect(engine.spoken).toHaveLength(1);
  });

  test('a paragraph is read sentence by sentence; a heading with its level', async () => {
    vi.useFakeTimers();
    make();
    ra.setPointReading(true);
    move(document.getElementById('title')!);
    await vi.advanceTimersByTimeAsync(300);
    move(document.getElementById('p1')!);
    await vi.advanceTimersByTimeAsync(300);
    engine.finish();
    expect(spokenTexts()).toEqual(['标题1级 2006年政府重点工作', '以加强科技创新、集约利用资源为突破口。', '推动经济发展由粗放型向集约型转变。']);
  });

  test('focus reads at once', async () => {
    make();
    ra.setPointReading(true);
    document.getElementById('name')!.dispatchEvent(asUser(new FocusEvent('focusin', { bubbles: true, composed: true })));
    await Promise.resolve();
    await Promise.resolve();
    expect(spokenTexts()).toEqual(['编辑框 姓名 内容 张三']);
  });

  test('hovering does not interrupt 连读', async () => {
    vi.useFakeTimers();
    make();
    ra.setPointReading(true);
    await ra.readContinuous();
    move(document.getElementById('home')!);
    await vi.advanceTimersByTimeAsync(1000);
    expect(spokenTexts()).toEqual(['2006年政府重点工作']);
  });

  test('turning 指读 off removes its listeners; 声音 off stops everything', async () => {
    vi.useFakeTimers();
    make();
    ra.setPointReading(true);
    ra.setPointReading(false);
    move(document.getElementById('home')!);
    await vi.advanceTimersByTimeAsync(1000);
    expect(engine.spoken).toHaveLength(0);
    ra.setPointReading(true);
    await ra.readContinuous();
    ra.setEnabled(false);
    expect(engine.speaking).toBeNull();
    expect(await ra.readContinuous()).toBe(false);
    move(document.getElementById('p2')!);
    await vi.advanceTimersByTimeAsync(1000);
    expect(engine.spoken).toHaveLength(1);
    ra.setEnabled(true);
    move(document.getElementById('p2')!);
    await vi.advanceTimersByTimeAsync(300);
    expect(engine.speaking).toBe('加快产业优化升级。');
  });
});

describe('voices, help and diagnostics', () => {
  test('no Chinese voice: one novoice event with the platform hint; speech still tries', async () => {
    engine = new FakeEngine({ voices: [voice('English', 'en-US')] });
    ra = createReadAloud({ document, engine, highlight: 'off', platform: 'Linux x86_64' });
    const helps: string[] = [];
    ra.on('novoice', (e) => helps.push(e.help));
    await ra.readContinuous();
    await ra.speakText('测试');
    expect(helps).toHaveLength(1);
    expect(helps[0]).toContain('espeak-ng');
    expect(engine.spoken.at(-1)).toMatchObject({ text: '测试', lang: 'zh-CN', voice: null });
  });

  test('listVoices groups Chinese first with UI-locale labels', async () => {
    make({ locale: 'zh-TW' });
    const groups = await ra.listVoices();
    expect(groups.map((g) => g.label).slice(0, 2)).toEqual(['普通話', '粵語']);
  });

  test('getDiagnostics exposes state, engine and the spoken-text log', async () => {
    make();
    await ra.speakText('你好。');
    const d = ra.getDiagnostics();
    expect(d).toMatchObject({ engine: 'fake', session: 'text', state: 'speaking', enabled: true });
    expect(d.log.map((e) => e.kind)).toEqual(['speak']);
    ra.clearLog();
    expect(ra.getLog()).toEqual([]);
  });

  test('events reach the toolbar; a throwing toolbar handler does not break reading', async () => {
    make();
    const states: string[] = [];
    ra.on('state', (e) => states.push(e.state));
    ra.on('chunk', () => {
      throw new Error('toolbar bug');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await ra.speakText('一。二。');
    engine.finishAll();
    expect(states).toEqual(['speaking', 'idle']);
    expect(spokenTexts()).toEqual(['一。', '二。']);
    warn.mockRestore();
  });
});

describe('dispose', () => {
  test('removes every listener it added and stops speech; later calls are no-ops', async () => {
    const docAdd = vi.spyOn(document, 'addEventListener');
    const docRemove = vi.spyOn(document, 'removeEventListener');
    const winAdd = vi.spyOn(window, 'addEventListener');
    const winRemove = vi.spyOn(window, 'removeEventListener');
    make();
    ra.setPointReading(true);
    await ra.readContinuous();
    ra.dispose();
    const key = (c: unknown[]) => `${String(c[0])}`;
    expect(docAdd.mock.calls.map(key).sort()).toEqual(docRemove.mock.calls.map(key).sort());
    expect(winAdd.mock.calls.map(key).sort()).toEqual(winRemove.mock.calls.map(key).sort());
    // The very same listener functions were removed.
    for (const call of docAdd.mock.calls) expect(docRemove.mock.calls.some((r) => r[0] === call[0] && r[1] === call[1])).toBe(true);
    expect(engine.speaking).toBeNull();
    expect(await ra.readContinuous()).toBe(false);
    expect(() => ra.togglePause()).not.toThrow();
    for (const s of [docAdd, docRemove, winAdd, winRemove]) s.mockRestore();
  });

  test('an engine-less browser gets the unavailable engine and reports one fatal error', async () => {
    vi.stubGlobal('speechSynthesis', undefined);
    vi.stubGlobal('SpeechSynthesisUtterance', undefined);
    const blank = document.implementation.createHTMLDocument('x');
    blank.body.innerHTML = '<p>正文。</p>';
    const r = createReadAloud({ document: blank, highlight: 'off', voiceTimeoutMs: 0 });
    const errors: Array<{ code: string; fatal: boolean }> = [];
    r.on('error', (e) => errors.push({ code: e.code, fatal: e.fatal }));
    await r.readContinuous();
    await new Promise((res) => setTimeout(res, 0));
    expect(r.getDiagnostics().engine).toBe('unavailable');
    expect(errors).toEqual([{ code: 'synthesis-unavailable', fatal: true }]);
    expect(r.getStatus().state).toBe('idle');
    r.dispose();
    vi.unstubAllGlobals();
  });
});
