import type { BrowserContext, Page } from '@playwright/test';
import * as OpenCC from 'opencc-js';
import { expect, test, toolbar } from './fixtures';
import { contrastScan } from './display-helpers';
import { expectedOutline } from '../unit/pdf/helpers';
import { ELDER_PRESET } from '../../src/display/session';

/**
 * The PDF reader (看见阅读) in Chromium with the built extension: opened from a PDF link on the demo
 * page, reflow in reading order, 繁简 there and back, every 配色 at 7:1, no horizontal scrolling at
 * 200 % text and at 400 % zoom, 指读/连读 through the real speech engine, and the bad files.
 */

import { ATTACHMENT, DEMO_WITH_PDF, pdfSite as site, readerState, readerUrl, store, usePdfServer } from './pdf-helpers';

usePdfServer();

/** The reflow view's headings and paragraphs, as the expected outline lists them. */
async function reflowOutline(page: Page): Promise<Array<{ kind: string; text: string }>> {
  return page.locator('article.kjr-reflow').evaluate((a) =>
    [...a.querySelectorAll('h1,h2,h3,p')].map((e) => ({ kind: e.localName, text: e.textContent ?? '' })),
  );
}

const EXTRA = /^(钟政发|鍾政發|各街道|二〇〇六年的主要|常州市钟楼区人民政府|常州市鐘樓區人民政府|2006年1月5日)/;

async function openFromDemo(page: Page, ctx: BrowserContext): Promise<Page> {
  await page.goto(site() + DEMO_WITH_PDF);
  const control = page.getByRole('button', { name: /^用看见阅读 PDF：2006年政府重点工作/ });
  await expect(control).toBeVisible();
  const [reader] = await Promise.all([ctx.waitForEvent('page'), control.click()]);
  await reader.waitForLoadState('domcontentloaded');
  return reader;
}

