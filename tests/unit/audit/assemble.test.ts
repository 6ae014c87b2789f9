import type { PartialResult } from 'axe-core';
import { describe, expect, it } from 'vitest';
import { assemblePartials, pathKey, type FrameNode } from '../../../src/audit/runner/assemble';

const p = (name: string) => ({ results: [], frames: [], name }) as unknown as PartialResult;
const names = (xs: Array<PartialResult | null>) => xs.map((x) => (x ? (x as unknown as { name: string }).name : null));

describe('putting an audit’s frames together for axe.finishRun', () => {
  it('top first, then children depth-first in the order each frame listed them', () => {
    const frames = new Map<number, FrameNode>([
      [0, { partial: p('top'), children: [5, 9] }],
      [5, { partial: p('a'), children: [7] }],
      [7, { partial: p('a1'), children: [] }],
      [9, { partial: p('b'), children: [] }],
    ]);
    const r = assemblePartials(frames);
    expect(names(r.partials)).toEqual(['top', 'a', 'a1', 'b']);
    expect(r.audited).toBe(4);
    expect(r.missing).toEqual([]);
  });

  it('a frame that failed, or has no id, is one null; its own children are not listed', () => {
    const frames = new Map<number, FrameNode>([
      [0, { partial: p('top'), children: [5, -1, 9] }],
      [5, { error: 'timed out' }],
      [9, { partial: p('b'), children: [11] }],
    ]);
    const r = assemblePartials(frames);
    expect(names(r.partials)).toEqual(['top', null, null, 'b', null]);
    expect(r.missing).toEqual([
      { frameId: 5, reason: 'timed out' },
      { frameId: -1, reason: 'no result' },
      { frameId: 11, reason: 'no result' },
    ]);
  });

  it('never loops on a frame listed twice', () => {
    const frames = new Map<number, FrameNode>([
      [0, { partial: p('top'), children: [5, 5, 0] }],
      [5, { partial: p('a'), children: [0] }],
    ]);
    expect(names(assemblePartials(frames).partials)).toEqual(['top', 'a', null, null, null]);
  });

  it('frame paths are keys', () => {
    expect(pathKey([])).toBe('');
    expect(pathKey([1, 0])).toBe('1/0');
  });
});
