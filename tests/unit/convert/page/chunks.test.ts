import { describe, expect, it } from 'vitest';
import { orderForViewport, planSegments, runInSlices, type Place, type Segment } from '../../../../src/convert/page/chunks';
import { isSkippedElement } from '../../../../src/convert/page/walk';

/** A body with `sections` sections of `items` list items each, plus a skipped <pre> and a comment. */
function page(sections: number, items: number): HTMLElement {
  document.body.innerHTML = '';
  const body = document.body;
  for (let s = 0; s < sections; s++) {
    const sec = document.createElement('section');
    sec.id = `s${s}`;
    sec.append(Object.assign(document.createElement('h2'), { textContent: `第${s}栏` }));
    const ul = document.createElement('ul');
    for (let i = 0; i < items; i++) ul.append(Object.assign(document.createElement('li'), { textContent: `条目${s}-${i}` }));
    sec.append(ul);
    body.append(sec);
  }
  body.append(Object.assign(document.createElement('pre'), { textContent: '代码' }), document.createComment('注释'), '尾部文字');
  return body;
}

const elementsUnder = (n: Node): Element[] => (n.nodeType === 1 ? [n as Element, ...(n as Element).querySelectorAll('*')] : []);

describe('the chunk planner', () => {
  it('covers every element that may be converted exactly once, in document order, each piece within the limit', () => {
    const body = page(30, 60);
    const segments = planSegments(body, { maxElements: 50, skip: isSkippedElement });
    const seen: Element[] = [];
    for (const s of segments) {
      if (s.deep) {
        const els = elementsUnder(s.node);
        expect(els.length).toBeLessThanOrEqual(50);
        seen.push(...els);
      } else seen.push(s.node as Element);
    }
    const expected = [...elementsUnder(body)].filter((el) => !el.closest('pre'));
    expect(seen).toEqual(expected); // once each, in document order
    // Containers too big for one piece are split (only themselves), down to pieces that fit.
    expect(segments[0]).toEqual({ node: body, deep: false });
    expect(segments.filter((s) => !s.deep).map((s) => (s.node as Element).localName)).toEqual(['body', ...Array(30).fill(['section', 'ul']).flat()]);
    // Text directly under a split container is a piece of its own; comments and skipped subtrees are not.
    expect(segments.at(-1)!.node.nodeValue).toBe('尾部文字');
    expect(segments.some((s) => s.node.nodeType === 8 || (s.node as Element).localName === 'pre')).toBe(false);
  });

  it('a subtree of exactly the limit is one piece, one element more is split', () => {
    const ul = document.createElement('ul');
    for (let i = 0; i < 9; i++) ul.append(document.createElement('li'));
    document.body.replaceChildren(ul); // ul + 9 li = 10 elements
    expect(planSegments(ul, { maxElements: 10, skip: () => false })).toEqual([{ node: ul, deep: true }]);
    ul.append(document.createElement('li'));
    const split = planSegments(ul, { maxElements: 10, skip: () => false });
    expect(split[0]).toEqual({ node: ul, deep: false });
    expect(split).toHaveLength(11);
  });

  it('a small tree is one piece', () => {
    const body = page(2, 3);
    expect(planSegments(body, { maxElements: 1000, skip: isSkippedElement })).toEqual([{ node: body, deep: true }]);
  });

  it('orders split containers first, then on screen, below in document order, above nearest first, unseen last', () => {
    const seg = (name: string, deep = true): Segment => ({ node: document.createTextNode(name), deep });
    const list = [seg('body', false), seg('a1'), seg('a2'), seg('in1'), seg('hidden'), seg('in2'), seg('b1'), seg('b2')];
    const places: Record<string, Place> = { a1: 'above', a2: 'above', in1: 'in', in2: 'in', hidden: 'unseen', b1: 'below', b2: 'below' };
    const { order, visibleCount } = orderForViewport(list, (s) => places[s.node.nodeValue!]!);
    expect(order.map((s) => s.node.nodeValue)).toEqual(['body', 'in1', 'in2', 'b1', 'b2', 'a2', 'a1', 'hidden']);
    expect(visibleCount).toBe(3);
  });
});

describe('running in slices', () => {
  /** A clock that advances `cost` ms per item of work. */
  function harness(cost: number) {
    let t = 0;
    const log: string[] = [];
    return {
      log,
      opts: {
        budgetMs: 10,
        now: () => t,
        pause: async () => void log.push('pause'),
        endSlice: () => void log.push('end'),
        onVisible: () => void log.push('visible'),
      },
      work: (i: number) => {
        t += cost;
        log.push(String(i));
      },
    };
  }

  it('yields to the page whenever a slice has used its budget, after dropping its own records', async () => {
    const h = harness(4);
    const ok = await runInSlices([0, 1, 2, 3, 4, 5, 6], h.work, { ...h.opts, cancelled: () => false, visibleCount: 2 });
    expect(ok).toBe(true);
    // The first slice ends as soon as the on-screen items are done, before its budget: the page shows them now.
    expect(h.log).toEqual(['0', '1', 'end', 'visible', 'pause', '2', '3', '4', 'end', 'pause', '5', '6', 'end']);
  });

  it('says visible once the on-screen items are done, even in the middle of a slice or with none', async () => {
    const h = harness(1);
    await runInSlices([0, 1, 2], h.work, { ...h.opts, cancelled: () => false, visibleCount: 0 });
    expect(h.log).toEqual(['0', '1', '2', 'end', 'visible']);
  });

  it('stops at the next item once cancelled (a restore issued mid-conversion)', async () => {
    const h = harness(6);
    let cancel = false;
    const work = (i: number): void => {
      h.work(i);
      if (i === 2) cancel = true;
    };
    const ok = await runInSlices([0, 1, 2, 3, 4, 5], work, { ...h.opts, cancelled: () => cancel });
    expect(ok).toBe(false);
    expect(h.log).toEqual(['0', '1', 'end', 'visible', 'pause', '2']);
  });
});
