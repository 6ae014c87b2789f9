import type { Page, Worker } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, expect, tabIdOf, test, toolbar } from './fixtures';
import { axeToolbar } from './display-helpers';

/**
 * The split between the small document_start loader (every page) and the page bundle (toolbar, aids,
 * 繁简, read-aloud, audit button), which the background injects only when the user asks for it or the
 * site has stored aids. Sizes and contents are read from the build; nothing here is timed.
 */

const manifest = (): { content_scripts?: Array<{ js?: string[]; run_at?: string }>; web_accessible_resources?: Array<{ resources: string[] }> } =>
  JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

/** Strings that only the toolbar, the aids, read-aloud, 繁简 and the audit hook put into a bundle. */
const MARKERS: Record<string, string[]> = {
  toolbar: ['kj-bar', 'kj-menu'],
  aids: ['kanjian-text-scale', 'kanjian-letter-spacing'],
  speech: ['speechSynthesis', 'getVoices'],
  audit: ['auditSuspend'],
  convert: ['dict/'],
};

/** The toolbar shown, with the focus on its first button. */
async function expectOpenWithFocus(page: Page): Promise<void> {
  await expect(toolbar(page)).toBeVisible();
  await expect(toolbar(page).getByRole('button', { name: '文字放大' })).toBeFocused();
}

/** Whether the page bundle runs in the tab's top frame (asked in the extension's isolated world). */
async function pageUiLoaded(sw: Worker, tabId: number): Promise<boolean> {
  return sw.evaluate(async (id) => {
    const [r] = await chrome.scripting.executeScript({ target: { tabId: id, frameIds: [0] }, func: () => (globalThis as Record<string, unknown>).__kanjianPageUi === true });
    return r?.result === true;
  }, tabId);
}

test('the document_start script is at most 30 KB and holds no toolbar, aid, speech, 繁简 or audit code; the page bundle holds them', () => {
  const startScripts = (manifest().content_scripts ?? []).filter((c) => c.run_at === 'document_start').flatMap((c) => c.js ?? []);
  expect(startScripts).toEqual(['loader.js']);
  const loader = readFileSync(join(EXTENSION_DIR, startScripts[0]!), 'utf8');
  expect(statSync(join(EXTENSION_DIR, startScripts[0]!)).size).toBeLessThanOrEqual(30 * 1024);
  const bundle = readFileSync(join(EXTENSION_DIR, 'page-ui.js'), 'utf8');
  for (const [what, markers] of Object.entries(MARKERS)) {
    for (const m of markers) {
      expect(bundle.includes(m), `${what} marker ${m} in the page bundle`).toBe(true);
      expect(loader.includes(m), `${what} marker ${m} in the document_start script`).toBe(false);
    }
  }
});

test('the page bundle is not web-accessible: a page cannot load or probe it', async ({ page, server, extensionId }) => {
  const exposed = (manifest().web_accessible_resources ?? []).flatMap((w) => w.resources);
  expect(exposed.some((r) => r.includes('page-ui') || r === '*' || r === '/*' || r.endsWith('.js'))).toBe(false);
  await page.goto(server.url + '/zhonglou-2006.html');
  const probe = await page.evaluate(async (id) => {
    try {
      const res = await fetch(`chrome-extension://${id}/page-ui.js`);
      return `status ${res.status}`;
    } catch {
      return 'refused';
    }
  }, extensionId);
  expect(probe).toBe('refused');
});

test('a page where nothing is on gets only the loader; the user’s click loads the toolbar, shown with the focus in it', async ({ page, server, serviceWorker }) => {
  await page.goto(server.url + '/zhonglou-2006.html');
  const launcher = page.getByRole('button', { name: '无障碍浏览' });
  await expect(launcher).toBeVisible();
  const tabId = await tabIdOf(serviceWorker, page);
  expect(await pageUiLoaded(serviceWorker, tabId)).toBe(false);
  await launcher.click();
  const bar = toolbar(page);
  await expect(bar).toBeVisible();
  await expect(bar.getByRole('button', { name: '文字放大' })).toBeFocused();
  expect(await pageUiLoaded(serviceWorker, tabId)).toBe(true);
  // One launcher host: the loader's gave way to the toolbar's.
  expect(await page.locator('kanjian-toolbar').count()).toBe(1);
  // Closing brings the toolbar's own launcher back with the focus.
  await bar.getByRole('button', { name: '关闭工具栏' }).click();
  await expect(page.getByRole('button', { name: '无障碍浏览' })).toBeFocused();
});

