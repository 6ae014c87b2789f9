import { describe, expect, it } from 'vitest';
import { bigCursorAid, buildCursorCss, CURSOR_SIZE, cursorSvg, cursorValue, kindForCursor } from '../../../src/display/cursor';

const page = { doc: document, win: window };

describe('large cursor', () => {
  it('is a 48–64 px SVG in a data: URL with a hotspot inside it and a keyword fallback', () => {
    expect(CURSOR_SIZE).toBeGreaterThanOrEqual(48);
    expect(CURSOR_SIZE).toBeLessThanOrEqual(64);
    for (const kind of ['arrow', 'hand', 'text'] as const) {
      for (const variant of ['black', 'white'] as const) {
        const v = cursorValue(kind, variant);
        const m = /^url\("data:image\/svg\+xml,([^"]+)"\) (\d+) (\d+), (\w+)$/.exec(v);
        expect(m, v).not.toBeNull();
        const svg = decodeURIComponent(m![1]!);
        expect(svg).toContain(`width="${CURSOR_SIZE}"`);
        expect(Number(m![2])).toBeLessThan(CURSOR_SIZE);
        expect(Number(m![3])).toBeLessThan(CURSOR_SIZE);
        expect(m![4]).toBe({ arrow: 'default', hand: 'pointer', text: 'text' }[kind]);
      }
    }
    expect(cursorSvg('arrow', 'black')).toContain('fill="#000"');
    expect(cursorSvg('arrow', 'white')).toContain('fill="#fff"');
  });

  it('maps the page’s own cursors to the big kinds', () => {
    expect(kindForCursor('pointer')).toBe('hand');
    expect(kindForCursor('url(x.cur), pointer')).toBe('hand');
    expect(kindForCursor('text')).toBe('text');
    expect(kindForCursor('auto')).toBeNull();
    expect(kindForCursor('move')).toBeNull();
  });

  it('covers every element, links and fields, and shares its cursors with kanjian’s UI', () => {
    const css = buildCursorCss('black');
    expect(css).toContain('html, body, body *{cursor:url("data:image/svg+xml');
    expect(css).toContain('body a[href] *');
    expect(css).toContain('body textarea');
    expect(css).toContain('[data-kj-cur="hand"]');
    expect(css).toContain('--kanjian-cursor-hand:');
  });

  it('tags elements that ask for a hand and untags them on remove', () => {
    document.body.innerHTML = '<div id="d" style="cursor: pointer">click me</div><p id="p">text</p>';
    const before = document.documentElement.outerHTML;
    bigCursorAid.apply(page, 'white');
    expect(document.getElementById('d')!.getAttribute('data-kj-cur')).toBe('hand');
    expect(document.getElementById('p')!.hasAttribute('data-kj-cur')).toBe(false);
    bigCursorAid.apply(page, 'off');
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
