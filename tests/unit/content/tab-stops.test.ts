// What the content script accepts from the report's 键盘路径 port before drawing anything on the page:
// the stops' numbers, boxes and selectors, checked one by one; anything else draws nothing.
import { describe, expect, test } from 'vitest';
import { checkTabStopsMessage } from '../../../src/content/tab-stops';

const stop = (extra: Record<string, unknown> = {}) => ({ index: 1, target: ['#a'], rect: { x: 1, y: 2, width: 3, height: 4 }, ...extra });

describe('checkTabStopsMessage', () => {
  test('a well-formed message passes, problem flags only when true', () => {
    expect(checkTabStopsMessage({ stops: [stop(), stop({ index: 2, target: [['#host', 'button']], problem: true })], label: '键盘路径：2 个停靠点' })).toEqual({
      stops: [
        { index: 1, target: ['#a'], rect: { x: 1, y: 2, width: 3, height: 4 }, problem: false },
        { index: 2, target: [['#host', 'button']], rect: { x: 1, y: 2, width: 3, height: 4 }, problem: true },
      ],
      label: '键盘路径：2 个停靠点',
    });
  });

  test('anything malformed is refused as a whole', () => {
    for (const bad of [
      null,
      'stops',
      { stops: 'x', label: '' },
      { stops: [stop()] },
      { stops: [stop({ index: 1.5 })], label: '' },
      { stops: [stop({ rect: { x: 1, y: 2, width: 3 } })], label: '' },
      { stops: [stop({ rect: { x: Infinity, y: 2, width: 3, height: 4 } })], label: '' },
      { stops: [stop({ target: [] })], label: '' },
      { stops: [stop({ target: [{ toString: () => '#a' }] })], label: '' },
      { stops: [stop({ target: ['x'.repeat(5000)] })], label: '' },
      { stops: Array.from({ length: 1001 }, (_, i) => stop({ index: i + 1 })), label: '' },
    ]) {
      expect(checkTabStopsMessage(bad), JSON.stringify(bad)?.slice(0, 80)).toBeNull();
    }
  });

  test('a long label is cut', () => {
    expect(checkTabStopsMessage({ stops: [], label: 'x'.repeat(500) })!.label).toHaveLength(200);
  });
});
