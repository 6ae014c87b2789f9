// @vitest-environment jsdom
// The keyboard walk's pure parts (focus-visible comparison, order, reachability, traps, the axe-like
// results) and the tab order computed from the DOM; the walk itself with a scripted page.
import { afterEach, describe, expect, test } from 'vitest';
import {
  focusVisibility, judgeOrder, judgeUnreachable, keyboardResults, sequentialFocusOrder, styleChanges, trapCycle, visuallyBefore,
  walkKeyboard, withKeyboardResults, keyboardRulesFor, keyboardPathOf, KEYBOARD_RULE_IDS, type ElementInfo, type KeyboardPageApi, type Observation, type TabStop, type WalkDriver,
} from '../../../src/audit/keyboard/index';
import { buildReport, localizeFinding } from '../../../src/audit/index';
import { axeRunOptions } from '../../../src/audit/options';
import { reportSchemaErrors } from '../../support/schemas';

afterEach(() => {
  document.body.innerHTML = '';
});

const rect = (x: number, y: number, width = 100, height = 20) => ({ x, y, width, height });

function info(id: number, extra: Partial<ElementInfo> = {}): ElementInfo {
  return {
    id, selector: `#e${id}`, target: [`#e${id}`], html: `<a id="e${id}">`, tag: 'a', role: null, name: `link ${id}`, rect: rect(0, id * 30),
    tabindex: null, domIndex: id, fixed: false, reordered: false, operable: true, ...extra,
  };
}

function stop(index: number, e: ElementInfo, visible: TabStop['visible'] = 'yes'): TabStop {
  return { ...e, index, visible, changes: visible === 'yes' ? ['self:outline'] : [] };
}

describe('focus visible', () => {
  const base = { 'self:outline-style': 'none', 'self:outline-width': '0px', 'self:outline-color': 'rgb(0, 0, 0)', 'self:outline-offset': '0px', 'self:box-shadow': 'none', 'self:background-color': 'rgba(0, 0, 0, 0)' };
  test('an outline that appears counts; one that was there already or is transparent does not', () => {
    expect(styleChanges(base, { ...base, 'self:outline-style': 'auto', 'self:outline-width': '1px' })).toEqual(['self:outline']);
    const always = { ...base, 'self:outline-style': 'solid', 'self:outline-width': '2px' };
    expect(styleChanges(always, always)).toEqual([]);
    expect(styleChanges(base, { ...base, 'self:outline-style': 'solid', 'self:outline-width': '2px', 'self:outline-color': 'rgba(0, 0, 0, 0)' })).toEqual([]);
  });
  test('a shadow, a background or an ancestor style that changes counts', () => {
    expect(styleChanges(base, { ...base, 'self:box-shadow': 'rgb(0, 0, 255) 0px 0px 0px 3px' })).toEqual(['self:box-shadow']);
    expect(styleChanges({ ...base, 'ancestor1:background-color': 'white' }, { ...base, 'ancestor1:background-color': 'yellow' })).toEqual(['ancestor1:background-color']);
  });
  test('verdicts', () => {
    expect(focusVisibility({ changes: ['self:outline'], isOffscreen: false, focusVisibleMatches: true, ruleVerdict: 'unknown' })).toEqual({ visible: 'yes' });
    expect(focusVisibility({ changes: [], isOffscreen: false, focusVisibleMatches: true, ruleVerdict: 'unknown' })).toEqual({ visible: 'no', reason: 'no-change' });
    expect(focusVisibility({ changes: ['self:outline'], isOffscreen: true, focusVisibleMatches: true, ruleVerdict: 'yes' })).toEqual({ visible: 'no', reason: 'offscreen' });
    // Focus moved by script (no :focus-visible): the stylesheets decide.
    expect(focusVisibility({ changes: [], isOffscreen: false, focusVisibleMatches: false, ruleVerdict: 'yes' })).toEqual({ visible: 'yes' });
    expect(focusVisibility({ changes: [], isOffscreen: false, focusVisibleMatches: false, ruleVerdict: 'no' })).toEqual({ visible: 'no', reason: 'no-change' });
    expect(focusVisibility({ changes: [], isOffscreen: false, focusVisibleMatches: false, ruleVerdict: 'unknown' })).toEqual({ visible: 'unknown', reason: 'cannot-tell' });
  });
});

