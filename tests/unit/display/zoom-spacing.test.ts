import { describe, expect, it } from 'vitest';
import { buildSpacingCss, lineHeightAid, textSpacingAid } from '../../../src/display/spacing';
import { overflowsVertically } from '../../../src/display/unclip';
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
    expect(document.querySelectorAll('#kanjian-style-zoom')).toHaveLength(1);
    zoomAid.apply(page, 100);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('text spacing', () => {
  it('uses the WCAG 1.4.12 values', () => {
    expect(buildSpacingCss('off', false)).toBe('');
    const lh = buildSpacingCss('1.8', false);
    expect(lh).toContain('line-height:1.8!important');
    expect(lh).not.toContain('letter-spacing');
    const sp = buildSpacingCss('off', true);
    expect(sp).toContain('letter-spacing:0.12em!important');
    expect(sp).toContain('word-spacing:0.16em!important');
    expect(sp).toContain('margin-bottom:2em!important');
    expect(sp).not.toMatch(/line-height:[\d.]+!important/);
    // Line spacing must beat text size's per-size px line heights in the same layer: id-level specificity.
    expect(lh).toContain(':not(#kanjian-none)');
  });

  it('detects boxes whose content is taller than the box', () => {
    expect(overflowsVertically(100, 100)).toBe(false);
    expect(overflowsVertically(101, 100)).toBe(false);
    expect(overflowsVertically(120, 100)).toBe(true);
    expect(overflowsVertically(120, 0)).toBe(false);
  });

  it('line height and spacing share one stylesheet; turning both off removes it', () => {
    document.body.innerHTML = '<p>x</p>';
    const before = document.documentElement.outerHTML;
    lineHeightAid.apply(page, '2');
    textSpacingAid.apply(page, true);
    const css = document.getElementById('kanjian-style-spacing')!.textContent!;
    expect(css).toContain('line-height:2!important');
    expect(css).toContain('letter-spacing:0.12em!important');
    lineHeightAid.apply(page, 'off');
    expect(document.getElementById('kanjian-style-spacing')!.textContent).not.toContain('line-height:2!important');
    textSpacingAid.apply(page, false);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('overlap and token helpers', () => {
  it('finds pairs of different text boxes that overlap, not mere neighbours', async () => {
    const { overlappingPairs } = await import('../../../src/display/unclip');
    const box = (node: string, top: number, left: number, w = 100, h = 20) => ({ node, r: { top, bottom: top + h, left, right: left + w } });
    expect(overlappingPairs([box('a', 0, 0), box('b', 20, 0), box('c', 0, 100)])).toEqual([]);
    expect(overlappingPairs([box('a', 0, 0), box('b', 10, 50), box('a', 30, 0)])).toEqual([['a', 'b']]);
  });

  it('keeps one token per aid on a shared attribute', async () => {
    const { addToken, removeTokens } = await import('../../../src/display/unclip');
    document.body.innerHTML = '<p id="t">x</p>';
    const el = document.getElementById('t')!;
    addToken(el, 'data-kj-unclip', 'zoom');
    addToken(el, 'data-kj-unclip', 'spacing');
    addToken(el, 'data-kj-unclip', 'zoom');
    expect(el.getAttribute('data-kj-unclip')).toBe('zoom spacing');
    removeTokens(document, 'data-kj-unclip', 'zoom');
    expect(el.getAttribute('data-kj-unclip')).toBe('spacing');
    removeTokens(document, 'data-kj-unclip', 'spacing');
    expect(el.hasAttribute('data-kj-unclip')).toBe(false);
  });
});
