import { describe, expect, it } from 'vitest';
import { buildSpacingCss, lineHeightAid, textSpacingAid } from '../../../src/display/spacing';
import { overflowsVertically } from '../../../src/display/unclip';

const page = { doc: document, win: window };

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

  it("line height and spacing share one section of kanjian's layer; turning both off removes it", () => {
    document.body.innerHTML = '<p>x</p>';
    const before = document.documentElement.outerHTML;
    lineHeightAid.apply(page, '2');
    textSpacingAid.apply(page, true);
    const css = document.getElementById('kanjian-styles')!.textContent!;
    expect(css).toContain('line-height:2!important');
    expect(css).toContain('letter-spacing:0.12em!important');
    lineHeightAid.apply(page, 'off');
    expect(document.getElementById('kanjian-styles')!.textContent).not.toContain('line-height:2!important');
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