describe('tab order against visual order', () => {
  test('reading order: above and to the left, or left on the same line; a new column is not backwards', () => {
    const a = rect(300, 300);
    expect(visuallyBefore(rect(0, 100), a)).toBe(true);
    expect(visuallyBefore(rect(100, 305), a)).toBe(true);
    expect(visuallyBefore(rect(500, 100), a)).toBe(false); // top of the next column
    expect(visuallyBefore(rect(0, 400), a)).toBe(false);
  });
  test('a positive tabindex that jumps back is a violation; CSS reordering needs review; columns pass', () => {
    const footer = info(9, { tabindex: 1, rect: rect(0, 900) });
    const home = info(1, { rect: rect(0, 10) });
    expect(judgeOrder([stop(1, footer), stop(2, home)])).toMatchObject([{ rule: 'kanjian-keyboard-order', outcome: 'violation', element: { id: 1 }, data: { messageKey: 'tabindex', from: 1 } }]);
    const reversed = [stop(1, info(1, { rect: rect(300, 10), reordered: true })), stop(2, info(2, { rect: rect(100, 10), reordered: true }))];
    expect(judgeOrder(reversed)).toMatchObject([{ outcome: 'review', data: { messageKey: 'css' } }]);
    const columns = [stop(1, info(1, { rect: rect(0, 500) })), stop(2, info(2, { rect: rect(600, 10) }))];
    expect(judgeOrder(columns)).toEqual([]);
    const floats = [stop(1, info(1, { rect: rect(600, 500) })), stop(2, info(2, { rect: rect(0, 10) }))];
    expect(judgeOrder(floats)).toEqual([]); // a float or sidebar before the content: DOM order, no tabindex
  });
});

describe('reachability and traps', () => {
  test('unreached controls are judged only after a complete walk', () => {
    const all = [info(1), info(2, { operable: false, role: 'button', tag: 'span' }), info(3, { tabindex: -1 })];
    expect(judgeUnreachable(all, new Set([1]), new Set(), false)).toEqual([]);
    const issues = judgeUnreachable(all, new Set([1]), new Set([3]), true);
    expect(issues.map((i) => [i.element.id, i.outcome, i.data.messageKey])).toEqual([
      [2, 'review', 'default'],
      [3, 'violation', 'blocked'],
    ]);
  });
  test('coming back to a stop is a trap, unless it is the natural wrap to the first stop', () => {
    expect(trapCycle([1, 2, 3, 2], { remaining: 3, expected: 6, leftDocument: false })).toEqual([2, 3]);
    expect(trapCycle([1, 2, 3, 1], { remaining: 0, expected: 3, leftDocument: false })).toBeUndefined();
    expect(trapCycle([1, 2, 3, 1], { remaining: 2, expected: 5, leftDocument: true })).toBeUndefined();
    expect(trapCycle([1, 2, 1], { remaining: 8, expected: 10, leftDocument: false })).toEqual([1, 2]); // a trap right at the top
    expect(trapCycle([1, 2, 3], { remaining: 0, expected: 3, leftDocument: false })).toBeUndefined();
  });
});

