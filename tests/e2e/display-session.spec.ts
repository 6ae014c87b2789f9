import type { Page } from '@playwright/test';
import { expect, test, toolbar } from './fixtures';
import { announced, axeToolbar, button, choose, DEMO, diffSnapshots, openToolbar, snapshot } from './display-helpers';

const P = 'article.article p:not(.tools)';

/** Turns on every aid (each through its own control). */
async function everything(page: Page): Promise<void> {
  await button(page, '文字放大').click();
  await button(page, '页面放大').click();
  await choose(page, '行距', '1.8 倍行距');
  await button(page, '文字间距').click();
  await choose(page, '配色', '蓝底黄字');
  await choose(page, '大鼠标', '白色大鼠标');
  await choose(page, '线条颜色', '绿色');
  await button(page, '十字线').click();
  await choose(page, '显示屏', '拼音');
  await button(page, '纯文本').click();
  await page.mouse.move(300, 400);
  await expect(page.locator('kanjian-reader, kanjian-caption, kanjian-guide')).toHaveCount(3);
}

async function state(page: Page) {
  return page.evaluate((sel) => {
    const p = document.querySelector(sel)!;
    const cs = getComputedStyle(p);
    return {
      fontSize: parseFloat(cs.fontSize),
      lineHeight: parseFloat(cs.lineHeight) / parseFloat(cs.fontSize),
      zoom: getComputedStyle(document.body).zoom,
      bg: getComputedStyle(document.body).backgroundColor,
      cursor: cs.cursor.startsWith('url("data:image/svg+xml'),
      caption: !!document.querySelector('kanjian-caption'),
      reader: !!document.querySelector('kanjian-reader'),
      guide: !!document.querySelector('kanjian-guide'),
    };
  }, P);
}

