/**
 * Noticing that kanjian is gone from under a page: an update, disable or removal of the extension
 * leaves this script running in the page with a dead runtime (Chrome never tells it). Checked when the
 * person comes back to the page or touches it, so the page is cleaned up the moment they look at it,
 * at no cost while idle. Nothing here is a signal a page could send: events only prompt a check of the
 * runtime itself.
 */
export function extensionAlive(runtime: () => { id?: string } | undefined): boolean {
  try {
    return !!runtime()?.id;
  } catch {
    return false;
  }
}

export function whenExtensionGone(win: Window, alive: () => boolean, gone: () => void): { check(): void; stop(): void } {
  const ac = new AbortController();
  const check = (): void => {
    if (ac.signal.aborted || alive()) return;
    ac.abort();
    gone();
  };
  const o = { capture: true, passive: true, signal: ac.signal };
  win.addEventListener('focus', check, o);
  win.addEventListener('pageshow', check, o);
  win.addEventListener('pointerdown', check, o);
  win.addEventListener('keydown', check, o);
  win.document.addEventListener('visibilitychange', check, o);
  return { check, stop: () => ac.abort() };
}
