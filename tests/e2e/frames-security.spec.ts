import * as OpenCC from 'opencc-js';
import { expect, test, toolbar } from './fixtures';
import { frameByElement, frameText, toolbarHosts } from './frames-helpers';
import { button, choose, openToolbar } from './display-helpers';
import { captionBand, guideLines } from './overlay-helpers';

/**
 * kanjian's frames talk only through the extension (runtime messages to and from the background).
 * A page and the other site's page it frames listen to every message event and post kanjian-shaped
 * messages (frameRole, frameMessage, relays, toolbar and convert requests) to each other all the time:
 * they hear nothing of kanjian, and their forgeries change nothing.
 */
const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });

test('a page and its cross-origin frame can neither overhear nor forge kanjian’s frame messages', async ({ page, server, server2, serviceWorker }) => {
  await page.goto(`${server.url}/security/frame-forge.html?other=${encodeURIComponent(server2.url)}`);
  const child = await frameByElement(page, 'child');
  await expect(child.locator('#text')).toBeVisible();
  // A second of forgeries before the user does anything: nothing opens, nothing is converted or stored.
  await page.waitForTimeout(1000);
  await expect(toolbar(page)).toBeHidden();
  expect(await child.evaluate(() => document.querySelectorAll('kanjian-toolbar').length)).toBe(0);
  expect(await serviceWorker.evaluate(() => chrome.storage.local.get(null))).not.toHaveProperty(`site:${server.url}`);
  expect(await frameText(child)).toEqual(['框架里的皇后：这是另一个网站的页面。']);

  // The user converts the page and picks a scheme: every frame follows, through the extension only.
  await page.getByRole('button', { name: '无障碍浏览' }).click();
  await toolbar(page).getByRole('button', { name: '繁简转换' }).click();
  await expect.poll(() => frameText(child)).toEqual([toTw('框架里的皇后：这是另一个网站的页面。')]);
  await page.waitForTimeout(1000);
  // The forgeries did not turn it back, nor close the toolbar, nor give the frame a toolbar.
  expect(await frameText(child)).toEqual([toTw('框架里的皇后：这是另一个网站的页面。')]);
  await expect(page.getByRole('toolbar', { name: '無障礙工具列' })).toBeVisible();
  expect(await toolbarHosts(page)).toBe(1);
  // Nothing kanjian sent was heard by either page.
  expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
  expect(await child.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
  // The other site's own settings were never written: the frame follows the top site's, it does not own them.
  expect(await serviceWorker.evaluate(() => chrome.storage.local.get(null))).not.toHaveProperty(`site:${server2.url}`);
});

test('the embedding page cannot read, through kanjian, where the pointer is or what text it rests on inside another site’s frame', async ({ page, server, server2, serviceWorker }) => {
  // 十字线 and 显示屏 draw in the top frame what the user does inside the cross-origin frame; the
  // page polls every kanjian element it can find on every animation frame (see frame-peek.html).
  await page.goto(`${server.url}/security/frame-peek.html?frame=${encodeURIComponent(`${server2.url}/security/frame-secret.html`)}`);
  const other = await frameByElement(page, 'other');
  await expect(other.locator('#secret-text')).toBeVisible();
  await openToolbar(page);
  await button(page, '十字线').click();
  await expect(button(page, '十字线')).toHaveAttribute('aria-pressed', 'true');
  await choose(page, '显示屏', '简体');
  const { width: vw, height: vh } = page.viewportSize()!;
  const pointers: Array<{ x: number; y: number }> = [];
  // The user's real pointer rests on the frame's secret text, then on its secret input.
  for (const [selector, secret] of [
    ['#secret-text', 'SECRET-ID-320404'],
    ['#secret-input', 'SECRET-PHONE-13900001111'],
  ] as const) {
    const b = (await other.locator(selector).boundingBox())!;
    const p = { x: Math.round(b.x + Math.min(50, b.width / 2)), y: Math.round(b.y + b.height / 2) };
    pointers.push(p);
    await page.mouse.move(p.x - 5, p.y - 1);
    await page.mouse.move(p.x, p.y);
    // The user sees it: the band shows the frame's text and the lines cross at the pointer (read as kanjian does).
    await expect.poll(async () => (await captionBand(serviceWorker, page))?.text.text ?? '', { message: selector }).toContain(secret);
    await expect.poll(async () => (await guideLines(serviceWorker, page)).h?.y, { message: selector }).toBe(p.y - 2);
    expect((await guideLines(serviceWorker, page)).v?.x).toBe(p.x - 2);
  }
  await page.waitForTimeout(300);
  const seen = await page.evaluate(() => (window as unknown as { report(): { texts: string[]; hosts: string[]; boxes: string[]; roots: string[] } }).report());
  // No text of the frame anywhere the page looked: shadow roots, hosts, mutations.
  expect.soft(seen.texts.concat(seen.hosts).filter((s) => /SECRET|身份证号|手机号/.test(s))).toEqual([]);
  // No line at the pointer's position among all the boxes the page could measure.
  const lines = seen.boxes.filter((s) => {
    const [x, y, w, h] = s.split('|')[1]!.split(',').map(Number) as [number, number, number, number];
    return pointers.some((p) => (w >= vw - 1 && h <= 8 && Math.abs(y - (p.y - 2)) <= 1) || (h >= vh - 1 && w <= 8 && Math.abs(x - (p.x - 2)) <= 1));
  });
  expect.soft(lines).toEqual([]);
  // The page saw the hosts (and reached the toolbar's open root) but into neither the lines nor the band,
  // and the hosts never changed with the pointer: one look each, the whole time.
  expect(seen.roots).not.toContain('kanjian-guide');
  expect(seen.roots).not.toContain('kanjian-caption');
  expect(seen.hosts.filter((h) => h.startsWith('kanjian-guide|'))).toHaveLength(1);
  expect(seen.hosts.filter((h) => h.startsWith('kanjian-caption|'))).toHaveLength(1);
});
