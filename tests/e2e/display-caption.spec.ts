import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { captionBand } from './overlay-helpers';
import { announced, choose, DEMO, diffSnapshots, openToolbar, snapshot } from './display-helpers';

/** The band as the user sees it (read from kanjian's own world: the band's shadow root is closed to the page). */
async function band(serviceWorker: Worker, page: Page) {
  const c = await captionBand(serviceWorker, page);
  if (!c) return null;
  const { band: b, text: t } = c;
  return {
    top: b.y,
    bottom: b.y + b.h,
    width: b.w,
    height: b.h,
    text: t.text,
    mode: t.mode,
    fontSize: t.fontSize,
    fits: t.fits,
    ruby: t.ruby,
    padding: await page.evaluate(() => getComputedStyle(document.documentElement).paddingBottom),
  };
}

/** Moves the pointer over the middle of the element's first line of text. */
async function hover(page: Page, selector: string): Promise<string> {
  const el = page.locator(selector).first();
  await el.scrollIntoViewIfNeeded();
  const box = await el.evaluate((e) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    const r = range.getClientRects()[0]!;
    return { x: r.x + Math.min(40, r.width / 2), y: r.y + r.height / 2 };
  });
  await page.mouse.move(box.x - 3, box.y);
  await page.mouse.move(box.x, box.y);
  return el.evaluate((e) => e.textContent!.replace(/\s+/g, ' ').trim());
}

test.describe('caption band (显示屏)', () => {
  test('简体: a band fixed at the bottom shows the hovered paragraph in 30–80 px type; the page is padded so nothing hides behind it', async ({ page, server, serviceWorker }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const original = await snapshot(page);
    await choose(page, '显示屏', '简体');
    await announced(page, '显示屏已开启：简体');
    let b = (await band(serviceWorker, page))!;
    expect(b.bottom).toBe(800);
    expect(b.width).toBe(1280);
    expect(b.height).toBeGreaterThanOrEqual(120);
    expect(b.height).toBeLessThanOrEqual(260);
    expect(parseFloat(b.padding)).toBeCloseTo(b.height, 0);
    // A short paragraph: shown whole, as large as fits.
    const short = await hover(page, 'article.article p');
    await expect.poll(async () => (await band(serviceWorker, page))?.text).toBe(short);
    b = (await band(serviceWorker, page))!;
    expect(b.fontSize).toBeGreaterThanOrEqual(30);
    expect(b.fontSize).toBeLessThanOrEqual(80);
    expect(b.fits).toBe(true);
    // A short label gets the largest size.
    const logo = await hover(page, '.logo');
    await expect.poll(async () => (await band(serviceWorker, page))?.text).toBe(logo);
    expect((await band(serviceWorker, page))!.fontSize).toBe(80);
    // A long paragraph: the sentence under the pointer, from that paragraph.
    const long = await hover(page, 'article.article p:nth-of-type(3)');
    await expect.poll(async () => (await band(serviceWorker, page))?.text.length ?? 0).toBeGreaterThan(5);
    b = (await band(serviceWorker, page))!;
    expect(long.length).toBeGreaterThan(b.text.length);
    expect(long).toContain(b.text);
    expect(b.fits).toBe(true);
    // Keyboard focus counts too.
    await page.locator('.mainnav a').nth(1).focus();
    await expect.poll(async () => (await band(serviceWorker, page))?.text).toBe('走进钟楼');
    // The page's last line can scroll above the band.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const lastBottom = await page.locator('.footer p').last().evaluate((e) => e.getBoundingClientRect().bottom);
    expect(lastBottom).toBeLessThanOrEqual((await band(serviceWorker, page))!.top + 1);
    await choose(page, '显示屏', '关闭显示屏');
    await announced(page, '显示屏已关闭');
    await expect(page.locator('kanjian-caption')).toHaveCount(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(async () => diffSnapshots(original, await snapshot(page))).toEqual([]);
  });

  test('繁體 and 拼音: the same text through the 繁体版 engine, and with tone marks over each character (钟楼 → zhōng lóu)', async ({ page, server, serviceWorker }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    await choose(page, '显示屏', '繁體');
    await hover(page, '.logo');
    await expect.poll(async () => (await band(serviceWorker, page))?.text).toBe('★ 常州市鐘樓區人民政府');
    expect((await band(serviceWorker, page))!.mode).toBe('traditional');
    const para = await hover(page, 'article.article p');
    await expect.poll(async () => (await band(serviceWorker, page))?.text).toContain('經濟');
    expect((await band(serviceWorker, page))!.text.length).toBe(para.length);
    await choose(page, '显示屏', '拼音');
    await hover(page, '.logo');
    await expect.poll(async () => (await band(serviceWorker, page))?.mode).toBe('pinyin');
    await expect.poll(async () => (await band(serviceWorker, page))?.ruby.length).toBe(10);
    const ruby = (await band(serviceWorker, page))!.ruby;
    const i = ruby.findIndex(([base]) => base === '钟');
    expect(ruby.slice(i, i + 2)).toEqual([
      ['钟', 'zhōng'],
      ['楼', 'lóu'],
    ]);
    const b = (await band(serviceWorker, page))!;
    expect(b.fits).toBe(true);
    expect(b.fontSize).toBeGreaterThanOrEqual(30);
    // 重点 is read zhòng diǎn in context.
    await hover(page, 'article.article h1');
    await expect.poll(async () => (await band(serviceWorker, page))?.ruby.find(([base]) => base === '重')?.[1]).toBe('zhòng');
  });

  test('繁體 follows the chosen Traditional variant and the user’s phrases, as the page itself would (one converter)', async ({ page, server, serviceWorker }) => {
    // 香港 chosen in the options, and one phrase of the user's own.
    await serviceWorker.evaluate(() =>
      chrome.storage.local.set({ 'settings.global': { traditionalTarget: 'hk', phrasesToTraditional: ['钟楼区 鐘樓（區）'] } }),
    );
    await page.goto(server.url + '/display/caption-variant.html');
    await openToolbar(page);
    await choose(page, '显示屏', '繁體');
    await hover(page, '#noodles');
    // cn→hk writes 這裏…麪條; cn→tw would show 這裡…麵條.
    await expect.poll(async () => (await band(serviceWorker, page))?.text).toBe('這裏的麪條很好吃');
    await hover(page, '#notice');
    await expect.poll(async () => (await band(serviceWorker, page))?.text).toBe('鐘樓（區）政府發佈通知');
  });
});

