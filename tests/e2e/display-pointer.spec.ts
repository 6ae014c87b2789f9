import { expect, test } from './fixtures';
import { guideLines } from './overlay-helpers';
import { announced, axeToolbar, button, choose, DEMO, diffSnapshots, HOSTILE, openToolbar, snapshot } from './display-helpers';

const cursorOf = (page: import('@playwright/test').Page, sel: string) => page.locator(sel).first().evaluate((e) => getComputedStyle(e).cursor);
const svgOf = (cursor: string) => {
  const m = /url\("data:image\/svg\+xml,([^"]+)"\) (\d+) (\d+), (\w+)/.exec(cursor);
  return m ? { svg: decodeURIComponent(m[1]!), x: Number(m[2]), y: Number(m[3]), fallback: m[4]! } : null;
};

test.describe('large cursor (大鼠标)', () => {
  test('every element gets a 48 px cursor of the right kind, including elements with their own cursor; off restores exactly', async ({ page, server }) => {
    await page.goto(server.url + HOSTILE);
    await openToolbar(page);
    const original = await snapshot(page);
    for (const [item, fill] of [['黑色大鼠标', '#000'], ['白色大鼠标', '#fff']] as const) {
      await choose(page, '大鼠标', item);
      await announced(page, '大鼠标已开启');
      const cases: Array<[string, string]> = [
        ['body', 'default'],
        ['p.low', 'default'],
        ['#title', 'default'],
        ['nav a[href="#a1"]', 'pointer'],
        ['#send', 'pointer'],
        ['#kind', 'pointer'],
        ['#clicky', 'pointer'], // the page's own cursor: pointer → big hand
        ['#movable', 'default'], // cursor: move → the big arrow
        ['#name', 'text'],
        ['#msg', 'text'],
        ['#photo', 'default'],
      ];
      for (const [sel, fallback] of cases) {
        await expect.poll(async () => svgOf(await cursorOf(page, sel))?.fallback, sel).toBe(fallback);
        const c = svgOf(await cursorOf(page, sel))!;
        expect(c.svg).toContain('width="48"');
        expect(c.svg).toContain(`fill="${fill}"`);
        expect(c.x).toBeLessThan(48);
        expect(c.y).toBeLessThan(48);
      }
      // Content added later gets it too (a stylesheet rule, not a per-element style).
      await page.locator('#add').click();
      expect(svgOf(await cursorOf(page, '#late a'))!.fallback).toBe('pointer');
      // The toolbar's own buttons show the big hand as well.
      const own = await page.evaluate(() => getComputedStyle(document.querySelector('kanjian-toolbar')!.shadowRoot!.querySelector('.kj-btn')!).cursor);
      expect(svgOf(own)?.fallback).toBe('pointer');
    }
    await choose(page, '大鼠标', '关闭大鼠标');
    await announced(page, '大鼠标已关闭');
    await page.reload();
    await expect.poll(async () => diffSnapshots(original, await snapshot(page))).toEqual([]);
  });
});

test.describe('crosshair and reading ruler (十字线, 阅读尺)', () => {
  test('lines follow the pointer across the whole window, never take a click, change colour; the ruler is a band; off restores exactly', async ({ page, server, serviceWorker }) => {
    await page.goto(server.url + HOSTILE);
    await openToolbar(page);
    const original = await snapshot(page);
    await button(page, '十字线').click();
    await expect(button(page, '十字线')).toHaveAttribute('aria-pressed', 'true');
    await announced(page, '十字线已开启');
    await page.mouse.move(400, 500);
    await page.mouse.move(420, 520);
    // Read from kanjian's own world: the guide's shadow root is closed to the page.
    const lines = async () => ({
      ...(await guideLines(serviceWorker, page)),
      hostPe: await page.evaluate(() => getComputedStyle(document.querySelector('kanjian-guide')!).pointerEvents),
    });
    await expect.poll(async () => (await lines()).h?.y).toBe(518);
    let l = await lines();
    expect(l.h!.w).toBe(1280);
    expect(l.v!.x).toBe(418);
    expect(l.v!.h).toBe(800);
    expect(l.h!.bg).toBe('rgb(224, 0, 0)');
    expect(l.hostPe).toBe('none');
    // Clicks go straight through to the page, even right on the line.
    await page.locator('#clicky').scrollIntoViewIfNeeded();
    const clicky = (await page.locator('#clicky').boundingBox())!;
    await page.mouse.move(clicky.x + 5, clicky.y + clicky.height / 2);
    // The horizontal line is now right under the pointer.
    await expect.poll(async () => Math.abs((await lines()).h!.y + 2 - (clicky.y + clicky.height / 2)) <= 1).toBe(true);
    await page.mouse.click(clicky.x + 5, clicky.y + clicky.height / 2);
    await expect(page.locator('#clicky')).toHaveText('已点击');
    // Colour menu.
    await choose(page, '线条颜色', '蓝色');
    await announced(page, '线条颜色已设为蓝色');
    await page.mouse.move(300, 400);
    await expect.poll(async () => (await lines()).v?.bg).toBe('rgb(0, 71, 255)');
    // Reading ruler: one band around the pointer's line instead.
    await button(page, '阅读尺').click();
    await expect(button(page, '阅读尺')).toHaveAttribute('aria-pressed', 'true');
    await expect(button(page, '十字线')).toHaveAttribute('aria-pressed', 'false');
    await page.mouse.move(300, 420);
    await expect.poll(async () => (await lines()).r?.y).toBe(420 - 28);
    l = await lines();
    expect(l.h).toBeNull();
    expect(l.r!.w).toBe(1280);
    expect(l.r!.h).toBe(56);
    expect(await axeToolbar(page)).toEqual([]);
    await button(page, '阅读尺').click();
    await announced(page, '阅读尺已关闭');
    await choose(page, '线条颜色', '红色');
    await expect(page.locator('kanjian-guide')).toHaveCount(0);
    await page.locator('#clicky').evaluate((e) => (e.textContent = '可点击的方块')); // undo the page's own change
    await expect.poll(async () => diffSnapshots(original, await snapshot(page))).toEqual([]);
  });

  test('no listeners while off: moving the pointer creates nothing', async ({ page, server }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    await page.mouse.move(200, 300);
    await page.mouse.move(250, 350);
    await expect(page.locator('kanjian-guide, kanjian-caption, kanjian-reader')).toHaveCount(0);
  });
});
