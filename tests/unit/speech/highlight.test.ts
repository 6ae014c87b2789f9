import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { chunkSegments } from '../../../src/speech/chunk';
import { HIGHLIGHT_NAME, Highlighter } from '../../../src/speech/highlight';
import { collectReadingOrder } from '../../../src/speech/reading-order';

type Win = Window & { CSS?: unknown; Highlight?: unknown };

/** Minimal CSS Custom Highlight API for happy-dom, which has none. */
function installHighlightApi() {
  const registry = new Map<string, { ranges: Range[] }>();
  class FakeHighlight {
    ranges: Range[];
    constructor(...ranges: Range[]) {
      this.ranges = ranges;
    }
  }
  const w = window as Win;
  const prevCss = w.CSS;
  w.CSS = { highlights: registry };
  w.Highlight = FakeHighlight;
  return {
    registry,
    restore() {
      w.CSS = prevCss;
      delete w.Highlight;
    },
  };
}

function sentenceSetup() {
  document.body.innerHTML = '<p id="p">第一句话。第二句<b>有加粗</b>的话。</p>';
  const chunks = chunkSegments(collectReadingOrder(document));
  return { chunks, before: document.body.innerHTML };
}

describe('Highlighter: CSS Custom Highlight API', () => {
  let api: ReturnType<typeof installHighlightApi>;
  beforeEach(() => {
    api = installHighlightApi();
    document.adoptedStyleSheets = [];
    document.head.innerHTML = '';
  });
  afterEach(() => api.restore());

  test('registers the sentence ranges under kanjian-reading, adopts the ::highlight rule, leaves the DOM alone', () => {
    const { chunks, before } = sentenceSetup();
    const hl = new Highlighter({ document, scroll: false });
    expect(hl.mode).toBe('css');
    hl.showSentence(chunks[1]!.ranges);
    const h = api.registry.get(HIGHLIGHT_NAME)!;
    expect(h.ranges.map((r) => r.toString()).join('')).toBe('第二句有加粗的话。');
    expect(hl.debugState()).toMatchObject({ mode: 'css', sentence: '第二句有加粗的话。', stylesheet: 'adopted' });
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(document.body.innerHTML).toBe(before);
    expect(document.head.innerHTML).toBe('');
    hl.showSentence(chunks[0]!.ranges);
    expect(api.registry.get(HIGHLIGHT_NAME)!.ranges.map((r) => r.toString()).join('')).toBe('第一句话。');
    hl.clearSentence();
    expect(api.registry.has(HIGHLIGHT_NAME)).toBe(false);
    hl.dispose();
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  test('puts the sheet back if the page replaced adoptedStyleSheets', () => {
    const { chunks } = sentenceSetup();
    const hl = new Highlighter({ document, scroll: false });
    hl.showSentence(chunks[0]!.ranges);
    document.adoptedStyleSheets = [];
    hl.showSentence(chunks[1]!.ranges);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    hl.dispose();
  });

  test('falls back to one tagged <style> when adopting is refused', () => {
    const { chunks } = sentenceSetup();
    const hl = new Highlighter({ document, scroll: false, stylesheet: 'element' });
    hl.showSentence(chunks[0]!.ranges);
    const style = document.querySelector('style#kanjian-speech-highlight');
    expect(style?.textContent).toContain(`::highlight(${HIGHLIGHT_NAME})`);
    hl.dispose();
    expect(document.querySelector('style#kanjian-speech-highlight')).toBeNull();
  });

  test('ranges whose text changed or vanished are dropped, not thrown on', () => {
    const { chunks } = sentenceSetup();
    const hl = new Highlighter({ document, scroll: false });
    document.body.innerHTML = '<p>页面已经变了</p>';
    expect(() => hl.showSentence(chunks[1]!.ranges)).not.toThrow();
    expect(api.registry.has(HIGHLIGHT_NAME)).toBe(false);
    hl.dispose();
  });
});

describe('Highlighter: overlay fallback', () => {
  let host: HTMLElement;
  let root: ShadowRoot;

  beforeEach(() => {
    host = document.createElement('kanjian-toolbar');
    root = host.attachShadow({ mode: 'open' });
  });

  function stubRects() {
    // happy-dom has no layout: give ranges and elements some boxes.
    const rect = (top: number) => ({ left: 10, top, width: 100, height: 20, right: 110, bottom: top + 20, x: 10, y: top, toJSON() {} }) as DOMRect;
    const r1 = vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(() => [rect(10), rect(30)] as unknown as DOMRectList);
    const r2 = vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(() => rect(10));
    const r3 = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(() => rect(50));
    return () => {
      r1.mockRestore();
      r2.mockRestore();
      r3.mockRestore();
    };
  }

  test('draws sentence boxes in the overlay root only, and removes them and the scroll listener', () => {
    const restore = stubRects();
    const { chunks, before } = sentenceSetup();
    document.body.appendChild(host);
    const beforeWithHost = document.body.innerHTML;
    const add = vi.spyOn(window, 'addEventListener');
    const hl = new Highlighter({ document, overlayRoot: root, mode: 'overlay', scroll: false });
    expect(hl.mode).toBe('overlay');
    hl.showSentence(chunks[1]!.ranges);
    expect(root.querySelectorAll('[data-kanjian-box="sentence"]').length).toBeGreaterThan(0);
    expect(document.body.innerHTML).toBe(beforeWithHost);
    expect(add.mock.calls.map((c) => c[0])).toEqual(['scroll', 'resize']);
    hl.clearSentence();
    expect(root.querySelectorAll('[data-kanjian-box]').length).toBe(0);
    // Both listeners hang on one signal, aborted when the boxes go.
    const signals = add.mock.calls.map((c) => (c[2] as AddEventListenerOptions).signal);
    expect(signals.every((sig) => sig?.aborted)).toBe(true);
    hl.dispose();
    expect(root.childNodes.length).toBe(0);
    host.remove();
    expect(document.body.innerHTML).toBe(before);
    add.mockRestore();
    restore();
  });

  test('指读 outline is an overlay box, the element itself is not restyled', () => {
    const restore = stubRects();
    document.body.innerHTML = '<a id="a" href="/">网站首页</a>';
    const a = document.getElementById('a')!;
    const hl = new Highlighter({ document, overlayRoot: root, scroll: false });
    hl.showElement(a);
    const box = root.querySelector<HTMLElement>('[data-kanjian-box="outline"]')!;
    expect(box).not.toBeNull();
    expect(box.style.top).toBe('50px');
    expect(a.getAttribute('style')).toBeNull();
    expect(hl.debugState().outlined).toBe(true);
    hl.showElement(null);
    expect(root.querySelector('[data-kanjian-box]')).toBeNull();
    hl.dispose();
    restore();
  });

  test('without CSS highlights and without an overlay root it does nothing, quietly', () => {
    sentenceSetup();
    const hl = new Highlighter({ document });
    expect(hl.mode).toBe('none');
    expect(() => hl.showElement(document.body)).not.toThrow();
    hl.dispose();
  });

  test('scrolls an off-screen sentence into view, instantly under prefers-reduced-motion', () => {
    const { chunks } = sentenceSetup();
    const off = { left: 0, top: 5000, width: 100, height: 20, right: 100, bottom: 5020, x: 0, y: 5000, toJSON() {} } as DOMRect;
    const r = vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(() => off);
    const e = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(() => off);
    const mm = vi.spyOn(window, 'matchMedia').mockImplementation((q: string) => ({ matches: q.includes('reduce'), media: q }) as MediaQueryList);
    const calls: ScrollIntoViewOptions[] = [];
    const s = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation((o?: boolean | ScrollIntoViewOptions) => {
      calls.push(o as ScrollIntoViewOptions);
    });
    const hl = new Highlighter({ document, overlayRoot: root, mode: 'overlay' });
    hl.showSentence(chunks[0]!.ranges);
    expect(calls).toEqual([{ block: 'nearest', inline: 'nearest', behavior: 'instant' }]);
    hl.dispose();
    for (const m of [r, e, mm, s]) m.mockRestore();
  });
});
