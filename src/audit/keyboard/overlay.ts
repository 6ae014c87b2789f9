// The path of tab stops drawn over the page (like Accessibility Insights' tab-stops view): a numbered
// circle on each stop, lines between consecutive stops, problem stops in red. Everything lives in one
// shadow root with its own styles, so nothing leaks into or out of the page; its host is registered as
// kanjian's own UI by reference (markOwnUi: never by an attribute a page could copy). It takes no
// pointer events. Returns a function that removes it.
import { markOwnUi } from '../../shared/own-ui';
import type { KeyboardPathStop } from './types';

/** What the overlay needs of a stop: its number, its box in page coordinates, whether it is a problem. */
export type OverlayStop = Pick<KeyboardPathStop, 'index' | 'rect' | 'problem'>;

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface TabStopsOverlayOptions {
  /** Labels (the overlay's accessible name). */
  label?: string;
}

export function showTabStops(doc: Document, stops: readonly OverlayStop[], opts: TabStopsOverlayOptions = {}): () => void {
  const host = markOwnUi(doc.createElement('div'));
  host.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;z-index:2147483646;pointer-events:none;';
  const root = host.attachShadow({ mode: 'open' });
  const width = Math.max(doc.documentElement.scrollWidth, ...stops.map((s) => s.rect.x + s.rect.width));
  const height = Math.max(doc.documentElement.scrollHeight, ...stops.map((s) => s.rect.y + s.rect.height));
  const style = doc.createElement('style');
  style.textContent =
    ':host{all:initial}' +
    'svg{position:absolute;left:0;top:0;overflow:visible;font:bold 13px/1 sans-serif}' +
    '.line{stroke:#1a56b0;stroke-width:2;fill:none;opacity:.8}' +
    '.box{fill:none;stroke:#1a56b0;stroke-width:2}' +
    '.dot{fill:#1a56b0;stroke:#fff;stroke-width:2}' +
    '.bad .dot,.bad.box{fill:#b00020}.bad.box{fill:none;stroke:#b00020}' +
    'text{fill:#fff;text-anchor:middle;dominant-baseline:central}';
  root.appendChild(style);
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', opts.label ?? `Tab stops: ${stops.length}`);
  root.appendChild(svg);
  const bad = (s: OverlayStop) => s.problem === true;
  const centre = (s: OverlayStop) => ({ x: s.rect.x + Math.min(12, s.rect.width / 2), y: s.rect.y + Math.min(12, s.rect.height / 2) });
  if (stops.length > 1) {
    const path = doc.createElementNS(SVG_NS, 'polyline');
    path.setAttribute('class', 'line');
    path.setAttribute('points', stops.map((s) => `${centre(s).x},${centre(s).y}`).join(' '));
    svg.appendChild(path);
  }
  for (const s of stops) {
    const g = doc.createElementNS(SVG_NS, 'g');
    g.setAttribute('class', bad(s) ? 'stop bad' : 'stop');
    g.setAttribute('data-stop', String(s.index));
    const box = doc.createElementNS(SVG_NS, 'rect');
    box.setAttribute('class', bad(s) ? 'box bad' : 'box');
    for (const [k, v] of Object.entries({ x: s.rect.x, y: s.rect.y, width: s.rect.width, height: s.rect.height })) box.setAttribute(k, String(v));
    const c = centre(s);
    const dot = doc.createElementNS(SVG_NS, 'circle');
    dot.setAttribute('class', 'dot');
    dot.setAttribute('cx', String(c.x));
    dot.setAttribute('cy', String(c.y));
    dot.setAttribute('r', '11');
    const text = doc.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(c.x));
    text.setAttribute('y', String(c.y));
    text.textContent = String(s.index);
    g.append(box, dot, text);
    svg.appendChild(g);
  }
  // On the root element: its containing block is the document's origin, whatever the body's position.
  doc.documentElement.appendChild(host);
  return () => host.remove();
}
