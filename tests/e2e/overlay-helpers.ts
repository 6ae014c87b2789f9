import type { Page, Worker } from '@playwright/test';
import { tabIdOf } from './fixtures';

/**
 * 十字线/阅读尺 and 显示屏 live in CLOSED shadow roots (they show what the user does inside other
 * sites' frames): the page's own script cannot read them, and neither can a test through the page.
 * These helpers read them the way only kanjian can, from the extension's own world in the top frame
 * (`chrome.dom.openOrClosedShadowRoot` through `scripting.executeScript`, run by the service worker).
 */
export interface OverlayPart {
  cls: string;
  hidden: boolean;
  text: string;
  mode: string;
  x: number;
  y: number;
  w: number;
  h: number;
  bg: string;
  pe: string;
  fontSize: number;
  /** The content fits its box (no overflow either way). */
  fits: boolean;
  /** [base, rt] of each <ruby> inside. */
  ruby: Array<[string, string]>;
}

/**
 * The elements matching `selector` inside the top frame's `kanjian-<name>` overlay (in document
 * order), or null when there is no such overlay.
 */
export async function overlayParts(serviceWorker: Worker, page: Page, name: 'guide' | 'caption', selector: string): Promise<OverlayPart[] | null> {
  const tabId = await tabIdOf(serviceWorker, page);
  if (tabId < 0) return null;
  return serviceWorker.evaluate(
    async ({ tabId, tag, selector }) => {
      const [res] = await chrome.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        world: 'ISOLATED',
        args: [tag, selector],
        func: (tag: string, selector: string) => {
          const host = document.querySelector(tag);
          const root = host instanceof HTMLElement ? chrome.dom.openOrClosedShadowRoot(host) : null;
          if (!root) return null;
          return [...root.querySelectorAll(selector)].map((node) => {
            const e = node as HTMLElement;
            const r = e.getBoundingClientRect();
            const cs = getComputedStyle(e);
            const box = e.parentElement ?? e;
            return {
              cls: e.className,
              hidden: e.hidden,
              text: e.textContent ?? '',
              mode: e.dataset['mode'] ?? '',
              x: r.x,
              y: r.y,
              w: r.width,
              h: r.height,
              bg: cs.backgroundColor,
              pe: cs.pointerEvents,
              fontSize: parseFloat(cs.fontSize),
              fits: e.scrollHeight <= box.clientHeight && e.scrollWidth <= box.clientWidth,
              ruby: [...e.querySelectorAll('ruby')].map((x): [string, string] => [x.firstChild?.textContent ?? '', x.querySelector('rt')?.textContent ?? '']),
            };
          });
        },
      });
      return (res?.result ?? null) as OverlayPart[] | null;
    },
    { tabId, tag: `kanjian-${name}`, selector },
  );
}

/** The guide's lines as boxes in the window (null: not shown). */
export async function guideLines(serviceWorker: Worker, page: Page): Promise<Record<'h' | 'v' | 'r', OverlayPart | null>> {
  const parts = (await overlayParts(serviceWorker, page, 'guide', '.g')) ?? [];
  const line = (cls: string) => parts.find((p) => p.cls.split(' ').includes(cls) && !p.hidden) ?? null;
  return { h: line('h'), v: line('v'), r: line('r') };
}

/** The caption band and its text (null: no band). */
export async function captionBand(serviceWorker: Worker, page: Page): Promise<{ band: OverlayPart; text: OverlayPart } | null> {
  const parts = await overlayParts(serviceWorker, page, 'caption', '.band, .text');
  const band = parts?.find((p) => p.cls.split(' ').includes('band'));
  const text = parts?.find((p) => p.cls.split(' ').includes('text'));
  return band && text ? { band, text } : null;
}
