import { isUserInput } from './trusted';

/** How long the pointer (or the keyboard focus) rests on a button before what its press will need is fetched ahead of the click. */
export const HOVER_INTENT_MS = 80;

/**
 * Tells `intent` that the user is about to press `button`: the pointer has rested on it for
 * HOVER_INTENT_MS, or the keyboard brought the focus to it and it stayed there as long, or a primary
 * pointer button or the Space key went down on it (Enter clicks at once; Space clicks when it comes
 * up). A person's press lasts about 100 ms, which can hide slow work the press needs. Only the user's
 * own input counts: the keyboard's arrival is told by the trusted keyup of the key that moved the focus
 * (it comes up on the button), which a page's script cannot make, as it can a focus(). A pointer merely
 * crossing the button, or the focus passing over it, says nothing. `intent` may be told more than once.
 */
export function onPressIntent(button: HTMLElement, intent: () => void): void {
  let hover: ReturnType<typeof setTimeout> | undefined;
  let focusRest: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('pointerenter', (e) => {
    if (isUserInput(e)) hover ??= setTimeout(intent, HOVER_INTENT_MS);
  });
  button.addEventListener('pointerleave', () => {
    clearTimeout(hover);
    hover = undefined;
  });
  button.addEventListener('keyup', (e) => {
    if (isUserInput(e) && e.key !== ' ' && e.key !== 'Enter') focusRest ??= setTimeout(intent, HOVER_INTENT_MS);
  });
  button.addEventListener('blur', () => {
    clearTimeout(focusRest);
    focusRest = undefined;
  });
  button.addEventListener('pointerdown', (e) => {
    if (isUserInput(e) && e.button === 0) intent();
  });
  button.addEventListener('keydown', (e) => {
    if (isUserInput(e) && e.key === ' ' && !e.repeat) intent();
  });
}
