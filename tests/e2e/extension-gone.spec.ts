import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, findChromium } from '../support/browsers.mjs';
import { EXTENSION_DIR, expect, test, toolbar } from './fixtures';

/**
 * When kanjian is updated, disabled or removed, the script left in an open page must take everything
 * of kanjian off it: converted text, colour schemes, zoom, text size, injected styles, the toolbar and
 * its push-down. This test reloads the extension (as an update does) in a browser of its own.
 */

/** The page as its author made it: the DOM without kanjian's elements, and computed styles. */
async function pageAsAuthored(page: Page) {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    for (const el of [...clone.querySelectorAll('*')]) if (el.localName.startsWith('kanjian-') || el.id.startsWith('kanjian-')) el.remove();
    const styles = [document.documentElement, ...document.body.querySelectorAll('*')].map((el) => {
      const cs = getComputedStyle(el);
      return [el.localName, cs.fontSize, cs.lineHeight, cs.color, cs.backgroundColor, cs.cursor, cs.zoom, cs.marginTop, cs.letterSpacing].join(' ');
    });
    return { html: clone.outerHTML, styles, lang: document.documentElement.lang };
  });
}

test('an extension update leaves the page exactly as it was: text, styles, toolbar, push-down all gone', async ({ server }) => {
  test.setTimeout(90_000);
  const profile = mkdtempSync(join(tmpdir(), 'kanjian-gone-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium() ?? undefined,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    args: chromiumArgs(EXTENSION_DIR),
  });
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = await context.newPage();
    await page.goto(server.url + '/zhonglou-2006.html');
    await expect(page.getByRole('button', { name: '无障碍浏览' })).toBeVisible();
    const original = await pageAsAuthored(page);

    // The user switches on text size, zoom, a colour scheme, spacing, the big cursor and 繁体.
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    const bar = toolbar(page);
    await bar.getByRole('button', { name: '文字放大' }).click();
    await bar.getByRole('button', { name: '页面放大' }).click();
    await bar.getByRole('button', { name: '文字间距' }).click();
    await bar.getByRole('button', { name: '配色', exact: true }).click();
    await page.getByRole('menu', { name: '配色' }).getByRole('menuitemradio', { name: '黑底黄字' }).click();
    await bar.getByRole('button', { name: '繁简转换' }).click();
    await expect(page.locator('h1').first()).not.toHaveText(original.html.match(/<h1[^>]*>([^<]*)</)?.[1] ?? '');
    const changed = await pageAsAuthored(page);
    expect(changed.html).not.toBe(original.html);
    expect(changed.styles).not.toEqual(original.styles);

    // The extension is reloaded, as an update does; the old script stays in the page with a dead runtime.
    await sw.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await page.waitForTimeout(500);
    // The person comes back to the page (focus, a key): kanjian notices it is gone and cleans up.
    await page.bringToFront();
    await page.keyboard.press('Shift');
    await expect.poll(async () => (await pageAsAuthored(page)).html, { timeout: 10_000 }).toBe(original.html);
    const after = await pageAsAuthored(page);
    expect(after.styles).toEqual(original.styles);
    expect(after.lang).toBe(original.lang);
    expect(await page.locator('kanjian-toolbar').count()).toBe(0);
    expect(await page.evaluate(() => [...document.querySelectorAll('style')].filter((s) => s.id.startsWith('kanjian-')).length)).toBe(0);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
