import { expect, test } from './fixtures';
import { announced, BAD_PAGES, button, choose, clippedText, DEMO, diffSnapshots, hasHorizontalScroll, openToolbar, snapshot, textOverlaps } from './display-helpers';

const P = 'article.article p:not(.tools)';

async function metrics(page: import('@playwright/test').Page, sel: string) {
  return page.locator(sel).first().evaluate((e) => {
    const cs = getComputedStyle(e);
    return { fs: parseFloat(cs.fontSize), lh: parseFloat(cs.lineHeight), ls: parseFloat(cs.letterSpacing), ws: parseFloat(cs.wordSpacing), mb: parseFloat(cs.marginBottom) };
  });
}

test.describe('text spacing (行距, 文字间距)', () => {
  test('demo page: line height 1.5 / 1.8 / 2 and the WCAG 1.4.12 spacing, with text size too; no overlap or clipping; restores exactly', async ({ page, server }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const original = await snapshot(page);
    const overlapsBefore = await textOverlaps(page);
    for (const [item, k] of [['1.5 倍行距', 1.5], ['1.8 倍行距', 1.8], ['2 倍行距', 2]] as const) {
      await choose(page, '行距', item);
      await expect.poll(async () => {
        const m = await metrics(page, P);
        return Math.abs(m.lh - m.fs * k) < 0.5;
      }).toBe(true);
      // Every paragraph and heading of the page, not just one.
      const lhs = await page.locator('article p, article h2, .meta td, .mainnav a').evaluateAll((els, k) => els.map((e) => parseFloat(getComputedStyle(e).lineHeight) / parseFloat(getComputedStyle(e).fontSize)).filter((r) => Math.abs(r - k) > 0.02), k);
      expect(lhs).toEqual([]);
    }
    await announced(page, '行距已设为2倍');
    await button(page, '文字间距').click();
    await expect(button(page, '文字间距')).toHaveAttribute('aria-pressed', 'true');
    await announced(page, '已加大字距、词距和段距');
    await expect.poll(async () => {
      const m = await metrics(page, P);
      return [Math.abs(m.ls - 0.12 * m.fs) < 0.1, Math.abs(m.ws - 0.16 * m.fs) < 0.1, Math.abs(m.mb - 2 * m.fs) < 0.5];
    }).toEqual([true, true, true]);
    // With text size 150% the line height follows the bigger text (unitless), beating text size's px line heights.
    await button(page, '文字放大').click();
    await button(page, '文字放大').click();
    await expect.poll(async () => {
      const m = await metrics(page, '.meta td');
      return Math.abs(m.lh - 2 * m.fs) < 0.5 && m.fs >= 18;
    }).toBe(true);
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(await textOverlaps(page)).toEqual(overlapsBefore);
    expect(await clippedText(page)).toEqual([]);
    await button(page, '文字还原').click();
    await choose(page, '行距', '默认行距');
    await announced(page, '行距已恢复默认');
    await button(page, '文字间距').click();
    await expect.poll(async () => diffSnapshots(original, await snapshot(page))).toEqual([]);
  });

  for (const p of BAD_PAGES) {
    test(`BAD ${p}: line height 2 with letter, word and paragraph spacing: no text newly overlaps or is clipped`, async ({ page, server }) => {
      await page.goto(`${server.url}/corpus/bad/${p}`);
      await openToolbar(page);
      const clippedBefore = await clippedText(page);
      const overlapsBefore = await textOverlaps(page);
      await choose(page, '行距', '2 倍行距');
      await button(page, '文字间距').click();
      await expect.poll(() => page.locator('p').first().evaluate((e) => parseFloat(getComputedStyle(e).letterSpacing) > 0)).toBe(true);
      await page.waitForTimeout(100); // one frame for the unclip pass
      const clipped = (await clippedText(page)).filter((c) => !clippedBefore.some((b) => b.split(' ')[0] === c.split(' ')[0]));
      expect(clipped).toEqual([]);
      const overlaps = (await textOverlaps(page)).filter((o) => !overlapsBefore.includes(o));
      expect(overlaps).toEqual([]);
    });
  }
});
