// 指读 dwell timing as a small pure controller: no DOM, injectable timers, generic target type.
//
// - Every pointer move restarts the timer; when the pointer rests on a target for delayMs, onRead(target).
// - The element just read is not read again while the pointer stays on it (moves within it, or brief
//   excursions that do not rest anywhere else, are ignored).
// - Resting on nothing (target null) for delayMs forgets the last read, so coming back reads it again.
// - Focus reads immediately (keyboard users should not wait).

export interface TimerApi {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface DwellOptions<T> {
  onRead: (target: T) => void;
  /** Default 300 ms. */
  delayMs?: number;
  timers?: TimerApi;
}

export const DEFAULT_DWELL_MS = 300;

const globalTimers: TimerApi = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class DwellController<T> {
  private delay: number;
  private readonly onRead: (target: T) => void;
  private readonly timers: TimerApi;
  private handle: unknown = null;
  private lastRead: T | null = null;
  private disposed = false;

  constructor(opts: DwellOptions<T>) {
    this.onRead = opts.onRead;
    this.delay = sanitize(opts.delayMs ?? DEFAULT_DWELL_MS);
    this.timers = opts.timers ?? globalTimers;
  }

  get delayMs(): number {
    return this.delay;
  }

  /** The target last read (null after a rest on nothing or reset()). */
  get current(): T | null {
    return this.lastRead;
  }

  setDelay(ms: number): void {
    this.delay = sanitize(ms, this.delay);
  }

  /** The pointer moved; target is what it is over now (null: nothing speakable). */
  pointerMove(target: T | null): void {
    if (this.disposed) return;
    this.cancelTimer();
    if (target !== null && target === this.lastRead) return;
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      if (target === null) {
        this.lastRead = null;
        return;
      }
      this.read(target);
    }, this.delay);
  }

  /** Keyboard focus moved to target: read it now. */
  focus(target: T | null): void {
    if (this.disposed || target === null) return;
    this.cancelTimer();
    this.read(target);
  }

  /** The pointer left the page. */
  pointerLeave(): void {
    this.pointerMove(null);
  }

  /** Forget the last read and any pending one. */
  reset(): void {
    this.cancelTimer();
    this.lastRead = null;
  }

  dispose(): void {
    this.reset();
    this.disposed = true;
  }

  private read(target: T): void {
    this.lastRead = target;
    try {
      this.onRead(target);
    } catch {
      // the reader reports its own failures; the controller must keep working
    }
  }

  private cancelTimer(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }
}

function sanitize(ms: number, fallback = DEFAULT_DWELL_MS): number {
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 10_000) : fallback;
}
