#!/usr/bin/env node
// `npm start`: build the extension, serve the bundled demo page (a real district government page)
// on 127.0.0.1, and open Chromium with kanjian loaded and its toolbar open. Without a display it
// runs the same demo headless and writes screenshots to out/demo/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../tests/support/browsers.mjs';
import { ensureBrowsers } from './provision-browsers.mjs';
import { startServer } from '../tests/support/server.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const { chromium: executablePath } = ensureBrowsers();
if (!executablePath) process.exit(1);

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform === 'darwin' || process.platform === 'win32';
const headless = !hasDisplay || process.env.KANJIAN_HEADLESS === '1';
const extensionDir = join(root, '.output', 'chrome-mv3');
const server = await startServer({ port: Number(process.env.KANJIAN_DEMO_PORT ?? 0) });
const demoUrl = `${server.url}/zhonglou-2006.html`;
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'kanjian-demo-')), {
  executablePath,
  headless,
  viewport: headless ? { width: 1280, height: 900 } : null,
  locale: 'zh-CN',
  args: chromiumArgs(extensionDir),
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demoUrl);
await page.getByRole('button', { name: '无障碍浏览' }).click();
await page.getByRole('toolbar', { name: '无障碍工具栏' }).waitFor();

if (headless) {
  if (!hasDisplay) console.log('No display found (DISPLAY/WAYLAND_DISPLAY unset): running the demo headless.');
  const outDir = join(root, 'out', 'demo');
  mkdirSync(outDir, { recursive: true });
  const shot = join(outDir, 'demo-toolbar.png');
  await page.screenshot({ path: shot });
  const larger = page.getByRole('button', { name: '文字放大' });
  await larger.click();
  await larger.click();
  const shotLarge = join(outDir, 'demo-text-150.png');
  await page.screenshot({ path: shotLarge });
  console.log(`Demo page with the kanjian toolbar open: ${shot}`);
  console.log(`The same page with text at 150%:        ${shotLarge}`);
  await context.close();
  await server.close();
} else {
  console.log(`Chromium is open on ${demoUrl} with kanjian loaded. Close the browser window to stop.`);
  context.on('close', () => void server.close().then(() => process.exit(0)));
}
