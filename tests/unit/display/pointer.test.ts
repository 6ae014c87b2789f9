import { describe, expect, it } from 'vitest';
import { bigCursorAid, buildCursorCss, CURSOR_SIZE, cursorSvg, cursorValue, kindForCursor } from '../../../src/display/cursor';
import { guideAid, guideCss, guideLayout, RULER_HEIGHT } from '../../../src/display/guide';

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

describe('crosshair and reading ruler', () => {
  it('lays lines through the pointer and the band around it', () => {
    const cross = guideLayout('crosshair', 300, 200);
    expect(cross.find((p) => p.cls === 'h')!.ty).toBe(198);
    expect(cross.find((p) => p.cls === 'v')!.tx).toBe(298);
    const ruler = guideLayout('ruler', 300, 200);
    expect(ruler).toEqual([{ cls: 'r', tx: 0, ty: 200 - RULER_HEIGHT / 2 }]);
  });

  it('never takes the pointer', () => {
    expect(guideCss('red')).toContain('pointer-events:none!important');
    expect(guideCss('yellow')).toContain('#ffd800');
  });

  it('lives in its own shadow root in <html>, with listeners only while on', () => {
    const before = document.documentElement.outerHTML;
    guideAid.apply(page, 'crosshair');
    const host = document.querySelector('kanjian-guide')!;
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot!.querySelectorAll('.h, .v')).toHaveLength(2);
    guideAid.apply(page, 'ruler');
    expect(host.shadowRoot!.querySelectorAll('.r')).toHaveLength(1);
    expect(host.shadowRoot!.querySelectorAll('.h, .v')).toHaveLength(0);
    guideAid.apply(page, 'off');
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
