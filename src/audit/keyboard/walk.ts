// The keyboard walk: press Tab through the page, record every stop, then judge traps, focus
// visibility, order, unreachable controls and dialogs. Written once against a small driver, so the
// CLI (real key presses through Playwright, the page API called with page.evaluate) and the extension
// (everything in the page, keys emulated) run the same walk.
import { elementOf, judgeFocusVisible, judgeOrder, judgeUnreachable, trapCycle } from './judge';
import type { KeyboardPageApi } from './page-api';
import {
  DEFAULT_WALK_OPTIONS, type BeginInfo, type ElementInfo, type KeyboardIssue, type KeyName, type Observation, type TabStop,
  type WalkEnd, type WalkOptions, type WalkResult,
} from './types';

type ApiMethod = Exclude<keyof KeyboardPageApi, 'version'>;
type ApiFn<K extends ApiMethod> = KeyboardPageApi[K] extends (...args: infer A) => infer R ? (...args: A) => R : never;

export interface WalkDriver {
  readonly mode: 'keys' | 'emulated';
  /** Calls the in-page API (directly, or through page.evaluate). */
  call<K extends ApiMethod>(method: K, ...args: Parameters<ApiFn<K>>): Promise<ReturnType<ApiFn<K>>>;
  /** Presses a key: a real key press, or the API's emulation. */
  press(key: KeyName): Promise<void>;
  wait(ms: number): Promise<void>;
}

/** The driver for code running inside the page (the extension): keys are emulated. */
export function emulatedDriver(api: KeyboardPageApi): WalkDriver {
  return {
    mode: 'emulated',
    call: async (method, ...args) => (api[method] as (...a: unknown[]) => unknown)(...args) as never,
    press: async (key) => {
      api.emulateKey(key);
    },
    wait: (ms) => new Promise((r) => setTimeout(r, ms)),
  };
}

/** A call of the in-page API, as it crosses into the page. */
export interface ApiCall { m: string; a: unknown[] }

/** What kanjian needs of a Playwright (or Puppeteer) page to drive the walk with real keys. */
export interface KeyPage {
  keyboard: { press(key: string): Promise<void>; down?(key: string): Promise<void>; up?(key: string): Promise<void> };
  evaluate(fn: (call: ApiCall) => unknown, call: ApiCall): Promise<unknown>;
  waitForTimeout?(ms: number): Promise<void>;
}

/**
 * The driver for the CLI: real key presses. The page must have the API installed
 * (installKeyboardApi() in the page script).
 */
export function keyPressDriver(page: KeyPage): WalkDriver {
  // The key's release is sent without waiting for it: focus moves on key down, so the next call (the
  // observation) can travel alongside the release — one round trip less per stop. The next key press
  // waits for it, so keys stay in order.
  let releasing: Promise<void> = Promise.resolve();
  const kb = page.keyboard;
  return {
    mode: 'keys',
    call: (method, ...args) =>
      page.evaluate(
        ({ m, a }: ApiCall) => {
          const api = (globalThis as unknown as Record<symbol, Record<string, (...x: unknown[]) => unknown>>)[Symbol.for('kanjian.keyboard')];
          if (!api) throw new Error('kanjian keyboard API not installed in the page');
          const r = api[m]!(...a);
          // Plain JSON: WebDriver BiDi (Puppeteer) drops objects that appear twice in one result.
          return r === undefined ? r : JSON.parse(JSON.stringify(r));
        },
        { m: method, a: args as unknown[] },
      ) as never,
    press: async (key) => {
      await releasing;
      if (!kb.down || !kb.up) {
        await kb.press(key);
        return;
      }
      const shift = key === 'Shift+Tab';
      const name = shift ? 'Tab' : key;
      if (shift) await kb.down('Shift');
      await kb.down(name);
      const up = kb.up.bind(kb);
      releasing = up(name).then(() => (shift ? up('Shift') : undefined));
      // A release that fails (the page went away) must not break the next press.
      releasing = releasing.catch(() => undefined);
    },
    wait: async (ms) => {
      await releasing;
      await (page.waitForTimeout ? page.waitForTimeout(ms) : new Promise((r) => setTimeout(r, ms)));
    },
  };
}

function stopOf(o: Observation, index: number): TabStop {
  return { ...o.element!, index, visible: o.visible, changes: o.changes, ...(o.visibleReason ? { visibleReason: o.visibleReason } : {}) };
}

/**
 * Presses Tab (or Shift+Tab). From the last stop (the first, going back) a real key would move focus
 * out of the page into the browser's own UI, and a headless Firefox never gives it back to the page;
 * there the key is emulated (the page's keydown handlers still see it and may keep focus).
 */
