import { describe, expect, it } from 'vitest';
import { afterNextFrame, frameBoundedPause, nextSliceItems, runPaced } from '../../../src/shared/slices';

const budgets = { scriptBudgetMs: 10, renderBudgetMs: 30 };

describe('sizing the next slice from the last one’s cost', () => {
  it('writes as many items as keep the frame after it within the render budget', () => {
    // 100 items cost a 60 ms frame: half as many next time.
    expect(nextSliceItems({ items: 100, scriptMs: 5, renderMs: 60 }, budgets)).toBe(50);
  });

  it('and within the script budget when the script is what costs', () => {
    expect(nextSliceItems({ items: 100, scriptMs: 20, renderMs: 10 }, budgets)).toBe(50);
  });

  it('charges the items only for what a frame takes beyond the cheapest frame seen, and keeps a page with slow frames moving', () => {
    // Frames cost 20 ms whatever is written; 10 items made one of 40 ms: 20 ms for 10 items, 10 ms left per frame.
    expect(nextSliceItems({ items: 10, scriptMs: 1, renderMs: 40 }, budgets, 20)).toBe(5);
    // Every frame costs 45 ms, over the budget: the items still get a third of it (10 ms).
    expect(nextSliceItems({ items: 10, scriptMs: 1, renderMs: 65 }, budgets, 45)).toBe(5);
    expect(nextSliceItems({ items: 10, scriptMs: 1, renderMs: 45 }, budgets, 45)).toBe(20);
  });

  it('grows at most twofold after a cheap slice, and never drops below one item', () => {
    expect(nextSliceItems({ items: 10, scriptMs: 0.1, renderMs: 1 }, budgets)).toBe(20);
    expect(nextSliceItems({ items: 10, scriptMs: 0, renderMs: 0 }, budgets)).toBe(20);
    expect(nextSliceItems({ items: 1, scriptMs: 5, renderMs: 400 }, budgets)).toBe(1);
    expect(nextSliceItems({ items: 0, scriptMs: 0, renderMs: 0 }, budgets)).toBe(2);
  });
});

describe('a run paced by frames', () => {
  /** A page where each item costs `script` ms of script and `render` ms of the next frame. */
  function harness(script: number, render: number) {
    let t = 0;
    let pending = 0;
    const log: string[] = [];
    const frames: number[] = [];
    return {
      log,
      frames,
      work: (i: number) => {
        t += script;
        pending += render;
        log.push(String(i));
      },
      opts: {
        ...budgets,
        now: () => t,
        frame: async () => {
          frames.push(pending);
          log.push('frame');
          const took = pending;
          t += took;
          pending = 0;
          return took;
        },
        beginSlice: () => void log.push('begin'),
        endSlice: () => void log.push('end'),
        onVisible: () => void log.push('visible'),
      },
    };
  }

  it('waits for a frame after every slice, starts with what is on screen, and keeps later frames within budget', async () => {
    const h = harness(1, 12);
    const items = Array.from({ length: 20 }, (_, i) => i);
    const ok = await runPaced(items, h.work, { ...h.opts, firstItems: 2, visibleCount: 2, cancelled: () => false });
    expect(ok).toBe(true);
    expect(h.log.slice(0, 7)).toEqual(['begin', '0', '1', 'end', 'frame', 'visible', 'begin']);
    expect(h.log.filter((x) => /^\d+$/.test(x)).map(Number)).toEqual(items); // each once, in order
    // The first frame (2 items) took 24 ms. Growing at most twofold, no frame passes twice the
    // 30 ms budget, and once the costs are known the frames keep to it on average.
    expect(h.frames[0]).toBe(24);
    expect(Math.max(...h.frames)).toBeLessThanOrEqual(60);
    const later = h.frames.slice(2);
    expect(later.reduce((a, b) => a + b, 0) / later.length).toBeLessThanOrEqual(30);
  });

  it('ends a slice when its script budget is used, whatever the item count allows', async () => {
    const h = harness(4, 0);
    await runPaced([0, 1, 2, 3, 4, 5, 6], h.work, { ...h.opts, firstItems: 100, cancelled: () => false });
    // 3 items took 12 ms: the next slice gets 2.
    expect(h.log.join(' ')).toBe('begin 0 1 2 end frame visible begin 3 4 end frame begin 5 6 end frame');
  });

  it('a fixed cost per frame does not shrink the slices to one item each', async () => {
    let t = 0;
    let pending = 0;
    const sizes: number[] = [];
    let n = 0;
    await runPaced(
      Array.from({ length: 400 }, (_, i) => i),
      () => {
        t += 0.01;
        pending += 0.5;
        n++;
      },
      {
        ...budgets,
        firstItems: 4,
        now: () => t,
        frame: async () => {
          sizes.push(n);
          n = 0;
          const took = 25 + pending; // 25 ms of painting in every frame
          pending = 0;
          t += took;
          return took;
        },
        cancelled: () => false,
      },
    );
    // 4 items made a 27 ms frame (the cheapest yet); then 8, 16 (grown twofold), settling where the items' 0.5 ms each fill what the fixed 25 ms leaves.
    expect(sizes.slice(0, 3)).toEqual([4, 8, 16]);
    expect(Math.min(...sizes.slice(3, -1))).toBeGreaterThanOrEqual(6);
  });

  it('stops before the next slice once cancelled, and says so', async () => {
    const h = harness(1, 1);
    let cancel = false;
    const work = (i: number): void => {
      h.work(i);
      if (i === 1) cancel = true;
    };
    expect(await runPaced([0, 1, 2, 3], work, { ...h.opts, firstItems: 2, cancelled: () => cancel })).toBe(false);
    expect(h.log).toEqual(['begin', '0', '1', 'end', 'frame', 'visible']);
  });
});

