// The keyboard walk's judgements, as pure functions over plain data (no DOM): is focus visible (from
// style snapshots taken without and with focus), does the tab order jump against the visual order,
// which interactive elements were never reached.
import type { ElementInfo, FocusVisibility, KeyboardIssue, Rect, TabStop } from './types';

/** Computed-style values of an element (and its pseudo-elements and ancestors), keyed "part:property". */
export type StyleSnapshot = Record<string, string>;

const INVISIBLE_COLOUR = /^(transparent|rgba\([^)]*,\s*0\)|rgba\([^)]*\/\s*0\)|#0000|#00000000)$/i;

function outlineVisible(s: StyleSnapshot, part: string): boolean {
  const style = s[`${part}:outline-style`] ?? 'none';
  const width = parseFloat(s[`${part}:outline-width`] ?? '0');
  const colour = (s[`${part}:outline-color`] ?? '').trim();
  return style !== 'none' && style !== 'hidden' && width > 0 && !INVISIBLE_COLOUR.test(colour);
}

const OUTLINE_PROPS = ['outline-style', 'outline-width', 'outline-color', 'outline-offset'];

/**
 * What differs between the unfocused and the focused rendering. An outline counts when it is visible
 * with focus; other properties (box-shadow, border, background, colour, text decoration, transform,
 * pseudo-element content, an ancestor's :focus-within style) count when they change at all.
 */
export function styleChanges(before: StyleSnapshot, after: StyleSnapshot): string[] {
  const out = new Set<string>();
  const parts = new Set(Object.keys({ ...before, ...after }).map((k) => k.split(':')[0]!));
  for (const part of parts) {
    const changedOutline = OUTLINE_PROPS.some((p) => (before[`${part}:${p}`] ?? '') !== (after[`${part}:${p}`] ?? ''));
    if (changedOutline && outlineVisible(after, part)) out.add(`${part}:outline`);
  }
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const prop = key.split(':')[1] ?? '';
    if (prop.startsWith('outline')) continue;
    if ((before[key] ?? '') !== (after[key] ?? '')) out.add(key);
  }
  return [...out].sort();
}

/** A focused element whose box lies entirely outside the page (a skip link that never comes into view). */
export function offscreen(rect: Rect, page: { width: number; height: number }): boolean {
  if (rect.width <= 0 && rect.height <= 0) return true;
  return rect.x + rect.width <= 0 || rect.y + rect.height <= 0 || rect.x >= page.width || rect.y >= page.height;
}

/**
 * The verdict for one stop. changes: the style differences; focusVisibleMatches: whether the element
 * matched :focus-visible when the snapshot was taken (if not, the page's :focus-visible styles were
 * not applied and ruleVerdict — read from the page's stylesheets — decides).
 */
export function focusVisibility(input: {
  changes: string[];
  isOffscreen: boolean;
  focusVisibleMatches: boolean;
  ruleVerdict: FocusVisibility;
}): { visible: FocusVisibility; reason?: 'offscreen' | 'no-change' | 'cannot-tell' } {
  if (input.isOffscreen) return { visible: 'no', reason: 'offscreen' };
  if (input.changes.length) return { visible: 'yes' };
  if (input.focusVisibleMatches) return { visible: 'no', reason: 'no-change' };
  if (input.ruleVerdict === 'yes') return { visible: 'yes' };
  if (input.ruleVerdict === 'no') return { visible: 'no', reason: 'no-change' };
  return { visible: 'unknown', reason: 'cannot-tell' };
}

export function judgeFocusVisible(stops: readonly TabStop[]): KeyboardIssue[] {
  const out: KeyboardIssue[] = [];
  const seen = new Set<number>();
  for (const s of stops) {
    if (seen.has(s.id) || s.visible === 'yes') continue;
    seen.add(s.id);
    out.push({
      rule: 'kanjian-keyboard-focus-visible',
      outcome: s.visible === 'no' ? 'violation' : 'review',
      element: elementOf(s),
      data: { messageKey: s.visibleReason === 'offscreen' || s.visibleReason === 'blurred' ? s.visibleReason : s.visible === 'no' ? 'default' : 'unknown', stop: s.index },
    });
  }
  return out;
}

