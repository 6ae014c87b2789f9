import type { Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES } from '../support/server.mjs';
import { expect, tabIdOf, test, toolbar } from './fixtures';

/**
 * Read-aloud (issue 5) with a REAL speech engine: a private speech-dispatcher + espeak-ng playing into a
 * PulseAudio null sink (tests/support/speech.mjs), Chromium started with --enable-speech-dispatcher.
 * What was spoken is read from the content script's speech log (the speechDiagnostics message): 'speak'
 * is logged when an utterance is handed to the engine, 'start' when the engine reports audio started.
 * espeak-ng never fires `boundary`, so nothing here depends on it.
 */
const DEMO = '/zhonglou-2006.html';

interface LogEntry {
  t: number;
  kind: 'speak' | 'start' | 'end' | 'error' | 'cancel';
  text: string;
  lang: string;
  voiceName: string;
  detail?: string;
}
interface Diagnostics {
  active: boolean;
  state?: 'idle' | 'speaking' | 'paused';
  session?: string | null;
  engineUsed: string | null;
  fallbackCount: number;
  variant: string | null;
  voiceCount: number | null;
  noChineseVoice: boolean;
  noticeShown: boolean;
  activation: boolean | null;
  hoverT?: number | null;
  rate?: number;
  volume?: number;
  now: number | null;
  voice?: { name: string; lang: string } | null;
  highlight?: { mode: string; sentence: string; outlined: boolean; sentenceBoxes: number; stylesheet: string } | null;
  log: LogEntry[];
}

/** The tab under test, for attaching the speech log when a test fails. */
let lastTab: { sw: Worker; tabId: number } | null = null;

/** The page's tab; remembered for attaching the speech log when a test fails. */
async function tabOf(sw: Worker, page: Page): Promise<number> {
  const id = await tabIdOf(sw, page);
  expect(id, 'tab of the page under test').toBeGreaterThan(0);
  lastTab = { sw, tabId: id };
  return id;
}

async function diagnostics(sw: Worker, tabId: number, clearLog = false): Promise<Diagnostics> {
  return sw.evaluate(
    async ({ tabId, clearLog }) => {
      const reply = (await chrome.tabs.sendMessage(tabId, { id: 1, type: 'speechDiagnostics', data: { clearLog }, timestamp: Date.now() }, { frameId: 0 })) as {
        res?: unknown;
        err?: { message?: string };
      };
      if (!reply || reply.err) throw new Error(`speechDiagnostics: ${reply?.err?.message ?? 'no reply'}`);
      return reply.res;
    },
    { tabId, clearLog },
  ) as Promise<Diagnostics>;
}

/** The demo page's first article paragraph, from the file (no script runs in the page to get it). */
function firstArticleParagraph(): string {
  const html = readFileSync(join(PAGES, 'zhonglou-2006.html'), 'utf8');
  const article = html.slice(html.indexOf('<article'));
  const m = /<p>([^<]*)<\/p>/.exec(article);
  return spoken(m![1]!);
}

/**
 * Where to point at an element, found and scrolled to through the DevTools protocol only: Playwright's
 * locator helpers run script with a user gesture, which would give the page the activation under test.
 */
async function pointWithoutGesture(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
    const q = model.content; // x1,y1 … x4,y4 in viewport pixels
    return { x: q[0]! + 40, y: (q[1]! + q[5]!) / 2 };
  } finally {
    await cdp.detach();
  }
}

