/**
 * Work over many items in short slices with a yield to the page between them, so input, scrolling
 * and painting go on while a big page is converted, restyled or measured.
 */
export interface ChunkRunOptions {
  /** Work per slice before yielding (ms); a slice ends after the segment that crosses it. */
  budgetMs: number;
  now(): number;
  /** Gives the page the main thread (input, rendering) and resumes. */
  pause(): Promise<void>;
  /** True once this run was superseded (restore issued mid-conversion, or the reverse). */
  cancelled(): boolean;
  /** Called at the start of every slice (e.g. to stop observing our own writes). */
  beginSlice?(): void;
  /** Called at the end of every slice, before yielding (e.g. to drop our own mutation records). */
  endSlice?(): void;
  /** Called once the first `visibleCount` items are done. */
  onVisible?(): void;
  visibleCount?: number;
}

/** Runs `work` over the items in slices of about `budgetMs`; resolves false if cancelled midway. */
export async function runInSlices<T>(items: readonly T[], work: (item: T) => void, o: ChunkRunOptions): Promise<boolean> {
  const visibleCount = o.visibleCount ?? 0;
  let visibleSaid = false;
  const sayVisible = (done: number): void => {
    if (!visibleSaid && done >= visibleCount) {
      visibleSaid = true;
      o.onVisible?.();
    }
  };
  let deadline = o.now() + o.budgetMs;
  if (items.length && !o.cancelled()) o.beginSlice?.();
  for (let i = 0; i < items.length; i++) {
    if (o.cancelled()) return false;
    work(items[i]!);
    // The slice also ends once what is on screen is done, so the page shows it without waiting for the budget.
    if (i + 1 < items.length && (o.now() >= deadline || (!visibleSaid && i + 1 === visibleCount))) {
      o.endSlice?.();
      sayVisible(i + 1);
      await o.pause();
      deadline = o.now() + o.budgetMs;
      if (!o.cancelled()) o.beginSlice?.();
    }
  }
  if (o.cancelled()) return false;
  o.endSlice?.();
  sayVisible(items.length);
  return true;
}

interface YieldingScheduler {
  yield?(): Promise<void>;
}

/**
 * Yields the main thread to the page: scheduler.yield where the browser has it (the continuation
 * keeps its place ahead of other work), else a message to ourselves (not throttled like timers).
 */
