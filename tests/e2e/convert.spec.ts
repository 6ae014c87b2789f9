import type { Page } from '@playwright/test';
import * as OpenCC from 'opencc-js';
import { expect, test, toolbar } from './fixtures';

const DEMO = '/zhonglou-2006.html';
const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });

interface TextSnap {
  text: string;
  /** Inside something kanjian must never touch. */
  protectedNode: boolean;
}

/** Every text node of the page (and open shadow roots), in order, marked when it sits in a protected subtree. */
function snapshot(page: Page): Promise<TextSnap[]> {
  return page.evaluate(() => {
    const out: Array<{ text: string; protectedNode: boolean }> = [];
    const isProtected = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        if (/^(script|style|noscript|template|textarea|code|pre|kbd|samp)$/.test(e.localName)) return true;
        if (e.getAttribute('translate') === 'no' || e.classList.contains('ignore-opencc')) return true;
        const ce = e.getAttribute('contenteditable');
        if (ce !== null && ce !== 'false') return true;
        if (e.localName.startsWith('kanjian-')) return true;
      }
      return false;
    };
    const visit = (root: Node): void => {
      const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        if (n.nodeType === 3) {
          if (n.parentElement?.id.startsWith('kanjian-')) continue; // kanjian's own <style> elements
          if (n.nodeValue!.trim()) out.push({ text: n.nodeValue!, protectedNode: isProtected(n.parentElement) });
        } else if ((n as Element).shadowRoot && !(n as Element).localName.startsWith('kanjian-')) visit((n as Element).shadowRoot!);
      }
    };
    visit(document.documentElement);
    return out;
  });
}

async function attrs(page: Page, sel: string, names: string[]): Promise<Record<string, string | null>> {
  return page.locator(sel).evaluate((el, ns) => Object.fromEntries(ns.map((n) => [n, el.getAttribute(n)])), names);
}

async function openToolbar(page: Page): Promise<void> {
  await page.getByRole('button', { name: '无障碍浏览' }).click();
  await expect(toolbar(page)).toBeVisible();
}