// ---- tab order against visual order ------------------------------------------------------------

/**
 * Whether box b comes before box a in reading order (top to bottom, left to right): b lies above a
 * and not in a column to its right, or b is on the same line and to its left.
 */
export function visuallyBefore(b: Rect, a: Rect, slack = 2): boolean {
  if (b.width <= 0 || b.height <= 0 || a.width <= 0 || a.height <= 0) return false;
  const above = b.y + b.height <= a.y - slack;
  if (above) return b.x < a.x + a.width - slack;
  const overlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  const sameLine = overlap >= Math.min(a.height, b.height) * 0.5;
  return sameLine && b.x + b.width <= a.x - slack;
}

/**
 * Steps of the path that go back against the visual order. With a positive tabindex involved the
 * order is the author's doing (F44): a violation. Where CSS reorders flex or grid items (order,
 * *-reverse) the visual order and the DOM order part: needs review. Other backward steps (columns,
 * floats, fixed headers) are left alone.
 */
export function judgeOrder(stops: readonly TabStop[]): KeyboardIssue[] {
  const out: KeyboardIssue[] = [];
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1]!;
    const b = stops[i]!;
    if (a.id === b.id || a.fixed || b.fixed) continue;
    if (!visuallyBefore(b.rect, a.rect)) continue;
    const positive = (a.tabindex ?? 0) > 0 || (b.tabindex ?? 0) > 0;
    if (!positive && !(a.reordered || b.reordered)) continue;
    out.push({
      rule: 'kanjian-keyboard-order',
      outcome: positive ? 'violation' : 'review',
      element: elementOf(b),
      related: [elementOf(a)],
      data: { messageKey: positive ? 'tabindex' : 'css', stop: b.index, from: a.index, fromName: a.name, tabindex: Math.max(a.tabindex ?? 0, b.tabindex ?? 0) },
    });
  }
  return out;
}

/** The element part of a stop. */
export function elementOf(s: ElementInfo): ElementInfo {
  return {
    id: s.id, selector: s.selector, target: s.target, html: s.html, tag: s.tag, role: s.role, name: s.name, rect: s.rect,
    tabindex: s.tabindex, domIndex: s.domIndex, fixed: s.fixed, reordered: s.reordered, operable: s.operable,
  };
}

// ---- unreachable interactive elements ----------------------------------------------------------

/**
 * Interactive elements the walk never reached. Only judged when the walk saw the whole tab order;
 * elements cut off behind a keyboard trap are named as such. An ARIA widget with no handler in its
 * markup may do nothing at all (its script cannot be seen): needs review.
 */
export function judgeUnreachable(
  interactive: readonly ElementInfo[],
  visited: ReadonlySet<number>,
  blockedByTrap: ReadonlySet<number>,
  complete: boolean,
): KeyboardIssue[] {
  if (!complete) return [];
  return interactive
    .filter((e) => !visited.has(e.id))
    .map((e) => ({
      rule: 'kanjian-keyboard-unreachable' as const,
      outcome: e.operable || blockedByTrap.has(e.id) ? ('violation' as const) : ('review' as const),
      element: e,
      data: { messageKey: blockedByTrap.has(e.id) ? 'blocked' : (e.tabindex ?? 0) < 0 ? 'negative' : 'default', role: e.role ?? e.tag },
    }));
}

/**
 * The repeating part of a path that came back to an element it had already visited: the ids from that
 * element's previous visit up to now. Undefined for the natural wrap — back at the first stop after
 * focus left the document, or after covering (nearly) everything expected.
 */
export function trapCycle(
  path: readonly number[],
  progress: { remaining: number; expected: number; leftDocument: boolean },
): number[] | undefined {
  const last = path[path.length - 1];
  if (last === undefined) return undefined;
  const prev = path.lastIndexOf(last, path.length - 2);
  if (prev < 0) return undefined;
  if (prev === 0 && (progress.leftDocument || progress.remaining === 0 || path.length - 1 >= progress.expected * 0.8)) return undefined;
  return path.slice(prev, path.length - 1);
}
