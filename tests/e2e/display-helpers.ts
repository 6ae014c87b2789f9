import type { Frame, Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../support/server.mjs';
import { expect, toolbar } from './fixtures';

/** Helpers shared by the display-aid specs (tests/e2e/display-*.spec.ts). */

export const DEMO = '/zhonglou-2006.html';
export const HOSTILE = '/display/hostile-colors.html';
export const BAD_PAGES = ['before/home.html', 'after/home.html', 'before/news.html', 'after/news.html', 'before/tickets.html', 'after/tickets.html', 'before/survey.html', 'after/survey.html'];
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

export async function openToolbar(page: Page): Promise<void> {
  await page.getByRole('button', { name: '无障碍浏览' }).click();
  await expect(toolbar(page)).toBeVisible();
}

export function button(page: Page, name: string) {
  return toolbar(page).getByRole('button', { name, exact: true });
}

/** Opens a toolbar menu button and picks an item (menuitemradio or menuitem). */
export async function choose(page: Page, menuButton: string, item: string): Promise<void> {
  await button(page, menuButton).click();
  const menu = page.getByRole('menu', { name: menuButton });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitemradio', { name: item, exact: true }).or(menu.getByRole('menuitem', { name: item, exact: true })).click();
  await expect(menu).toBeHidden();
}

export async function announced(page: Page, text: string): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: text })).toHaveCount(1);
}

/** The colour maths of src/display/color.ts, bundled for the page (window.kjColor). */
let colorLib: string | null = null;
export async function injectColor(page: Page | Frame): Promise<void> {
  colorLib ??= buildSync({ entryPoints: [resolve(REPO_ROOT, 'src/display/color.ts')], bundle: true, format: 'iife', globalName: 'kjColor', write: false }).outputFiles[0]!.text;
  // Injected scripts leave no element behind: the page's DOM is compared before and after.
  const tag = await page.addScriptTag({ content: colorLib });
  await tag.evaluate((e) => (e as Element).remove());
}

export interface ContrastScan {
  min: number;
  count: number;
  offenders: string[];
  /** Text whose backdrop (up to the first opaque background) has a background image. */
  onImages: string[];
}

/**
 * Every visible text node of the page (outside kanjian's UI): its colour (with opacity) against the
 * background actually behind it (ancestors' backgrounds composited down to the first opaque one).
 */
export async function contrastScan(page: Page | Frame): Promise<ContrastScan> {
  await injectColor(page);
  return page.evaluate(() => {
    type Rgba = { r: number; g: number; b: number; a: number };
    const lib = (window as unknown as { kjColor: typeof import('../../src/display/color') }).kjColor;
    const own = (n: Node | null) => {
      for (let e: Node | null = n; e; e = e.parentNode) if (e.nodeType === 1 && ((e as Element).localName.startsWith('kanjian-') || (e as Element).id.startsWith('kanjian-'))) return true;
      return false;
    };
    let min = 21;
    let count = 0;
    const offenders: string[] = [];
    const onImages: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.nodeValue?.trim()) continue;
      const el = n.parentElement!;
      if (own(el) || /^(script|style|noscript|template|option)$/.test(el.localName)) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const rect = range.getBoundingClientRect();
      if (rect.width < 2 || rect.height < 2) continue;
      const cs = getComputedStyle(el);
      const fill = cs.webkitTextFillColor && cs.webkitTextFillColor !== cs.color ? lib.parseColor(cs.webkitTextFillColor) : null;
      let fg = fill ?? lib.parseColor(cs.color);
      if (!fg) continue;
      const layers: Rgba[] = [];
      let opacity = 1;
      let image = false;
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        opacity *= parseFloat(s.opacity);
        const bg = lib.parseColor(s.backgroundColor);
        if (s.backgroundImage !== 'none') image = true;
        if (bg && bg.a > 0) layers.push(bg);
        if (bg && bg.a >= 1) break;
      }
      const back = lib.effectiveBackground(layers);
      fg = lib.composite({ ...fg, a: fg.a * opacity }, back);
      const ratio = lib.contrastRatio(fg, back);
      count++;
      const what = `${el.localName}${el.id ? '#' + el.id : ''} "${n.nodeValue.trim().slice(0, 12)}" ${lib.toHex(fg)} on ${lib.toHex(back)} = ${ratio.toFixed(2)}`;
      if (image) onImages.push(what);
      if (ratio < min) min = ratio;
      if (ratio < 7) offenders.push(what);
    }
    return { min, count, offenders, onImages };
  });
}