test.describe('繁体版 on the page', () => {
  test('demo page: every text node equals opencc-js cn→tw, title and lang converted, restore gives back the exact text', async ({ page, server, pageErrors, requests }) => {
    await page.goto(server.url + DEMO);
    const before = await snapshot(page);
    const titleBefore = await page.title();
    await openToolbar(page);
    const button = toolbar(page).getByRole('button', { name: '繁简转换' });
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await button.click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
    // The toolbar now speaks Traditional, so the same button is named in Traditional.
    await expect(page.getByRole('toolbar', { name: '無障礙工具列' }).getByRole('button', { name: '繁簡轉換' })).toHaveAttribute('aria-pressed', 'true');
    const after = await snapshot(page);
    expect(after.length).toBe(before.length);
    const expected = before.map((s) => (s.protectedNode ? s.text : toTw(s.text)));
    expect(after.map((s) => s.text)).toEqual(expected);
    // Something really changed (the page is Simplified) and the well-known phrases are right.
    expect(after.filter((s, i) => s.text !== before[i]!.text).length).toBeGreaterThan(30);
    expect(await page.title()).toBe(toTw(titleBefore));
    await expect(page.locator('h1')).toHaveText('2006年政府重點工作');
    // The toolbar now speaks Traditional.
    await expect(page.getByRole('toolbar', { name: '無障礙工具列' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '頁面已轉換為繁體' })).toHaveCount(1);
    // Restore: exact original text, title and lang.
    await page.getByRole('toolbar', { name: '無障礙工具列' }).getByRole('button', { name: '繁簡轉換' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    expect((await snapshot(page)).map((s) => s.text)).toEqual(before.map((s) => s.text));
    expect(await page.title()).toBe(titleBefore);
    await expect(toolbar(page)).toBeVisible();
    expect(pageErrors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('http://127.0.0.1:'))).toEqual([]);
  });

  test('attributes people read are converted; code, editors, form values and opted-out parts are not; shadow roots are', async ({ page, server }) => {
    await page.goto(server.url + '/convert/dynamic.html');
    const textBefore = await snapshot(page);
    await openToolbar(page);
    await toolbar(page).getByRole('button', { name: '繁简转换' }).click();
    await expect(page.locator('#p1')).toHaveText(toTw('头发、皇后、面子：这些词用字表转换常常出错。'));
    await expect(page.locator('#p1')).toHaveText('頭髮、皇后、面子：這些詞用字表轉換常常出錯。');
    expect(await attrs(page, 'h1', ['title'])).toEqual({ title: toTw('软件发布说明') });
    expect(await attrs(page, '#img', ['alt'])).toEqual({ alt: toTw('中国地图') });
    expect(await attrs(page, '#search', ['placeholder', 'aria-label', 'value'])).toEqual({
      placeholder: toTw('请输入关键词'),
      'aria-label': toTw('搜索框'),
      value: '用户输入的简体',
    });
    expect(await page.locator('#search').inputValue()).toBe('用户输入的简体');
    expect(await attrs(page, '#submit', ['value'])).toEqual({ value: toTw('提交表单') });
    expect(await attrs(page, '#btn', ['aria-description'])).toEqual({ 'aria-description': toTw('点击后发送') });
    await expect(page.locator('#ta')).toHaveValue('文本框里的简体字');
    await expect(page.locator('#editor')).toHaveText('可编辑区域的简体字');
    await expect(page.locator('#pre')).toHaveText('预格式化的简体');
    await expect(page.locator('#code')).toHaveText('代码里的简体');
    await expect(page.locator('#no')).toHaveText('不要翻译这段简体');
    await expect(page.locator('#ign')).toHaveText('忽略这段简体');
    await expect(page.locator('#mixed')).toHaveText(toTw('网络 network 软件 software 𠮷野家'));
    await expect(page.locator('#en')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#sec')).toHaveAttribute('lang', 'zh-TW');
    await expect(page.locator('#shadow-p')).toHaveText(toTw('影子树里的简体文字'));
    // Restore.
    await page.getByRole('toolbar', { name: '無障礙工具列' }).getByRole('button', { name: '繁簡轉換' }).click();
    await expect(page.locator('#sec')).toHaveAttribute('lang', 'zh-CN');
    expect((await snapshot(page)).map((s) => s.text)).toEqual(textBefore.map((s) => s.text));
    expect(await attrs(page, '#search', ['placeholder', 'aria-label'])).toEqual({ placeholder: '请输入关键词', 'aria-label': '搜索框' });
  });

  test('a page that appends 1,000 nodes over time ends fully converted; restore after the page changed keeps the page’s own changes', async ({ page, server }) => {
    await page.goto(server.url + '/convert/dynamic.html');
    await openToolbar(page);
    await toolbar(page).getByRole('button', { name: '繁简转换' }).click();
    await expect(page.locator('#p1')).toHaveText('頭髮、皇后、面子：這些詞用字表轉換常常出錯。');
    await page.evaluate(() => (window as unknown as { addItems(n: number, d: number): Promise<number> }).addItems(1000, 10));
    const expected = toTw('网络软件发布于国务院');
    await expect
      .poll(() => page.locator('#feed li').evaluateAll((lis, exp) => lis.filter((li) => li.textContent!.endsWith(exp)).length, expected))
      .toBe(1000);
    // The page changes a converted node while conversion is on: the new text is converted too.
    await page.locator('#p1').evaluate((el) => (el.textContent = '后来页面自己改了这段文字'));
    await expect(page.locator('#p1')).toHaveText(toTw('后来页面自己改了这段文字'));
    // Then the page writes Traditional text itself; restore must keep the page's own latest write.
    await page.locator('#mixed').evaluate((el) => (el.firstChild!.nodeValue = 'PAGE-OWN'));
    await page.getByRole('toolbar', { name: '無障礙工具列' }).getByRole('button', { name: '繁簡轉換' }).click();
    await expect(page.locator('#p1')).toHaveText('后来页面自己改了这段文字');
    await expect(page.locator('#mixed')).toHaveText('PAGE-OWN');
    expect(await page.locator('#feed li').first().textContent()).toBe('第0条：网络软件发布于国务院');
  });

  test('typing in a textarea and a contenteditable on a converted page keeps every keystroke and the caret', async ({ page, server }) => {
    await page.goto(server.url + '/convert/dynamic.html');
    await openToolbar(page);
    await toolbar(page).getByRole('button', { name: '繁简转换' }).click();
    await expect(page.locator('#p1')).toHaveText('頭髮、皇后、面子：這些詞用字表轉換常常出錯。');
    await page.locator('#ta').fill('');
    await page.locator('#ta').pressSequentially('发布软件abc', { delay: 20 });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('X');
    await expect(page.locator('#ta')).toHaveValue('发布软件abXc');
    await page.locator('#editor').click();
    await page.keyboard.press('End');
    await page.keyboard.type('网络发布', { delay: 20 });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('Y');
    await expect(page.locator('#editor')).toHaveText('可编辑区域的简体字网络发Y布');
  });

  test('a Traditional page is detected and the same button converts it to Simplified', async ({ page, server, openPopup, browserLanguage }) => {
    await page.goto(server.url + '/convert/traditional.html');
    const popup = await openPopup(page);
    // The popup speaks the browser's language.
    const en = browserLanguage.startsWith('en');
    await expect(popup.locator('#page-script')).toHaveText(en ? 'Page script: Traditional' : '页面文字：繁体');
    const button = popup.getByRole('button', { name: en ? 'Traditional/Simplified' : '繁简转换' });
    await button.click();
    const toCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
    await expect(page.locator('#p1')).toHaveText(toCn('這是一個以繁體中文撰寫的頁面，用來測試繁體轉簡體的功能是否正確。網路與軟體的用語也應該轉換。'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  });

  test('"always show this site in 繁體" is remembered and applied on the next visit; another origin is not converted', async ({ page, server, server2 }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    await toolbar(page).getByRole('button', { name: '繁简转换' }).click();
    await expect(page.locator('h1')).toHaveText('2006年政府重點工作');
    // No flash of the Simplified text on the next visits: the page stays hidden (early.css) while it
    // loads and is revealed only after the heading is converted.
    await page.addInitScript(() => {
      const w = window as unknown as { __convAt?: number; __revealAt?: number; __hiddenWhileLoading?: boolean };
      document.addEventListener('DOMContentLoaded', () => {
        w.__hiddenWhileLoading = getComputedStyle(document.documentElement).visibility === 'hidden' || w.__revealAt !== undefined;
      });
      new MutationObserver(() => {
        if (w.__convAt === undefined && document.querySelector('article h1')?.textContent === '2006年政府重點工作') w.__convAt = performance.now();
        if (w.__revealAt === undefined && document.getElementById('kanjian-style-reveal')) w.__revealAt = performance.now();
      }).observe(document, { subtree: true, characterData: true, childList: true });
    });
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await expect(page.locator('h1')).toHaveText('2006年政府重點工作');
      await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).visibility)).toBe('visible');
      const times = await page.evaluate(() => {
        const w = window as unknown as { __convAt?: number; __revealAt?: number; __hiddenWhileLoading?: boolean };
        return { conv: w.__convAt ?? Infinity, reveal: w.__revealAt ?? -1, hidden: w.__hiddenWhileLoading };
      });
      expect(times.reveal).toBeGreaterThan(0);
      expect(times.conv).toBeLessThanOrEqual(times.reveal);
      expect(times.hidden).toBe(true);
    }
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
    // The page is shown (early.css revealed), with its own visibility.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).visibility)).toBe('visible');
    await page.goto(server2.url + DEMO);
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    await expect(page.locator('h1')).toHaveText('2006年政府重点工作');
    // Same host, other port: early.css matches by host, and the page is revealed at once, untouched.
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).visibility)).toBe('visible');
  });
});

