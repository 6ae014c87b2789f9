import { auditViaToolbar } from './audit-helpers';
import { expect, test } from './fixtures';
import { frameByElement } from './frames-helpers';

/**
 * 在页面中定位 for a finding inside another site's frame: the page scrolls the frame into view, the
 * frame scrolls to the element, and the element itself is outlined inside the frame (not the frame as
 * a whole). The finding's target is [iframe selector, selector inside]; the top frame hands the rest
 * to the frame's own kanjian through the background.
 */
test.describe('frames: locating an audit finding inside a frame', () => {
  test.setTimeout(120_000);

  test('a violation deep inside a long cross-origin frame is scrolled to and outlined inside the frame, not the frame as a whole', async ({ page, server, server2, extContext }) => {
    await page.goto(`${server.url}/audit/frames-outer.html?cross=${encodeURIComponent(`${server2.url}/audit/frame-locate-inner.html`)}`);
    const cross = await frameByElement(page, 'cross');
    await expect(cross.locator('#deep-input')).toBeAttached();
    const report = await auditViaToolbar(extContext, page);
    // The input without a label (rule "label"; another rule may name it too).
    const node = report.locator('#violations article[data-rule="label"] li.node').filter({ has: report.locator('code.selector', { hasText: '#deep-input' }) });
    await expect(node).toHaveCount(1);
    await expect(node.locator('code.selector')).toContainText('#cross');
    await node.getByRole('button', { name: '在页面中定位' }).click();
    await expect(report.locator('#status')).toHaveText('已在页面中标出该元素');

    // The page scrolled the frame into its viewport…
    await expect
      .poll(() => page.locator('#cross').evaluate((e) => {
        const r = e.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }))
      .toBe(true);
    // …and the frame scrolled to the input and outlined it, in the frame's own document.
    const inFrame = () =>
      cross.evaluate(() => {
        const el = document.querySelector('#deep-input')!;
        const r = el.getBoundingClientRect();
        const box = document.querySelector('kanjian-highlight')?.shadowRoot?.querySelector('.box')?.getBoundingClientRect();
        return { inView: r.top >= 0 && r.bottom <= innerHeight, el: { x: r.x, y: r.y }, box: box ? { x: box.x, y: box.y } : null, scrolled: scrollY };
      });
    await expect.poll(async () => (await inFrame()).box).not.toBeNull();
    const f = await inFrame();
    expect(f.inView).toBe(true);
    expect(f.scrolled).toBeGreaterThan(500);
    expect(Math.abs(f.box!.x - f.el.x)).toBeLessThan(2);
    expect(Math.abs(f.box!.y - f.el.y)).toBeLessThan(2);
    // The page itself outlines nothing: the frame was not the best we could do.
    await expect(page.locator('kanjian-highlight')).toHaveCount(0);
  });
});
