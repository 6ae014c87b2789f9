import type { Worker } from '@playwright/test';
import { expect, tabIdOf, test, toolbar } from './fixtures';

/**
 * Trust boundary: a page's own script must not be able to operate kanjian. The attack page
 * (fixtures/pages/security/operate-toolbar.html) opens every shadow root it can reach and clicks,
 * keys, points at and focuses everything in it ten times a second. Only the user's input counts.
 */
const ATTACK = '/security/operate-toolbar.html';

async function stored(sw: Worker): Promise<Record<string, unknown>> {
  return sw.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    // Only settings: audits and caches are not what the page could have changed here.
    return Object.fromEntries(Object.entries(all).filter(([k]) => k === 'settings.global' || k.startsWith('site:')));
  });
}

interface Attack {
  clicks: number;
  keys: number;
  messages: string[];
  events: string[];
}

test.describe('a hostile page cannot operate the toolbar', () => {
  test('synthetic clicks and keys on the launcher, every button, menu and dialog change nothing', async ({ page, server, serviceWorker, extContext }) => {
    await page.goto(server.url + ATTACK);
    const launcher = page.getByRole('button', { name: '无障碍浏览' });
    await expect(launcher).toBeVisible();
    // The page has been clicking the launcher for a while: the toolbar stays closed.
    await page.waitForFunction(() => (window as unknown as { attack: Attack }).attack.clicks > 5);
    await expect(toolbar(page)).toBeHidden();
    expect(await stored(serviceWorker)).toEqual({});

    // The user opens the toolbar and switches read-aloud on: now every control is exposed to the page.
    await launcher.click();
    const bar = toolbar(page);
    await expect(bar).toBeVisible();
    await bar.getByRole('button', { name: '声音', exact: true }).click();
    await expect(bar.getByRole('button', { name: '声音', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await bar.getByRole('button', { name: '指读', exact: true }).click();
    await expect(bar.getByRole('button', { name: '指读', exact: true })).toHaveAttribute('aria-pressed', 'true');
    const before = await stored(serviceWorker);
    const pagesBefore = extContext.pages().length;
    const clicksBefore = await page.evaluate(() => (window as unknown as { attack: Attack }).attack.clicks);

    // Let the page hammer the open toolbar (each round reaches every button of it).
    await page.waitForFunction((n) => (window as unknown as { attack: Attack }).attack.clicks > n + 400, clicksBefore, { timeout: 30_000 });
    await page.evaluate(() => clearInterval((window as unknown as { attackTimer: number }).attackTimer));
    await page.waitForTimeout(300); // let any announcement, storage write or audit it might have started land

    // Nothing the user can see or keeps has changed: settings (this site and every site), no audit tab,
    // the page's text still in its own script, the toolbar still open.
    expect(await stored(serviceWorker)).toEqual(before);
    expect(extContext.pages().length).toBe(pagesBefore);
    await expect(page.locator('#text')).toHaveText('以加强科技创新为突破口，推动经济发展。加快产业优化升级。');
    await expect(bar).toBeVisible();
    await expect(bar.getByRole('button', { name: '指读', exact: true })).toHaveAttribute('aria-pressed', 'true');

    // Nothing was read aloud for the page's fake pointer and focus events.
    const tabId = await tabIdOf(serviceWorker, page);
    const spoken = await serviceWorker.evaluate(async (tabId) => {
      const reply = (await chrome.tabs.sendMessage(tabId, { id: 1, type: 'speechDiagnostics', data: {}, timestamp: Date.now() }, { frameId: 0 })) as {
        res?: { log: Array<{ kind: string; text: string }> };
      };
      return (reply.res?.log ?? []).filter((e) => e.kind === 'speak').map((e) => e.text);
    }, tabId);
    expect(spoken.filter((t) => /科技创新|网站首页|用户输入/.test(t))).toEqual([]);

    // And nothing reached the page: no message, no custom event, no window property of ours.
    const attack = await page.evaluate(() => (window as unknown as { attack: Attack }).attack);
    expect(attack.messages).toEqual([]);
    expect(attack.events).toEqual([]);
  });

  test('the user’s own keyboard still works in the same page (Enter on a focused button)', async ({ page, server, serviceWorker }) => {
    await page.goto(server.url + ATTACK + '?quiet');
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    const larger = toolbar(page).getByRole('button', { name: '文字放大' });
    await expect(larger).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(async () => JSON.stringify(await stored(serviceWorker))).toContain('"textScale":125');
  });
});

test('a page cannot probe the extension’s files by its fixed id (dictionaries only through the dynamic URL)', async ({ page, server, extensionId }) => {
  await page.goto(server.url + ATTACK + '?quiet');
  const probe = await page.evaluate(async (id) => {
    try {
      const res = await fetch(`chrome-extension://${id}/dict/cn-tw.bin`);
      return `status ${res.status}`;
    } catch {
      return 'refused';
    }
  }, extensionId);
  expect(probe).toBe('refused');
  // The user's conversion still reads the dictionary (through the dynamic URL).
  await page.getByRole('button', { name: '无障碍浏览' }).click();
  await toolbar(page).getByRole('button', { name: '繁简转换' }).click();
  await expect(page.locator('#text')).toHaveText('以加強科技創新為突破口，推動經濟發展。加快產業優化升級。');
});
