/**
 * happy-dom leaves `isTrusted` unset on every event; a real browser sets it on the user's own input.
 * Tests that stand in for the user mark their events as the browser would.
 */
export function asUser<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

/** A click as the user makes it (a real browser's click on a button is trusted). */
export function userClick(el: Element): void {
  el.dispatchEvent(asUser(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true })));
}
