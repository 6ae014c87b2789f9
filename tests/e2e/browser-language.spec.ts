import { expect, test, toolbar } from './fixtures';

// The suites run in a zh-CN browser (as kanjian's users have it) and again, for the specs listed in
// playwright.config.ts, in an en-US one. The browser must really be in that language: Chromium on Linux
// silently stays English when the language's resources are not installed (Debian: chromium-l10n).
test('the browser really runs in the language of its project', async ({ page, server, serviceWorker, browserLanguage }) => {
  expect(await serviceWorker.evaluate(() => chrome.i18n.getUILanguage())).toBe(browserLanguage);
  await page.goto(server.url + '/zhonglou-2006.html');
  expect(await page.evaluate(() => navigator.language)).toBe(browserLanguage);
});

test('the launcher and toolbar speak the browser’s Chinese; in an English browser, the page’s language', async ({ page, server, server2, browserLanguage }) => {
  // A Chinese page: Chinese in either browser.
  await page.goto(server.url + '/zhonglou-2006.html');
  await page.getByRole('button', { name: '无障碍浏览' }).click();
  await expect(toolbar(page)).toBeVisible();
  // An English page: the browser's language decides (a zh-CN user keeps Chinese; an English one gets English).
  await page.goto(server2.url + '/corpus/bad/before/home.html'); // another site: its toolbar starts closed
  const english = browserLanguage.startsWith('en');
  await page.getByRole('button', { name: english ? 'Accessible browsing' : '无障碍浏览' }).click();
  await expect(page.getByRole('toolbar', { name: english ? 'Accessibility toolbar' : '无障碍工具栏' })).toBeVisible();
});