describe('waiting for the next frame', () => {
  /** A window whose frames come only when `frame()` is called, and whose tab can be hidden. */
  function fakeWindow(state: 'visible' | 'hidden') {
    const doc = new EventTarget() as EventTarget & { visibilityState: string };
    doc.visibilityState = state;
    let cb: (() => void) | null = null;
    let t = 0;
    const win = {
      document: doc,
      performance: { now: () => t },
      requestAnimationFrame: (f: () => void) => ((cb = f), 1),
    } as unknown as Window;
    return {
      win,
      frame: (renderMs: number) => {
        cb?.();
        t += renderMs; // the frame's restyle and layout, after the animation callbacks
      },
      hide: () => {
        doc.visibilityState = 'hidden';
        doc.dispatchEvent(new Event('visibilitychange'));
      },
    };
  }

  it('resolves after the frame with the time the frame took', async () => {
    const w = fakeWindow('visible');
    const p = afterNextFrame(w.win)();
    w.frame(17);
    expect(await p).toBe(17);
  });

  it('in a hidden tab (no frames, throttled timers) only yields, and a tab hidden while waiting goes on', async () => {
    expect(await afterNextFrame(fakeWindow('hidden').win)()).toBe(0);
    const w = fakeWindow('visible');
    const p = afterNextFrame(w.win)();
    w.hide();
    expect(await p).toBe(0);
  });
});

describe('the pause of a run that writes to a big page', () => {
  /** A window with a clock, frames rendered when `frame()` is called, and scheduler.yield. */
  function clockWindow(state: 'visible' | 'hidden' = 'visible') {
    const doc = new EventTarget() as EventTarget & { visibilityState: string };
    doc.visibilityState = state;
    let callbacks: Array<() => void> = [];
    let t = 0;
    const log: string[] = [];
    const win = {
      document: doc,
      performance: { now: () => t },
      requestAnimationFrame: (f: () => void) => (callbacks.push(f), callbacks.length),
      scheduler: { yield: () => (log.push('yield'), Promise.resolve()) },
    } as unknown as Window;
    return {
      win,
      log,
      advance: (ms: number) => void (t += ms),
      frame: (renderMs: number) => {
        const due = callbacks;
        callbacks = [];
        for (const f of due) f();
        log.push('frame');
        t += renderMs;
      },
    };
  }

  it('yields while the browser rendered recently, and waits for a frame once it has not for the gap', async () => {
    const w = clockWindow();
    const pause = frameBoundedPause(w.win, 25);
    w.advance(12);
    await pause();
    w.advance(12);
    await pause();
    expect(w.log).toEqual(['yield', 'yield']);
    w.advance(12); // 36 ms of writing and no frame: the next pause waits for one
    let resumed = false;
    const p = pause().then(() => (resumed = true));
    await Promise.resolve();
    expect(resumed).toBe(false);
    w.frame(80);
    await p;
    expect(w.log).toEqual(['yield', 'yield', 'frame']);
    // The gap counts from the end of that frame.
    w.advance(12);
    await pause();
    expect(w.log.at(-1)).toBe('yield');
  });

  it('a frame the browser renders on its own restarts the gap', async () => {
    const w = clockWindow();
    const pause = frameBoundedPause(w.win, 25);
    w.advance(20);
    await pause();
    w.frame(5); // the page animates, or the browser rendered between slices
    w.advance(15); // 40 ms of writing, but only 20 since that frame began
    await pause();
    expect(w.log).toEqual(['yield', 'frame', 'yield']);
  });

  it('in a hidden tab it only yields', async () => {
    const w = clockWindow('hidden');
    const pause = frameBoundedPause(w.win, 25);
    w.advance(100);
    await pause();
    w.advance(100);
    await pause();
    expect(w.log).toEqual(['yield', 'yield']);
  });
});
