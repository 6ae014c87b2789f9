import type { Page } from '@playwright/test';
import { expect, test, toolbar } from './fixtures';
import { pdfSite as site, readerState, readerUrl, store, usePdfServer } from './pdf-helpers';

/** The reader's 指读 and 连读 through the real speech engine (tests/support/speech.mjs). */
usePdfServer();
test.use({ speech: true });

test.describe('PDF reader read-aloud with a real speech engine', () => {
  test.beforeEach(({ speechEngine }) => {
    test.skip(!speechEngine?.available, `no speech engine: ${speechEngine?.reason ?? 'not started'}`);
  });

  interface Log {
    kind: string;
    text: string;
    lang: string;
  }
  const diagnostics = (page: Page, clear = false): Promise<{ voiceCount: number | null; session?: string | null; highlight?: { mode: string; sentence: string } | null; log: Log[] }> =>
    page.evaluate((c) => {
      const r = (window as unknown as { __kanjianReader: { controller: { feature(id: string): { diagnostics(c: boolean): unknown } } } }).__kanjianReader;
      return JSON.parse(JSON.stringify(r.controller.feature('speech').diagnostics(c)));
    }, clear);

  test('指读 speaks the paragraph pointed at; 连读 reads the document in order with the sentence highlighted', async ({ page, serviceWorker, extensionId }) => {
    test.setTimeout(120_000);
    await store(serviceWorker, { [`site:${site()}`]: { toolbarOpen: true }, [`pdf:${site()}`]: { openInReader: false, view: 'reflow' } });
    await page.goto(readerUrl(extensionId, 'policy-zh-hans.pdf'));
    await readerState(page);
    const bar = toolbar(page);
    await bar.getByRole('button', { name: '指读', exact: true }).click();
    await expect.poll(async () => (await diagnostics(page)).voiceCount ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    const para = page.locator('article.kjr-reflow p').nth(2);
    const text = ((await para.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    await para.scrollIntoViewIfNeeded();
    const box = (await para.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + box.height / 2);
    await expect.poll(async () => (await diagnostics(page)).log.some((e) => e.kind === 'start' && e.text === text), { timeout: 20_000 }).toBe(true);
    const start = (await diagnostics(page)).log.find((e) => e.kind === 'start' && e.text === text)!;
    expect(start.lang).toMatch(/^(cmn|zh)/i);
    // 连读: back to the top, then the document in order: title, then the first section.
    await bar.getByRole('button', { name: '指读', exact: true }).click();
    await page.mouse.move(1, 1);
    // Fastest speed first (pressing toolbar buttons after selecting would drop the selection).
    await bar.getByRole('button', { name: '语速' }).click();
    await page.getByRole('menu', { name: '语速' }).getByRole('menuitemradio', { name: '3 倍' }).click();
    const blocks = await page.locator('article.kjr-reflow').evaluate((a) => [...a.querySelectorAll('h1,h2,h3,p,li')].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
    await page.locator('article.kjr-reflow h1').evaluate((h) => {
      const r = document.createRange();
      r.selectNodeContents(h);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    });
    await diagnostics(page, true);
    await bar.getByRole('button', { name: '连读', exact: true }).click();
    // Toolbar actions are spoken too (语速已设为3倍): the document's reading starts at its title.
    const fromTitle = (log: Log[]): string[] => {
      const started = log.filter((e) => e.kind === 'start').map((e) => e.text);
      const at = started.indexOf('2006年政府重点工作');
      return at < 0 ? [] : started.slice(at);
    };
    await expect.poll(async () => fromTitle((await diagnostics(page)).log).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    const d = await diagnostics(page);
    expect(d.session).toBe('continuous');
    expect(d.highlight?.sentence.length).toBeGreaterThan(0);
    const started = fromTitle(d.log);
    const index = started.map((t) => blocks.findIndex((b) => b.includes(t)));
    expect(index.every((i) => i >= 0), JSON.stringify(started)).toBe(true);
    expect(started[0]).toBe('2006年政府重点工作');
    for (let i = 1; i < index.length; i++) expect(index[i]!).toBeGreaterThanOrEqual(index[i - 1]!);
    await bar.getByRole('button', { name: '停止', exact: true }).click();
  });
});
