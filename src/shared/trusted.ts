/**
 * kanjian acts only on input the user made. Events a page's own script creates — `el.click()`,
 * `dispatchEvent(new KeyboardEvent(…))` — reach our shadow-root UI and our page listeners just like
 * real ones, but the browser marks them untrusted; acting on them would let any page change the
 * user's settings, start an audit or make kanjian speak.
 */
export function isUserInput(e: Event): boolean {
  return e.isTrusted === true;
}

/** Wraps a listener so that only the user's own input reaches it. */
export function onUserInput<E extends Event>(handler: (e: E) => void): (e: E) => void {
  return (e: E) => {
    if (isUserInput(e)) handler(e);
  };
}
