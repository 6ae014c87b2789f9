import type { Frame, Page } from '@playwright/test';

/** Helpers for the frame specs (tests/e2e/frames-*.spec.ts): what a person sees in every frame of a tab. */

/** The frames of a page that show a document with a body (the frameset document itself has none). */
export async function contentFrames(page: Page): Promise<Frame[]> {
  const out: Frame[] = [];
  for (const f of page.frames()) {
    const hasBody = await f.evaluate(() => document.body?.localName === 'body').catch(() => false);
    if (hasBody) out.push(f);
  }
  return out;
}

/** A frame by the id of its <iframe> element (or the name of its <frame>), searched from the page. */
export async function frameByElement(page: Page, id: string): Promise<Frame> {
  for (const f of page.frames()) {
    const el = await f.frameElement().catch(() => null);
    if (!el) continue;
    const [elId, name] = await el.evaluate((e) => [(e as Element).id, (e as Element).getAttribute('name')]);
    if (elId === id || name === id) return f;
  }
  throw new Error(`no frame ${id}`);
}

/** Every non-blank text node of the frame's body, in order (kanjian's own elements left out). */
export function frameText(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const out: string[] = [];
    if (!document.body) return out;
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const p = n.parentElement;
      if (!p || /^(script|style)$/.test(p.localName) || p.closest('[id^="kanjian-"]') || p.closest('kanjian-toolbar')) continue;
      if (n.nodeValue!.trim()) out.push(n.nodeValue!);
    }
    return out;
  });
}

/** The frame's document as markup, kanjian's own elements left out (an exact restore gives the same string). */
export function frameMarkup(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const e of [...clone.querySelectorAll('*')]) if (e.localName.startsWith('kanjian-') || e.id.startsWith('kanjian-')) e.remove();
    return clone.outerHTML;
  });
}

/** How many kanjian toolbars and launchers the whole tab shows (every frame counted). */
export async function toolbarHosts(page: Page): Promise<number> {
  let n = 0;
  for (const f of page.frames()) n += await f.evaluate(() => document.querySelectorAll('kanjian-toolbar').length).catch(() => 0);
  return n;
}
