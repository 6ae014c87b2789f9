#!/usr/bin/env node
// The @axe-core/playwright side of bench/audit-cli.mjs: the canonical usage from its README, one
// page after another: new page, goto, `new AxeBuilder({ page }).withTags(…).analyze()`, close.
// Usage: node bench/audit-axe-playwright.mjs <out.json> <tags> <url…>  (peers in bench/peers).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const peers = createRequire(fileURLToPath(new URL('./peers/package.json', import.meta.url)));
const { chromium } = peers('playwright-core');
const { default: AxeBuilder } = peers('@axe-core/playwright');

const [out, tags, ...urls] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.KANJIAN_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const results = [];
for (const url of urls) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const r = await new AxeBuilder({ page }).withTags(tags.split(',')).analyze();
    results.push({ url, violations: r.violations.map((v) => ({ id: v.id, nodes: v.nodes.length })) });
  } catch (e) {
    results.push({ url, error: String(e instanceof Error ? e.message : e).split('\n')[0] });
  } finally {
    await page.close();
  }
}
await browser.close();
writeFileSync(out, JSON.stringify(results));
