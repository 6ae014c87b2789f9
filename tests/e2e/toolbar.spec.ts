import { expect, fontSizePx, hasHorizontalScrollbar, test, toolbar } from './fixtures';

const DEMO = '/zhonglou-2006.html';
const ARTICLE_P = 'article.article p:not(.tools)';

test.describe('toolbar on the demo page', () => {
  test('launcher opens the toolbar; it is a labelled ARIA toolbar with big buttons that push the page down', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + DEMO);
    const launcher = page.getByRole('button', { name: '无障碍浏览' });
    await expect(launcher).toBeVisible();
    await expect(toolbar(page)).toBeHidden();
    const topBefore = await page.locator('.topbar').evaluate((el) => el.getBoundingClientRect().top);
    await launcher.click();
    const bar = toolbar(page);
    await expect(bar).toBeVisible();
    await expect(launcher).toBeHidden();
    for (const name of ['文字放大', '文字缩小', '文字还原', '关闭工具栏']) {
      const btn = bar.getByRole('button', { name });
      await expect(btn).toBeVisible();
      const box = await btn.boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(44);
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }
    // The page is pushed down by the toolbar's height, not covered.
    const barBox = await bar.boundingBox();
    expect(barBox!.y).toBe(0);
    const topAfter = await page.locator('.topbar').evaluate((el) => el.getBoundingClientRect().top);
    expect(topAfter - topBefore).toBeGreaterThanOrEqual(Math.floor(barBox!.height) - 1);
    // Focus went into the toolbar.
    await expect(bar.getByRole('button', { name: '文字放大' })).toBeFocused();
    expect(pageErrors).toEqual([]);
  });

  test('keyboard: the command opens it, Tab reaches it, arrows move, Esc leaves', async ({ page, server, serviceWorker }) => {
    await page.goto(server.url + DEMO);
    await page.locator('input[type=search]').focus();
    await serviceWorker.evaluate(() => (globalThis as unknown as { kanjianHandleCommand(c: string): Promise<boolean> }).kanjianHandleCommand('toggle-toolbar'));
    const bar = toolbar(page);
    await expect(bar).toBeVisible();
    const larger = bar.getByRole('button', { name: '文字放大' });
    await expect(larger).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(bar.getByRole('button', { name: '文字缩小' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(bar.getByRole('button', { name: '文字还原' })).toBeFocused();
    const last = bar.locator('button:visible').last();
    await page.keyboard.press('End');
    await expect(last).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(larger).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(last).toBeFocused();
    await page.keyboard.press('Home');
    await expect(larger).toBeFocused();
    // Roving tabindex: exactly one toolbar button is in the Tab order.
    const tabbable = await bar.getByRole('button').evaluateAll((els) => els.filter((e) => (e as HTMLElement).tabIndex === 0).length);
    expect(tabbable).toBe(1);
    // Esc gives focus back to the search box the user came from.
    await page.keyboard.press('Escape');
    await expect(page.locator('input[type=search]')).toBeFocused();
    // Tab from the page reaches the toolbar (it is last in the document) and lands on the roving button.
    await page.locator('.footer a').last().focus();
    await page.keyboard.press('Tab');
    await expect(larger).toBeFocused();
    // The command closes it again.
    await serviceWorker.evaluate(() => (globalThis as unknown as { kanjianHandleCommand(c: string): Promise<boolean> }).kanjianHandleCommand('toggle-toolbar'));
    await expect(bar).toBeHidden();
  });

  test('text size: two steps larger grows the article ≥1.4×, reflows without horizontal scrollbar, toolbar keeps its size', async ({ page, server }) => {
    await page.goto(server.url + DEMO);
    const before = await fontSizePx(page, ARTICLE_P);
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    const bar = toolbar(page);
    const btnBefore = await bar.getByRole('button', { name: '文字放大' }).evaluate((el) => getComputedStyle(el).fontSize);
    await bar.getByRole('button', { name: '文字放大' }).click();
    await bar.getByRole('button', { name: '文字放大' }).click();
    await expect.poll(() => fontSizePx(page, ARTICLE_P)).toBeGreaterThanOrEqual(before * 1.4);
    // Every paragraph and the metadata table grew, not just one element.
    // Every element that shows text of its own (what a reader sees) is at least 1.5× its 12 px minimum.
    const ratios = await page.locator('article p, article a, .meta th, .meta td, .mainnav a, .footer p').evaluateAll((els) =>
      els
        .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.nodeValue!.trim()))
        .map((e) => parseFloat(getComputedStyle(e).fontSize)),
    );
    expect(ratios.length).toBeGreaterThan(30);
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(12 * 1.5 - 0.5);
    expect(await hasHorizontalScrollbar(page)).toBe(false);
    const btnAfter = await bar.getByRole('button', { name: '文字放大' }).evaluate((el) => getComputedStyle(el).fontSize);
    expect(btnAfter).toBe(btnBefore);
    // The status region announces the change.
    await expect(page.getByRole('status').filter({ hasText: '文字大小已调整为150%' })).toHaveCount(1);
    // Reset gives back the page's own sizes exactly.
    await bar.getByRole('button', { name: '文字还原' }).click();
    await expect.poll(() => fontSizePx(page, ARTICLE_P)).toBe(before);
    expect(await page.locator('[data-kj-fs]').count()).toBe(0);
  });

  test('text size is remembered for this origin, applied before first paint, and not carried to another origin', async ({ page, server, server2 }) => {
    await page.goto(server.url + DEMO);
    const base = await fontSizePx(page, ARTICLE_P);
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    const larger = toolbar(page).getByRole('button', { name: '文字放大' });
    await larger.click();
    await larger.click();
    await expect.poll(() => fontSizePx(page, ARTICLE_P)).toBeGreaterThanOrEqual(base * 1.4);
    // No flash of the old size: the article's text is scaled no later than the first contentful paint.
    await page.addInitScript(() => {
      const w = window as unknown as { __scaledAt?: number };
      new MutationObserver((_, obs) => {
        if (document.querySelector('article p[data-kj-fs]')) {
          w.__scaledAt = performance.now();
          obs.disconnect();
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-kj-fs'] });
    });
    await page.reload();
    await expect(toolbar(page)).toBeVisible();
    expect(await fontSizePx(page, ARTICLE_P)).toBeGreaterThanOrEqual(base * 1.4);
    const timing = await page.evaluate(() => ({
      scaledAt: (window as unknown as { __scaledAt?: number }).__scaledAt ?? Infinity,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity,
    }));
    expect(timing.scaledAt).toBeLessThanOrEqual(timing.fcp);
    // Same page on another origin: defaults, toolbar closed.
    await page.goto(server2.url + DEMO);
    await expect(page.getByRole('button', { name: '无障碍浏览' })).toBeVisible();
    await expect(toolbar(page)).toBeHidden();
    expect(await fontSizePx(page, ARTICLE_P)).toBe(base);
  });

  test('popup shows the site state and toggles the toolbar', async ({ page, server, openPopup, browserLanguage }) => {
    await page.goto(server.url + DEMO);
    const popup = await openPopup(page);
    // The popup speaks the browser's language (the page's toolbar, the page's Chinese).
    const en = browserLanguage.startsWith('en');
    await expect(popup.getByText(server.url)).toBeVisible();
    await expect(popup.locator('#toolbar-state')).toHaveText(en ? 'Accessibility toolbar: closed' : '无障碍工具栏：已关闭');
    const toggle = popup.getByRole('button', { name: en ? 'Accessibility toolbar' : '无障碍工具栏' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.focus();
    await popup.keyboard.press('Enter');
    await expect(popup.locator('#toolbar-state')).toHaveText(en ? 'Accessibility toolbar: open' : '无障碍工具栏：已打开');
    await expect(toolbar(page)).toBeVisible();
    await toggle.press('Space');
    await expect(toolbar(page)).toBeHidden();
  });

  test('close button closes it and the launcher comes back with focus; no request leaves 127.0.0.1', async ({ page, server, requests, pageErrors }) => {
    await page.goto(server.url + DEMO);
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    await toolbar(page).getByRole('button', { name: '关闭工具栏' }).click();
    await expect(toolbar(page)).toBeHidden();
    await expect(page.getByRole('button', { name: '无障碍浏览' })).toBeFocused();
    const margin = await page.evaluate(() => getComputedStyle(document.documentElement).marginTop);
    expect(margin).toBe('0px');
    expect(requests.filter((u) => !u.startsWith('http://127.0.0.1:'))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

test('one press, one render: no button is relabelled when only a setting changes', async ({ page, server }) => {
  await page.goto(server.url + '/zhonglou-2006.html');
  await page.getByRole('button', { name: '无障碍浏览' }).click();
  await expect(toolbar(page)).toBeVisible();
  // Count every change to the buttons' visible labels while one button is pressed.
  await page.evaluate(() => {
    const root = document.querySelector('kanjian-toolbar')!.shadowRoot!;
    const w = window as unknown as { labelChanges: number };
    w.labelChanges = 0;
    new MutationObserver((records) => {
      for (const r of records) if ((r.target as Element).closest?.('.kj-label') || (r.target.parentElement?.closest('.kj-label') ?? null)) w.labelChanges++;
    }).observe(root, { subtree: true, childList: true, characterData: true });
  });
  await toolbar(page).getByRole('button', { name: '文字放大' }).click();
  await expect(page.getByRole('status').filter({ hasText: '125%' })).toHaveCount(1);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { labelChanges: number }).labelChanges)).toBe(0);
});
