/**
 * The report page's 键盘路径 view on the audited tab: the report connects a port to this tab's top
 * frame and sends the path of tab stops; the numbered stops are drawn over the page (showTabStops, in
 * kanjian's own UI) until the port closes — the user turns the view off, or the report page closes
 * (the browser closes its ports), or the extension goes away. Only an extension page can open such a
 * port (a web page cannot connect to a content script); what it sends is checked all the same.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { showTabStops, type OverlayStop } from '../audit/keyboard/overlay';
import { resolveTarget } from './highlight';

export const TAB_STOPS_PORT = 'kanjian-tab-stops';

/**
 * What the report sends: the stops (with their axe-style targets, to find them in the page as it is
 * laid out now: kanjian's toolbar was hidden during the walk and may move the page), and the
 * overlay's accessible name in the report's language.
 */
export interface TabStopsMessage {
  stops: Array<OverlayStop & { target: Array<string | string[]> }>;
  label: string;
}

function isTarget(t: unknown): t is Array<string | string[]> {
  const sel = (x: unknown): boolean => typeof x === 'string' && x.length <= 2000;
  return Array.isArray(t) && t.length > 0 && t.length <= 16 && t.every((p) => sel(p) || (Array.isArray(p) && p.length > 0 && p.length <= 16 && p.every(sel)));
}

/** Most stops drawn (the walk itself stops at 400). */
const MAX_STOPS = 1000;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The message if it is one, else null. */
export function checkTabStopsMessage(data: unknown): TabStopsMessage | null {
  if (!data || typeof data !== 'object') return null;
  const { stops, label } = data as Record<string, unknown>;
  if (!Array.isArray(stops) || stops.length > MAX_STOPS || typeof label !== 'string') return null;
  const out: TabStopsMessage['stops'] = [];
  for (const s of stops as unknown[]) {
    if (!s || typeof s !== 'object') return null;
    const { index, rect, problem, target } = s as Record<string, unknown>;
    const r = rect as Record<string, unknown> | null;
    if (!Number.isInteger(index) || !isTarget(target) || !r || typeof r !== 'object' || ![r.x, r.y, r.width, r.height].every(finite)) return null;
    out.push({ index: index as number, target, rect: { x: r.x as number, y: r.y as number, width: r.width as number, height: r.height as number }, problem: problem === true });
  }
  return { stops: out, label: label.slice(0, 200) };
}

/** An element's box in page coordinates now, or null when the page no longer has it. */
function whereNow(doc: Document, target: Array<string | string[]>): OverlayStop['rect'] | null {
  let el: Element | null = null;
  try {
    el = resolveTarget(doc, target);
  } catch {
    el = null;
  }
  if (!el || el.ownerDocument !== doc) return null;
  const r = el.getBoundingClientRect();
  const win = doc.defaultView;
  return { x: r.x + (win?.scrollX ?? 0), y: r.y + (win?.scrollY ?? 0), width: r.width, height: r.height };
}

type Port = ReturnType<Browser['runtime']['connect']>;

/** Listens for the report's port; returns a function that stops listening and removes any overlay. */
export function listenForTabStops(browser: Browser, doc: Document): () => void {
  const removers = new Set<() => void>();
  const onConnect = (port: Port): void => {
    if (port.name !== TAB_STOPS_PORT) return;
    // From this extension only (another extension's port has its own id).
    if (port.sender?.id !== browser.runtime.id) {
      port.disconnect();
      return;
    }
    let remove: (() => void) | null = null;
    const clear = (): void => {
      if (remove) removers.delete(remove);
      remove?.();
      remove = null;
    };
    port.onMessage.addListener((data: unknown) => {
      const msg = checkTabStopsMessage(data);
      clear();
      if (!msg) return;
      try {
        remove = showTabStops(doc, msg.stops.map((st) => ({ ...st, rect: whereNow(doc, st.target) ?? st.rect })), { label: msg.label });
        removers.add(remove);
        port.postMessage({ shown: msg.stops.length });
      } catch {
        port.postMessage({ shown: 0 });
      }
    });
    port.onDisconnect.addListener(clear);
  };
  browser.runtime.onConnect.addListener(onConnect);
  return () => {
    for (const r of removers) r();
    removers.clear();
    try {
      browser.runtime.onConnect.removeListener(onConnect);
    } catch {
      // The runtime is already gone with its listeners.
    }
  };
}