/** Every element's full computed style and the DOM, outside kanjian's own UI, to prove an exact restore. */
export async function snapshot(page: Page | Frame): Promise<{ html: string; styles: string[] }> {
  return page.evaluate(() => {
    const own = (e: Element) => e.localName.startsWith('kanjian-') || e.id.startsWith('kanjian-');
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const e of [...clone.querySelectorAll('*')]) if (own(e)) e.remove();
    const styles: string[] = [];
    for (const e of document.querySelectorAll('*')) {
      if (own(e) || e.closest('[id^="kanjian-"]')) continue;
      const cs = getComputedStyle(e);
      const props: string[] = [];
      // Left out: kanjian's own custom properties (read only by its shadow-root UI) and the
      // animation properties of <html>, where the controller's early-paint stylesheet (injected by the
      // browser at load time on sites with stored settings) puts its reveal animation: not an aid's.
      const early = e === document.documentElement;
      for (let i = 0; i < cs.length; i++) {
        const p = cs[i]!;
        if (p.startsWith('--kanjian-') || (early && p.startsWith('animation-'))) continue;
        props.push(`${p}:${cs.getPropertyValue(p)}`);
      }
      styles.push(`${e.localName}#${e.id}.${e.getAttribute('class') ?? ''}{${props.join(';')}}`);
    }
    return { html: clone.outerHTML, styles };
  });
}

export function diffSnapshots(a: { html: string; styles: string[] }, b: { html: string; styles: string[] }): string[] {
  const out: string[] = [];
  if (a.html !== b.html) out.push('DOM differs');
  if (a.styles.length !== b.styles.length) out.push(`element count ${a.styles.length} → ${b.styles.length}`);
  for (let i = 0; i < Math.min(a.styles.length, b.styles.length) && out.length < 10; i++) {
    if (a.styles[i] === b.styles[i]) continue;
    const pa = a.styles[i]!.split(';');
    const pb = b.styles[i]!.split(';');
    const changed = pa.filter((p, j) => p !== pb[j]).slice(0, 3);
    out.push(`${a.styles[i]!.slice(0, 40)}: ${changed.join(' | ')}`);
  }
  return out;
}

export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/** Elements showing text whose box clips or spills it (content taller or wider than a non-scrolling box). */
export async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const e of document.body.querySelectorAll('*')) {
      if (e.localName.startsWith('kanjian-')) continue;
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || /auto|scroll/.test(cs.overflowY)) continue;
      const text = [...e.childNodes].some((n) => n.nodeType === 3 && n.nodeValue!.trim());
      if (!text) continue;
      const fixedBox = cs.overflowX !== 'visible' || cs.overflowY !== 'visible' || cs.height !== 'auto';
      if (!fixedBox) continue;
      if (e.scrollHeight > e.clientHeight + 2 && e.clientHeight > 0) out.push(`${e.localName}#${e.id}.${e.getAttribute('class') ?? ''} ${e.scrollHeight}>${e.clientHeight}`);
    }
    return out;
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: number;
  help: string;
}

/** axe-core on kanjian's toolbar only (its shadow root; `part`: one element in it, e.g. the loader's launcher), WCAG 2.2 AA tags. */
export async function axeToolbar(page: Page, part = '.kj-root'): Promise<AxeViolation[]> {
  const tag = await page.addScriptTag({ path: resolve(REPO_ROOT, 'node_modules/axe-core/axe.min.js') });
  await tag.evaluate((e) => (e as Element).remove());
  return page.evaluate(
    async ({ tags, part }) => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[]; help: string }> }> } }).axe;
      const res = await axe.run({ include: [['kanjian-toolbar', part]] }, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return res.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
    },
    { tags: TAGS, part },
  );
}

