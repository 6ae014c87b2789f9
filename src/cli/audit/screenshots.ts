/**
 * `--screenshots violations|pages`: for the first few elements of each violated rule on a page (or a
 * page state), a cropped screenshot with the element outlined, written to `OUT/screenshots/` and
 * referenced from report.json (each node's `screenshot`); with `pages`, the whole page too.
 *
 * Fast because the browser takes few pictures: the elements' boxes are measured in kanjian's world,
 * grouped into horizontal bands of the document, and each band is captured once; the crops and
 * outlines are cut out of it in Node (png.ts). The page is never changed to draw the outline.
 *
 * File names are the finding's fingerprint (a hash of rule, page and selector): nothing of a URL,
 * a selector or a secret is in them.
 */
import { lstatSync, mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageInput } from '../../audit/model';
import { fingerprint, hash64, pageKey } from '../../audit/fingerprint';
import type { DriverPage } from './driver';
import type { ElementRect } from './page';
import { UsageError } from '../command';
import { crop, decodePng, encodePng, strokeRect, type Image } from './png';

export const SCREENSHOT_MODES = ['none', 'violations', 'pages'] as const;
export type ScreenshotMode = (typeof SCREENSHOT_MODES)[number];

/** Elements per rule per page state that get a screenshot. */
export const SHOTS_PER_RULE = 3;
/** Room around the element in a crop (CSS px). */
const PAD = 24;
/** The outline: magenta, rarely a page's own colour, 3 px, 2 px outside the element's box. */
export const OUTLINE_RGB = [255, 0, 255] as const;
const OUTLINE = 3;
const OUTSET = 2;
/** Tallest band captured in one picture, and the largest crop kept (a huge element is cut). */
const BAND = 2000;
const MAX_CROP = 1200;
/** A `pages` screenshot stops here (very long pages). */
const MAX_PAGE_HEIGHT = 8000;
const MAX_WIDTH = 4000;

export const SCREENSHOT_DIR = 'screenshots';

/** What kanjian names its screenshots: nothing else in the folder is touched. */
const OWN_FILE = /^[0-9a-f]{16}(-[0-9a-z]{1,16})?\.png$/;

/**
 * Before the run: `OUT/screenshots` must be a folder of its own (not a symbolic link that would send
 * the pictures elsewhere, not a file); the last run's pictures in it are removed, so the report
 * never points at a stale one.
 */
export function prepareScreenshotDir(outDir: string): void {
  const dir = join(outDir, SCREENSHOT_DIR);
  let st;
  try {
    st = lstatSync(dir);
  } catch {
    return;
  }
  if (!st.isDirectory()) {
    throw new UsageError(
      `${dir} 不是文件夹（${st.isSymbolicLink() ? '是符号链接' : '是文件'}）：截图只写入报告文件夹中真正的 screenshots 文件夹`,
      `${dir} is not a folder (${st.isSymbolicLink() ? 'a symbolic link' : 'a file'}): screenshots are only written into a real screenshots folder of the report folder`,
    );
  }
  for (const name of readdirSync(dir)) {
    if (!OWN_FILE.test(name)) continue;
    const file = join(dir, name);
    if (lstatSync(file).isFile()) unlinkSync(file);
  }
}

interface Wanted {
  fp: string;
  target: unknown;
}

