import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from '../support/server.mjs';
import { expect, hasHorizontalScrollbar, test, toolbar } from './fixtures';

// The W3C WAI "Before and After Demonstration" site, read from ../shared (not copied into the repo).
const pages = ['before', 'after'].flatMap((v) =>
  readdirSync(join(SHARED, 'corpus', 'bad', v))
    .filter((f) => f.endsWith('.html'))
    .map((f) => `${v}/${f}`),
);

test.describe('toolbar on the W3C BAD pages', () => {
  for (const p of pages) {
    test(`BAD ${p}: toolbar opens, text grows 1.5×, no horizontal scrollbar, no page errors`, async ({ page, server, pageErrors }) => {
      await page.goto(`${server.url}/corpus/bad/${p}`);
      await page.getByRole('button', { name: '无障碍浏览' }).click();
      await expect(toolbar(page)).toBeVisible();
      // Font sizes of every visible element with text of its own (what a reader sees), in document order.
      const sizes = () =>
        page.locator('body *').evaluateAll((els) =>
          els
            .filter((e) => e.getClientRects().length > 0 && [...e.childNodes].some((n) => n.nodeType === 3 && n.nodeValue!.trim()))
            .filter((e) => !e.closest('kanjian-toolbar'))
            .map((e) => parseFloat(getComputedStyle(e).fontSize)),
        );
      const before = await sizes();
      expect(before.length).toBeGreaterThan(5);
      const larger = toolbar(page).getByRole('button', { name: '文字放大' });
      await larger.click();
      await larger.click();
      await expect
        .poll(async () => {
          const after = await sizes();
          return after.length === before.length ? Math.min(...after.map((a, i) => a / before[i]!)) : 0;
        })
        .toBeGreaterThanOrEqual(1.49);
      expect(await hasHorizontalScrollbar(page)).toBe(false);
      expect(pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    });
  }
});
