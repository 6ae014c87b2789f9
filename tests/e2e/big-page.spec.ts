import type { Page } from '@playwright/test';
import * as OpenCC from 'opencc-js';
import { expect, test, toolbar } from './fixtures';

// A generated page of 80,000 elements (tests/fixtures/generate/big-page.mjs): 繁简转换 works on screen
// first, then in slices; the whole page must still end converted and come back byte for byte.
const BIG = '/generated/big-80k.html';
const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Every non-blank text node of the body, in order (the body holds none of kanjian's own UI). */
function texts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) if (n.nodeValue!.trim()) out.push(n.nodeValue!);
    return out;
  });
}

const body = (page: Page): Promise<string> => page.evaluate(() => document.body.outerHTML);

test.describe('繁体版 on an 80,000-element page', () => {
  test.setTimeout(180_000);

  test('the whole page ends converted (text and attributes as opencc-js), and restore gives back the exact page', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + BIG);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThanOrEqual(80000);
    const before = await texts(page);
    const htmlBefore = await body(page);
    const expected = before.map((t) => toTw(t));
    const altBefore = await page.locator('img').last().getAttribute('alt');
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    await toolbar(page).getByRole('button', { name: '繁简转换' }).click();
    // What is on screen first, the rest after; in the end every text node is converted.
    await expect.poll(async () => (await texts(page)).join('\n') === expected.join('\n'), { timeout: 120_000 }).toBe(true);
    expect(await page.locator('#last').textContent()).toBe('最後一條：頭髮、皇后、面子');
    expect(await page.locator('img').last().getAttribute('alt')).toBe(toTw(altBefore!));
    const titles = await page.locator('nav a').evaluateAll((as) => as.map((a) => a.getAttribute('title')));
    expect(titles.length).toBe(40);
    expect(titles[0]).toBe(toTw('栏目0：国务院办公厅关于进一步加强软件发布与网络安全管理的通知'));
    // The converted content says it is 繁體 (on its pieces: see page-converter.ts, convertContainer).
    await expect(page.locator('#s0')).toHaveAttribute('lang', 'zh-TW');
    await expect(page.locator('footer')).toHaveAttribute('lang', 'zh-TW');

    await page.getByRole('toolbar', { name: '無障礙工具列' }).getByRole('button', { name: '繁簡轉換' }).click();
    await expect.poll(() => body(page), { timeout: 120_000 }).toBe(htmlBefore);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('#s0')).not.toHaveAttribute('lang');
    expect(pageErrors).toEqual([]);
  });

  test('what the page adds right after the click, while the dictionary is still loading, is converted too', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + BIG);
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    const press = toolbar(page).getByRole('button', { name: '繁简转换' });
    await expect(press).toBeVisible();
    // At the next click, the page adds a section to <main> (cut into pieces, so no piece planned at
    // the click holds it) a few times in the first 80 ms: while the dictionary loads.
    await page.evaluate(() => {
      addEventListener(
        'click',
        () => {
          for (const [i, ms] of [0, 10, 20, 40, 60, 80].entries()) {
            setTimeout(() => {
              const s = document.createElement('section');
              s.className = 'late';
              s.textContent = `后来的头条${i}`;
              document.querySelector('main')!.append(s);
            }, ms);
          }
        },
        { capture: true, once: true },
      );
    });
    await press.click();
    await expect(page.locator('#last')).toHaveText('最後一條：頭髮、皇后、面子', { timeout: 120_000 });
    await expect.poll(() => page.locator('section.late').allTextContents(), { timeout: 10_000 }).toEqual([0, 1, 2, 3, 4, 5].map((i) => `後來的頭條${i}`));
    expect(pageErrors).toEqual([]);
  });

  test('switching back while the slices still run restores the exact page; switching on again converts it all', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + BIG);
    const htmlBefore = await body(page);
    const expected = (await texts(page)).map((t) => toTw(t));
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    await toolbar(page).getByRole('button', { name: '繁简转换' }).click();
    // The button is relabelled as soon as the screen shows 繁體: press it again at once.
    const back = page.getByRole('toolbar', { name: '無障礙工具列' }).getByRole('button', { name: '繁簡轉換' });
    await back.click();
    await expect.poll(() => body(page), { timeout: 120_000 }).toBe(htmlBefore);
    // Stays restored: nothing left running converts more.
    await page.waitForTimeout(1000);
    expect(await body(page)).toBe(htmlBefore);
    await toolbar(page).getByRole('button', { name: '繁简转换' }).click();
    await expect.poll(async () => (await texts(page)).join('\n') === expected.join('\n'), { timeout: 120_000 }).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});

/** The computed font size of every element that holds text of its own, in document order. */
function ownTextSizes(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const out: number[] = [];
    for (const el of document.body.getElementsByTagName('*')) {
      if ([...el.childNodes].some((c) => c.nodeType === 3 && c.nodeValue!.trim())) out.push(parseFloat(getComputedStyle(el).fontSize));
    }
    return out;
  });
}

test.describe('文字放大 and 页面放大 on an 80,000-element page', () => {
  test.setTimeout(180_000);

  test('文字放大 ends with every piece of text 125 % of its size (on screen and far below), and 文字还原 gives back the exact page', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + BIG);
    const sizes = await ownTextSizes(page);
    expect(sizes.length).toBeGreaterThan(40000);
    const htmlBefore = await body(page);
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    await toolbar(page).getByRole('button', { name: '文字放大', exact: true }).click();
    const want = sizes.map((s) => Math.round(s * 1.25 * 100) / 100);
    await expect.poll(async () => (await ownTextSizes(page)).map((s) => Math.round(s * 100) / 100).join(',') === want.join(','), { timeout: 120_000 }).toBe(true);
    await toolbar(page).getByRole('button', { name: '文字还原', exact: true }).click();
    await expect.poll(() => body(page), { timeout: 120_000 }).toBe(htmlBefore);
    expect(await ownTextSizes(page)).toEqual(sizes);
    expect(pageErrors).toEqual([]);
  });

  test('页面放大 still pulls a box that sticks out back into the window on a big page, and 页面还原 gives back the exact page', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + BIG);
    // A box held at the right edge in px: zoomed, it ends past the window unless moved back.
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'edge-box';
      box.textContent = '右侧浮动框';
      box.style.cssText = 'position:absolute;top:10px;left:1100px;width:150px';
      document.body.append(box);
    });
    const htmlBefore = await body(page);
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    for (let i = 0; i < 4; i++) await toolbar(page).getByRole('button', { name: '页面放大', exact: true }).click(); // 110, 125, 150, 175 %
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).zoom), { timeout: 60_000 }).toBe('1.75');
    await expect.poll(() => page.evaluate(() => document.getElementById('edge-box')!.getBoundingClientRect().right <= innerWidth + 1), { timeout: 120_000 }).toBe(true);
    await toolbar(page).getByRole('button', { name: '页面还原', exact: true }).click();
    await expect.poll(() => body(page), { timeout: 120_000 }).toBe(htmlBefore);
    expect(pageErrors).toEqual([]);
  });
});