test.describe('繁简转换’s dictionary is fetched while the user is about to press the button', () => {
  const dictRequests = (page: Page): string[] => {
    const seen: string[] = [];
    page.on('request', (r) => {
      if (/\/dict\/[^/]+\.bin$/.test(r.url()) && !seen.includes(r.url())) seen.push(r.url());
    });
    return seen;
  };
  const FIRST_LINE = '2006年政府重点工作';

  test('a pointer resting on the button fetches it and changes nothing; the click then converts without fetching again', async ({ page, server }) => {
    const seen = dictRequests(page);
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const before = await snapshot(page);
    const box = (await toolbar(page).getByRole('button', { name: '繁简转换' }).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    const fetched = seen.length;
    await page.waitForTimeout(300);
    expect(await snapshot(page)).toEqual(before);
    await page.mouse.down();
    await page.mouse.up();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
    expect((await snapshot(page)).map((s) => s.text).join('')).toContain(toTw(FIRST_LINE));
    expect(seen.length).toBe(fetched);
  });

  test('the keyboard bringing the focus to the button and resting there fetches it; Enter then converts without fetching again', async ({ page, server }) => {
    const seen = dictRequests(page);
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const before = await snapshot(page);
    const button = toolbar(page).getByRole('button', { name: '繁简转换' });
    // Arrow keys through the toolbar (its roving focus) until 繁简转换 has it, one key at a time.
    await page.keyboard.press('Home');
    for (let i = 0; i < 30; i++) {
      if (await button.evaluate((b) => b.getRootNode() instanceof ShadowRoot && (b.getRootNode() as ShadowRoot).activeElement === b)) break;
      await page.keyboard.press('ArrowRight');
    }
    await expect(button).toBeFocused();
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    const fetched = seen.length;
    await page.waitForTimeout(300);
    expect(await snapshot(page)).toEqual(before);
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
    expect((await snapshot(page)).map((s) => s.text).join('')).toContain(toTw(FIRST_LINE));
    expect(seen.length).toBe(fetched);
  });

  test('a crossing pointer, and a hostile page’s synthetic pointer and key events on the button, fetch nothing', async ({ page, server }) => {
    const seen = dictRequests(page);
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const box = (await toolbar(page).getByRole('button', { name: '繁简转换' }).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y - 60);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height + 60, { steps: 3 });
    // The page reaches into the toolbar's open shadow root and points, presses and keys at the button.
    await page.evaluate(() => {
      const btn = document.querySelector('kanjian-toolbar')?.shadowRoot?.querySelector('[data-control="convert"]');
      for (let i = 0; i < 5; i++) {
        btn?.dispatchEvent(new PointerEvent('pointerenter', { clientX: 5, clientY: 5 }));
        btn?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, button: 0 }));
        btn?.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
        // Focus given by the page's script, and the keyup that would say a keyboard brought it.
        (btn as HTMLElement | null)?.focus();
        btn?.dispatchEvent(new KeyboardEvent('keyup', { key: 'ArrowRight', bubbles: true, composed: true }));
      }
    });
    await page.waitForTimeout(600);
    expect(seen).toEqual([]);
  });
});