test.describe('PDF reader (Chromium)', () => {
  test('用看见阅读 beside the demo page’s PDF link opens the reader; in 长辈模式 the reflow shows the text in order', async ({ page, extContext, serviceWorker, extensionId, pageErrors }) => {
    await store(serviceWorker, { [`site:${site()}`]: { toolbarOpen: true, ...ELDER_PRESET } });
    const reader = await openFromDemo(page, extContext);
    expect(reader.url()).toBe(readerUrl(extensionId, 'policy-zh-hans.pdf'));
    const st = await readerState(reader);
    expect(st).toMatchObject({ state: 'ready', error: null, view: 'reflow', numPages: 10 });
    // Every heading and paragraph of the document, in reading order (the article's, from the demo page).
    expect((await reflowOutline(reader)).filter((b) => !EXTRA.test(b.text))).toEqual(expectedOutline());
    // The list and the table stay a list and a table.
    await expect(reader.locator('article.kjr-reflow ol > li')).toHaveCount(4);
    await expect(reader.locator('article.kjr-reflow table thead th')).toHaveText(['项目名称', '责任单位', '完成时限']);
    // The site's own settings came with it: 长辈模式's 150 % text and the toolbar.
    await expect(toolbar(reader)).toBeVisible();
    // Headings are there for 区域跳转, the document's outline as a nav landmark.
    await expect(reader.getByRole('navigation', { name: '文档目录' })).toBeAttached();
    expect(pageErrors).toEqual([]);
    await reader.close();
  });

  test('繁简转换 converts the document text to 繁體 and back to exactly the original', async ({ page, serviceWorker, extensionId }) => {
    await store(serviceWorker, { [`site:${site()}`]: { toolbarOpen: true }, [`pdf:${site()}`]: { openInReader: false, view: 'reflow' } });
    await page.goto(readerUrl(extensionId, 'policy-zh-hans.pdf'));
    await readerState(page);
    const article = page.locator('article.kjr-reflow');
    const before = await article.evaluate((a) => a.innerHTML);
    // The button's label follows the script shown (繁简转换 / 繁簡轉換).
    // (The toolbar's own name and this label follow the script shown: 繁简转换 / 繁簡轉換.)
    const convert = page.getByRole('toolbar').getByRole('button', { name: /繁[简簡][转轉][换換]/ });
    await convert.click();
    const tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
    await expect(article.locator('h1')).toHaveText(tw('2006年政府重点工作'));
    await expect(article.locator('h2').first()).toHaveText('一、轉變增長方式,壯大區域經濟實力');
    expect(await article.evaluate((a) => a.innerHTML)).not.toBe(before);
    await convert.click();
    await expect(article.locator('h1')).toHaveText('2006年政府重点工作');
    expect(await article.evaluate((a) => a.innerHTML)).toBe(before);
  });

  test('the Traditional PDF reads in 繁體 and converts to 简体', async ({ page, serviceWorker, extensionId }) => {
    await store(serviceWorker, { [`site:${site()}`]: { toolbarOpen: true }, [`pdf:${site()}`]: { openInReader: false, view: 'reflow' } });
    await page.goto(readerUrl(extensionId, 'policy-zh-hant.pdf'));
    await readerState(page);
    const h1 = page.locator('article.kjr-reflow h1');
    await expect(h1).toHaveText('2006年政府重點工作');
    await page.getByRole('toolbar').getByRole('button', { name: /繁[简簡][转轉][换換]/ }).click();
    await expect(h1).toHaveText('2006年政府重点工作');
  });

  for (const scheme of ['original', 'white-on-black', 'black-on-white', 'yellow-on-black', 'black-on-yellow', 'yellow-on-blue'] as const) {
    test(`配色 ${scheme}: every text of the reader at least 7:1`, async ({ page, serviceWorker, extensionId }) => {
      await store(serviceWorker, { [`site:${site()}`]: { toolbarOpen: true, colorScheme: scheme }, [`pdf:${site()}`]: { openInReader: false, view: 'reflow' } });
      // The scan injects the colour maths as a script; the reader's extension CSP would refuse it.
      await (await page.context().newCDPSession(page)).send('Page.setBypassCSP', { enabled: true });
      await page.goto(readerUrl(extensionId, 'policy-zh-hans.pdf'));
      await readerState(page);
      await page.locator('nav.kjr-outline summary').click(); // the outline's links too
      const scan = await contrastScan(page);
      console.log(`[pdf] 配色 ${scheme}: ${scan.count} texts, min ${scan.min.toFixed(2)}:1`);
      expect(scan.count).toBeGreaterThan(100);
      expect(scan.offenders).toEqual([]);
      expect(scan.min).toBeGreaterThanOrEqual(7);
    });
  }

  test('no horizontal scrolling in the reflow view at 200 % text, at 300 % page zoom, and at 400 % (320 px wide)', async ({ page, serviceWorker, extensionId }) => {
    // How far the page is wider than the window, and what sticks out (for the failure message).
    const wide = async (): Promise<number> => {
      const r = await page.evaluate(() => {
        const de = document.documentElement;
        const out = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > de.clientWidth + 1).map((e) => `${e.localName}.${e.className}`);
        return { over: de.scrollWidth - de.clientWidth, out: out.slice(0, 8) };
      });
      if (r.over > 0) console.log(`[pdf] wider than the window by ${r.over}px: ${r.out.join(', ')}`);
      return r.over;
    };
    await store(serviceWorker, { [`site:${site()}`]: { toolbarOpen: true, textScale: 200 }, [`pdf:${site()}`]: { openInReader: false, view: 'reflow' } });
    await page.goto(readerUrl(extensionId, 'policy-zh-hans.pdf'));
    await readerState(page);
    const p = page.locator('article.kjr-reflow p').nth(3);
    await expect.poll(async () => p.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBe(40); // 20 px × 200 %
    expect(await wide()).toBeLessThanOrEqual(0);
    await store(serviceWorker, { [`site:${site()}`]: { toolbarOpen: true, textScale: 200, pageZoom: 300 } });
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).zoom)).toBe('3');
    expect(await wide()).toBeLessThanOrEqual(0);
    // 400 % browser zoom of a 1280 px window is a 320 CSS px viewport (WCAG 1.4.10).
    await page.setViewportSize({ width: 320, height: 256 });
    await store(serviceWorker, { [`site:${site()}`]: { toolbarOpen: true, textScale: 200 } });
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).zoom)).toBe('1');
    expect(await wide()).toBeLessThanOrEqual(0);
    // The table too: its cells wrap, the table never overflows.
    const table = await page.locator('article.kjr-reflow table').evaluate((t) => ({ w: t.scrollWidth, c: t.clientWidth, body: document.body.clientWidth }));
    expect(table.w).toBeLessThanOrEqual(table.body);
  });

  test('the page view renders pages with a selectable text layer, zooms to 400 % and no further', async ({ page, serviceWorker, extensionId }) => {
    await store(serviceWorker, { [`pdf:${site()}`]: { openInReader: false, view: 'page' } });
    await page.goto(readerUrl(extensionId, 'policy-zh-hans.pdf'));
    expect((await readerState(page)).view).toBe('page');
    const firstPage = page.locator('section.kjr-pages .page').first();
    await expect(firstPage.locator('canvas')).toBeAttached();
    await expect(firstPage.locator('.textLayer')).toContainText('2006年政府重点');
    const width100 = await firstPage.evaluate((e) => e.getBoundingClientRect().width);
    for (let i = 0; i < 10; i++) await page.getByRole('button', { name: '放大' }).click();
    await expect(page.locator('output.kjr-zoom')).toHaveText('400%');
    const width400 = await firstPage.evaluate((e) => e.getBoundingClientRect().width);
    expect(width400 / width100).toBeCloseTo(4, 1);
    // The text layer stays transparent under a colour scheme (the page's pixels are the document's own).
    await store(serviceWorker, { [`site:${site()}`]: { colorScheme: 'yellow-on-black' } });
    await expect(firstPage.locator('.textLayer span').first()).toHaveCSS('color', 'rgba(0, 0, 0, 0)');
  });

  test('search finds every match and says how many', async ({ page, serviceWorker, extensionId }) => {
    await store(serviceWorker, { [`pdf:${site()}`]: { openInReader: false, view: 'reflow' } });
    await page.goto(readerUrl(extensionId, 'policy-zh-hans.pdf'));
    await readerState(page);
    const text = await page.locator('article.kjr-reflow').evaluate((a) => a.textContent ?? '');
    const expected = text.split('招商').length - 1;
    expect(expected).toBeGreaterThan(3);
    await page.getByRole('searchbox', { name: '在文档中搜索' }).fill('招商');
    await expect(page.locator('output.kjr-search-status')).toHaveText(`第 1 处，共 ${expected} 处`);
    await page.getByRole('button', { name: '下一处' }).click();
    await expect(page.locator('output.kjr-search-status')).toHaveText(`第 2 处，共 ${expected} 处`);
    await page.getByRole('searchbox', { name: '在文档中搜索' }).fill('没有这个词');
    await expect(page.locator('output.kjr-search-status')).toHaveText('没有找到“没有这个词”');
  });

  test('clear messages for a password-protected, a scanned and a broken file, each with the original file', async ({ page, extensionId }) => {
    await page.goto(readerUrl(extensionId, 'protected.pdf'));
    expect(await readerState(page)).toMatchObject({ state: 'error', error: 'password' });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('这个 PDF 文件设置了打开密码');
    await expect(alert.getByRole('link', { name: '打开原文件' })).toHaveAttribute('href', `${site()}/pdf/protected.pdf`);
    // With the password, the document opens.
    await alert.getByLabel('密码').fill('wrong');
    await alert.getByRole('button', { name: '用密码打开' }).click();
    await expect(alert).toContainText('密码不正确');
    await alert.getByLabel('密码').fill('kanjian-user');
    await alert.getByRole('button', { name: '用密码打开' }).click();
    await expect(page.locator('article.kjr-reflow')).toContainText('This document needs a password.');

    await page.goto(readerUrl(extensionId, 'scanned.pdf'));
    expect(await readerState(page)).toMatchObject({ state: 'ready', error: 'scanned', view: 'page' });
    await expect(page.getByRole('alert')).toContainText('这个 PDF 是扫描件（只有图片，没有文字层）');
    await expect(page.locator('section.kjr-pages .page canvas').first()).toBeAttached(); // the scan itself is shown

    await page.goto(readerUrl(extensionId, 'broken.pdf'));
    expect(await readerState(page)).toMatchObject({ state: 'error', error: 'broken' });
    await expect(page.getByRole('alert')).toContainText('这个文件已损坏，或不是完整的 PDF，无法打开');
    await expect(page.getByRole('alert').getByRole('link', { name: '打开原文件' })).toBeVisible();
  });

  test('the reader makes one request, the PDF itself, with the user’s cookies', async ({ page, extContext, extensionId, requests }) => {
    await extContext.addCookies([{ name: 'session', value: 'user-42', url: site() }]);
    const seen: Array<{ url: string; cookie: string | undefined }> = [];
    page.on('request', (r) => void r.allHeaders().then((h) => seen.push({ url: r.url(), cookie: h.cookie })));
    await page.goto(readerUrl(extensionId, 'policy-zh-hans.pdf'));
    await readerState(page);
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    const http = requests.filter((u) => u.startsWith('http'));
    expect(http).toEqual([`${site()}${ATTACHMENT}`]);
    expect(seen.find((s) => s.url === `${site()}${ATTACHMENT}`)?.cookie).toContain('session=user-42');
  });

  test('a page can neither press 用看见阅读 by script nor open or read the reader', async ({ page, extContext, serviceWorker, extensionId }) => {
    await store(serviceWorker, { [`site:${site()}`]: { toolbarOpen: true } });
    await page.goto(site() + '/attack.html');
    await expect(page.getByRole('button', { name: /^用看见阅读 PDF/ })).toBeVisible();
    const pagesBefore = extContext.pages().length;
    const out = await page.evaluate((u) => (window as unknown as { attack(u: string): Promise<{ control: boolean; fetched: string }> }).attack(u), readerUrl(extensionId, 'policy-zh-hans.pdf'));
    expect(out.control).toBe(true);
    expect(out.fetched).toBe('error'); // not web-accessible: the page cannot load it
    await page.waitForTimeout(500);
    expect(extContext.pages().length).toBe(pagesBefore); // no reader opened
    // The page navigating itself to the reader is blocked too: the reader never runs there.
    await page.evaluate((u) => void (location.href = u), readerUrl(extensionId, 'policy-zh-hans.pdf'));
    await page.waitForLoadState('load');
    await page.waitForTimeout(1000);
    const ran = await page.evaluate(() => 'kjr' + typeof (window as unknown as { __kanjianReader?: unknown }).__kanjianReader).catch(() => 'no script context');
    expect(ran).not.toBe('kjrobject');
    expect(extContext.pages().length).toBe(pagesBefore);
  });

  test('本站的 PDF 都用看见阅读: then a plain click on the site’s PDF link opens the reader in that tab', async ({ page, serviceWorker, extensionId }) => {
    await store(serviceWorker, { [`pdf:${site()}`]: { openInReader: false, view: 'reflow' } });
    await page.goto(readerUrl(extensionId, 'policy-zh-hans.pdf'));
    await readerState(page);
    await page.getByLabel('本站的 PDF 都用看见阅读').check();
    await expect.poll(() => serviceWorker.evaluate((k) => chrome.storage.local.get(k).then((r) => r[k]), `pdf:${site()}`)).toMatchObject({ openInReader: true });
    await page.goto(site() + DEMO_WITH_PDF);
    await page.locator('#pdf-link').click();
    await page.waitForURL(readerUrl(extensionId, 'policy-zh-hans.pdf'));
    expect((await readerState(page)).state).toBe('ready');
  });

  test('the keyboard command opens the PDF the tab shows in the reader', async ({ page, serviceWorker, extensionId }) => {
    await page.goto(site() + DEMO_WITH_PDF);
    await page.bringToFront();
    // A tab showing a PDF (the browser's viewer, or a download in headless): its URL names the PDF.
    const tabId = await serviceWorker.evaluate(async (url) => (await chrome.tabs.create({ url, active: true })).id!, `${site()}${ATTACHMENT}`);
    await expect.poll(() => serviceWorker.evaluate((id) => chrome.tabs.get(id).then((t) => t.url), tabId)).toBe(`${site()}${ATTACHMENT}`);
    expect(await serviceWorker.evaluate(() => (globalThis as unknown as { kanjianOpenPdfCommand(): Promise<boolean> }).kanjianOpenPdfCommand())).toBe(true);
    await expect.poll(() => serviceWorker.evaluate((id) => chrome.tabs.get(id).then((t) => t.url), tabId)).toBe(readerUrl(extensionId, 'policy-zh-hans.pdf'));
    await serviceWorker.evaluate((id) => chrome.tabs.remove(id), tabId);
  });

  test('the popup’s 用看见阅读 opens the PDF the tab shows in the reader, in that tab', async ({ extContext, serviceWorker, extensionId }) => {
    const tabId = await serviceWorker.evaluate(async (url) => (await chrome.tabs.create({ url, active: true })).id!, `${site()}${ATTACHMENT}`);
    await expect.poll(() => serviceWorker.evaluate((id) => chrome.tabs.get(id).then((t) => t.url), tabId)).toBe(`${site()}${ATTACHMENT}`);
    const popup = await extContext.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: '用看见阅读' }).click();
    await expect.poll(() => serviceWorker.evaluate((id) => chrome.tabs.get(id).then((t) => t.url), tabId)).toBe(readerUrl(extensionId, 'policy-zh-hans.pdf'));
    await serviceWorker.evaluate((id) => chrome.tabs.remove(id), tabId);
  });

  test('on a page that is no PDF the popup offers no 用看见阅读', async ({ page, openPopup }) => {
    await page.goto(site() + DEMO_WITH_PDF);
    const popup = await openPopup(page);
    await expect(popup.getByRole('button', { name: '无障碍检查' })).toBeVisible();
    await expect(popup.getByRole('button', { name: '用看见阅读' })).toHaveCount(0);
  });

  test('the link menu’s 用看见阅读此 PDF opens the reader in a new tab beside the page', async ({ page, extContext, serviceWorker, extensionId }) => {
    await page.goto(site() + DEMO_WITH_PDF);
    const tabId = await serviceWorker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)!.id!, site() + DEMO_WITH_PDF);
    const readerP = extContext.waitForEvent('page', { predicate: (p) => p.url().includes('/reader.html') });
    const link = await page.locator('#pdf-link').evaluate((a) => (a as HTMLAnchorElement).href);
    expect(await serviceWorker.evaluate(([href, id]) => (globalThis as unknown as { kanjianPdfMenuClick(h: string, t: number): Promise<boolean> }).kanjianPdfMenuClick(href, id), [link, tabId] as [string, number])).toBe(true);
    const reader = await readerP;
    expect(reader.url()).toBe(readerUrl(extensionId, 'policy-zh-hans.pdf'));
    expect((await readerState(reader)).state).toBe('ready');
    // The page stays where it was.
    expect(page.url()).toBe(site() + DEMO_WITH_PDF);
    await reader.close();
  });
});

