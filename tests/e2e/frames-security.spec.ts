import * as OpenCC from 'opencc-js';
import { expect, test, toolbar } from './fixtures';
import { frameByElement, frameText, toolbarHosts } from './frames-helpers';

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
