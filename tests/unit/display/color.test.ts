import { describe, expect, it } from 'vitest';
import { composite, contrastRatio, effectiveBackground, luminance, parseColor, toHex } from '../../../src/display/color';

const c = (s: string) => parseColor(s)!;

describe('colour arithmetic', () => {
  it('parses the forms computed styles use', () => {
    expect(parseColor('rgb(255, 0, 10)')).toEqual({ r: 255, g: 0, b: 10, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0.5)')).toEqual({ r: 0, g: 0, b: 0, a: 0.5 });
    expect(parseColor('rgb(1 2 3 / 25%)')).toEqual({ r: 1, g: 2, b: 3, a: 0.25 });
    expect(parseColor('#3366ff')).toEqual({ r: 0x33, g: 0x66, b: 0xff, a: 1 });
    expect(parseColor('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('transparent')!.a).toBe(0);
    expect(parseColor('color(srgb 1 0 0)')).toBeNull();
    expect(parseColor('#12345')).toBeNull();
  });

  it('computes WCAG luminance and contrast', () => {
    expect(luminance(c('#000'))).toBe(0);
    expect(luminance(c('#fff'))).toBeCloseTo(1, 6);
    expect(contrastRatio(c('#000'), c('#fff'))).toBeCloseTo(21, 6);
    expect(contrastRatio(c('#777'), c('#fff'))).toBeCloseTo(4.48, 2);
    // The portals' own 蓝底黄字 fails even AA large text's 4.5 (the reason for our palette).
    expect(contrastRatio(c('#ffff33'), c('#3366ff'))).toBeLessThan(4.5);
    expect(contrastRatio(c('#ffff33'), c('#3366ff'))).toBeGreaterThan(4.3);
    // Symmetric.
    expect(contrastRatio(c('#123456'), c('#fedcba'))).toBeCloseTo(contrastRatio(c('#fedcba'), c('#123456')), 10);
  });

  it('composites translucent layers down to the first opaque one', () => {
    expect(toHex(composite(c('rgba(0,0,0,0.5)'), c('#fff')))).toBe('#808080');
    // Innermost first: a half-black layer over red over (ignored) blue.
    expect(toHex(effectiveBackground([c('rgba(0,0,0,0.5)'), c('#ff0000'), c('#0000ff')]))).toBe('#800000');
    // Nothing opaque: the white canvas shows through.
    expect(toHex(effectiveBackground([c('transparent'), c('rgba(0,0,0,0)')]))).toBe('#ffffff');
  });
});
