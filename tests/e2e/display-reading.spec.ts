import type { Page } from '@playwright/test';
import { expect, test, toolbar } from './fixtures';
import { announced, axeToolbar, button, choose, DEMO, diffSnapshots, HOSTILE, openToolbar, snapshot, framesShownWrong, watchFramesFromStart } from './display-helpers';

const reader = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('kanjian-reader')?.shadowRoot;
    const s = root?.querySelector('.scroller') as HTMLElement | null | undefined;
    if (!s) return null;
    const r = s.getBoundingClientRect();
    const p = s.querySelector('p');
    return {
      top: r.top,
      bottom: r.bottom,
      width: r.width,
      text: s.textContent ?? '',
      title: s.querySelector('h1')?.textContent ?? '',
      paragraphs: s.querySelectorAll('p').length,
      fontSize: p ? parseFloat(getComputedStyle(p).fontSize) : 0,
      bg: getComputedStyle(s).backgroundColor,
      color: getComputedStyle(s).color,
      bodyVisibility: getComputedStyle(document.querySelector('article, main, body p') ?? document.body).visibility,
      toolbarBottom: document.querySelector('kanjian-toolbar')!.shadowRoot!.querySelector('[role=toolbar]')!.getBoundingClientRect().bottom,
      label: s.getAttribute('aria-label'),
    };
  });

test.describe('text mode (纯文本)', () => {
  test('demo page: the article as a large linear reading view below the toolbar; leaving restores the page and its scroll position exactly', async ({ page, server }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    await page.evaluate(() => window.scrollTo(0, 900));
    const original = await snapshot(page);
    await button(page, '纯文本').click();
    await announced(page, '已进入纯文本模式');
    await expect(button(page, '纯文本')).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await reader(page))?.paragraphs ?? 0).toBeGreaterThan(15);
    const r = (await reader(page))!;
    expect(r.title).toBe('2006年政府重点工作');
    expect(r.text).toContain('加快产业优化升级');
    expect(r.text).toContain('一、转变增长方式');
    expect(r.text).not.toContain('走进钟楼'); // no navigation
    expect(r.text).not.toContain('打印本页');
    expect(r.fontSize).toBeGreaterThanOrEqual(22);
    expect(r.width).toBe(1280);
    expect(Math.abs(r.top - r.toolbarBottom)).toBeLessThanOrEqual(1);
    expect(r.bottom).toBe(800);
    expect(r.bodyVisibility).toBe('hidden');
    expect(r.label).toBe('纯文本：2006年政府重点工作');
    // The view follows the colour scheme and the text size.
    await choose(page, '配色', '黑底黄字');
    await button(page, '文字放大').click();
    await expect.poll(async () => (await reader(page))?.fontSize).toBe(27.5);
    expect((await reader(page))!.bg).toBe('rgb(0, 0, 0)');
    expect((await reader(page))!.color).toBe('rgb(255, 255, 0)');
    // Keyboard: the view is focusable and scrolls with the arrow keys.
    await page.evaluate(() => (document.querySelector('kanjian-reader')!.shadowRoot!.querySelector('.scroller') as HTMLElement).focus());
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.evaluate(() => document.querySelector('kanjian-reader')!.shadowRoot!.querySelector('.scroller')!.scrollTop)).toBeGreaterThan(100);
    expect(await axeToolbar(page)).toEqual([]);
    await button(page, '文字缩小').click();
    await choose(page, '配色', '原始配色');
    await button(page, '纯文本').click();
    await announced(page, '已退出纯文本模式');
    await expect(page.locator('kanjian-reader')).toHaveCount(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(900);
    await expect.poll(async () => diffSnapshots(original, await snapshot(page))).toEqual([]);
  });

  test('images appear as their alt text; the mode is remembered and the page stays hidden from the first paint on reload', async ({ page, server }) => {
    await page.goto(server.url + HOSTILE);
    await openToolbar(page);
    await button(page, '纯文本').click();
    await expect.poll(async () => (await reader(page))?.text ?? '').toContain('〔图片：钟楼夜景〕');
    expect((await reader(page))!.text).not.toContain('evil');
    // Every frame that shows the page shows it hidden behind the reading view (body text invisible).
    await watchFramesFromStart(page, (doc) => getComputedStyle(doc.body.querySelector('p') ?? doc.body).visibility === 'hidden');
    await page.reload();
    await expect(toolbar(page)).toBeVisible();
    await expect.poll(async () => (await reader(page))?.text ?? '').toContain('钟楼区位于常州市中心');
    const frames = await framesShownWrong(page);
    expect(frames.all).toBeGreaterThan(0);
    expect(frames.wrong).toBe(0);
  });
});

