import { describe, expect, it } from 'vitest';
import { parseFrameMessage } from '../../../src/background/frames';
import { MAX_BATCH_CHARS } from '../../../src/convert/tab-converters';
import { indexInTop, isFramesetDocument } from '../../../src/content/frames';

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
});

describe('the frame model (src/content/frames.ts)', () => {
  // (A frameset's body and real child frames are covered in the browser: tests/e2e/frames-frameset.spec.ts.)
  it('the top window is not a child of the top, and a page with a body is not a frameset', () => {
    expect(indexInTop(window)).toBeNull();
    expect(isFramesetDocument(document)).toBe(false);
  });
});