test('the loader’s launcher (made from markup on every page) looks, sits and reads exactly as the toolbar’s own', async ({ page, server }) => {
  await page.goto(server.url + '/zhonglou-2006.html');
  const launcher = page.getByRole('button', { name: '无障碍浏览' });
  await expect(launcher).toBeVisible();
  const look = (): Promise<Record<string, string>> =>
    launcher.evaluate((el) => {
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const props = ['position', 'display', 'color', 'background-color', 'border-top-color', 'border-top-width', 'border-radius', 'font-size', 'font-weight', 'font-family', 'min-height', 'padding-left', 'z-index', 'cursor', 'box-shadow'];
      const icon = el.querySelector('[aria-hidden="true"]');
      return {
        ...Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])),
        box: [r.x, r.y, r.width, r.height].map(Math.round).join(','),
        title: el.getAttribute('title') ?? '',
        text: el.textContent ?? '',
        icon: icon?.textContent ?? '',
        type: el.getAttribute('type') ?? '',
        hostStyle: el.getRootNode() instanceof ShadowRoot ? getComputedStyle((el.getRootNode() as ShadowRoot).host).display : 'no shadow root',
      };
    });
  const fromLoader = await look();
  expect(fromLoader.position).toBe('fixed');
  expect(parseFloat(fromLoader['min-height']!)).toBeGreaterThanOrEqual(48);
  expect(fromLoader.title).toBe('打开无障碍工具栏');
  expect(fromLoader.icon).toBe('♿');
  // The audit passes on it before the toolbar's code is here (WCAG 2.2 AA).
  expect(await axeToolbar(page, '.kj-launcher')).toEqual([]);
  expect(await page.locator('kanjian-toolbar').evaluate((h) => !!h.shadowRoot?.querySelector('[role=toolbar]'))).toBe(false);
  await launcher.click();
  await toolbar(page).getByRole('button', { name: '关闭工具栏' }).click();
  await expect(launcher).toBeFocused();
  await page.mouse.click(5, 5); // focus away, as it was
  expect(await look()).toEqual(fromLoader);
});

test('a hostile page clicking and keying at the launcher cannot make kanjian load its toolbar', async ({ page, server, serviceWorker }) => {
  // The attack page clicks, keys, points at and focuses everything in every shadow root it reaches,
  // ten times a second (fixtures/pages/security/operate-toolbar.html).
  await page.goto(server.url + '/security/operate-toolbar.html');
  await expect(page.getByRole('button', { name: '无障碍浏览' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { attack?: { clicks: number } }).attack?.clicks ?? 0)).toBeGreaterThan(10);
  const tabId = await tabIdOf(serviceWorker, page);
  expect(await pageUiLoaded(serviceWorker, tabId)).toBe(false);
  await expect(toolbar(page)).toHaveCount(0);
  // The user's own click still works on the same page.
  await page.getByRole('button', { name: '无障碍浏览' }).click();
  await expect(toolbar(page)).toBeVisible();
});

test('a site with stored aids gets the page bundle at document_start, once', async ({ page, server, serviceWorker }) => {
  await page.goto(server.url + '/zhonglou-2006.html');
  await page.getByRole('button', { name: '无障碍浏览' }).click();
  await toolbar(page).getByRole('button', { name: '文字放大' }).click();
  await toolbar(page).getByRole('button', { name: '关闭工具栏' }).click();
  await page.reload();
  const tabId = await tabIdOf(serviceWorker, page);
  await expect.poll(() => pageUiLoaded(serviceWorker, tabId)).toBe(true);
  expect(await page.locator('kanjian-toolbar').count()).toBe(1);
});