test.describe('regions (区域跳转)', () => {
  /** An independent reading of the page's landmarks and h1–h3, in document order. */
  const expected = (page: Page) =>
    page.evaluate(() => {
      const names: Record<string, string> = { banner: '页眉', navigation: '导航', main: '正文', contentinfo: '页脚', search: '搜索', complementary: '侧栏' };
      const out: string[] = [];
      for (const e of document.body.querySelectorAll('header, nav, main, aside, footer, [role], h1, h2, h3')) {
        if (e.closest('kanjian-toolbar') || !e.getClientRects().length) continue;
        let role = e.getAttribute('role') ?? { header: 'banner', nav: 'navigation', main: 'main', aside: 'complementary', footer: 'contentinfo' }[e.localName] ?? '';
        if ((role === 'banner' || role === 'contentinfo') && !e.hasAttribute('role') && e.parentElement!.closest('article, aside, main, nav, section')) role = '';
        const label = e.getAttribute('aria-label');
        if (names[role]) out.push(label ? `${names[role]}：${label}` : names[role]!);
        else if (/^h[123]$/.test(e.localName)) out.push(`${{ h1: '一级标题', h2: '二级标题', h3: '三级标题' }[e.localName]}：${(e as HTMLElement).innerText.replace(/\s+/g, ' ').trim()}`);
      }
      return out;
    });

  for (const p of [DEMO, '/corpus/bad/after/home.html', '/corpus/bad/after/news.html', '/corpus/bad/before/home.html']) {
    test(`${p}: the menu lists the page's landmarks and headings`, async ({ page, server }) => {
      await page.goto(server.url + p);
      await openToolbar(page);
      await button(page, '区域跳转').click();
      const menu = page.getByRole('menu', { name: '区域跳转' });
      await expect(menu).toBeVisible();
      const items = await menu.getByRole('menuitem').allTextContents();
      const want = await expected(page);
      if (want.length) expect(items.map((s) => s.trim())).toEqual(want);
      else expect(items.map((s) => s.trim())).toEqual(['此页没有可跳转的区域']);
      if (p === DEMO) expect(want).toEqual(expect.arrayContaining(['导航：主导航', '正文', '页脚', '一级标题：2006年政府重点工作']));
      expect(await axeToolbar(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(button(page, '区域跳转')).toBeFocused();
    });
  }

  test('demo page: jumping by keyboard moves focus to the region (tabindex=-1 only while it has focus) and shows it below the toolbar', async ({ page, server }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const btn = button(page, '区域跳转');
    await btn.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem').first()).toBeFocused();
    // ↓ to 正文, then Enter.
    const items = await page.getByRole('menuitem').allTextContents();
    for (let i = 0; i < items.indexOf('正文'); i++) await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: '正文' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#content')).toBeFocused();
    await expect(page.locator('main#content')).toHaveAttribute('tabindex', '-1');
    // Tab moves on into the page's main content; the temporary tabindex goes.
    await page.keyboard.press('Tab');
    await expect(page.locator('main#content')).not.toHaveAttribute('tabindex', /.*/);
    // A heading far down the page: focused and scrolled to just below the toolbar.
    await btn.click();
    await page.getByRole('menuitem', { name: '二级标题：四、注重统筹发展,着力构建和谐社会' }).click();
    const h2 = page.locator('h2', { hasText: '四、注重统筹发展' });
    await expect(h2).toBeFocused();
    const [top, barBottom] = await h2.evaluate((e) => [e.getBoundingClientRect().top, document.querySelector('kanjian-toolbar')!.shadowRoot!.querySelector('[role=toolbar]')!.getBoundingClientRect().bottom]);
    expect(top).toBeGreaterThanOrEqual(barBottom - 1);
    expect(top).toBeLessThan(barBottom + 60);
  });
});