async function tab(driver: WalkDriver, from: Observation | undefined, shift = false): Promise<Observation> {
  const key: KeyName = shift ? 'Shift+Tab' : 'Tab';
  const edge = from?.edge;
  const leaving = edge === 'only' || (shift ? edge === 'first' : edge === 'last');
  if (driver.mode === 'keys' && leaving) await driver.call('emulateKey', key);
  else await driver.press(key);
  return driver.call('observe');
}

/** Tries to leave a cycle of elements with Shift+Tab and with Escape. */
async function escapeRoute(driver: WalkDriver, cycle: ReadonlySet<number>, at: Observation): Promise<'shift-tab' | 'escape' | 'none'> {
  let o = at;
  for (let i = 0; i <= cycle.size; i++) {
    o = await tab(driver, o, true);
    if (!o.element || !cycle.has(o.element.id)) return 'shift-tab';
  }
  await driver.press('Escape');
  o = await driver.call('observe');
  if (!o.element || !cycle.has(o.element.id)) return 'escape';
  o = await tab(driver, o);
  if (!o.element || !cycle.has(o.element.id)) return 'escape';
  return 'none';
}

/** Opens each dialog through its opener and checks focus goes in, stays in (if modal) and comes back. */
async function checkDialogs(driver: WalkDriver, begin: BeginInfo, o: WalkOptions, deadline: number): Promise<KeyboardIssue[]> {
  const issues: KeyboardIssue[] = [];
  for (const opener of begin.dialogOpeners.slice(0, o.maxDialogs)) {
    if (Date.now() > deadline) break;
    const before = new Set((await driver.call('openDialogs')).map((d) => d.element.id));
    if (!(await driver.call('focusElement', opener.id))) continue;
    await driver.press('Enter');
    await driver.wait(o.dialogWaitMs);
    const opened = (await driver.call('openDialogs')).filter((d) => !before.has(d.element.id));
    const dialog = opened[0];
    if (!dialog) continue;
    const issue = (messageKey: string, extra: Record<string, unknown> = {}): KeyboardIssue => ({
      rule: 'kanjian-keyboard-dialog',
      outcome: 'violation',
      element: dialog.element,
      related: [opener],
      data: { messageKey, opener: opener.name, ...extra },
    });
    if (!(await driver.call('focusWithin', dialog.element.id))) issues.push(issue('noFocus'));
    else if (dialog.modal) {
      // A modal dialog keeps focus inside while it is open.
      const n = await driver.call('tabbablesIn', dialog.element.id);
      let at = await driver.call('observe');
      for (let i = 0; i < n + 1; i++) {
        at = await tab(driver, at);
        if (!(await driver.call('focusWithin', dialog.element.id))) {
          issues.push(issue('escapes'));
          break;
        }
      }
    }
    // Close it: Escape first, then its close button.
    if (!(await driver.call('focusWithin', dialog.element.id))) await driver.call('focusElement', dialog.element.id);
    await driver.press('Escape');
    await driver.wait(o.dialogWaitMs);
    let still = (await driver.call('openDialogs')).some((d) => d.element.id === dialog.element.id);
    if (still) {
      const close = await driver.call('closeControl', dialog.element.id);
      if (close) {
        await driver.call('focusElement', close.id);
        await driver.press('Enter');
        await driver.wait(o.dialogWaitMs);
        still = (await driver.call('openDialogs')).some((d) => d.element.id === dialog.element.id);
      }
    }
    if (still) {
      issues.push(issue('noClose'));
      continue;
    }
    if (!(await driver.call('focusWithin', opener.id))) {
      const where = (await driver.call('observe')).element;
      issues.push(issue('notReturned', { focus: where ? where.name || where.tag : 'body' }));
    }
  }
  return issues;
}

