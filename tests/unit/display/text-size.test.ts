import { describe, expect, it } from 'vitest';
import { buildTextScaleCss, nextTextScale, sizeKey } from '../../../src/display/text-size';

describe('text size model', () => {
  it('steps 100 → 200 by 25 and stops at both ends', () => {
    const up: number[] = [];
    for (let s = 100, i = 0; i < 6; i++) up.push((s = nextTextScale(s, 1)));
    expect(up).toEqual([125, 150, 175, 200, 200, 200]);
    expect(nextTextScale(100, -1)).toBe(100);
    expect(nextTextScale(175, -1)).toBe(150);
  });

  it('scales each measured size and px line height', () => {
    const css = buildTextScaleCss(['14', '12.5'], ['25.2'], 150);
    expect(css).toContain('[data-kj-fs="14"]{font-size:21px!important}');
    expect(css).toContain('[data-kj-fs="12.5"]{font-size:18.75px!important}');
    expect(css).toContain('[data-kj-lh="25.2"]{line-height:37.8px!important}');
  });

  it('rounds sizes to hundredths so near-equal sizes share one rule', () => {
    expect(sizeKey(13.333333)).toBe('13.33');
    expect(sizeKey(16)).toBe('16');
  });
});
