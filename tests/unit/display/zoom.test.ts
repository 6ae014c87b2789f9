import { describe, expect, it } from 'vitest';
import { buildZoomCss, nextZoom, misplacedPositioned, ZOOM_STEPS, zoomAid } from '../../../src/display/zoom';
import { siteFields } from '../../../src/settings/schema';

const page = { doc: document, win: window };

describe('page zoom', () => {
  it('steps 100 → 300 in steps of 10–25% and stops at both ends', () => {
    const up: number[] = [];
    for (let z = 100, i = 0; i < 11; i++) up.push((z = nextZoom(z, 1)));
    expect(up).toEqual([110, 125, 150, 175, 200, 225, 250, 275, 300, 300, 300]);
    expect(nextZoom(100, -1)).toBe(100);
    expect(nextZoom(150, -1)).toBe(125);
    for (let i = 1; i < ZOOM_STEPS.length; i++) {
      const step = ZOOM_STEPS[i]! - ZOOM_STEPS[i - 1]!;
      expect(step).toBeGreaterThanOrEqual(10);
      expect(step).toBeLessThanOrEqual(25);
    }
    for (const z of ZOOM_STEPS) expect(siteFields.pageZoom.parse(z)).toBe(z);
  });

  it('zooms the body (never <html>, where the toolbar lives) and adds reflow rules', () => {
    expect(buildZoomCss(100)).toBe('');
    const css = buildZoomCss(200);
    expect(css).toContain('body{zoom:2!important}');
    expect(css).not.toMatch(/(^|\})html\{/);
    expect(css).toContain('max-width:100%!important');
    expect(css).toContain('overflow-wrap:anywhere!important');
  });

  it('finds positioned boxes that stick out to the right or are squeezed until their text overflows', () => {
    const box = (right: number, position: string, scrollHeight = 20) => ({
      el: { getBoundingClientRect: () => ({ right, width: 10 }), scrollHeight, clientHeight: 20, scrollWidth: 10, clientWidth: 10 } as unknown as Element,
      position,
    });
    const items = [box(500, 'absolute'), box(1400, 'absolute'), box(1400, 'static'), box(1300, 'fixed'), box(600, 'absolute', 300), box(600, 'static', 300)];
    const pos = new Map(items.map((i) => [i.el, i.position]));
    const found = misplacedPositioned(items.map((i) => i.el), 1280, (el) => pos.get(el)!);
    expect(found).toEqual([[items[1]!.el, 'edge'], [items[3]!.el, 'edge'], [items[4]!.el, 'flow']]);
  });

  it('apply is idempotent and remove leaves the page exact', () => {
    document.body.innerHTML = '<p>x</p>';
    const before = document.documentElement.outerHTML;
    zoomAid.apply(page, 150);
    zoomAid.apply(page, 150);
    expect(document.querySelectorAll('style')).toHaveLength(1);
    expect(document.getElementById('kanjian-styles')!.textContent!.match(/zoom:1\.5/g)).toHaveLength(1);
    zoomAid.apply(page, 100);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
