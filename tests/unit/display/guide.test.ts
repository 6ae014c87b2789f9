import { describe, expect, it } from 'vitest';
import { guideAid, guideCss, guideLayout, RULER_HEIGHT } from '../../../src/display/guide';

const page = { doc: document, win: window };

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
