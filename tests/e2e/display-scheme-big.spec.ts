import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { choose, contrastScan, diffSnapshots, openToolbar, snapshot } from './display-helpers';

// 配色 on a big page goes part by part, what is on screen first (src/display/scheme-tags.ts): a
// generated page of 12,000 elements (a header, a <main> of sections, a footer, loose spans in <body>).
const BIG = '/generated/big-12000.html';
const YELLOW = 'rgb(255, 255, 0)';
const WHITE = 'rgb(255, 255, 255)';
const BLACK = 'rgb(0, 0, 0)';

const colorOf = (page: Page, selector: string): Promise<string> => page.locator(selector).first().evaluate((el) => getComputedStyle(el).color);

/** Records, at every frame, whether the text at the middle of the window and the page's last paragraph show the scheme. */
async function watchFrames(page: Page, color: string): Promise<void> {
  await page.evaluate((want) => {
    const w = window as unknown as { __frames: Array<[boolean, boolean]> };
    w.__frames = [];
    const last = document.getElementById('last')!;
    const tick = (): void => {
      const mid = document.elementFromPoint(innerWidth / 2, innerHeight / 2)!;
      w.__frames.push([getComputedStyle(mid).color === want || mid.closest('a') !== null, getComputedStyle(last).color === want]);
      if (w.__frames.length < 600) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, color);
}

test.describe('配色 on a big page, part by part', () => {
  test.setTimeout(120_000);

  test('what is on screen gets the scheme first, every text of the page ends at 7:1, and 原始配色 gives back the exact page', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + BIG);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThanOrEqual(12000);
    await openToolbar(page);
    const original = await snapshot(page);
    await watchFrames(page, YELLOW);
    await choose(page, '配色', '黑底黄字');
    await expect.poll(() => colorOf(page, '#last'), { timeout: 30_000 }).toBe(YELLOW);
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).color)).toBe(YELLOW);
    const frames = await page.evaluate(() => (window as unknown as { __frames: Array<[boolean, boolean]> }).__frames);
    // A frame showed the scheme on screen while the end of the page still had its own colours;
    // none ever showed the end done before the screen.
    expect(frames.some(([screen, last]) => screen && !last)).toBe(true);
    expect(frames.some(([screen, last]) => last && !screen)).toBe(false);
    const scan = await contrastScan(page);
    expect(scan.count).toBeGreaterThan(1000);
    expect(scan.offenders).toEqual([]);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(BLACK);

    await choose(page, '配色', '原始配色');
    await expect.poll(async () => diffSnapshots(original, await snapshot(page)), { timeout: 30_000 }).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('a second scheme chosen while the first still spreads wins everywhere, content added later included', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + BIG);
    await openToolbar(page);
    await choose(page, '配色', '黑底黄字');
    await choose(page, '配色', '黑底白字');
    await page.evaluate(() => {
      const section = document.createElement('section');
      section.id = 'late-section';
      section.innerHTML = '<h2 id="late-h2">后来加的栏目</h2><p>后来加的段落</p>';
      document.querySelector('main')!.append(section);
      const div = document.createElement('div');
      div.id = 'late-div';
      div.textContent = '直接加在 body 里的内容';
      document.body.append(div);
      const p = document.createElement('p');
      p.id = 'late-p';
      p.textContent = '加在一个栏目里面的段落';
      document.getElementById('s3')!.append(p);
    });
    for (const sel of ['#last', '#late-h2', '#late-div', '#late-p', '#s0 h2']) {
      await expect.poll(() => colorOf(page, sel), { timeout: 30_000, message: sel }).toBe(WHITE);
    }
    expect(await page.locator('#late-div').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(BLACK);
    const scan = await contrastScan(page);
    expect(scan.offenders).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('a page that strips the scheme’s tags gets them back, and one that keeps stripping them cannot make kanjian fight it forever', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + BIG);
    await openToolbar(page);
    await choose(page, '配色', '黑底黄字');
    await expect.poll(() => colorOf(page, '#last'), { timeout: 30_000 }).toBe(YELLOW);
    // Once: every tag of ours taken away (as a page re-rendering its markup might).
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('[data-kj-scheme], [data-kj-scheme-self]')) {
        el.removeAttribute('data-kj-scheme');
        el.removeAttribute('data-kj-scheme-self');
      }
    });
    for (const sel of ['#last', '#s5 h2']) await expect.poll(() => colorOf(page, sel), { message: sel }).toBe(YELLOW);
    await expect.poll(() => colorOf(page, '#s0 li a')).toBe('rgb(0, 255, 255)');
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe(YELLOW);
    // Then a script that strips them whenever they come back: kanjian gives up after a few tries.
    const parts = await page.evaluate(() => document.querySelectorAll('[data-kj-scheme]').length);
    expect(parts).toBeGreaterThan(10);
    await page.evaluate(() => {
      const w = window as unknown as { __stripped: number };
      w.__stripped = 0;
      const strip = (): void => {
        for (const el of document.querySelectorAll('[data-kj-scheme]')) {
          el.removeAttribute('data-kj-scheme');
          w.__stripped++;
        }
      };
      new MutationObserver(strip).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-kj-scheme'] });
      strip();
    });
    await page.waitForTimeout(1500);
    const stripped = await page.evaluate(() => (window as unknown as { __stripped: number }).__stripped);
    expect(stripped).toBeLessThanOrEqual(parts * 4);
    expect(await page.evaluate(() => document.querySelectorAll('[data-kj-scheme]').length)).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  test('a scheme stored for the site (one rule, before first paint) is changed part by part too, and 原始配色 still gives back the exact page', async ({ page, server, pageErrors }) => {
    // The page's own colours, one of them !important: what 原始配色 must give back.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const st = document.createElement('style');
        st.textContent = 'nav a{color:rgb(200, 0, 0)!important} #last{color:rgb(0, 0, 120)}';
        document.head.append(st);
      });
    });
    // The page's last bytes come 2 s late: the stored scheme is applied while it still loads (one rule).
    await page.goto(`${server.url}${BIG}?tail-ms=2000`);
    await openToolbar(page);
    const original = await snapshot(page);
    await choose(page, '配色', '黑底黄字');
    await expect.poll(() => colorOf(page, '#last'), { timeout: 30_000 }).toBe(YELLOW);
    await page.reload();
    // Stored for the site: one rule over the page, in place from the first paint.
    await expect.poll(() => colorOf(page, '#last')).toBe(YELLOW);
    expect(await page.evaluate(() => document.querySelectorAll('[data-kj-scheme]').length)).toBe(0);

    const watch = (navWant: string, lastWant: string) =>
      page.evaluate(
        ([nav, last]) => {
          const w = window as unknown as { __frames: Array<[boolean, boolean]> };
          w.__frames = [];
          const a = document.querySelector('nav a')!;
          const end = document.getElementById('last')!;
          const tick = (): void => {
            w.__frames.push([getComputedStyle(a).color === nav, getComputedStyle(end).color === last]);
            if (w.__frames.length < 600) requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        },
        [navWant, lastWant] as [string, string],
      );
    const frames = () => page.evaluate(() => (window as unknown as { __frames: Array<[boolean, boolean]> }).__frames);

    // 黑底白字: links white-on-black's link colour (yellow), the rest white.
    await watch(YELLOW, WHITE);
    await choose(page, '配色', '黑底白字');
    await expect.poll(() => colorOf(page, '#last'), { timeout: 30_000 }).toBe(WHITE);
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('style')].some((s) => s.textContent?.includes('body *')))).toBe(false);
    const seen = await frames();
    expect(seen.some(([screen, end]) => screen && !end)).toBe(true);
    expect(seen.some(([screen, end]) => end && !screen)).toBe(false);
    expect((await contrastScan(page)).offenders).toEqual([]);

    // Stored again, then 原始配色 (in one step from one rule: see color-scheme.ts, off).
    await page.reload();
    await expect.poll(() => colorOf(page, '#last')).toBe(WHITE);
    await choose(page, '配色', '原始配色');
    await expect.poll(async () => diffSnapshots(original, await snapshot(page)), { timeout: 30_000 }).toEqual([]);
    expect(await colorOf(page, 'nav a')).toBe('rgb(200, 0, 0)');
    expect(pageErrors).toEqual([]);
  });
});
