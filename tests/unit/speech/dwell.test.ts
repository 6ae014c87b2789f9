import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DwellController } from '../../../src/speech/dwell';

describe('DwellController (fake timers)', () => {
  let reads: string[];
  let dwell: DwellController<string>;

  beforeEach(() => {
    vi.useFakeTimers();
    reads = [];
    dwell = new DwellController<string>({ onRead: (t) => reads.push(t) });
  });

  afterEach(() => {
    dwell.dispose();
    vi.useRealTimers();
  });

  test('reads after the pointer rests 300 ms by default', () => {
    dwell.pointerMove('a');
    vi.advanceTimersByTime(299);
    expect(reads).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reads).toEqual(['a']);
  });

  test('every move restarts the timer', () => {
    dwell.pointerMove('a');
    vi.advanceTimersByTime(200);
    dwell.pointerMove('a');
    vi.advanceTimersByTime(200);
    dwell.pointerMove('b');
    vi.advanceTimersByTime(200);
    expect(reads).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(reads).toEqual(['b']);
  });

  test('the element just read is not re-read while hovered, nor after a brief excursion', () => {
    dwell.pointerMove('a');
    vi.advanceTimersByTime(300);
    dwell.pointerMove('a');
    vi.advanceTimersByTime(1000);
    dwell.pointerMove('b'); // passing over b without resting
    vi.advanceTimersByTime(100);
    dwell.pointerMove('a');
    vi.advanceTimersByTime(1000);
    expect(reads).toEqual(['a']);
  });

  test('after reading something else, coming back reads again', () => {
    dwell.pointerMove('a');
    vi.advanceTimersByTime(300);
    dwell.pointerMove('b');
    vi.advanceTimersByTime(300);
    dwell.pointerMove('a');
    vi.advanceTimersByTime(300);
    expect(reads).toEqual(['a', 'b', 'a']);
  });

  test('resting on nothing forgets the last read', () => {
    dwell.pointerMove('a');
    vi.advanceTimersByTime(300);
    dwell.pointerMove(null);
    vi.advanceTimersByTime(300);
    expect(dwell.current).toBeNull();
    dwell.pointerMove('a');
    vi.advanceTimersByTime(300);
    expect(reads).toEqual(['a', 'a']);
  });

  test('focus reads immediately and cancels a pending dwell', () => {
    dwell.pointerMove('a');
    vi.advanceTimersByTime(100);
    dwell.focus('f');
    expect(reads).toEqual(['f']);
    vi.advanceTimersByTime(1000);
    expect(reads).toEqual(['f']);
    dwell.focus(null);
    expect(reads).toEqual(['f']);
  });

  test('the delay is adjustable; bad values are ignored', () => {
    dwell.setDelay(800);
    dwell.setDelay(Number.NaN);
    dwell.setDelay(-5);
    expect(dwell.delayMs).toBe(800);
    dwell.pointerMove('a');
    vi.advanceTimersByTime(799);
    expect(reads).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reads).toEqual(['a']);
  });

  test('dispose leaves no timer and ignores later input; a throwing reader does not break it', () => {
    const d = new DwellController<string>({
      onRead: () => {
        throw new Error('reader failed');
      },
      delayMs: 10,
    });
    d.pointerMove('x');
    vi.advanceTimersByTime(10);
    expect(d.current).toBe('x');
    d.pointerMove('y');
    d.dispose();
    expect(vi.getTimerCount()).toBe(0);
    d.pointerMove('z');
    d.focus('z');
    expect(vi.getTimerCount()).toBe(0);
  });

  test('injectable timers', () => {
    const pending: Array<() => void> = [];
    const d = new DwellController<string>({
      onRead: (t) => reads.push(t),
      timers: { setTimeout: (fn) => pending.push(fn), clearTimeout: () => undefined },
    });
    d.pointerMove('q');
    expect(reads).toEqual([]);
    pending.at(-1)!();
    expect(reads).toEqual(['q']);
  });
});