test.describe('the toolbar’s code is fetched while the user is about to press the launcher', () => {
  test('a pointer resting on the launcher loads it, still closed; the click then opens it', async ({ page, server, serviceWorker }) => {
    await page.goto(server.url + '/zhonglou-2006.html');
    const launcher = page.getByRole('button', { name: '无障碍浏览' });
    const box = (await launcher.boundingBox())!;
    const tabId = await tabIdOf(serviceWorker, page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => pageUiLoaded(serviceWorker, tabId)).toBe(true);
    // Loaded, not opened: the launcher is the toolbar's own now, in the same place.
    await expect(toolbar(page)).toBeHidden();
    await expect(launcher).toBeVisible();
    expect(await page.locator('kanjian-toolbar').count()).toBe(1);
    await page.mouse.down();
    await page.mouse.up();
    await expectOpenWithFocus(page);
  });

  test('a pointer only crossing the launcher loads nothing', async ({ page, server, serviceWorker }) => {
    await page.goto(server.url + '/zhonglou-2006.html');
    const box = (await page.getByRole('button', { name: '无障碍浏览' }).boundingBox())!;
    await page.mouse.move(box.x - 40, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width + 40, box.y + box.height / 2, { steps: 3 });
    await page.waitForTimeout(600);
    expect(await pageUiLoaded(serviceWorker, await tabIdOf(serviceWorker, page))).toBe(false);
  });

  /** Straight to a press on the launcher, no resting, held until the press itself has brought the toolbar's code. */
  async function holdOnLauncher(page: Page, sw: Worker, url: string): Promise<{ x: number; y: number }> {
    await page.goto(url + '/zhonglou-2006.html');
    const box = (await page.getByRole('button', { name: '无障碍浏览' }).boundingBox())!;
    const tabId = await tabIdOf(sw, page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await expect.poll(() => pageUiLoaded(sw, tabId)).toBe(true);
    await expect(toolbar(page)).toBeHidden();
    return box;
  }

  test('a press held while the toolbar’s code arrives still opens it when released over the launcher', async ({ page, server, serviceWorker }) => {
    await holdOnLauncher(page, serviceWorker, server.url);
    await page.mouse.up();
    await expectOpenWithFocus(page);
  });

  test('a press dragged off the launcher before release opens nothing (the press is cancelled)', async ({ page, server, serviceWorker }) => {
    const box = await holdOnLauncher(page, serviceWorker, server.url);
    await page.mouse.move(box.x - 200, box.y - 200, { steps: 4 });
    await page.mouse.up();
    await page.waitForTimeout(400);
    await expect(toolbar(page)).toBeHidden();
  });

  test('Space held on the launcher while the code arrives opens the toolbar on release, focus in it', async ({ page, server, serviceWorker }) => {
    await page.goto(server.url + '/zhonglou-2006.html');
    const launcher = page.getByRole('button', { name: '无障碍浏览' });
    await launcher.focus();
    const tabId = await tabIdOf(serviceWorker, page);
    expect(await pageUiLoaded(serviceWorker, tabId)).toBe(false);
    await page.keyboard.down(' ');
    await expect.poll(() => pageUiLoaded(serviceWorker, tabId)).toBe(true);
    await page.keyboard.up(' ');
    await expectOpenWithFocus(page);
  });
});

test('a page cannot tell that kanjian is installed from events or messages at start-up, even knowing its id', async ({ page, server, extensionId }) => {
  // The attack page listens, under kanjian's own id, on itself and on blank frames it creates and can
  // reach before any extension script runs there (fixtures/pages/security/detect-extension.html).
  await page.goto(`${server.url}/security/detect-extension.html?id=${extensionId}`);
  await expect(page.getByRole('button', { name: '无障碍浏览' })).toBeVisible();
  await page.waitForTimeout(800);
  expect(await page.evaluate(() => (window as unknown as { done?: boolean }).done)).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([]);
});

/** Registers early.css for the test server's origin, as if a site's stored aids had left it behind, for `body`. */
async function withLeftoverEarlyCss(serviceWorker: Worker, origin: string, body: () => Promise<void>): Promise<void> {
  await serviceWorker.evaluate(async (o) => {
    await chrome.scripting.registerContentScripts([{ id: 'leftover-early-css', matches: [`${o}/*`], css: ['early.css'], runAt: 'document_start', allFrames: true }]);
  }, origin);
  try {
    await body();
  } finally {
    await serviceWorker.evaluate(() => chrome.scripting.unregisterContentScripts({ ids: ['leftover-early-css'] }).catch(() => undefined));
  }
}

test('a page element with the id of kanjian’s reveal style does not keep the page hidden', async ({ page, server, serviceWorker }) => {
  await withLeftoverEarlyCss(serviceWorker, server.url, async () => {
    await page.goto(server.url + '/hostile/reveal-id.html');
    // Shown by the loader's own reveal, not by early.css's 1.5 s fallback.
    await expect(page.locator('style#kanjian-style-reveal')).toHaveCount(1);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).visibility)).toBe('visible');
  });
});

test('a page hidden by a leftover early.css with nothing on is shown by the loader at once, not after the 1.5 s fallback', async ({ page, server, serviceWorker }) => {
  // As if the registration for a site's stored aids outlived them (they were switched off meanwhile).
  await withLeftoverEarlyCss(serviceWorker, server.url, async () => {
    await page.goto(server.url + '/zhonglou-2006.html');
    // The loader's own reveal (its style element), well before early.css's own animation would show the page.
    await expect(page.locator('#kanjian-style-reveal')).toHaveCount(1);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).visibility)).toBe('visible');
    // Elsewhere the loader adds nothing to the page.
    await serviceWorker.evaluate(() => chrome.scripting.unregisterContentScripts({ ids: ['leftover-early-css'] }));
    await page.reload();
    await expect(page.getByRole('button', { name: '无障碍浏览' })).toBeVisible();
    await expect(page.locator('#kanjian-style-reveal')).toHaveCount(0);
  });
});
