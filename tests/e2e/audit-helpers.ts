import type { BrowserContext, Page } from '@playwright/test';
import { expect, toolbar } from './fixtures';

/** Starts an audit the way a user does (toolbar button) and returns the report tab once it shows. */
export async function auditViaToolbar(context: BrowserContext, page: Page): Promise<Page> {
  // The toolbar may already be open: open/closed is remembered per site.
  if (!(await toolbar(page).isVisible())) await page.getByRole('button', { name: '无障碍浏览' }).click();
  const reportPromise = context.waitForEvent('page', { predicate: (p) => p.url().includes('/report.html'), timeout: 60_000 });
  await toolbar(page).getByRole('button', { name: '无障碍检查' }).click();
  const report = await reportPromise;
  await report.waitForLoadState('domcontentloaded');
  // The report tab opens while the page is audited; the verdict shows once it is done.
  await expect(report.locator('#verdict')).toBeVisible({ timeout: 60_000 });
  await expect(report.getByRole('heading', { level: 1, name: '无障碍检查报告' })).toBeVisible();
  return report;
}

/** Rule ids of the report's findings in one section. */
export async function ruleIds(report: Page, section: 'violations' | 'incomplete'): Promise<string[]> {
  return report.locator(`#${section} article.finding`).evaluateAll((els) => els.map((e) => e.getAttribute('data-rule') ?? ''));
}
