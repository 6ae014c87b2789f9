import { startServer } from '../support/server.mjs';
import { clickInToolbar, clickToolbarButton, expect, extensionPage, test, toolbarVisible, waitForReport } from './fixtures';

/** Firefox: the same trust boundaries as in Chromium (tests/e2e/security-*.spec.ts). */

interface Attack {
  clicks: number;
  messages: string[];
  events: string[];
}

test('Firefox: a hostile page’s synthetic clicks and keys on the toolbar change nothing', async ({ ffPage: page, ffServer, firefox }) => {
  const ext = await extensionPage(firefox);
  const settings = () =>
    ext.evaluate(async () => {
      const all = await (globalThis as unknown as { browser: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).browser.storage.local.get(null);
      return JSON.stringify(Object.entries(all).filter(([k]) => k === 'settings.global' || k.startsWith('site:')).sort());
    });
  try {
    await page.goto(`${ffServer.url}/security/operate-toolbar.html`, { waitUntil: 'load' });
    await expect.poll(() => page.evaluate(() => (window as unknown as { attack: Attack }).attack.clicks)).toBeGreaterThan(5);
    expect(await toolbarVisible(page)).toBe(false);
    // The user opens the toolbar; the page then hammers every control of it.
    await clickInToolbar(page, '.kj-launcher');
    await expect.poll(() => toolbarVisible(page)).toBe(true);
    const before = await settings();
    const pagesBefore = (await firefox.pages()).length;
    const clicks = await page.evaluate(() => (window as unknown as { attack: Attack }).attack.clicks);
    await expect.poll(() => page.evaluate(() => (window as unknown as { attack: Attack }).attack.clicks), { timeout: 30_000 }).toBeGreaterThan(clicks + 400);
    await page.evaluate(() => clearInterval((window as unknown as { attackTimer: number }).attackTimer));
    await new Promise((r) => setTimeout(r, 300));
    expect(await settings()).toBe(before);
    expect((await firefox.pages()).length).toBe(pagesBefore);
    expect(await page.$eval('#text', (p) => p.textContent)).toBe('以加强科技创新为突破口，推动经济发展。加快产业优化升级。');
    expect(await toolbarVisible(page)).toBe(true);
    const attack = await page.evaluate(() => (window as unknown as { attack: Attack }).attack);
    expect(attack.messages).toEqual([]);
    expect(attack.events).toEqual([]);
  } finally {
    await clickInToolbar(page, '[data-control=exit]').catch(() => undefined);
    await ext.close();
  }
});

test('Firefox: a page embedding another site’s frame hears nothing of it during an audit', async ({ ffPage: page, ffServer, firefox }) => {
  const other = await startServer();
  try {
    await page.goto(`${ffServer.url}/security/frame-leak.html?frame=${encodeURIComponent(`${other.url}/security/frame-secret.html`)}`, { waitUntil: 'load' });
    const frame = await (await page.waitForSelector('#other'))!.contentFrame();
    await frame!.waitForSelector('#secret-input');
    await clickInToolbar(page, '.kj-launcher');
    await expect.poll(() => toolbarVisible(page)).toBe(true);
    const known = new Set(await firefox.pages());
    await clickToolbarButton(page, '无障碍检查');
    const report = await waitForReport(firefox, known);
    const selectors = await report.$$eval('#violations article[data-rule="image-alt"] code.selector', (els) => els.map((e) => e.textContent ?? ''));
    expect(selectors.some((s) => s.includes('#other') && s.includes('#secret-img'))).toBe(true);
    await report.close();
    const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
    expect(heard.filter((m) => m.includes('SECRET'))).toEqual([]);
  } finally {
    await clickInToolbar(page, '[data-control=exit]').catch(() => undefined);
    await other.close();
  }
});