/** Walks the page with Tab (bounded by options.maxStops and options.maxMs) and judges what it saw. */
export async function walkKeyboard(driver: WalkDriver, options: Partial<WalkOptions> = {}): Promise<WalkResult> {
  const o = { ...DEFAULT_WALK_OPTIONS, ...options };
  const started = Date.now();
  const deadline = started + o.maxMs;
  const begin = await driver.call('begin');
  const expectedIds = new Set(begin.expected.map((e) => e.id));
  const stops: TabStop[] = [];
  const path: number[] = [];
  const visited = new Set<number>();
  const blocked = new Set<number>();
  const issues: KeyboardIssue[] = [];
  let end: WalkEnd = 'end';
  let emptyPresses = 0;
  let leftDocument = false;
  let stuck = 0;

  const remaining = () => [...expectedIds].filter((id) => !visited.has(id) && !blocked.has(id)).length;
  let current: Observation | undefined;
  const record = (obs: Observation) => {
    visited.add(obs.element!.id);
    path.push(obs.element!.id);
    stops.push(stopOf(obs, stops.length + 1));
  };
  /** Past a trap, the walk goes on from the first stop after it (focused directly), to see the rest. */
  const resumeAfter = async (ids: number[]): Promise<boolean> => {
    const resumed = await driver.call('focusAfter', ids);
    if (!resumed) return false;
    const obs = await driver.call('observe');
    current = obs;
    // The trap took focus straight back (a blur handler refocusing itself): nothing more to see.
    if (!obs.element || visited.has(obs.element.id)) return false;
    record(obs);
    return true;
  };

  for (;;) {
    if (stops.length >= o.maxStops) {
      end = 'max-stops';
      break;
    }
    if (Date.now() > deadline) {
      end = 'time';
      break;
    }
    const obs = await tab(driver, current);
    current = obs;
    if (!obs.element) {
      // Focus left the document (past the last stop) or is on the body. Tab once more re-enters at
      // the top; twice in a row with nothing to stop on ends the walk.
      if (visited.size) leftDocument = true;
      if (++emptyPresses >= 2 || (visited.size > 0 && remaining() === 0)) {
        end = visited.size ? 'end' : 'no-focusable';
        break;
      }
      continue;
    }
    emptyPresses = 0;
    const id = obs.element.id;
    const last = path[path.length - 1];
    if (id === last) {
      // Focus did not move: the end of a one-stop page, or a trap.
      if (remaining() === 0 && expectedIds.has(id)) {
        end = 'cycle';
        break;
      }
      if (++stuck < 2) continue;
      stuck = 0;
      const cycle = new Set([id]);
      const route = await escapeRoute(driver, cycle, obs);
      issues.push(trapIssue(obs.element, [], route, 'stuck', remaining()));
      if (route === 'none' || route === 'shift-tab') for (const e of begin.expected) if (!visited.has(e.id) && e.id !== id) blocked.add(e.id);
      if (!(await resumeAfter([id]))) {
        end = 'trap';
        break;
      }
      continue;
    }
    stuck = 0;
    if (visited.has(id)) {
      const cycleIds = trapCycle([...path, id], { remaining: remaining(), expected: expectedIds.size, leftDocument });
      if (!cycleIds) {
        end = 'cycle';
        break;
      }
      // Came back without reaching the end: focus is going round a subset of the page.
      const cycle = new Set(cycleIds);
      const route = await escapeRoute(driver, cycle, obs);
      const members = stops.filter((s) => cycle.has(s.id)).map(elementOf);
      const unique = members.filter((m, i) => members.findIndex((x) => x.id === m.id) === i);
      issues.push(trapIssue(unique[0] ?? obs.element, unique.slice(1), route, 'cycle', remaining()));
      if (route !== 'escape') for (const e of begin.expected) if (!visited.has(e.id) && !cycle.has(e.id)) blocked.add(e.id);
      if (!(await resumeAfter([...cycle]))) {
        end = 'trap';
        break;
      }
      continue;
    }
    record(obs);
  }
  const complete = end === 'end' || end === 'cycle' || end === 'no-focusable';
  issues.push(...judgeFocusVisible(stops), ...judgeOrder(stops), ...judgeUnreachable(begin.interactive, visited, blocked, complete));
  if (o.maxDialogs > 0 && Date.now() < deadline) issues.push(...(await checkDialogs(driver, begin, o, deadline)));
  await driver.call('end');
  const result: WalkResult = { url: begin.url, mode: driver.mode, stops, issues, end, complete, ms: Date.now() - started };
  // Plain data without shared references (one element can appear in several issues): some transports
  // (WebDriver BiDi through Puppeteer) lose repeated objects.
  return JSON.parse(JSON.stringify(result)) as WalkResult;
}

function trapIssue(
  element: ElementInfo,
  related: ElementInfo[],
  route: 'shift-tab' | 'escape' | 'none',
  kind: 'stuck' | 'cycle',
  blockedCount: number,
): KeyboardIssue {
  // Escape is a way out only if users are told about it (2.1.2's "advised of the method"): review.
  // Shift+Tab gets away, so it is no trap in 2.1.2's sense, but Tab never gets past: the elements
  // after it are unreachable (2.1.1), reported on the same element.
  if (route === 'shift-tab') {
    return { rule: 'kanjian-keyboard-unreachable', outcome: 'violation', element, related, data: { messageKey: 'pastTrap', count: blockedCount } };
  }
  return {
    rule: 'kanjian-keyboard-trap',
    outcome: route === 'escape' ? 'review' : 'violation',
    element,
    related,
    data: { messageKey: route === 'escape' ? 'escape' : kind, count: related.length + 1, blocked: blockedCount },
  };
}