/** The nodes that get a screenshot: this document's (no frame path), SHOTS_PER_RULE per rule. */
function wanted(input: PageInput): Wanted[] {
  const key = pageKey(input.url ?? '', input.state);
  const out: Wanted[] = [];
  const seen = new Set<string>();
  for (const r of input.results?.violations ?? []) {
    let n = 0;
    for (const node of r.nodes) {
      if (n >= SHOTS_PER_RULE) break;
      if (node.target.length !== 1) continue;
      const fp = fingerprint(r.id, key, node.target);
      if (seen.has(fp)) continue;
      seen.add(fp);
      out.push({ fp, target: node.target });
      n++;
    }
  }
  return out;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/**
 * Takes the screenshots of an audited page state and records them in `input` (screenshots,
 * screenshot). Errors are the caller's to ignore: a screenshot never fails a page.
 */
export async function captureScreenshots(page: DriverPage, input: PageInput, opts: { mode: ScreenshotMode; outDir: string; timeoutMs: number }): Promise<void> {
  if (opts.mode === 'none' || !page.screenshot) return;
  const shoot = page.screenshot;
  const dir = join(opts.outDir, SCREENSHOT_DIR);
  const want = wanted(input);
  const top = await page.top();
  const measured = (await top.call('elementRects', want.map((w) => w.target))) as { rects: Array<ElementRect | null>; width: number; height: number };
  if (!measured || !Array.isArray(measured.rects) || measured.rects.length !== want.length) return;
  const docW = Math.min(Math.ceil(Number(measured.width) || 0), MAX_WIDTH);
  const docH = Math.ceil(Number(measured.height) || 0);
  if (!(docW > 0 && docH > 0)) return;
  mkdirSync(dir, { recursive: true });

  if (opts.mode === 'pages') {
    const name = `${hash64(pageKey(input.url ?? '', input.state))}-page.png`;
    const png = await shoot({ x: 0, y: 0, width: docW, height: Math.min(docH, MAX_PAGE_HEIGHT) }, opts.timeoutMs);
    writeFileSync(join(dir, name), png);
    input.screenshot = `${SCREENSHOT_DIR}/${name}`;
  }

  // Each element's crop (padded, cut to the document and to MAX_CROP), sorted top to bottom.
  const crops = want
    .map((w, i) => ({ w, r: measured.rects[i] }))
    .filter((x): x is { w: Wanted; r: ElementRect } => !!x.r && [x.r.x, x.r.y, x.r.width, x.r.height].every(Number.isFinite))
    .map(({ w, r }) => {
      const x0 = clamp(Math.floor(r.x - PAD), 0, docW - 1);
      const y0 = clamp(Math.floor(r.y - PAD), 0, docH - 1);
      const x1 = clamp(Math.ceil(r.x + r.width + PAD), x0 + 1, Math.min(docW, x0 + MAX_CROP));
      const y1 = clamp(Math.ceil(r.y + r.height + PAD), y0 + 1, Math.min(docH, y0 + MAX_CROP));
      return { w, r, x0, y0, x1, y1 };
    })
    .sort((a, b) => a.y0 - b.y0);

  const shots: Record<string, string> = {};
  let i = 0;
  while (i < crops.length) {
    // One band: every following crop that ends within BAND px of this one's top.
    const bandTop = crops[i]!.y0;
    let bandBottom = crops[i]!.y1;
    let j = i + 1;
    while (j < crops.length && Math.max(bandBottom, crops[j]!.y1) - bandTop <= BAND) bandBottom = Math.max(bandBottom, crops[j++]!.y1);
    const band: Image = decodePng(await shoot({ x: 0, y: bandTop, width: docW, height: bandBottom - bandTop }, opts.timeoutMs));
    for (const c of crops.slice(i, j)) {
      const y = c.y0 - bandTop;
      const h = Math.min(c.y1 - c.y0, band.height - y);
      const w = Math.min(c.x1 - c.x0, band.width - c.x0);
      if (h <= 0 || w <= 0) continue;
      const img = crop(band, c.x0, y, w, h);
      strokeRect(
        img,
        Math.round(c.r.x - c.x0) - OUTSET - OUTLINE,
        Math.round(c.r.y - c.y0) - OUTSET - OUTLINE,
        Math.round(c.r.width) + 2 * (OUTSET + OUTLINE),
        Math.round(c.r.height) + 2 * (OUTSET + OUTLINE),
        OUTLINE_RGB,
        OUTLINE,
      );
      const name = `${c.w.fp}.png`;
      writeFileSync(join(dir, name), encodePng(img));
      shots[c.w.fp] = `${SCREENSHOT_DIR}/${name}`;
    }
    i = j;
  }
  if (Object.keys(shots).length) input.screenshots = shots;
}
