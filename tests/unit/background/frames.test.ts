import { describe, expect, it } from 'vitest';
import { parseFrameMessage } from '../../../src/background/frames';
import { indexInTop, isFramesetDocument } from '../../../src/content/frames';

describe('frame messages at the boundary (src/background/frames.ts)', () => {
  it('passes only known message kinds, rebuilt with known fields', () => {
    expect(parseFrameMessage({ kind: 'pageScript' })).toEqual({ kind: 'pageScript' });
    expect(parseFrameMessage({ kind: 'pageScript', extra: '<script>' })).toEqual({ kind: 'pageScript' });
    for (const bad of [null, undefined, 'pageScript', 42, [], {}, { kind: 'setToolbarOpen' }, { kind: { toString: () => 'pageScript' } }]) expect(parseFrameMessage(bad)).toBeNull();
  });
});

describe('the frame model (src/content/frames.ts)', () => {
  // (A frameset's body and real child frames are covered in the browser: tests/e2e/frames-frameset.spec.ts.)
  it('the top window is not a child of the top, and a page with a body is not a frameset', () => {
    expect(indexInTop(window)).toBeNull();
    expect(isFramesetDocument(document)).toBe(false);
  });
});
