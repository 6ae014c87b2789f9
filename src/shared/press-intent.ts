import { isUserInput } from './trusted';

/** How long the pointer (or the keyboard focus) rests on a button before what its press will need is fetched ahead of the click. */
export const HOVER_INTENT_MS = 80;

/** A press that has begun: a primary pointer button or the Space key went down on the button. */
export type PressStart = PointerEvent | KeyboardEvent;

/**
 * Tells `intent` that the user is about to press `button`: the pointer has rested on it for
 * HOVER_INTENT_MS, or a press began on it (`press` is then its event: Enter clicks at once; Space
 * clicks when it comes up). A person's press lasts about 100 ms, which can hide slow work the press
 * needs. Only the user's own input counts, and a pointer merely crossing the button on its way
 * elsewhere says nothing. `intent` may be told more than once.
 */
export function onPressIntent(button: HTMLElement, intent: (press?: PressStart) => void): void {
  let hover: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('pointerenter', (e) => {
    if (isUserInput(e)) hover ??= setTimeout(() => intent(), HOVER_INTENT_MS);
  });
  button.addEventListener('pointerleave', () => {
    clearTimeout(hover);
    hover = undefined;
  });
  button.addEventListener('pointerdown', (e) => {
    if (isUserInput(e) && e.button === 0) intent(e);
  });
  button.addEventListener('keydown', (e) => {
    if (isUserInput(e) && e.key === ' ' && !e.repeat) intent(e);
  });
}

/**
 * Tells `intent` that the keyboard brought the focus to `button` and it stayed there HOVER_INTENT_MS:
 * Enter will click at once, with no press to hide slow work in. The arrival is told by the trusted
 * keyup of the key that moved the focus (it comes up on the button), which a page's script cannot
 * make, as it can a focus(). For buttons inside the toolbar only: on the page's own Tab path (the
 * launcher) every keyboard user passing by would load what only a press needs.
 */
export function onKeyboardRest(button: HTMLElement, intent: () => void): void {
  let rest: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('keyup', (e) => {
    if (isUserInput(e) && e.key !== ' ' && e.key !== 'Enter') rest ??= setTimeout(intent, HOVER_INTENT_MS);
  });
  button.addEventListener('blur', () => {
    clearTimeout(rest);
    rest = undefined;
  });
}
