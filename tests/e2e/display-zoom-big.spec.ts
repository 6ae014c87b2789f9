import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { button, diffSnapshots, openToolbar, snapshot, watchZoomFrames as watchFrames, ZOOM_PART, zoomSettled as settled } from './display-helpers';

// 页面放大 on a big page sets the parts off screen aside while the zoom changes, then gives them back
// (src/display/zoom-parts.ts): a generated page of 12,000 elements.
const BIG = '/generated/big-12000.html';
const PART = ZOOM_PART;

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
    // A header fixed at the window's top, as many portals have: it does not move with the page, so
    // it must not be what the reader's place is kept by.
    await page.evaluate(() => {
      const bar = document.createElement('div');
      bar.id = 'fixed-bar';
      bar.textContent = '固定在顶部的导航条';
      bar.style.cssText = 'position:fixed;top:0;left:0;right:0;height:60px;background:#eee;z-index:5';
      document.body.prepend(bar);
      window.scrollTo(0, document.documentElement.scrollHeight / 2);
    });
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
    // A slower CPU, so that the first run is surely still going when the second press comes.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    await button(page, '页面放大').click();
    expect(await page.evaluate((part) => document.querySelectorAll(part).length, PART)).toBeGreaterThan(0);
    await button(page, '页面放大').click();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await expect.poll(() => settled(page), { timeout: 60_000 }).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).zoom)).toBe('1.25');
    expect(pageErrors).toEqual([]);
  });

  test('from 200 % to 225 % the parts aside keep about their height (the page does not balloon meanwhile)', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + BIG);
    await openToolbar(page);
    for (let i = 0; i < 5; i++) {
      await button(page, '页面放大').click();
      await expect.poll(() => settled(page), { timeout: 30_000 }).toBe(true);
    }
    expect(await page.evaluate(() => getComputedStyle(document.body).zoom)).toBe('2');
    await page.evaluate(() => {
      const w = window as unknown as { __heights: number[] };
      w.__heights = [];
      const tick = (): void => {
        w.__heights.push(document.documentElement.scrollHeight);
        if (w.__heights.length < 600) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await button(page, '页面放大').click();
    await expect.poll(() => settled(page), { timeout: 30_000 }).toBe(true);
    const end = await page.evaluate(() => document.documentElement.scrollHeight);
    const heights = await page.evaluate(() => (window as unknown as { __heights: number[] }).__heights);
    // Estimated in the page's own pixels, the parts aside are drawn at 225 % like the rest: the page
    // stays within its final height and a third less (its text rewraps more at 225 % than the
    // estimate knows) throughout; estimated in drawn pixels, they came out over twice as tall.
    expect(Math.max(...heights)).toBeLessThan(end * 1.2);
    expect(Math.min(...heights)).toBeGreaterThan(end * 0.6);
    expect(pageErrors).toEqual([]);
  });

  test('a button fixed on screen from inside a part off screen stays on screen while the parts come back', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + BIG);
    await openToolbar(page);
    // A "back to top" button in the footer (the page's last part), fixed at the window's corner.
    await page.evaluate(() => {
      const b = document.createElement('a');
      b.id = 'to-top';
      b.href = '#';
      b.textContent = '返回顶部';
      b.style.cssText = 'position:fixed;right:24px;bottom:24px;width:80px;height:40px;background:#036;color:#fff;z-index:5';
      document.querySelector('footer')!.append(b);
      const w = window as unknown as { __shown: boolean[] };
      w.__shown = [];
      const tick = (): void => {
        const hit = document.elementFromPoint(innerWidth - 64, innerHeight - 44);
        w.__shown.push(hit?.id === 'to-top');
        if (w.__shown.length < 600) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await button(page, '页面放大').click();
    await expect.poll(() => settled(page), { timeout: 30_000 }).toBe(true);
    const shown = await page.evaluate(() => (window as unknown as { __shown: boolean[] }).__shown);
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.every(Boolean)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  test('a page that forges and fights the zoom’s tags hides nothing: once the zoom is done nothing is left aside, whatever it writes', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + BIG);
    await openToolbar(page);
    // The page's script: every section carries a tag of ours before any zoom; each tag kanjian writes
    // is copied onto every section, and each one kanjian takes off is written back.
    await page.evaluate((attr) => {
      const w = window as unknown as { __forged: number };
      w.__forged = 0;
      const sections = [...document.querySelectorAll('section, footer')];
      for (const s of sections) s.setAttribute(attr, '1000');
      let last = '1000';
      let own = false;
      new MutationObserver((records) => {
        if (own) return;
        own = true;
        for (const r of records) {
          const el = r.target as Element;
          const now = el.getAttribute(attr);
          if (now !== null) last = now;
          else el.setAttribute(attr, r.oldValue ?? last);
          w.__forged++;
        }
        for (const s of sections) if (s.getAttribute(attr) !== last) s.setAttribute(attr, last);
        queueMicrotask(() => (own = false));
      }).observe(document.body, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: [attr] });
    }, PART.slice(1, -1));
    const before = await page.evaluate(() => document.documentElement.scrollHeight);
    await button(page, '页面放大').click();
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).zoom)).toBe('1.1');
    // kanjian's run ends (its own list, not the tags, says what it set aside) and its rules go.
    const ourRules = (): Promise<string> =>
      page.evaluate(() => [...(document.getElementById('kanjian-styles') as HTMLStyleElement | null)?.sheet?.cssRules ?? []].map((r) => r.cssText).join(''));
    await expect.poll(async () => (await ourRules()).includes('content-visibility'), { timeout: 30_000 }).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { __forged: number }).__forged)).toBeGreaterThan(0);
    // The tags are all still there (the page's), and none sets anything aside: every section is laid
    // out at the new zoom and the page is taller.
    const state = await page.evaluate((part) => ({
      tagged: document.querySelectorAll(part).length,
      aside: [...document.querySelectorAll('section, footer')].filter((s) => getComputedStyle(s).contentVisibility !== 'visible').length,
      zoom: getComputedStyle(document.body).zoom,
      last: (() => {
        const r = document.createRange();
        r.selectNodeContents(document.getElementById('last')!);
        return r.getBoundingClientRect().height;
      })(),
      height: document.documentElement.scrollHeight,
    }), PART);
    expect(state.tagged).toBeGreaterThan(100);
    expect(state.aside).toBe(0);
    expect(state.zoom).toBe('1.1');
    expect(state.last).toBeGreaterThan(0);
    expect(state.height).toBeGreaterThan(before);
    expect(pageErrors).toEqual([]);
  });
});
