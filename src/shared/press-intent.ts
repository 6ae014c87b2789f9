import { isUserInput } from './trusted';

/** How long the pointer rests on a button before what its press will need is fetched ahead of the click. */
export const HOVER_INTENT_MS = 80;

/**
 * Tells `intent` that the user is about to press `button`: the pointer has rested on it for
 * HOVER_INTENT_MS, or a primary pointer button or the Space key went down on it (Enter clicks at
 * once; Space clicks when it comes up). A person's press lasts about 100 ms, which can hide slow
 * work the press needs. Only the user's own input counts, and a pointer merely crossing the button
 * on its way elsewhere says nothing. `intent` may be told more than once.
 */
export function onPressIntent(button: HTMLElement, intent: () => void): void {
  let hover: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('pointerenter', (e) => {
    if (isUserInput(e)) hover ??= setTimeout(intent, HOVER_INTENT_MS);
  });
  button.addEventListener('pointerleave', () => {
    clearTimeout(hover);
    hover = undefined;
  });
  button.addEventListener('pointerdown', (e) => {
    if (isUserInput(e) && e.button === 0) intent();
  });
  button.addEventListener('keydown', (e) => {
    if (isUserInput(e) && e.key === ' ' && !e.repeat) intent();
  });
}
