import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { button, diffSnapshots, openToolbar, snapshot } from './display-helpers';

// 页面放大 on a big page sets the parts off screen aside while the zoom changes, then gives them back
// (src/display/zoom-parts.ts): a generated page of 12,000 elements.
const BIG = '/generated/big-12000.html';
const PART = '[data-kj-zoom-part]';

/** Records, at every frame, the body's zoom and how many parts are set aside. */
async function watchFrames(page: Page): Promise<void> {
  await page.evaluate((part) => {
    const w = window as unknown as { __frames: Array<[string, number]> };
    w.__frames = [];
    const tick = (): void => {
      w.__frames.push([getComputedStyle(document.body).zoom, document.querySelectorAll(part).length]);
      if (w.__frames.length < 600) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, PART);
}

/** Whether every part is back and nothing of the run is left in the page (tags, rules, containment). */
const settled = (page: Page): Promise<boolean> =>
  page.evaluate((part) => {
    if (document.querySelector(part)) return false;
    const rules = [...(document.getElementById('kanjian-styles') as HTMLStyleElement | null)?.sheet?.cssRules ?? []].map((r) => r.cssText).join('');
    return !rules.includes('content-visibility') && !rules.includes('overflow-anchor');
  }, PART);

/** The element at a third of the window's width, 200 px down, and its top. */
const atReadingLine = (page: Page): Promise<{ text: string; top: number }> =>
  page.evaluate(() => {
    const el = document.elementFromPoint(innerWidth / 3, 200)!;
    return { text: `${el.closest('section')?.id ?? ''} ${el.textContent!.slice(0, 16)}`, top: Math.round(el.getBoundingClientRect().top) };
  });

test.describe('页面放大 on a big page, the screen first', () => {
  test.setTimeout(120_000);

  test('the screen shows the zoom while the parts off screen are still aside; all come back laid out, and 100 % gives back the exact page', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + BIG);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThanOrEqual(12000);
    await openToolbar(page);
    const original = await snapshot(page);
    const heightBefore = await page.evaluate(() => document.documentElement.scrollHeight);
    await watchFrames(page);
    await button(page, '页面放大').click();
    await expect.poll(() => settled(page), { timeout: 30_000 }).toBe(true);
    const frames = await page.evaluate(() => (window as unknown as { __frames: Array<[string, number]> }).__frames);
    // A frame showed the page zoomed with parts still aside; none showed parts aside before the zoom.
    expect(frames.some(([zoom, aside]) => zoom === '1.1' && aside > 0)).toBe(true);
    expect(frames.some(([zoom, aside]) => zoom !== '1.1' && aside > 0)).toBe(false);
    // Every part laid out at the new zoom: the last paragraph's text is 10 % bigger, the page taller.
    const last = await page.locator('#last').evaluate((el) => {
      const r = document.createRange();
      r.selectNodeContents(el);
      return { height: r.getBoundingClientRect().height, cv: getComputedStyle(el.closest('footer')!).contentVisibility };
    });
    expect(last.cv).toBe('visible');
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(heightBefore);
    const parts = await page.evaluate(() => [...document.querySelectorAll('main > section')].filter((s) => getComputedStyle(s).contentVisibility !== 'visible').length);
    expect(parts).toBe(0);

    await button(page, '页面缩小').click();
    await expect.poll(() => settled(page), { timeout: 30_000 }).toBe(true);
    await expect.poll(async () => diffSnapshots(original, await snapshot(page)), { timeout: 30_000 }).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(heightBefore);
    expect(pageErrors).toEqual([]);
  });

  for (const [what, url] of [
    ['a big page (parts set aside)', BIG],
    ['a smaller page (one step)', '/generated/big-4000.html'],
  ]) {
  test(`${what}: scrolled down, what the reader sees stays in place through the zoom (and while parts above come back)`, async ({ page, server, pageErrors }) => {
    await page.goto(server.url + url);
    await openToolbar(page);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await page.waitForTimeout(300);
    const before = await atReadingLine(page);
    await button(page, '页面放大').click();
    await expect.poll(() => settled(page), { timeout: 30_000 }).toBe(true);
    const after = await page.evaluate(
      (text: string) => {
        // The same element (by its text and section), wherever it is now.
        const [id, start] = [text.split(' ')[0]!, text.slice(text.indexOf(' ') + 1)];
        const section = document.getElementById(id)!;
        const el = [...section.querySelectorAll('*')].find((e) => e.textContent!.startsWith(start) && e.children.length === 0)!;
        return Math.round(el.getBoundingClientRect().top);
      },
      before.text,
    );
    // The zoom makes the text taller, so the line may sit a little lower; it does not leave the window.
    expect(after).toBeGreaterThanOrEqual(before.top - 40);
    expect(after).toBeLessThanOrEqual(before.top + 60);
    await button(page, '页面缩小').click();
    await expect.poll(() => settled(page), { timeout: 30_000 }).toBe(true);
    const back = await atReadingLine(page);
    expect(back.text.split(' ')[0]).toBe(before.text.split(' ')[0]);
    expect(pageErrors).toEqual([]);
  });
  }

  test('a second zoom while the first still gives parts back wins everywhere, to the last section', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + BIG);
    await openToolbar(page);
    await button(page, '页面放大').click();
    await button(page, '页面放大').click();
    await expect.poll(() => settled(page), { timeout: 30_000 }).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).zoom)).toBe('1.25');
    const ratio = await page.evaluate(() => {
      const a = document.querySelector('main > section:last-of-type h2')!;
      return a.getBoundingClientRect().height / parseFloat(getComputedStyle(a).lineHeight === 'normal' ? getComputedStyle(a).fontSize : getComputedStyle(a).lineHeight);
    });
    expect(ratio).toBeGreaterThan(1.2);
    expect(pageErrors).toEqual([]);
  });
});
