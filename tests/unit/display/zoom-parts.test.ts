import { describe, expect, it } from 'vitest';
import { buildSetAsideCss, heightStep, nextSliceParts, planSetAside, type PartBox, ZOOM_PART_ATTR } from '../../../src/display/zoom-parts';

const el = (name: string): Element => ({ name }) as unknown as Element;
const box = (name: string, top: number, height: number, settable = true): PartBox => ({ el: el(name), top, bottom: top + height, settable });
const names = (xs: Array<{ el: Element }>): string[] => xs.map((x) => (x.el as unknown as { name: string }).name);

describe('heightStep', () => {
  it('keeps small heights exact and rounds the rest to steps within 2 % of them', () => {
    expect(heightStep(0)).toBe(0);
    expect(heightStep(-5)).toBe(0);
    expect(heightStep(Number.NaN)).toBe(0);
    expect(heightStep(17.4)).toBe(17);
    for (const h of [25, 100, 733, 5000, 123456]) {
      const s = heightStep(h);
      expect(Math.abs(s - h) / h).toBeLessThanOrEqual(0.021);
    }
  });

  it('gives few distinct steps for many heights (one rule each)', () => {
    const steps = new Set<number>();
    for (let h = 100; h < 2000; h++) steps.add(heightStep(h));
    expect(steps.size).toBeLessThan(80);
  });
});

describe('buildSetAsideCss', () => {
  it('one rule per step, each setting content-visibility:auto and the estimated height', () => {
    const css = buildSetAsideCss([300, 120, 300]);
    expect(css).toBe(
      `[${ZOOM_PART_ATTR}="120"]{content-visibility:auto!important;contain-intrinsic-block-size:auto 120px!important}` +
        `[${ZOOM_PART_ATTR}="300"]{content-visibility:auto!important;contain-intrinsic-block-size:auto 300px!important}`
    );
    expect(buildSetAsideCss(new Set([300, 120]))).toBe(css);
    expect(buildSetAsideCss([])).toBe('');
  });
});

describe('planSetAside', () => {
  const vh = 1000;
  // Parts of 500 px from 3,000 px above the window's top down to 5,000 px below it.
  const parts = Array.from({ length: 16 }, (_, i) => box(`p${i}`, -3000 + i * 500, 500));

  it('sets aside what is more than a window height off screen: below first in document order, then above, nearest first', () => {
    const plan = planSetAside(parts, vh, 1.1);
    // Below: p11 starts at 2,500 px, past the window and one more height (2,000). Above: p0..p2
    // end above -1,000 px; p3 ends at -1,000, within a window height, and stays.
    expect(names(plan.aside)).toEqual(['p11', 'p12', 'p13', 'p14', 'p15', 'p2', 'p1', 'p0']);
    expect(plan.above).toBe(3);
  });

  it("estimates each height in the page's own CSS pixels: its drawn height over the zoom it has now (the browser zooms the rule with the part)", () => {
    for (const a of planSetAside(parts, vh, 1.5).aside) expect(a.step).toBe(heightStep(500));
    // From 200 % to 225 %: drawn 500 px tall, 250 CSS px, drawn at 225 % as 562 px.
    for (const a of planSetAside(parts, vh, 2.25 / 2, 2).aside) expect(a.step).toBe(heightStep(250));
  });

  it('zooming out keeps more below: the window will show more of the page', () => {
    const zoomIn = planSetAside(parts, vh, 1.1);
    const zoomOut = planSetAside(parts, vh, 0.5);
    // Zooming to half, the window shows twice the page: parts up to 3,000 px below stay.
    expect(names(zoomOut.aside).filter((n) => Number(n.slice(1)) > 6)).toEqual(['p13', 'p14', 'p15']);
    expect(zoomOut.aside.length).toBeLessThan(zoomIn.aside.length);
  });

  it('never sets aside a part that may not be (inline, floated, positioned, contained) or has no height', () => {
    const odd = [box('fixed', 5000, 400, false), box('empty', 6000, 0), box('ok', 7000, 400)];
    expect(names(planSetAside(odd, vh, 1.1).aside)).toEqual(['ok']);
  });

  it('a page with nothing off screen sets nothing aside', () => {
    const plan = planSetAside([box('a', 0, 300), box('b', 300, 300)], vh, 2);
    expect(plan.aside).toEqual([]);
    expect(plan.above).toBe(0);
  });
});

describe('nextSliceParts', () => {
  it('grows while frames are cheap, holds in the band, shrinks after a slow frame, within bounds', () => {
    expect(nextSliceParts(8, 60)).toBe(12);
    expect(nextSliceParts(8, 0)).toBe(12); // a hidden tab: no frame, go on faster
    expect(nextSliceParts(40, 150)).toBe(40);
    expect(nextSliceParts(40, 250)).toBe(24);
    expect(nextSliceParts(1, 900)).toBe(1);
    expect(nextSliceParts(390, 10)).toBe(400);
  });
});