/** The toolbar's bounding box and its buttons' computed font size (the toolbar never scales). */
export async function toolbarMetrics(page: Page): Promise<{ height: number; fontSize: string; minTarget: number }> {
  return page.evaluate(() => {
    const root = document.querySelector('kanjian-toolbar')!.shadowRoot!;
    const bar = root.querySelector('[role=toolbar]')!;
    const buttons = [...bar.querySelectorAll('button')];
    const sizes = buttons.map((b) => {
      const r = b.getBoundingClientRect();
      return Math.min(r.width, r.height);
    });
    return { height: bar.getBoundingClientRect().height, fontSize: getComputedStyle(buttons[1]!).fontSize, minTarget: Math.min(...sizes) };
  });
}

/** Pairs of different text nodes whose line boxes overlap on screen (text drawn over text). */
export async function textOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes: Array<{ who: string; r: DOMRect }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (!n.nodeValue?.trim() || el.closest('script, style, noscript, option') || !el.checkVisibility({ visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 2 && r.height > 2) boxes.push({ who: `${el.localName}.${el.className} "${n.nodeValue.trim().slice(0, 8)}"`, r });
    }
    const out: string[] = [];
    boxes.sort((a, b) => a.r.top - b.r.top);
    for (let i = 0; i < boxes.length && out.length < 10; i++) {
      const a = boxes[i]!;
      for (let j = i + 1; j < boxes.length && boxes[j]!.r.top < a.r.bottom; j++) {
        const b = boxes[j]!;
        if (a.who === b.who) continue;
        const ix = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const iy = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (ix > 2 && iy > 2) out.push(`${a.who} × ${b.who}`);
      }
    }
    return out;
  });
}

/**
 * Records, at every animation frame from the document's start, whether what that frame shows is
 * as it should be: the page still hidden (no body yet, or early.css keeping <html> hidden), or
 * `shown(document)` true. Read with `framesShownWrong` after the load: how many frames showed the
 * page without the aid (a flash), out of how many.
 */
export async function watchFramesFromStart(page: Page, shown: (doc: Document) => boolean): Promise<void> {
  const install = (test: (doc: Document) => boolean) => {
    const w = window as unknown as { __frames?: { wrong: number; all: number } };
    const frames = (w.__frames = { wrong: 0, all: 0 });
    const tick = () => {
      const hidden = !document.body || !document.body.firstChild || getComputedStyle(document.documentElement).visibility === 'hidden';
      frames.all++;
      if (!hidden && !test(document)) frames.wrong++;
      if (frames.all < 300) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  await page.addInitScript({ content: `(${install.toString()})(${shown.toString()})` });
}

export async function framesShownWrong(page: Page): Promise<{ wrong: number; all: number }> {
  return page.evaluate(() => (window as unknown as { __frames: { wrong: number; all: number } }).__frames);
}

/** 页面放大's tag on the parts it sets aside on a big page (src/display/zoom-parts.ts). */
export const ZOOM_PART = '[data-kj-zoom-part]';

/** Records in `window.__frames`, at every animation frame, the body's zoom and how many parts are set aside. */
export async function watchZoomFrames(page: Page | Frame): Promise<void> {
  await page.evaluate((part) => {
    const w = window as unknown as { __frames: Array<[string, number]> };
    w.__frames = [];
    const tick = (): void => {
      w.__frames.push([getComputedStyle(document.body).zoom, document.querySelectorAll(part).length]);
      if (w.__frames.length < 600) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, ZOOM_PART);
}

/** Whether every part is back and nothing of the zoom's run is left in the page (tags, rules, containment). */
export function zoomSettled(page: Page | Frame): Promise<boolean> {
  return page.evaluate((part) => {
    if (document.querySelector(part)) return false;
    const rules = [...(document.getElementById('kanjian-styles') as HTMLStyleElement | null)?.sheet?.cssRules ?? []].map((r) => r.cssText).join('');
    return !rules.includes('content-visibility') && !rules.includes('overflow-anchor');
  }, ZOOM_PART);
}
