// Types of kanjian's keyboard walk: what the in-page API reports, the path of tab stops, and the
// findings. Plain data (structured-clone safe), so they cross page.evaluate and extension messaging.

export type KeyboardRuleId =
  | 'kanjian-keyboard-trap'
  | 'kanjian-keyboard-focus-visible'
  | 'kanjian-keyboard-unreachable'
  | 'kanjian-keyboard-order'
  | 'kanjian-keyboard-dialog';

export const KEYBOARD_RULE_IDS: readonly KeyboardRuleId[] = [
  'kanjian-keyboard-trap', 'kanjian-keyboard-focus-visible', 'kanjian-keyboard-unreachable', 'kanjian-keyboard-order', 'kanjian-keyboard-dialog',
];

/** axe-style tags of each keyboard rule (WCAG level and criterion tags, as kanjian's axe rules carry). */
export const KEYBOARD_RULE_TAGS: Record<KeyboardRuleId, string[]> = {
  'kanjian-keyboard-trap': ['kanjian', 'kanjian-keyboard', 'wcag2a', 'wcag212', 'cat.keyboard'],
  'kanjian-keyboard-focus-visible': ['kanjian', 'kanjian-keyboard', 'wcag2aa', 'wcag247', 'cat.keyboard'],
  'kanjian-keyboard-unreachable': ['kanjian', 'kanjian-keyboard', 'wcag2a', 'wcag211', 'cat.keyboard'],
  'kanjian-keyboard-order': ['kanjian', 'kanjian-keyboard', 'wcag2a', 'wcag243', 'cat.keyboard'],
  'kanjian-keyboard-dialog': ['kanjian', 'kanjian-keyboard', 'wcag2a', 'wcag243', 'cat.keyboard'],
};

export const KEYBOARD_RULE_IMPACT: Record<KeyboardRuleId, 'critical' | 'serious' | 'moderate'> = {
  'kanjian-keyboard-trap': 'critical',
  'kanjian-keyboard-focus-visible': 'serious',
  'kanjian-keyboard-unreachable': 'serious',
  'kanjian-keyboard-order': 'moderate',
  'kanjian-keyboard-dialog': 'serious',
};

export interface Rect { x: number; y: number; width: number; height: number }

/** An element as the in-page API describes it. `id` is valid for one walk (the API's registry). */
export interface ElementInfo {
  id: number;
  /** CSS selector within its document, and axe's target form (shadow DOM as nested arrays). */
  selector: string;
  target: Array<string | string[]>;
  html: string;
  tag: string;
  role: string | null;
  name: string;
  rect: Rect;
  /** The tabindex attribute (null when absent). */
  tabindex: number | null;
  /** Position in document (composed tree) order among all elements the walk described. */
  domIndex: number;
  /** position: fixed or sticky (a header that stays put is never "out of order"). */
  fixed: boolean;
  /** Inside a flex or grid container that reorders its items (order, *-reverse): CSS moves it. */
  reordered: boolean;
  /** A native control, or an element with a click handler in its markup: it certainly does something. */
  operable: boolean;
}

export type FocusVisibility = 'yes' | 'no' | 'unknown';

export interface Observation {
  /** The focused element, or null when focus is on the body or has left the document. */
  element: ElementInfo | null;
  visible: FocusVisibility;
  /** What changed between the unfocused and focused rendering (outline, box-shadow, background…). */
  changes: string[];
  /** Why visible is "no" or "unknown": offscreen, no-change, blurred (the page threw focus away), cannot-tell. */
  visibleReason?: 'offscreen' | 'no-change' | 'cannot-tell' | 'blurred';
  /** The focused element is the first or last stop of the tab order (Tab from there leaves the page). */
  edge?: 'first' | 'last' | 'only';
}

export interface DialogInfo {
  element: ElementInfo;
  modal: boolean;
}

export interface BeginInfo {
  url: string;
  /** Sequential focus navigation order as computed from the DOM (tabindex, shadow roots, hidden…). */
  expected: ElementInfo[];
  /** Interactive elements (controls, ARIA widgets, click handlers) that a keyboard user should reach. */
  interactive: ElementInfo[];
  /** Elements that open dialogs (aria-haspopup="dialog", aria-controls on a dialog, data-toggle="modal"…). */
  dialogOpeners: ElementInfo[];
}

export type KeyName = 'Tab' | 'Shift+Tab' | 'Escape' | 'Enter';

/** A stop on the path: where one press of Tab put focus. */
export interface TabStop extends ElementInfo {
  /** 1-based position on the path. */
  index: number;
  visible: FocusVisibility;
  changes: string[];
  visibleReason?: Observation['visibleReason'];
}

export interface KeyboardIssue {
  rule: KeyboardRuleId;
  outcome: 'violation' | 'review';
  element: ElementInfo;
  related?: ElementInfo[];
  /** Message data (messageKey selects the variant), as axe's check data. */
  data: Record<string, unknown>;
}

/** How the walk ended: past the last stop, back at the first, bounded, or held by a trap it could not get past. */
export type WalkEnd = 'end' | 'cycle' | 'max-stops' | 'time' | 'no-focusable' | 'trap';

export interface WalkResult {
  url: string;
  /** keys: real key presses (CLI); emulated: focus() and synthetic key events (extension). */
  mode: 'keys' | 'emulated';
  stops: TabStop[];
  issues: KeyboardIssue[];
  end: WalkEnd;
  /** The walk saw the whole tab order (end or cycle), so "unreachable" could be judged. */
  complete: boolean;
  ms: number;
}

export interface WalkOptions {
  /** Stop after this many tab stops. */
  maxStops: number;
  /** Stop after this many milliseconds (checked between key presses). */
  maxMs: number;
  /** Try this many dialog openers (0: skip the dialog checks). */
  maxDialogs: number;
  /** How long to let a dialog open or close (animations), ms. */
  dialogWaitMs: number;
}

export const DEFAULT_WALK_OPTIONS: WalkOptions = { maxStops: 400, maxMs: 8000, maxDialogs: 5, dialogWaitMs: 250 };

/** One stop as the report keeps it (no element ids: they mean nothing outside the walk). */
export interface KeyboardPathStop {
  index: number;
  target: Array<string | string[]>;
  name: string;
  tag: string;
  role?: string;
  /** Page coordinates at the time of the walk. */
  rect: Rect;
  focusVisible: FocusVisibility;
  /** The walk reported a problem at this stop. */
  problem?: boolean;
}

/** The keyboard walk of one page in the report (report.json pages[].keyboard). */
export interface KeyboardPath {
  mode: WalkResult['mode'];
  end: WalkEnd;
  complete: boolean;
  ms: number;
  stops: KeyboardPathStop[];
}
