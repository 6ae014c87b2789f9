import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { auditViaToolbar, ruleIds } from './audit-helpers';
import { expect, test, toolbar } from './fixtures';

async function nodeCount(report: Page): Promise<number> {
  return report.locator('#violations li.node').count();
}

test.describe('audit in the browser', () => {
  test.setTimeout(120_000);

  test('BAD "before" has many more violations than "after", with the known problems found; report in Chinese with references', async ({ page, server, extContext }) => {
    await page.goto(`${server.url}/corpus/bad/before/home.html`);
    const before = await auditViaToolbar(extContext, page);
    const beforeRules = await ruleIds(before, 'violations');
    const beforeNodes = await nodeCount(before);
    expect(beforeRules).toEqual(expect.arrayContaining(['image-alt', 'color-contrast']));
    // Chinese help text, impact, WCAG and GB/T references.
    const img = before.locator('#violations article[data-rule="image-alt"]');
    await expect(img.locator('h3 .help')).toHaveText(/替代文本|替代文字|alt/);
    await expect(img.locator('.wcag')).toContainText('1.1.1');
    await expect(img.locator('.gbt')).not.toBeEmpty();
    await expect(before.locator('#verdict')).toContainText('不通过');
    await before.close();

    await page.goto(`${server.url}/corpus/bad/after/home.html`);
    const after = await auditViaToolbar(extContext, page);
    const afterNodes = await nodeCount(after);
    const afterRules = await ruleIds(after, 'violations');
    console.log(`BAD home: before ${beforeRules.length} rules / ${beforeNodes} elements; after ${afterRules.length} / ${afterNodes}: ${afterRules.join(' ')}`);
    expect(afterRules).not.toContain('image-alt');
    expect(afterRules).not.toContain('color-contrast');
    expect(beforeRules.length).toBeGreaterThan(afterRules.length);
    expect(beforeNodes).toBeGreaterThan(afterNodes * 1.4);
    await after.close();
  });

  test('BAD survey "before": missing form labels are found', async ({ page, server, extContext }) => {
    await page.goto(`${server.url}/corpus/bad/before/survey.html`);
    const report = await auditViaToolbar(extContext, page);
    const rules = await ruleIds(report, 'violations');
    expect(rules.some((r) => r === 'label' || r === 'select-name')).toBe(true);
  });

  test('the audit sees the page without kanjian’s aids and restores them after; the toolbar is excluded', async ({ page, server, extContext }) => {
    await page.goto(`${server.url}/zhonglou-2006.html`);
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    const bar = toolbar(page);
    await bar.getByRole('button', { name: '文字放大' }).click();
    await bar.getByRole('button', { name: '繁简转换' }).click();
    await expect(page.locator('h1')).toHaveText('2006年政府重點工作');
    const sizeBefore = await page.locator('article p').first().evaluate((e) => getComputedStyle(e).fontSize);
    const reportPromise = extContext.waitForEvent('page', { predicate: (p) => p.url().includes('/report.html'), timeout: 60_000 });
    await page.getByRole('toolbar', { name: '無障礙工具列' }).getByRole('button', { name: '無障礙檢查' }).click();
    const report = await reportPromise;
    // The report tab opens while the page is audited; the verdict shows once it is done.
    await expect(report.locator('#verdict')).toBeVisible({ timeout: 60_000 });
    await expect(report.getByRole('heading', { level: 1 })).toBeVisible();
    // Snippets show the page's original Simplified text, not our conversion.
    const snippets = (await report.locator('pre.snippet').allTextContents()).join('\n');
    expect(snippets).not.toMatch(/重點|鐘樓/);
    expect(snippets).not.toContain('kanjian-toolbar');
    expect(snippets).not.toContain('data-kj-fs');
    // Aids are back on the page afterwards.
    await expect(page.locator('h1')).toHaveText('2006年政府重點工作');
    expect(await page.locator('article p').first().evaluate((e) => getComputedStyle(e).fontSize)).toBe(sizeBefore);
  });

  test('nested same- and cross-origin iframes: violations inside frames are reported with their frame path', async ({ page, server, server2, extContext }) => {
    await page.goto(`${server.url}/audit/frames-outer.html?cross=${encodeURIComponent(`${server2.url}/audit/frame-cross.html`)}`);
    await expect(page.frameLocator('#cross').locator('#cross-input')).toBeVisible();
    const report = await auditViaToolbar(extContext, page);
    const selectors = await report.locator('#violations code.selector').allTextContents();
    // frame path: outer iframe selector, then the element inside.
    expect(selectors.some((s) => s.includes('#same') && s.includes('#same-img'))).toBe(true);
    expect(selectors.some((s) => s.includes('#cross') && s.includes('#cross-input'))).toBe(true);
    expect(selectors.some((s) => s.includes('#inner-btn'))).toBe(true);
  });

  test('a cross-origin frame far below the fold (never drawn, so it gets no animation frame) is audited and the audit ends', async ({ page, server, server2, extContext }) => {
    await page.goto(`${server.url}/audit/frames-far.html?cross=${encodeURIComponent(`${server2.url}/audit/frame-cross.html`)}`);
    await expect(page.frameLocator('#far').locator('#cross-input')).toBeAttached();
    // 文字放大 on, so the frame's kanjian (its page bundle) has an aid to take off for the audit.
    if (!(await toolbar(page).isVisible())) await page.getByRole('button', { name: '无障碍浏览' }).click();
    await toolbar(page).getByRole('button', { name: '文字放大' }).click();
    await expect.poll(() => page.frameLocator('#far').locator('p').evaluate((p) => parseFloat(getComputedStyle(p).fontSize))).toBeGreaterThan(16);
    const report = await auditViaToolbar(extContext, page);
    const selectors = await report.locator('#violations code.selector').allTextContents();
    expect(selectors.some((s) => s.includes('#far') && s.includes('#cross-input'))).toBe(true);
  });

  test('highlight: "在页面中定位" scrolls the page to the element and outlines it; keyboard works too', async ({ page, server, extContext }) => {
    await page.goto(`${server.url}/corpus/bad/before/home.html`);
    const report = await auditViaToolbar(extContext, page);
    const node = report.locator('#violations article[data-rule="image-alt"] li.node').last();
    const selector = (await node.locator('code.selector').textContent())!;
    await node.getByRole('button', { name: '在页面中定位' }).focus();
    await report.keyboard.press('Enter');
    await expect(report.locator('#status')).toHaveText('已在页面中标出该元素');
    const box = await page.evaluate((sel) => {
      const el = document.querySelector(sel)!;
      const r = el.getBoundingClientRect();
      const hl = document.querySelector('kanjian-highlight')?.shadowRoot?.querySelector('.box') as HTMLElement | null;
      const b = hl?.getBoundingClientRect();
      return { inView: r.top >= 0 && r.bottom <= innerHeight, hl: b ? { x: b.x, y: b.y } : null, el: { x: r.x, y: r.y } };
    }, selector);
    expect(box.inView).toBe(true);
    expect(box.hl).not.toBeNull();
    expect(Math.abs(box.hl!.x - box.el.x)).toBeLessThan(2);
    expect(Math.abs(box.hl!.y - box.el.y)).toBeLessThan(2);
  });

  test('exports download: JSON (schema fields), HTML (self-contained), CSV (one row per element)', async ({ page, server, extContext }) => {
    await page.goto(`${server.url}/corpus/bad/before/news.html`);
    const report = await auditViaToolbar(extContext, page);
    const nodes = await nodeCount(report);
    const grab = async (id: string) => {
      const dl = report.waitForEvent('download');
      await report.locator(`#${id}`).click();
      const d = await dl;
      return readFileSync((await d.path())!, 'utf8');
    };
    const json = JSON.parse(await grab('export-json'));
    expect(json.schemaVersion).toBe('1.0.0');
    expect(json.tool.name).toBe('kanjian');
    expect(json.pages[0].status).toBe('audited');
    expect(json.pages[0].violations.reduce((n: number, v: { nodes: unknown[] }) => n + v.nodes.length, 0)).toBe(nodes);
    const html = await grab('export-html');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).not.toMatch(/<script\b|<link\b[^>]*stylesheet|src="https?:/i);
    const csv = (await grab('export-csv')).replace(/^\ufeff/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines.length - 1).toBeGreaterThanOrEqual(nodes);
  });

  test('a page with hostile markup stays inert in the report (no script runs, nothing injected)', async ({ page, server, extContext }) => {
    await page.goto(`${server.url}/audit/xss.html`);
    const report = await auditViaToolbar(extContext, page);
    const dialogs: string[] = [];
    report.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await report.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    // Markup from the page is shown as text.
    expect(await report.locator('img, svg, script:not([type=module]):not([src])').count()).toBe(0);
    await expect(report.locator('.page-title')).toContainText('</script><img src=x onerror=alert(1)>');
    const snippets = (await report.locator('pre.snippet').allTextContents()).join('\n');
    expect(snippets).toContain('onerror');
  });

  test('the report page passes its own audit at WCAG 2.2 AA', async ({ page, server, extContext }) => {
    await page.goto(`${server.url}/corpus/bad/before/home.html`);
    const report = await auditViaToolbar(extContext, page);
    // The extension ships axe; loading it from its own origin satisfies the page's CSP (script-src 'self').
    await report.addScriptTag({ url: '/vendor/axe.min.js' });
    const violations = await report.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });
});

test('the popup starts an audit of its tab and the report opens', async ({ page, server, extContext, openPopup }) => {
  await page.goto(`${server.url}/zhonglou-2006.html`);
  const popup = await openPopup(page);
  const reportPromise = extContext.waitForEvent('page', { predicate: (p) => p.url().includes('/report.html'), timeout: 60_000 });
  await popup.getByRole('button', { name: '无障碍检查' }).click();
  const report = await reportPromise;
  // The report tab opens while the page is audited; the verdict shows once it is done.
  await expect(report.locator('#verdict')).toBeVisible({ timeout: 60_000 });
  await expect(report.getByRole('heading', { level: 1, name: '无障碍检查报告' })).toBeVisible();
  await expect(report.locator('.url')).toHaveText(`${server.url}/zhonglou-2006.html`);
});
