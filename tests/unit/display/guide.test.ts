import { describe, expect, it, vi } from 'vitest';
import { guideAid, guideCss, guideLayout, pointInParent, RULER_HEIGHT } from '../../../src/display/guide';

const page = { doc: document, win: window };

describe('crosshair and reading ruler', () => {
  it('lays lines through the pointer and the band around it', () => {
    const cross = guideLayout('crosshair', 300, 200);
    expect(cross.find((p) => p.cls === 'h')!.ty).toBe(198);
    expect(cross.find((p) => p.cls === 'v')!.tx).toBe(298);
    const ruler = guideLayout('ruler', 300, 200);
    expect(ruler).toEqual([{ cls: 'r', tx: 0, ty: 200 - RULER_HEIGHT / 2 }]);
  });

  it('moves a point in a frame into the window: by the frame border and padding, scaled with its box', () => {
    const el = { offsetWidth: 602, offsetHeight: 202, clientLeft: 1, clientTop: 1, clientWidth: 600, clientHeight: 200 };
    const none = { left: 0, top: 0, right: 0, bottom: 0 };
    expect(pointInParent({ left: 8, top: 100, width: 602, height: 202 }, el, none, { x: 50, y: 20, vw: 600, vh: 200 })).toEqual({ x: 59, y: 121 });
    // Padding 10 px; the element drawn at twice its size (a transform or zoom on the page).
    const padded = { ...el, clientWidth: 620, clientHeight: 220, offsetWidth: 622, offsetHeight: 222 };
    const pad = { left: 10, top: 10, right: 10, bottom: 10 };
    expect(pointInParent({ left: 0, top: 0, width: 1244, height: 444 }, padded, pad, { x: 50, y: 20, vw: 600, vh: 200 })).toEqual({ x: 122, y: 62 });
    // The frame's document zoomed 2×: its viewport is half the frame's content box.
    expect(pointInParent({ left: 0, top: 0, width: 602, height: 202 }, el, none, { x: 50, y: 20, vw: 300, vh: 100 })).toEqual({ x: 101, y: 41 });
  });

  it('never takes the pointer', () => {
    expect(guideCss('red')).toContain('pointer-events:none!important');
    expect(guideCss('yellow')).toContain('#ffd800');
  });

  it('lives in its own closed shadow root in <html> (the page cannot reach it), with listeners only while on', () => {
    const before = document.documentElement.outerHTML;
    // The root as kanjian holds it (the page's `host.shadowRoot` is null for a closed root).
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    guideAid.apply(page, 'crosshair');
    const host = document.querySelector('kanjian-guide')!;
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull();
    expect(attach).toHaveBeenCalledWith({ mode: 'closed' });
    const root = attach.mock.results[0]!.value as ShadowRoot;
    attach.mockRestore();
    expect(root.querySelectorAll('.h, .v')).toHaveLength(2);
    guideAid.apply(page, 'ruler');
    expect(root.querySelectorAll('.r')).toHaveLength(1);
    expect(root.querySelectorAll('.h, .v')).toHaveLength(0);
    guideAid.apply(page, 'off');
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