test.describe('长辈模式, 重置, 帮助, 退出', () => {
  test('长辈模式: one press gives 150% text, line height 1.8, large cursor and the caption band; a second press undoes it', async ({ page, server }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const base = await state(page);
    const original = await snapshot(page);
    await button(page, '长辈模式').click();
    await expect(button(page, '长辈模式')).toHaveAttribute('aria-pressed', 'true');
    await announced(page, '长辈模式已开启：文字150%，1.8倍行距，大鼠标，显示屏');
    await expect.poll(async () => (await state(page)).fontSize).toBe(base.fontSize * 1.5);
    const s = await state(page);
    expect(s.lineHeight).toBeCloseTo(1.8, 2);
    expect(s.cursor).toBe(true);
    expect(s.caption).toBe(true);
    await button(page, '长辈模式').click();
    await expect(button(page, '长辈模式')).toHaveAttribute('aria-pressed', 'false');
    await announced(page, '长辈模式已关闭');
    await expect.poll(async () => diffSnapshots(original, await snapshot(page))).toEqual([]);
  });

  test('every aid survives a reload on this origin only; 重置 returns the page to its exact original computed styles', async ({ page, server, server2 }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const base = await state(page);
    const original = await snapshot(page);
    await everything(page);
    const on = await state(page);
    expect(on).toEqual({ fontSize: base.fontSize * 1.25, lineHeight: expect.closeTo(1.8, 2), zoom: '1.1', bg: 'rgb(0, 51, 153)', cursor: true, caption: true, reader: true, guide: true });
    await page.reload();
    await expect(toolbar(page)).toBeVisible();
    await expect.poll(() => state(page)).toEqual(on);
    await expect(button(page, '纯文本')).toHaveAttribute('aria-pressed', 'true');
    await expect(button(page, '十字线')).toHaveAttribute('aria-pressed', 'true');
    // Another origin: nothing carried over.
    const other = await page.context().newPage();
    await other.goto(server2.url + DEMO);
    await expect(other.getByRole('button', { name: '无障碍浏览' })).toBeVisible();
    expect(await state(other)).toEqual(base);
    await other.close();
    await button(page, '重置').click();
    await announced(page, '本网站的所有辅助功能已恢复默认');
    await expect(toolbar(page)).toBeVisible();
    await expect.poll(async () => diffSnapshots(original, await snapshot(page))).toEqual([]);
    expect(await state(page)).toEqual(base);
    // And it stays reset after a reload.
    await page.reload();
    await expect(toolbar(page)).toBeVisible();
    expect(await state(page)).toEqual(base);
  });

  test('退出 closes the toolbar, removes every aid (page exact, as before the toolbar) and gives focus to the launcher', async ({ page, server }) => {
    await page.goto(server.url + DEMO);
    const beforeToolbar = await snapshot(page);
    await openToolbar(page);
    await everything(page);
    await button(page, '退出').focus();
    await page.keyboard.press('Enter');
    await expect(toolbar(page)).toBeHidden();
    const launcher = page.getByRole('button', { name: '无障碍浏览' });
    await expect(launcher).toBeFocused();
    await announced(page, '已退出：工具栏已关闭，页面已还原');
    await expect.poll(async () => diffSnapshots(beforeToolbar, await snapshot(page))).toEqual([]);
    await expect(page.locator('kanjian-reader, kanjian-caption, kanjian-guide, [data-kj-fs], [data-kj-cur], [data-kj-reflow], [data-kj-unclip]')).toHaveCount(0);
    await expect(page.locator('style[id^="kanjian-"]')).toHaveCount(0);
    await page.reload();
    await expect(launcher).toBeVisible();
    await expect(toolbar(page)).toBeHidden();
    await expect.poll(async () => diffSnapshots(beforeToolbar, await snapshot(page))).toEqual([]);
  });

  test('帮助: a modal dialog listing every shortcut; focus is trapped inside; Esc closes it and focus returns; axe finds nothing', async ({ page, server }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const help = button(page, '帮助');
    await help.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '帮助与快捷键' });
    await expect(dialog).toBeVisible();
    const close = dialog.getByRole('button', { name: '关闭帮助' });
    await expect(close).toBeFocused();
    const rows = await dialog.locator('tbody th').allTextContents();
    for (const k of ['Alt+Shift+A', '← →', 'Home / End', 'Esc', '↓ / ↑', 'Tab / Shift+Tab']) expect(rows).toContain(k);
    await expect(dialog).toContainText('看见没有单键快捷键');
    // Tab and Shift+Tab stay inside the dialog.
    const region = dialog.getByRole('region', { name: '帮助与快捷键' });
    await page.keyboard.press('Tab');
    await expect(region).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(close).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(region).toBeFocused();
    expect(await axeToolbar(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(help).toBeFocused();
    // The close button closes it too.
    await help.click();
    await dialog.getByRole('button', { name: '关闭帮助' }).click();
    await expect(dialog).toBeHidden();
    await expect(help).toBeFocused();
  });

  test('toolbar: every control reachable by arrow keys, grouped, 44 px targets, axe clean with a menu open', async ({ page, server }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const bar = toolbar(page);
    const groups = await bar.getByRole('group').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')));
    expect(groups.slice(-1)).toEqual(['通用']);
    expect(groups).toEqual(expect.arrayContaining(['文字大小', '页面缩放', '间距', '配色', '指针', '阅读']));
    const names = await bar.getByRole('button').evaluateAll((bs) => bs.map((b) => (b.getAttribute('aria-label') ?? b.querySelector('.kj-label')!.textContent)!.trim()));
    const sizes = await bar.getByRole('button').evaluateAll((bs) => bs.map((b) => Math.min(b.getBoundingClientRect().width, b.getBoundingClientRect().height)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(44);
    // → visits every button once, in order, and wraps.
    await bar.getByRole('button').first().focus();
    const seen: string[] = [];
    for (let i = 0; i < names.length; i++) {
      seen.push(await page.evaluate(() => {
        const a = document.querySelector('kanjian-toolbar')!.shadowRoot!.activeElement as HTMLElement;
        return (a.getAttribute('aria-label') ?? a.querySelector('.kj-label')!.textContent)!.trim();
      }));
      await page.keyboard.press('ArrowRight');
    }
    expect(seen).toEqual(names);
    await expect(bar.getByRole('button').first()).toBeFocused();
    await button(page, '显示屏').click();
    await expect(page.getByRole('menu', { name: '显示屏' })).toBeVisible();
    expect(await axeToolbar(page)).toEqual([]);
    // ← in a menu closes it and moves along the toolbar.
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(button(page, '线条颜色')).toBeFocused();
    // A click outside closes an open menu.
    await button(page, '大鼠标').click();
    await expect(page.getByRole('menu', { name: '大鼠标' })).toBeVisible();
    await page.mouse.click(600, 600);
    await expect(page.getByRole('menu')).toHaveCount(0);
  });
});
