/**
 * Puts the frames of one audit together in the order axe.finishRun expects: the top frame first,
 * then each frame's children depth-first in the order that frame listed them; a frame that could not
 * be audited is a null (finishRun then skips it and everything inside it).
 */
import type { PartialResult } from 'axe-core';

/** One frame's result, its children already resolved to frame ids (-1: a frame with no id). */
export type FrameNode = { partial: PartialResult; children: number[] } | { error: string };

export interface AssembledAudit {
  partials: Array<PartialResult | null>;
  /** Frames audited, and frames listed by a parent that gave no result (with why). */
  audited: number;
  missing: Array<{ frameId: number; reason: string }>;
}

export function assemblePartials(frames: ReadonlyMap<number, FrameNode>, topFrameId = 0): AssembledAudit {
  const partials: Array<PartialResult | null> = [];
  const missing: AssembledAudit['missing'] = [];
  const seen = new Set<number>();
  let audited = 0;
  const visit = (frameId: number): void => {
    // A frame listed twice (a page cannot make that happen, but never loop on it) counts once.
    const node = frameId >= 0 && !seen.has(frameId) ? frames.get(frameId) : undefined;
    if (frameId >= 0) seen.add(frameId);
    if (!node || 'error' in node) {
      partials.push(null);
      missing.push({ frameId, reason: node && 'error' in node ? node.error : 'no result' });
      return;
    }
    partials.push(node.partial);
    audited++;
    for (const child of node.children) visit(child);
  };
  visit(topFrameId);
  return { partials, audited, missing };
}

/** A frame path as a map key. */
export function pathKey(path: readonly number[]): string {
  return path.join('/');
}