export function pauseFor(win: Window): () => Promise<void> {
  const scheduler = (win as unknown as { scheduler?: YieldingScheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return () => scheduler.yield!();
  return () =>
    new Promise<void>((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    });
}

/**
 * Writing to a big page: each slice's writes cost the browser a restyle and layout in the next
 * frame, often more than the script itself (text reshaped at another size or in another script).
 * Yielding with scheduler.yield alone lets slices pile up until the browser insists on a frame, and
 * that frame is then one long task. So a writing run waits for the frame after every slice, measures
 * what the frame took, and sizes the next slice so that the frame stays within its budget.
 */
export interface PacedRunOptions {
  /** Script time per slice (ms): a slice also ends when it has used this. */
  scriptBudgetMs: number;
  /** The browser's time per frame for the slice's writes (restyle, layout, paint) to stay within (ms). */
  renderBudgetMs: number;
  /** Items in the first slice (at most; the script budget may end it sooner). */
  firstItems: number;
  now(): number;
  /** Resolves after the next frame has been rendered, with the time it took (ms). */
  frame(): Promise<number>;
  cancelled(): boolean;
  beginSlice?(): void;
  endSlice?(): void;
  /** Called once the first `visibleCount` items are done (and rendered). */
  onVisible?(): void;
  visibleCount?: number;
}

/** What one slice did: items written, its script time, and the time of the frame that followed. */
export interface SliceCost {
  items: number;
  scriptMs: number;
  renderMs: number;
}

/**
 * How many items the next slice may write, from the last one's cost: as many as fit both budgets at
 * the last slice's cost per item, at least one, and at most twice the last (a cheap slice, say one
 * of markup without text, says little about the next). A frame of a big page costs some time
 * whatever was written (painting, walking the layout tree): `baseRenderMs`, the cheapest frame seen,
 * is not charged to the items, and the items get what is left of the render budget (a third of it at
 * least, so a page whose every frame is slow still ends).
 */
export function nextSliceItems(last: SliceCost, o: { scriptBudgetMs: number; renderBudgetMs: number }, baseRenderMs = 0): number {
  const n = Math.max(1, last.items);
  const byScript = last.scriptMs > 0 ? (n * o.scriptBudgetMs) / last.scriptMs : Infinity;
  const itemsRender = last.renderMs - baseRenderMs;
  const allowance = Math.max(o.renderBudgetMs - baseRenderMs, o.renderBudgetMs / 3);
  const byRender = itemsRender > 0 ? (n * allowance) / itemsRender : Infinity;
  return Math.max(1, Math.min(2 * n, Math.floor(Math.min(byScript, byRender))));
}

/** Runs `work` over the items in slices paced by frames (see PacedRunOptions); false if cancelled midway. */
export async function runPaced<T>(items: readonly T[], work: (item: T) => void, o: PacedRunOptions): Promise<boolean> {
  const visibleCount = o.visibleCount ?? 0;
  let visibleSaid = false;
  let size = Math.max(1, o.firstItems);
  let baseRenderMs = Infinity;
  let i = 0;
  while (i < items.length) {
    if (o.cancelled()) return false;
    o.beginSlice?.();
    const start = o.now();
    const end = Math.min(items.length, i + size);
    const from = i;
    while (i < end) {
      work(items[i++]!);
      if (o.now() - start >= o.scriptBudgetMs) break;
    }
    const scriptMs = o.now() - start;
    o.endSlice?.();
    const renderMs = await o.frame();
    if (!visibleSaid && i >= visibleCount) {
      visibleSaid = true;
      o.onVisible?.();
    }
    baseRenderMs = Math.min(baseRenderMs, renderMs);
    size = nextSliceItems({ items: i - from, scriptMs, renderMs }, o, baseRenderMs);
  }
  if (o.cancelled()) return false;
  if (!visibleSaid) o.onVisible?.();
  return true;
}

/**
 * Waits for the window's next frame and resolves just after it, with the time from the frame's
 * animation callbacks to the task after it: the frame's restyle, layout and paint, as the page saw
 * them. `from: 'call'` times from the call instead: a restyle the browser does before the frame's
 * callbacks (traced for 配色's tags) then counts too. A hidden tab renders no frames (and throttles
 * timers): there it only yields, reporting 0.
 */
export function afterNextFrame(win: Window, from: 'frame' | 'call' = 'frame'): () => Promise<number> {
  const doc = win.document;
  return () =>
    new Promise<number>((resolve) => {
      let settled = false;
      const ch = new MessageChannel();
      const calledAt = win.performance.now();
      let frameAt = -1;
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve(frameAt < 0 ? 0 : win.performance.now() - frameAt);
      };
      const go = (inFrame: boolean): void => {
        if (settled) return;
        settled = true;
        doc.removeEventListener('visibilitychange', hidden);
        if (inFrame) frameAt = from === 'call' ? calledAt : win.performance.now();
        ch.port2.postMessage(null);
      };
      const hidden = (): void => {
        if (doc.visibilityState === 'hidden') go(false);
      };
      if (doc.visibilityState === 'hidden') return go(false);
      doc.addEventListener('visibilitychange', hidden);
      win.requestAnimationFrame(() => go(true));
    });
}

/**
 * The pause between the slices of a run that writes to a big page. It yields (pauseFor), except
 * once `maxGapMs` have passed since the browser last rendered: then it waits for the next frame.
 *
 * A browser busy with yield continuations renders only now and then, and each such frame lays out
 * all the text written since the last one: on the 80,000-element page, frames of 400–600 ms every
 * half second (long animation frames, measured). A frame costs ~50 ms there however little changed
 * (the browser's paint pre-pass over the whole page), so a frame after every slice makes the run
 * twice as long; a frame after every `maxGapMs` of writing bounds what one frame lays out. A hidden
 * tab renders nothing: there it only yields.
 */
export function frameBoundedPause(win: Window, maxGapMs: number): () => Promise<void> {
  const yieldNow = pauseFor(win);
  const nextFrame = afterNextFrame(win);
  const now = (): number => win.performance.now();
  let lastFrame = now();
  let watching = false;
  // Frames the browser renders on its own (or for the page's animations) count too.
  const watch = (): void => {
    if (watching) return;
    watching = true;
    win.requestAnimationFrame(() => {
      watching = false;
      lastFrame = now();
    });
  };
  return async () => {
    if (win.document.visibilityState === 'hidden' || now() - lastFrame < maxGapMs) {
      watch();
      return yieldNow();
    }
    await nextFrame();
    lastFrame = now();
  };
}