/** Whitespace as spoken (chunk.ts spokenText for one block of Chinese). */
function spoken(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A toolbar button by name (the toolbar's own name changes with the page's script, so not by that). */
function button(page: Page, name: string) {
  return page.getByRole('toolbar').getByRole('button', { name, exact: true });
}

async function openToolbar(page: Page): Promise<void> {
  await page.getByRole('button', { name: '无障碍浏览' }).click();
  await expect(toolbar(page)).toBeVisible();
}

/** Waits until the engine has started an utterance whose text satisfies `match`; returns the diagnostics. */
async function waitForStart(sw: Worker, tabId: number, match: (text: string) => boolean, timeout = 20_000): Promise<Diagnostics> {
  let last: Diagnostics | null = null;
  await expect
    .poll(
      async () => {
        last = await diagnostics(sw, tabId);
        return last.log.some((e) => e.kind === 'start' && match(e.text));
      },
      { timeout, message: 'the engine started the expected utterance' },
    )
    .toBe(true);
  return last!;
}

/** The voice list loads late with speech-dispatcher (~5 s, then ~13 000 espeak-ng voices): wait for it. */
async function voicesLoaded(sw: Worker, tabId: number): Promise<void> {
  await expect.poll(async () => (await diagnostics(sw, tabId)).voiceCount ?? 0, { timeout: 30_000, message: 'voices loaded' }).toBeGreaterThan(0);
}

/** Rests the pointer on an element (scrolled into view first), like a user pointing at it. */
async function pointAt(page: Page, selector: string): Promise<void> {
  const el = page.locator(selector).first();
  await el.scrollIntoViewIfNeeded();
  const box = (await el.boundingBox())!;
  await page.mouse.move(box.x + Math.min(40, box.width / 2), box.y + box.height / 2);
}

function isMandarin(entry: LogEntry): boolean {
  // espeak-ng: "Chinese (Mandarin, latin as English)" with lang cmn; real systems: zh-CN / zh-TW voices.
  return /^(cmn|zh)(-|$)/i.test(entry.lang) && !/latin as pinyin|cantonese|yue/i.test(entry.voiceName);
}

// A private speech engine for this file's worker (its own Chromium with --enable-speech-dispatcher).
test.use({ speech: true });

test.describe('read-aloud with a real speech engine (Chromium)', () => {
  test.beforeEach(({ speechEngine }) => {
    test.skip(!speechEngine?.available, `no speech engine: ${speechEngine?.reason ?? 'not started'}`);
    lastTab = null;
  });

  // eslint-disable-next-line no-empty-pattern
  test.afterEach(async ({}, info) => {
    if (info.status === info.expectedStatus || !lastTab) return;
    const d = await diagnostics(lastTab.sw, lastTab.tabId).catch((e: unknown) => ({ error: String(e) }));
    await info.attach('speech-diagnostics.json', { body: JSON.stringify(d, null, 1), contentType: 'application/json' });
    console.log(`[speech] diagnostics after failure: ${JSON.stringify(d).slice(0, 8000)}`);
  });

  test('指读: resting on a paragraph speaks exactly its text with a Mandarin voice, outlined without touching the page', async ({ page, server, serviceWorker, pageErrors }, info) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const tabId = await tabOf(serviceWorker, page);
    const article = page.locator('article.article');
    const domBefore = await article.evaluate((a) => a.innerHTML);
    const point = button(page, '指读');
    await expect(point).toHaveAttribute('aria-pressed', 'false');
    await point.click();
    await expect(point).toHaveAttribute('aria-pressed', 'true');
    // 指读 needs sound: 声音 came on with it.
    await expect(button(page, '声音')).toHaveAttribute('aria-pressed', 'true');
    await voicesLoaded(serviceWorker, tabId);
    const para = 'article.article p';
    const text = spoken((await page.locator(para).first().textContent()) ?? '');
    expect(text.length).toBeGreaterThan(20);
    await pointAt(page, para);
    const d = await waitForStart(serviceWorker, tabId, (t) => t === text);
    const speak = d.log.find((e) => e.kind === 'speak' && e.text === text)!;
    const start = d.log.find((e) => e.kind === 'start' && e.text === text)!;
    // Exactly the paragraph, in one utterance, in Mandarin, spoken by Web Speech in the content script.
    expect(d.log.filter((e) => e.kind === 'speak' && e.t >= speak.t).map((e) => e.text)).toEqual([text]);
    expect(isMandarin(start), `${start.voiceName} (${start.lang})`).toBe(true);
    expect(d.variant).toBe('cn');
    expect(d.engineUsed).toBe('web-speech');
    // The element being read is outlined in our overlay, and the page's DOM is untouched.
    expect(d.highlight?.outlined).toBe(true);
    expect(await article.evaluate((a) => a.innerHTML)).toBe(domBefore);
    // hover → engine start, from the content script's own clock (dwell 300 ms included).
    expect(d.hoverT).not.toBeNull();
    const hoverToStart = start.t - d.hoverT!;
    const hoverToSpeak = speak.t - d.hoverT!;
    info.annotations.push({ type: 'hover→start', description: `${hoverToStart} ms (hover→speak ${hoverToSpeak} ms, dwell 300 ms)` });
    console.log(`[speech] 指读 hover→start ${hoverToStart} ms (hover→speak ${hoverToSpeak} ms; dwell 300 ms; voice ${start.voiceName})`);
    expect(hoverToSpeak).toBeGreaterThanOrEqual(290); // the dwell really waits
    expect(hoverToStart).toBeLessThan(5000);
    // Pointing at the next paragraphs, one after another (each interrupts the one before): hover→start each time.
    const times: number[] = [];
    for (let i = 1; i <= 5; i++) {
      await pointAt(page, `article.article > p:nth-of-type(${i + 1})`);
      let hoverT = -1;
      let started = -1;
      await expect
        .poll(async () => {
          const x = await diagnostics(serviceWorker, tabId);
          hoverT = x.hoverT ?? -1;
          started = x.log.find((e) => e.kind === 'start' && e.t > hoverT)?.t ?? -1;
          return started > 0;
        }, { timeout: 20_000 })
        .toBe(true);
      times.push(started - hoverT);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    info.annotations.push({ type: 'hover→start, next 5 paragraphs', description: `${times.join(', ')} ms (median ${median})` });
    console.log(`[speech] 指读 hover→start over 5 more paragraphs: ${times.join(', ')} ms (median ${median} ms)`);
    expect(median).toBeLessThan(3000);
    expect(pageErrors).toEqual([]);
  });

  test('连读 from a selection reads the article in document order, highlighting each sentence in view without changing the DOM', async ({ page, server, serviceWorker }) => {
    test.setTimeout(120_000); // real-time speech: a few sentences at the fastest speed
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const tabId = await tabOf(serviceWorker, page);
    // Fastest speed, so several paragraphs go by in a few seconds (also proves the 语速 menu).
    await button(page, '语速').click();
    await page.getByRole('menu', { name: '语速' }).getByRole('menuitemradio', { name: '3 倍' }).click();
    await button(page, '声音').click();
    await voicesLoaded(serviceWorker, tabId);
    const blocks = await page.locator('article.article').evaluate((a) =>
      [...a.querySelectorAll('h1, h2, p')].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
    const domBefore = await page.locator('article.article').evaluate((a) => a.innerHTML);
    // Select the first section heading: reading starts there, not at the top of the page.
    await page.locator('article.article h2').first().evaluate((h) => {
      const r = document.createRange();
      r.selectNodeContents(h);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    });
    await diagnostics(serviceWorker, tabId, true);
    const cont = button(page, '连读');
    await cont.click();
    await expect(cont).toHaveAttribute('aria-pressed', 'true');
    await expect(button(page, '暂停')).toHaveAttribute('aria-pressed', 'false');
    // blocks: 0 h1, 1 h2 (selected), 2 first paragraph (one sentence), 3 second paragraph, …
    // Wait until the engine has moved on into the second paragraph.
    const firstOfP2 = '加快产业优化升级。';
    expect(blocks[3]!.startsWith(firstOfP2)).toBe(true);
    let d = await waitForStart(serviceWorker, tabId, (t) => t === firstOfP2, 60_000);
    // While reading: the sentence is highlighted (CSS highlight, no DOM change) and on screen.
    d = await diagnostics(serviceWorker, tabId);
    expect(d.session).toBe('continuous');
    expect(d.highlight?.mode).toBe('css');
    expect(d.highlight?.sentence.length).toBeGreaterThan(0);
    const sentence = d.highlight!.sentence;
    const inView = await page.locator('article.article').evaluate((a, s) => {
      const el = [...a.querySelectorAll('h1, h2, p')].find((e) => (e.textContent ?? '').replace(/\s+/g, ' ').includes(s.slice(0, 12)));
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    }, sentence);
    expect(inView, `the sentence being read is on screen: ${sentence}`).toBe(true);
    expect(await page.locator('article.article').evaluate((a) => a.innerHTML)).toBe(domBefore);
    // Order: every started utterance belongs to a block at or after the previous one's; nothing before the selection.
    const started = d.log.filter((e) => e.kind === 'start').map((e) => e.text);
    const blockOf = (t: string): number => blocks.findIndex((b) => b.includes(t));
    const indices = started.map(blockOf);
    expect(indices.every((i) => i >= 0), `every utterance is article text: ${JSON.stringify(started)}`).toBe(true);
    expect(indices[0]).toBe(1); // the selected h2 ("一、转变增长方式…"), not the top of the page
    for (let i = 1; i < indices.length; i++) expect(indices[i]!).toBeGreaterThanOrEqual(indices[i - 1]!);
    expect(started.slice(0, 3)).toEqual([blocks[1], blocks[2], firstOfP2]); // heading, first paragraph whole, then on
    // 下一句 skips the rest of a long sentence to the next one; 上一句 goes back to it.
    d = await waitForStart(serviceWorker, tabId, (t) => t.startsWith('按照“强二兴三”'));
    const current = d.log.find((e) => e.kind === 'start' && e.text.startsWith('按照“强二兴三”'))!.text;
    await diagnostics(serviceWorker, tabId, true);
    await button(page, '下一句').click();
    await waitForStart(serviceWorker, tabId, (t) => t === '大力发展先进制造业。');
    await button(page, '上一句').click();
    await waitForStart(serviceWorker, tabId, (t) => t === current);
    // 停止 ends it; the button states follow.
    await button(page, '停止').click();
    await expect(cont).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(async () => (await diagnostics(serviceWorker, tabId)).state).toBe('idle');
  });

  test('停止 and Esc really stop: the engine goes quiet and nothing more is spoken; Esc is not taken from the page', async ({ page, server, serviceWorker }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const tabId = await tabOf(serviceWorker, page);
    await button(page, '声音').click();
    await voicesLoaded(serviceWorker, tabId);
    const engineSpeaking = () => page.evaluate(() => speechSynthesis.speaking);

    // 暂停 really silences the engine and keeps the place; pressing it again (继续) repeats that sentence.
    await button(page, '连读').click();
    let d = await waitForStart(serviceWorker, tabId, () => true);
    expect(await engineSpeaking()).toBe(true);
    const pause = button(page, '暂停');
    await pause.click();
    await expect(pause).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(engineSpeaking, { timeout: 3000 }).toBe(false);
    d = await diagnostics(serviceWorker, tabId, true);
    expect(d.state).toBe('paused');
    const pausedOn = d.log.findLast((e) => e.kind === 'cancel')!;
    expect(pausedOn.detail).toBe('pause');
    await page.waitForTimeout(1000);
    expect((await diagnostics(serviceWorker, tabId)).log.filter((e) => e.kind === 'speak' || e.kind === 'start')).toEqual([]);
    await pause.click();
    await expect(pause).toHaveAttribute('aria-pressed', 'false');
    await waitForStart(serviceWorker, tabId, (t) => t === pausedOn.text);

    // 停止 from the toolbar.
    expect(await engineSpeaking()).toBe(true);
    await expect(button(page, '停止')).not.toHaveAttribute('aria-disabled', 'true');
    await button(page, '停止').click();
    await expect.poll(engineSpeaking, { timeout: 3000 }).toBe(false);
    d = await diagnostics(serviceWorker, tabId);
    expect(d.state).toBe('idle');
    const stopAt = d.log.findLastIndex((e) => e.kind === 'cancel' && e.detail === 'stop');
    expect(stopAt).toBeGreaterThanOrEqual(0);
    await page.waitForTimeout(2500);
    d = await diagnostics(serviceWorker, tabId);
    expect(d.log.slice(stopAt + 1).filter((e) => e.kind === 'speak' || e.kind === 'start')).toEqual([]);
    expect(await engineSpeaking()).toBe(false);
    await expect(button(page, '停止')).toHaveAttribute('aria-disabled', 'true');

    // Esc from the page (focus in the page's search box): stops, and the page still gets the key untouched.
    await page.evaluate(() => {
      (window as unknown as { escSeen: boolean[] }).escSeen = [];
      window.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') (window as unknown as { escSeen: boolean[] }).escSeen.push(e.defaultPrevented);
      });
    });
    await button(page, '连读').click();
    await expect.poll(async () => (await diagnostics(serviceWorker, tabId)).state, { timeout: 20_000 }).toBe('speaking');
    await expect.poll(engineSpeaking, { timeout: 20_000 }).toBe(true);
    await page.locator('input[type=search]').focus();
    await page.keyboard.press('Escape');
    await expect.poll(engineSpeaking, { timeout: 3000 }).toBe(false);
    d = await diagnostics(serviceWorker, tabId);
    expect(d.state).toBe('idle');
    expect(d.log.at(-1)).toMatchObject({ kind: 'cancel', detail: 'stop' });
    expect(await page.evaluate(() => (window as unknown as { escSeen: boolean[] }).escSeen)).toEqual([false]);
    // Tab still moves focus normally (nothing of ours holds keys).
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('value'))).toBe('搜索');
  });

  test('after 繁体 conversion, 指读 reads the converted text', async ({ page, server, serviceWorker }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const tabId = await tabOf(serviceWorker, page);
    const para = 'article.article p';
    const original = spoken((await page.locator(para).first().textContent()) ?? '');
    await button(page, '指读').click();
    await voicesLoaded(serviceWorker, tabId);
    await button(page, '繁简转换').click();
    await expect(page.locator(para).first()).not.toHaveText(original);
    const converted = spoken((await page.locator(para).first().textContent()) ?? '');
    expect(converted).toContain('經濟'); // 经济 → 經濟
    // The toolbar now speaks Traditional too.
    await expect(button(page, '指讀')).toHaveAttribute('aria-pressed', 'true');
    await pointAt(page, para);
    const d = await waitForStart(serviceWorker, tabId, (t) => t === converted);
    expect(d.log.some((e) => e.kind === 'speak' && e.text === original)).toBe(false);
    expect(d.variant).toBe('tw');
    const start = d.log.find((e) => e.kind === 'start' && e.text === converted)!;
    expect(isMandarin(start), `${start.voiceName} (${start.lang})`).toBe(true);
  });

  test('chrome.tts fallback: on a page the user has not interacted with, 指读 speaks through the background', async ({ page, server, serviceWorker }, info) => {
    // 声音 and 指读 remembered for this site from an earlier visit; this visit gets no click or key press.
    await serviceWorker.evaluate((site) => chrome.storage.local.set({ [`site:${site}`]: { speech: true, pointReading: true } }), server.url);
    await page.goto(server.url + DEMO);
    const tabId = await tabOf(serviceWorker, page);
    await voicesLoaded(serviceWorker, tabId);
    // Playwright's evaluate-based helpers (textContent, evaluate) count as user gestures in Chromium, so the
    // text comes from the fixture file and the page is only scrolled and pointed at.
    const text = firstArticleParagraph();
    const at = await pointWithoutGesture(page, 'article.article p');
    expect((await diagnostics(serviceWorker, tabId)).activation, 'no user activation yet').toBe(false);
    await page.mouse.move(at.x, at.y);
    const d = await waitForStart(serviceWorker, tabId, (t) => t === text, 30_000);
    expect(d.engineUsed).toBe('chrome-tts');
    expect(d.fallbackCount).toBeGreaterThan(0);
    const start = d.log.find((e) => e.kind === 'start' && e.text === text)!;
    info.annotations.push({ type: 'hover→start (chrome.tts)', description: `${start.t - d.hoverT!} ms` });
    console.log(`[speech] 指读 via chrome.tts hover→start ${start.t - d.hoverT!} ms`);
    expect(await serviceWorker.evaluate(() => new Promise<boolean>((r) => chrome.tts.isSpeaking(r)))).toBe(true);
    // Esc is not a user activation, and it stops the background's speech too.
    await page.keyboard.press('Escape');
    await expect.poll(() => serviceWorker.evaluate(() => new Promise<boolean>((r) => chrome.tts.isSpeaking(r))), { timeout: 3000 }).toBe(false);
    expect((await diagnostics(serviceWorker, tabId)).state).toBe('idle');
  });

  test('controls: toggles with aria-pressed, keyboard-operable menus for speed, volume and voice (Chinese first), remembered', async ({ page, server, serviceWorker }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const tabId = await tabOf(serviceWorker, page);
    for (const name of ['声音', '指读', '连读', '暂停']) await expect(button(page, name)).toHaveAttribute('aria-pressed', 'false');
    for (const name of ['停止', '上一句', '下一句']) await expect(button(page, name)).toHaveAttribute('aria-disabled', 'true');
    for (const name of ['语速', '音量', '声音选择']) await expect(button(page, name)).toHaveAttribute('aria-haspopup', 'menu');
    // Keyboard: Space toggles 声音; ↓ opens 语速 on its checked item; ↓ ↓ Enter picks 1.5×.
    await button(page, '声音').focus();
    await page.keyboard.press('Space');
    await expect(button(page, '声音')).toHaveAttribute('aria-pressed', 'true');
    await voicesLoaded(serviceWorker, tabId);
    await button(page, '语速').focus();
    await page.keyboard.press('ArrowDown');
    const rateMenu = page.getByRole('menu', { name: '语速' });
    await expect(rateMenu.getByRole('menuitemradio', { name: '1 倍（正常）' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(rateMenu).toBeHidden();
    await expect(button(page, '语速')).toBeFocused();
    await expect.poll(async () => (await diagnostics(serviceWorker, tabId)).rate).toBe(1.5);
    // 音量 by pointer.
    await button(page, '音量').click();
    await page.getByRole('menu', { name: '音量' }).getByRole('menuitemradio', { name: '60%' }).click();
    await expect.poll(async () => (await diagnostics(serviceWorker, tabId)).volume).toBe(0.6);
    // 声音选择: automatic first, then voices grouped by language with Chinese (普通话) before the rest.
    await button(page, '声音选择').click();
    const voiceMenu = page.getByRole('menu', { name: '声音选择' });
    const items = await voiceMenu.getByRole('menuitemradio').allTextContents();
    expect(items[0]).toMatch(/^自动选择/);
    expect(items[1]).toMatch(/^普通话：/);
    const chinese = items.map((t) => /^(普通话|粤语|其他汉语方言)：/.test(t));
    const firstOther = chinese.indexOf(false, 1);
    if (firstOther > 0) expect(chinese.lastIndexOf(true)).toBeLessThan(firstOther);
    expect(items.length).toBeLessThanOrEqual(82); // capped: espeak-ng offers ~13 000 voices
    const pick = items.find((t, i) => i > 1 && /^普通话：/.test(t))!;
    await voiceMenu.getByRole('menuitemradio', { name: pick, exact: true }).click();
    const pickedName = pick.replace(/^普通话：/, '');
    await expect.poll(async () => (await diagnostics(serviceWorker, tabId)).voice?.name).toBe(pickedName);
    // Remembered: after a reload 声音 is still on for this site, and speed, volume and voice everywhere.
    await page.reload();
    await expect(toolbar(page)).toBeVisible();
    await expect(button(page, '声音')).toHaveAttribute('aria-pressed', 'true');
    await button(page, '语速').click();
    await expect(page.getByRole('menu', { name: '语速' }).getByRole('menuitemradio', { name: '1.5 倍' })).toHaveAttribute('aria-checked', 'true');
    await page.keyboard.press('Escape');
    await voicesLoaded(serviceWorker, tabId);
    const d = await diagnostics(serviceWorker, tabId);
    expect(d.volume).toBe(0.6);
    expect(d.voice?.name).toBe(pickedName);
    // 重置 switches read-aloud off with the display aids.
    await button(page, '重置').click();
    await expect(button(page, '声音')).toHaveAttribute('aria-pressed', 'false');
    expect((await diagnostics(serviceWorker, tabId)).active).toBe(false);
  });

  test('the options page finds the Mandarin voice and offers the speech settings', async ({ extContext, extensionId }) => {
    const options = await extContext.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.locator('#speech-voice-status')).toHaveText(/^已找到中文语音：.*Mandarin/, { timeout: 20_000 });
    await expect(options.locator('#speech-voice-hints')).toBeHidden();
    await expect(options.getByLabel('语速', { exact: true })).toBeVisible();
    await expect(options.locator('#speech-voice optgroup').first()).toHaveAttribute('label', '普通话');
    await options.close();
  });
});
