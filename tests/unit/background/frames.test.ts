import { describe, expect, it } from 'vitest';
import { parseFrameMessage, parseRoute } from '../../../src/background/frames';
import { MAX_BATCH_CHARS } from '../../../src/convert/tab-converters';
import { framePath, indexInTop, isFramesetDocument } from '../../../src/content/frames';

describe('frame messages at the boundary (src/background/frames.ts)', () => {
  it('passes only known message kinds, rebuilt with known fields', () => {
    expect(parseFrameMessage({ kind: 'pageScript' })).toEqual({ kind: 'pageScript' });
    expect(parseFrameMessage({ kind: 'pageScript', extra: '<script>' })).toEqual({ kind: 'pageScript' });
    for (const bad of [null, undefined, 'pageScript', 42, [], {}, { kind: 'setToolbarOpen' }, { kind: { toString: () => 'pageScript' } }]) expect(parseFrameMessage(bad)).toBeNull();
  });

  it('passes a frame’s texts for the top frame’s converter only in a supported direction, as strings, in a bounded batch', () => {
    const ok = { kind: 'convertTexts', from: 'cn', to: 'tw', phrases: ['软件 軟體'], texts: ['头发', '皇后'], extra: 1 };
    expect(parseFrameMessage(ok)).toEqual({ kind: 'convertTexts', from: 'cn', to: 'tw', phrases: ['软件 軟體'], texts: ['头发', '皇后'] });
    for (const bad of [
      { ...ok, from: 'cn', to: 'cn' },
      { ...ok, from: '../dict', to: 'tw' },
      { ...ok, texts: ['a', 7] },
      { ...ok, texts: 'a' },
      { ...ok, phrases: [{}] },
      { ...ok, texts: ['x'.repeat(MAX_BATCH_CHARS + 1)] },
    ]) expect(parseFrameMessage(bad)).toBeNull();
  });

  it('pointer and caption messages carry only a frame path, finite coordinates and bounded text', () => {
    expect(parseFrameMessage({ kind: 'guidePoint', path: [2, 0], x: 10.5, y: -3, vw: 600, vh: 200, html: '<b>' })).toEqual({ kind: 'guidePoint', path: [2, 0], x: 10.5, y: -3, vw: 600, vh: 200 });
    expect(parseFrameMessage({ kind: 'guideLeave', path: [1] })).toEqual({ kind: 'guideLeave', path: [1] });
    expect(parseFrameMessage({ kind: 'captionText', text: '框架里的皇后', offset: 99 })).toEqual({ kind: 'captionText', text: '框架里的皇后', offset: 6 });
    const bad = [
      { kind: 'guidePoint', path: [], x: 1, y: 1, vw: 1, vh: 1 },
      { kind: 'guidePoint', path: [-1], x: 1, y: 1, vw: 1, vh: 1 },
      { kind: 'guidePoint', path: [0.5], x: 1, y: 1, vw: 1, vh: 1 },
      { kind: 'guidePoint', path: '0', x: 1, y: 1, vw: 1, vh: 1 },
      { kind: 'guidePoint', path: new Array(17).fill(0), x: 1, y: 1, vw: 1, vh: 1 },
      { kind: 'guidePoint', path: [0], x: Number.NaN, y: 1, vw: 1, vh: 1 },
      { kind: 'guidePoint', path: [0], x: 1, y: Infinity, vw: 1, vh: 1 },
      { kind: 'guidePoint', path: [0], x: 1, y: 1, vw: 0, vh: 1 },
      { kind: 'guidePoint', path: [0], x: '1', y: 1, vw: 1, vh: 1 },
      { kind: 'guideLeave', path: null },
      { kind: 'captionText', text: '' },
      { kind: 'captionText', text: 42 },
      { kind: 'captionText', text: 'x'.repeat(8001) },
    ];
    for (const b of bad) expect(parseFrameMessage(b), JSON.stringify(b).slice(0, 80)).toBeNull();
  });

  it('locate and 连读 messages: axe targets of selectors, a sentence index or none, routes by path', () => {
    expect(parseFrameMessage({ kind: 'locate', target: ['#a', ['#host', 'b']] })).toEqual({ kind: 'locate', target: ['#a', ['#host', 'b']] });
    for (const target of [[], '#a', [1], [''], [[]], ['x'.repeat(4001)], new Array(17).fill('#a')]) expect(parseFrameMessage({ kind: 'locate', target })).toBeNull();
    expect(parseFrameMessage({ kind: 'readingSentences', skipNav: 'yes' })).toEqual({ kind: 'readingSentences', skipNav: false });
    expect(parseFrameMessage({ kind: 'readingShow', index: 3 })).toEqual({ kind: 'readingShow', index: 3 });
    expect(parseFrameMessage({ kind: 'readingShow', index: null })).toEqual({ kind: 'readingShow', index: null });
    for (const index of [-1, 1.5, '2', undefined, 1e9]) expect(parseFrameMessage({ kind: 'readingShow', index })).toBeNull();
    expect(parseRoute('top')).toBe('top');
    expect(parseRoute('all')).toBe('all');
    expect(parseRoute({ path: [0, 2] })).toEqual({ path: [0, 2] });
    for (const bad of ['parent', { path: [] }, { path: [-1] }, null, 0]) expect(parseRoute(bad)).toBeNull();
  });
});

describe('the frame model (src/content/frames.ts)', () => {
  // (A frameset's body and real child frames are covered in the browser: tests/e2e/frames-frameset.spec.ts.)
  it('the top window is not a child of the top, and a page with a body is not a frameset', () => {
    expect(indexInTop(window)).toBeNull();
    expect(isFramesetDocument(document)).toBe(false);
    expect(framePath(window)).toEqual([]);
  });
});
