// The keyboard walk in the extension's audit: after axe, the top frame is walked with Tab (keys
// emulated, kanjian's aids off as for axe, focus and scroll put back after). Its findings are in the
// report like any rule's, and the report's 键盘路径 view draws the numbered stops on the audited tab
// until it is turned off or the report closes.
import type { Page } from '@playwright/test';
import { auditViaToolbar, ruleIds } from './audit-helpers';
import { expect, test } from './fixtures';

/** What the tab-stops view drew on the page: each stop's number and circle centre, problem stops. */
async function drawnStops(page: Page): Promise<Array<{ n: string; x: number; y: number; bad: boolean }> | null> {
  return page.evaluate(() => {
    for (const host of Array.from(document.documentElement.children)) {
      const stops = host.shadowRoot?.querySelectorAll('[data-stop]');
      if (!stops?.length) continue;
      return Array.from(stops).map((s) => {
        const c = s.querySelector('circle')!.getBoundingClientRect();
        return { n: s.querySelector('text')!.textContent ?? '', x: c.x + c.width / 2 + scrollX, y: c.y + c.height / 2 + scrollY, bad: s.classList.contains('bad') };
      });
    }
    return null;
  });
}

test.describe('keyboard walk in the extension', () => {
  test.setTimeout(120_000);

  test('a keyboard trap is reported; the tab-stop view draws the numbered stops on the page and removes them', async ({ page, server, extContext }) => {
    await page.goto(`${server.url}/audit-rules/keyboard/trap.html`);
    // Scrolled a little: the walk scrolls to each stop, and must leave the page where it was.
    await page.evaluate(() => {
      document.body.style.minHeight = '3000px';
      window.scrollTo(0, 40);
    });
    const report = await auditViaToolbar(extContext, page);
    expect(await ruleIds(report, 'violations')).toContain('kanjian-keyboard-trap');
    const trap = report.locator('#violations article[data-rule="kanjian-keyboard-trap"]');
    await expect(trap.locator('h3 .help')).toHaveText('按 Tab 键必须能离开每个组件');
    await expect(trap.locator('.wcag')).toContainText('2.1.2');
    await expect(trap.locator('pre.summary')).toContainText('焦点在这 2 个元素之间循环');

    // Focus is back where the person left it (the toolbar's audit button) and the page did not move.
    const after = await page.evaluate(() => ({ active: document.activeElement?.tagName ?? '', y: scrollY }));
    expect(after.active).not.toBe('BODY');
    expect(after.y).toBe(40);

    // 键盘路径: the stops in order, the trap's first stop marked.
    const section = report.getByRole('region', { name: '键盘路径' });
    await expect(section.locator('#tab-stops-summary')).toHaveText('按 Tab 键依次经过 5 个停靠点（1 个有问题）。');
    await expect(section.locator('#tab-stops > li .stop-name')).toHaveText(['使用帮助', '加粗', '倾斜', '保存草稿', '发布']);
    expect(await drawnStops(page)).toBeNull();

    const toggle = section.getByRole('button', { name: '在页面上显示键盘路径' });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(report.locator('#status')).toHaveText(/已在被检查的页面上标出 5 个停靠点/);
    const drawn = (await drawnStops(page))!;
    expect(drawn.map((s) => s.n)).toEqual(['1', '2', '3', '4', '5']);
    expect(drawn.filter((s) => s.bad).map((s) => s.n)).toEqual(['2']);
    // Each number sits on its element.
    const boxes = await page.evaluate(() =>
      ['#before', '#bold', '#italic', '#after1', '#after2'].map((sel) => {
        const r = document.querySelector(sel)!.getBoundingClientRect();
        return { x: r.x + scrollX, y: r.y + scrollY, w: r.width, h: r.height };
      }),
    );
    drawn.forEach((s, i) => {
      const b = boxes[i]!;
      expect(s.x).toBeGreaterThanOrEqual(b.x - 1);
      expect(s.x).toBeLessThanOrEqual(b.x + b.w + 1);
      expect(s.y).toBeGreaterThanOrEqual(b.y - 1);
      expect(s.y).toBeLessThanOrEqual(b.y + b.h + 1);
    });
    // It takes no clicks from the page: what lies under the circle of stop 1 is still the link.
    const under = await page.evaluate(({ x, y }) => {
      window.scrollTo(0, Math.max(0, y - innerHeight / 2));
      return document.elementFromPoint(x - scrollX, y - scrollY)?.id ?? '';
    }, drawn[0]!);
    expect(under).toBe('before');

    // Off again with the same button.
    await report.bringToFront();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => drawnStops(page)).toBeNull();

    // On, then the report closes: the stops go with it.
    await toggle.click();
    await expect.poll(() => drawnStops(page).then((d) => d?.length ?? 0)).toBe(5);
    await report.close();
    await expect.poll(() => drawnStops(page)).toBeNull();
  });

  test('a script click does not turn the tab-stop view on', async ({ page, server, extContext }) => {
    await page.goto(`${server.url}/audit-rules/keyboard/order.html`);
    const report = await auditViaToolbar(extContext, page);
    await report.evaluate(() => (document.getElementById('tab-stops-toggle') as HTMLButtonElement).click());
    await expect(report.locator('#tab-stops-toggle')).toHaveAttribute('aria-pressed', 'false');
    await page.waitForTimeout(300);
    expect(await drawnStops(page)).toBeNull();
    expect(await ruleIds(report, 'violations')).toContain('kanjian-keyboard-order');
  });

  test('no keyboard finding on a clean portal page', async ({ page, server, extContext }) => {
    await page.goto(`${server.url}/audit-rules/clean/portal-home.html`);
    const report = await auditViaToolbar(extContext, page);
    const all = [...(await ruleIds(report, 'violations')), ...(await ruleIds(report, 'incomplete'))];
    expect(all.filter((r) => r.startsWith('kanjian-keyboard'))).toEqual([]);
    await expect(report.locator('#tab-stops > li').first()).toBeVisible();
  });
});
