import type { Page } from 'puppeteer-core';
import { clickToolbarButton, expect, extensionPage, test, toolbarVisible, clickInToolbar } from './fixtures';

/**
 * Firefox smoke for read-aloud (issue 5) with a REAL engine: a private speech-dispatcher + espeak-ng
 * (tests/support/speech.mjs) that Firefox's Web Speech uses through SPEECHD_ADDRESS. Firefox has no
 * chrome.tts, so speech must come from the content script. What was spoken is read from the content
 * script's speech log through the speechDiagnostics message, sent from an extension page.
 */
const DEMO = '/zhonglou-2006.html';

interface LogEntry {
  t: number;
  kind: string;
  text: string;
  lang: string;
  voiceName: string;
  detail?: string;
}
interface Diagnostics {
  state?: string;
  engineUsed: string | null;
  voiceCount: number | null;
  hoverT?: number | null;
  highlight?: { outlined: boolean } | null;
  log: LogEntry[];
}

test.use({ speech: true });

/** The speech diagnostics of the tab showing `origin`, asked from the extension page. */
async function diagnostics(ext: Page, origin: string): Promise<Diagnostics | null> {
  return ext.evaluate(async (want: string) => {
    type Api = {
      tabs: {
        query(q: object): Promise<Array<{ id?: number }>>;
        sendMessage(id: number, m: object, o?: object): Promise<{ res?: unknown } | undefined>;
      };
    };
    const api = (globalThis as unknown as { browser: Api }).browser;
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        const state = await api.tabs.sendMessage(tab.id, { id: 0, type: 'getPageState', timestamp: Date.now() }, { frameId: 0 });
        if ((state?.res as { siteKey?: string } | undefined)?.siteKey !== want) continue;
        const reply = await api.tabs.sendMessage(tab.id, { id: 1, type: 'speechDiagnostics', data: {}, timestamp: Date.now() }, { frameId: 0 });
        return (reply?.res ?? null) as never;
      } catch {
        // no content script in that tab
      }
    }
    return null;
  }, origin) as Promise<Diagnostics | null>;
}

test('Firefox: 指读 speaks a paragraph through the real engine', async ({ ffPage: page, ffServer, firefox, speechEngine }) => {
  test.skip(!speechEngine?.available, `no speech engine: ${speechEngine?.reason ?? 'not started'}`);
  await page.goto(ffServer.url + DEMO, { waitUntil: 'load' });
  await expect.poll(() => page.evaluate(() => !!document.querySelector('kanjian-toolbar')?.shadowRoot?.querySelector('.kj-launcher'))).toBe(true);
  if (!(await toolbarVisible(page))) {
    await clickInToolbar(page, '.kj-launcher');
  }
  await expect.poll(() => toolbarVisible(page)).toBe(true);
  const ext = await extensionPage(firefox);
  try {
    await clickToolbarButton(page, '指读');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('kanjian-toolbar')!.shadowRoot!.querySelector('[data-control=speech-point]')!.getAttribute('aria-pressed')))
      .toBe('true');
    await expect.poll(async () => (await diagnostics(ext, ffServer.url))?.voiceCount ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    const text = await page.$eval('article.article p', (p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim());
    const para = await page.$('article.article p');
    await para!.scrollIntoView();
    const box = (await para!.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + box.height / 2);
    let d: Diagnostics | null = null;
    await expect
      .poll(
        async () => {
          d = await diagnostics(ext, ffServer.url);
          return !!d?.log.some((e) => e.kind === 'start' && e.text === text);
        },
        { timeout: 30_000, message: 'the engine started the paragraph' },
      )
      .toBe(true);
    const got = d! as Diagnostics;
    const start = got.log.find((e) => e.kind === 'start' && e.text === text)!;
    expect(/^(cmn|zh)(-|$)/i.test(start.lang) && !/pinyin|cantonese|yue/i.test(start.voiceName), `${start.voiceName} (${start.lang})`).toBe(true);
    expect(got.engineUsed).toBe('web-speech');
    expect(got.highlight?.outlined).toBe(true);
    if (typeof got.hoverT === 'number') console.log(`[speech] Firefox 指读 hover→start ${start.t - got.hoverT} ms (${start.voiceName})`);
    // 停止 stops it.
    await clickToolbarButton(page, '停止');
    await expect.poll(async () => (await diagnostics(ext, ffServer.url))?.state).toBe('idle');
    const after = (await diagnostics(ext, ffServer.url))!;
    expect(after.log.at(-1)).toMatchObject({ kind: 'cancel', detail: 'stop' });
  } finally {
    // Leave the profile clean for the next test: 退出 resets the site (speech included).
    await clickInToolbar(page, '[data-control=exit]').catch(() => undefined);
    await ext.close();
  }
});
