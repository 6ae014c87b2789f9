import { auditViaToolbar, ruleIds } from './audit-helpers';
import { expect, tabIdOf, test } from './fixtures';

/**
 * Trust boundary of the audit: a page must not read another site's frame through kanjian's audit,
 * nor hide its own violations from it.
 */
test.describe('the audit against a hostile page', () => {
  test('a page embedding another site’s frame hears nothing of that frame during a user-started audit', async ({ page, server, server2, extContext }) => {
    await page.goto(`${server.url}/security/frame-leak.html?frame=${encodeURIComponent(`${server2.url}/security/frame-secret.html`)}`);
    await expect(page.frameLocator('#other').locator('#secret-input')).toBeVisible();
    const report = await auditViaToolbar(extContext, page);
    // The frame was audited: its image without alt is reported, with the frame in its path…
    const selectors = await report.locator('#violations article[data-rule="image-alt"] code.selector').allTextContents();
    expect(selectors.some((s) => s.includes('#other') && s.includes('#secret-img'))).toBe(true);
    await expect(report.locator('#violations')).toContainText('SECRET-OWNER-CODE');
    // …yet nothing of it reached the embedding page, which listened to every message and kept asking.
    await page.waitForTimeout(500);
    const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
    expect(heard.filter((m) => m.includes('SECRET'))).toEqual([]);
    expect(heard.filter((m) => /axe|kanjian/i.test(m) && !m.includes('forged'))).toEqual([]);
  });

  test('axe is gone from every frame after the audit (nothing of the audit stays in the page)', async ({ page, server, server2, serviceWorker }) => {
    await page.goto(`${server.url}/security/frame-leak.html?frame=${encodeURIComponent(`${server2.url}/security/frame-secret.html`)}`);
    await expect(page.frameLocator('#other').locator('#secret-input')).toBeVisible();
    const tabId = await tabIdOf(serviceWorker, page);
    const leftovers = await serviceWorker.evaluate(async (tabId) => {
      await (globalThis as unknown as { kanjianAuditTab(t: number): Promise<unknown> }).kanjianAuditTab(tabId);
      await new Promise((r) => setTimeout(r, 300));
      const res = await chrome.scripting.executeScript({
        target: { tabId, allFrames: true },
        func: () => typeof (globalThis as unknown as { axe?: unknown }).axe + ' ' + typeof (globalThis as Record<symbol, unknown>)[Symbol.for('kanjian.audit.frame')],
      });
      return res.map((r) => r.result);
    }, tabId);
    expect(leftovers.length).toBeGreaterThanOrEqual(2);
    for (const l of leftovers) expect(l).toBe('undefined undefined');
  });

  test('a page cannot hide its violations by calling itself kanjian (attributes, tag names)', async ({ page, server, extContext }) => {
    await page.goto(`${server.url}/security/hide-from-audit.html`);
    const report = await auditViaToolbar(extContext, page);
    expect(await ruleIds(report, 'violations')).toContain('image-alt');
    const selectors = await report.locator('#violations article[data-rule="image-alt"] code.selector').allTextContents();
    for (const id of ['#no-alt', '#in-fake-toolbar', '#marked']) expect(selectors.some((s) => s.includes(id)), id).toBe(true);
    // kanjian's own toolbar, open on this page, is still left out.
    expect(selectors.some((s) => s.includes('kj-'))).toBe(false);
  });
});

test('a nearly full storage.local (old audits) neither blocks an audit nor the settings', async ({ page, server, extContext, serviceWorker }) => {
  // What builds that kept audits next to the settings left behind: storage.local filled to its quota.
  const free = await serviceWorker.evaluate(async () => {
    const quota = chrome.storage.local.QUOTA_BYTES;
    const chunk = 'x'.repeat(1024 * 1024);
    let i = 0;
    for (; ; i++) {
      try {
        await chrome.storage.local.set({ [`audit:old-${i}`]: { results: chunk } });
      } catch {
        break;
      }
    }
    const small = 'x'.repeat(16 * 1024);
    for (let j = 0; ; j++) {
      try {
        await chrome.storage.local.set({ [`audit:old-s${j}`]: { results: small } });
      } catch {
        break;
      }
    }
    return quota - (await chrome.storage.local.getBytesInUse(null));
  });
  expect(free).toBeLessThan(20 * 1024);
  await page.goto(`${server.url}/zhonglou-2006.html`);
  const report = await auditViaToolbar(extContext, page);
  expect(await ruleIds(report, 'violations')).not.toEqual([]);
  // A settings change still sticks.
  await page.getByRole('toolbar', { name: '无障碍工具栏' }).getByRole('button', { name: '文字放大' }).click();
  await expect
    .poll(() => serviceWorker.evaluate(async (key) => JSON.stringify((await chrome.storage.local.get(key))[key] ?? null), `site:${new URL(server.url).origin}`))
    .toContain('"textScale":125');
});
