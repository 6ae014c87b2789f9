import type { Worker } from '@playwright/test';
import { expect, tabIdOf, test, toolbar } from './fixtures';
import { frameByElement } from './frames-helpers';

/**
 * 指读 inside frames, with the real speech engine (as tests/e2e/speech.spec.ts): resting the pointer on
 * text in another site's frame, and in the frame nested inside it, speaks exactly that text; the
 * speech log is read from that frame's own content script (speechDiagnostics addressed by frame id).
 */
interface LogEntry {
  kind: 'speak' | 'start' | 'end' | 'error' | 'cancel';
  text: string;
  lang: string;
  voiceName: string;
}

/** The frame id (as the extension knows it) of the frame whose URL starts with `prefix`. */
async function frameIdOf(sw: Worker, tabId: number, prefix: string): Promise<number> {
  return sw.evaluate(
    async ({ tabId, prefix }) => {
      const results = await chrome.scripting.executeScript({ target: { tabId, allFrames: true }, func: () => location.href });
      return results.find((r) => typeof r.result === 'string' && r.result.startsWith(prefix))?.frameId ?? -1;
    },
    { tabId, prefix },
  );
}

/**
 * The frame's speech log. Until the page bundle has reached the frame (it follows the switch-on of an
 * aid, through the background) nobody answers there: that reads as no voices and an empty log yet.
 */
async function speechLog(sw: Worker, tabId: number, frameId: number, clearLog = false): Promise<{ voiceCount: number | null; log: LogEntry[] }> {
  return sw.evaluate(
    async ({ tabId, frameId, clearLog }) => {
      let raw: unknown;
      try {
        raw = await chrome.tabs.sendMessage(tabId, { id: 1, type: 'speechDiagnostics', data: { clearLog }, timestamp: Date.now() }, { frameId });
      } catch (err) {
        if (/Receiving end does not exist/.test(String(err))) return { voiceCount: null, log: [] };
        throw err;
      }
      const reply = raw as { res?: unknown; err?: { message?: string } };
      if (!reply || reply.err) throw new Error(`speechDiagnostics: ${reply?.err?.message ?? 'no reply'}`);
      return reply.res;
    },
    { tabId, frameId, clearLog },
  ) as Promise<{ voiceCount: number | null; log: LogEntry[] }>;
}

test.use({ speech: true });

test.describe('frames: 指读 with a real speech engine', () => {
  test.beforeEach(({ speechEngine }) => {
    test.skip(!speechEngine?.available, `no speech engine: ${speechEngine?.reason ?? 'not started'}`);
  });

  test('resting on text in a cross-origin frame, and in the frame nested in it, speaks exactly that text with a Mandarin voice', async ({ page, server, server2, serviceWorker }) => {
    await page.goto(`${server.url}/frames/all-kinds.html?other=${encodeURIComponent(server2.url)}`);
    const cross = await frameByElement(page, 'cross');
    await expect(cross.locator('#text')).toBeVisible();
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    await expect(toolbar(page)).toBeVisible();
    await toolbar(page).getByRole('button', { name: '指读', exact: true }).click();
    const tabId = await tabIdOf(serviceWorker, page);
    const crossId = await frameIdOf(serviceWorker, tabId, `${server2.url}/frames/inner.html`);
    expect(crossId).toBeGreaterThan(0);
    await expect.poll(async () => (await speechLog(serviceWorker, tabId, crossId)).voiceCount ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);

    const text = (await cross.locator('#text').textContent())!;
    await cross.locator('#text').scrollIntoViewIfNeeded();
    const box = (await cross.locator('#text').boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + box.height / 2);
    await expect.poll(async () => (await speechLog(serviceWorker, tabId, crossId)).log.some((e) => e.kind === 'start' && e.text === text), { timeout: 20_000 }).toBe(true);
    const start = (await speechLog(serviceWorker, tabId, crossId)).log.find((e) => e.kind === 'start' && e.text === text)!;
    expect(`${start.lang} ${start.voiceName}`).toMatch(/^(cmn|zh)/i);

    // The frame of the first origin nested in the other site's frame.
    const nested = await frameByElement(page, 'nested');
    const nestedId = await frameIdOf(serviceWorker, tabId, `${server.url}/frames/inner-b.html`);
    expect(nestedId).toBeGreaterThan(0);
    const nestedText = (await nested.locator('#text').textContent())!;
    await expect.poll(async () => (await speechLog(serviceWorker, tabId, nestedId)).voiceCount ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    await nested.locator('#text').scrollIntoViewIfNeeded();
    const nbox = (await nested.locator('#text').boundingBox())!;
    await page.mouse.move(nbox.x + 30, nbox.y + nbox.height / 2);
    await expect.poll(async () => (await speechLog(serviceWorker, tabId, nestedId)).log.some((e) => e.kind === 'start' && e.text === nestedText), { timeout: 30_000 }).toBe(true);
  });

  test('连读 reads a cross-origin frame where it stands in the page, each of its sentences highlighted inside the frame', async ({ page, server, server2, serviceWorker }) => {
    test.setTimeout(120_000);
    await page.goto(`${server.url}/frames/read-order.html?other=${encodeURIComponent(server2.url)}`);
    const cross = await frameByElement(page, 'cross');
    await expect(cross.locator('#two')).toBeVisible();
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    await expect(toolbar(page)).toBeVisible();
    // Fastest speed, so the page is read in a few seconds.
    await toolbar(page).getByRole('button', { name: '语速' }).click();
    await page.getByRole('menu', { name: '语速' }).getByRole('menuitemradio', { name: '3 倍' }).click();
    await toolbar(page).getByRole('button', { name: '声音', exact: true }).click();
    const tabId = await tabIdOf(serviceWorker, page);
    const crossId = await frameIdOf(serviceWorker, tabId, `${server2.url}/frames/read-inner.html`);
    expect(crossId).toBeGreaterThan(0);
    await expect.poll(async () => (await speechLog(serviceWorker, tabId, 0)).voiceCount ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    await speechLog(serviceWorker, tabId, 0, true);

    await toolbar(page).getByRole('button', { name: '连读', exact: true }).click();
    // While the frame's sentences are read, the frame highlights them in its own document.
    const highlighted = new Set<string>();
    await expect
      .poll(
        async () => {
          const d = (await speechLog(serviceWorker, tabId, crossId)) as { highlight?: { sentence?: string } | null };
          if (d.highlight?.sentence) highlighted.add(d.highlight.sentence);
          return (await speechLog(serviceWorker, tabId, 0)).log.some((e) => e.kind === 'start' && e.text === '框架后面的最后一段。');
        },
        { timeout: 60_000, intervals: [50] },
      )
      .toBe(true);
    const all = (await speechLog(serviceWorker, tabId, 0)).log.filter((e) => e.kind === 'start').map((e) => e.text);
    // (An announcement of switching 声音 on may come first.)
    const started = all.slice(all.indexOf('区政府通知'));
    // Document order: the page up to the frame, the frame's document, then the rest of the page.
    expect(started).toEqual(['区政府通知', '框架前面的第一段。', '框架里的第一句。', '框架里的第二句。', '框架后面的最后一段。']);
    expect([...highlighted].sort()).toEqual(['框架里的第一句。', '框架里的第二句。']);
    // When the reading has left the frame, its highlight is gone.
    await expect.poll(async () => ((await speechLog(serviceWorker, tabId, crossId)) as { highlight?: { sentence?: string } | null }).highlight?.sentence ?? '').toBe('');
  });
});