describe('sequential focus order from the DOM', () => {
  const ids = () => sequentialFocusOrder(document).map((e) => e.id);
  test('positive tabindex first, then tree order; hidden, inert, disabled and closed details left out', () => {
    document.body.innerHTML = `
      <a id="a" href="#">a</a><button id="b">b</button><input id="hidden" type="hidden"><button id="dis" disabled>x</button>
      <div id="t2" tabindex="2">t2</div><div id="t1" tabindex="1">t1</div><div id="neg" tabindex="-1">n</div>
      <div style="display:none"><a id="none" href="#">none</a></div><div inert><a id="inert" href="#">inert</a></div>
      <details><summary id="sum">more</summary><a id="closed" href="#">closed</a></details>
      <a id="nohref">no href</a><span id="ce" contenteditable="true">edit</span><fieldset disabled><input id="fs"></fieldset>`;
    expect(ids()).toEqual(['t1', 't2', 'a', 'b', 'sum', 'ce']);
  });
  test('one stop per radio group: the checked radio, else the first; arrow keys do the rest', () => {
    document.body.innerHTML =
      '<input type="radio" name="a" id="a1"><input type="radio" name="a" id="a2">' +
      '<input type="radio" name="b" id="b1"><input type="radio" name="b" id="b2" checked><input type="radio" id="solo">';
    expect(ids()).toEqual(['a1', 'b2', 'solo']);
  });
  test('shadow roots and slots are scopes placed where their host is; a host with tabindex -1 hides its tree', () => {
    document.body.innerHTML = '<a id="first" href="#">1</a><div id="host"><a id="slotted" href="#">s</a></div><div id="hidden-host" tabindex="-1"></div><a id="last" href="#">2</a>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<button id="inner1">i1</button><slot></slot><button id="inner2" tabindex="1">i2</button>';
    document.getElementById('hidden-host')!.attachShadow({ mode: 'open' }).innerHTML = '<button id="never">x</button>';
    expect(ids()).toEqual(['first', 'inner2', 'inner1', 'slotted', 'last']);
  });
});

// ---- the walk, driven through a scripted page -----------------------------------------------

/**
 * A page of n stops where Tab moves to the next one, except where the script says otherwise: trap
 * (from a stop, Tab goes back to an earlier one), invisible stops, and a dialog.
 */
function scriptedPage(n: number, opts: { trapAt?: [number, number]; invisible?: number[]; unreached?: ElementInfo[] } = {}): { api: KeyboardPageApi; presses: string[] } {
  const els = Array.from({ length: n }, (_, i) => info(i + 1));
  let focus: number | null = null;
  const presses: string[] = [];
  const observe = (): Observation => {
    if (focus === null) return { element: null, visible: 'unknown', changes: [] };
    const e = els[focus - 1]!;
    const visible = opts.invisible?.includes(e.id) ? 'no' : 'yes';
    return { element: e, visible, changes: visible === 'yes' ? ['self:outline'] : [], ...(visible === 'no' ? { visibleReason: 'no-change' as const } : {}) };
  };
  const api: KeyboardPageApi = {
    version: 1,
    begin: () => ({ url: 'https://example.test/', expected: els, interactive: [...els, ...(opts.unreached ?? [])], dialogOpeners: [] }),
    observe,
    emulateKey(key) {
      presses.push(key);
      if (key === 'Tab') {
        if (opts.trapAt && focus === opts.trapAt[0]) focus = opts.trapAt[1];
        else focus = focus === null ? 1 : focus < n ? focus + 1 : null;
      } else if (key === 'Shift+Tab') {
        if (!opts.trapAt || focus === null || focus < opts.trapAt[1] || focus > opts.trapAt[0]) focus = focus === null ? n : focus > 1 ? focus - 1 : null;
        else focus = focus === opts.trapAt[1] ? opts.trapAt[0] : focus - 1;
      }
      return { prevented: false };
    },
    focusElement: (id) => ((focus = id), true),
    focusAfter: (ids) => {
      const next = Math.max(...ids) + 1;
      if (next > n) return null;
      focus = next;
      return els[next - 1]!;
    },
    clickElement: () => true,
    openDialogs: () => [],
    focusWithin: () => false,
    tabbablesIn: () => 0,
    closeControl: () => null,
    end: () => undefined,
  };
  return { api, presses };
}

function driverFor(api: KeyboardPageApi): WalkDriver {
  return {
    mode: 'emulated',
    call: async (m, ...a) => (api[m] as (...x: unknown[]) => unknown)(...a) as never,
    press: async (k) => void api.emulateKey(k),
    wait: async () => undefined,
  };
}

