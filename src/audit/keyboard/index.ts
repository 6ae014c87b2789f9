// kanjian's keyboard walk: Tab through the page, record the path of tab stops, judge traps, focus
// visibility, order, unreachable controls and dialogs. See docs/audit-rules.md ("Keyboard walk").
export * from './types';
export { sequentialFocusOrder, deepActiveElement, tabOrderValue } from './focus-order';
export { createKeyboardApi, installKeyboardApi, styleSnapshot, focusVisibleFromRules, KEYBOARD_API_KEY, type KeyboardPageApi } from './page-api';
export { walkKeyboard, emulatedDriver, keyPressDriver, type WalkDriver, type KeyPage, type ApiCall } from './walk';
export {
  styleChanges, focusVisibility, offscreen, visuallyBefore, judgeOrder, judgeFocusVisible, judgeUnreachable, trapCycle, elementOf,
  type StyleSnapshot,
} from './judge';
export { keyboardResults, withKeyboardResults, keyboardPathOf } from './to-axe';
export { keyboardRulesFor, isKeyboardRuleId } from './select';
export { showTabStops, type TabStopsOverlayOptions } from './overlay';