describe('walkKeyboard', () => {
  test('a clean page: every stop once, in order, ending past the last stop', async () => {
    const { api } = scriptedPage(4);
    const r = await walkKeyboard(driverFor(api));
    expect(r.stops.map((s) => [s.index, s.id])).toEqual([[1, 1], [2, 2], [3, 3], [4, 4]]);
    expect(r.end).toBe('end');
    expect(r.complete).toBe(true);
    expect(r.issues).toEqual([]);
  });
  test('a trap: Tab cycles 3 → 4 → 3; Shift+Tab and Escape do not get out; the walk resumes after it', async () => {
    const { api } = scriptedPage(6, { trapAt: [4, 3] });
    const r = await walkKeyboard(driverFor(api));
    const trap = r.issues.filter((i) => i.rule === 'kanjian-keyboard-trap');
    expect(trap).toHaveLength(1);
    expect(trap[0]).toMatchObject({ outcome: 'violation', element: { id: 3 }, related: [{ id: 4 }], data: { messageKey: 'cycle', count: 2, blocked: 2 } });
    // Stops 5 and 6 were still visited (focused directly), so they are not reported unreachable.
    expect(r.stops.map((s) => s.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.issues.filter((i) => i.rule === 'kanjian-keyboard-unreachable')).toEqual([]);
  });
  test('invisible focus, unreachable controls and the bounds', async () => {
    const { api } = scriptedPage(3, { invisible: [2], unreached: [info(50, { tag: 'div', operable: true })] });
    const r = await walkKeyboard(driverFor(api));
    expect(r.issues.map((i) => [i.rule, i.element.id, i.outcome])).toEqual([
      ['kanjian-keyboard-focus-visible', 2, 'violation'],
      ['kanjian-keyboard-unreachable', 50, 'violation'],
    ]);
    const bounded = await walkKeyboard(driverFor(scriptedPage(50).api), { maxStops: 10 });
    expect(bounded.stops).toHaveLength(10);
    expect(bounded.end).toBe('max-stops');
    expect(bounded.complete).toBe(false);
  });
});

describe('findings as axe results', () => {
  test('grouped by rule and outcome, with English messages, tags, and the static duplicate dropped', async () => {
    const { api } = scriptedPage(3, { invisible: [2], unreached: [info(50, { tag: 'div', target: ['#clicky'] })] });
    const walk = await walkKeyboard(driverFor(api));
    const k = keyboardResults(walk);
    expect(k.violations.map((r) => r.id).sort()).toEqual(['kanjian-keyboard-focus-visible', 'kanjian-keyboard-unreachable']);
    const fv = k.violations.find((r) => r.id === 'kanjian-keyboard-focus-visible')!;
    expect(fv.tags).toContain('wcag247');
    expect(fv.nodes[0]!.any![0]!.message).toBe('Tab stop 2 looks the same with focus as without (no outline, shadow, background or underline)');

    const axeResults = {
      violations: [{ id: 'kanjian-click-no-keyboard', tags: ['wcag2a', 'wcag211'], nodes: [{ target: ['#clicky'] }, { target: ['#other'] }] }],
      incomplete: [],
      passes: [{ id: 'image-alt' }],
    };
    const merged = withKeyboardResults(axeResults, walk);
    expect(merged.violations.map((r) => [r.id, r.nodes.length])).toEqual([
      ['kanjian-click-no-keyboard', 1],
      ['kanjian-keyboard-focus-visible', 1],
      ['kanjian-keyboard-unreachable', 1],
    ]);
    expect((merged.passes as Array<{ id: string }>).map((p) => p.id)).toEqual(['image-alt', 'kanjian-keyboard-trap', 'kanjian-keyboard-order', 'kanjian-keyboard-dialog']);

    // In the report: WCAG 2.4.7, GB/T 37668 (derived) and the 适老化 keyboard item, in three languages.
    const report = buildReport({ pages: { url: 'https://example.test/', results: merged }, options: { standard: 'wcag21aa' }, generatedAt: '2025-01-01T00:00:00Z' });
    const f = report.pages[0]!.violations.find((x) => x.id === 'kanjian-keyboard-focus-visible')!;
    expect(f.wcag.map((w) => w.sc)).toEqual(['2.4.7']);
    expect(f.gbt37668.map((g) => g.clause)).toEqual(['6.4.7']);
    expect(f.help['zh-CN']).toBe('获得键盘焦点的元素必须有可见的焦点指示');
    expect(report.summary.verdict.failingRules).toContain('kanjian-keyboard-focus-visible');
    const zh = localizeFinding(fv, 'zh_CN', 'violations');
    expect(zh.nodes[0]!.any[0]!.message).toBe('第 2 个 Tab 停靠点获得焦点时外观没有任何变化（没有轮廓线、阴影、底色或下划线）');
  });
});

describe('which keyboard rules an audit runs', () => {
  test('by level, include and exclude; with rules.only only the named ones (and axe is never asked for them)', () => {
    expect(keyboardRulesFor({})).toEqual(KEYBOARD_RULE_IDS);
    // Focus visible is AA (2.4.7): not at level A.
    expect(keyboardRulesFor({ standard: 'wcag2a' })).not.toContain('kanjian-keyboard-focus-visible');
    expect(keyboardRulesFor({ standard: 'wcag2a', rules: { include: ['kanjian-keyboard-focus-visible'] } })).toContain('kanjian-keyboard-focus-visible');
    expect(keyboardRulesFor({ rules: { exclude: ['kanjian-keyboard-order'] } })).not.toContain('kanjian-keyboard-order');
    // Conformance suites name axe rules only: no walk.
    expect(keyboardRulesFor({ rules: { only: ['image-alt', 'link-name'] } })).toEqual([]);
    expect(keyboardRulesFor({ rules: { only: ['image-alt', 'kanjian-keyboard-trap'] } })).toEqual(['kanjian-keyboard-trap']);

    expect(axeRunOptions({ rules: { only: ['image-alt', 'kanjian-keyboard-trap'] } }).runOnly).toEqual({ type: 'rule', values: ['image-alt'] });
    // Only keyboard rules: axe runs none (it refuses an empty list, so a tag no rule has).
    expect(axeRunOptions({ rules: { only: ['kanjian-keyboard-trap'] } }).runOnly).toEqual({ type: 'tag', values: ['kanjian-no-axe-rules'] });
    expect(axeRunOptions({ rules: { exclude: ['kanjian-keyboard-trap', 'image-alt'] } }).rules).toMatchObject({ 'image-alt': { enabled: false } });
    expect(axeRunOptions({ rules: { exclude: ['kanjian-keyboard-trap'] } }).rules).not.toHaveProperty('kanjian-keyboard-trap');
  });

  test('only the chosen rules are merged and counted as passed; the report keeps the path of tab stops', async () => {
    const { api } = scriptedPage(3, { invisible: [2] });
    const walk = await walkKeyboard(driverFor(api));
    const merged = withKeyboardResults({ violations: [], incomplete: [], passes: [] }, walk, ['kanjian-keyboard-trap']);
    expect(merged.violations).toEqual([]);
    expect((merged.passes as Array<{ id: string }>).map((p) => p.id)).toEqual(['kanjian-keyboard-trap']);

    const path = keyboardPathOf(walk);
    expect(path).toMatchObject({ mode: walk.mode, end: walk.end, complete: true });
    expect(path.stops.map((s) => [s.index, s.target, s.focusVisible, s.problem ?? false])).toEqual([
      [1, ['#e1'], 'yes', false],
      [2, ['#e2'], 'no', true],
      [3, ['#e3'], 'yes', false],
    ]);
    const report = buildReport({ pages: { url: 'https://example.test/', results: merged, keyboard: path }, generatedAt: '2025-01-01T00:00:00Z' });
    expect(report.pages[0]!.keyboard).toEqual(path);
    expect(reportSchemaErrors(report)).toEqual([]);
  });
});
