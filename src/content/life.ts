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
  // Listeners taken off one by one, not by an AbortSignal: this runs in every frame's loader, and
  // each DOM interface touched is made anew in its world.
  let stopped = false;
  const targets: Array<[EventTarget, string]> = [[win, 'focus'], [win, 'pageshow'], [win, 'pointerdown'], [win, 'keydown'], [win.document, 'visibilitychange']];
  const stop = (): void => {
    stopped = true;
    for (const [t, type] of targets) t.removeEventListener(type, check, true);
  };
  const check = (): void => {
    if (stopped || alive()) return;
    stop();
    gone();
  };
  for (const [t, type] of targets) t.addEventListener(type, check, { capture: true, passive: true });
  return { check, stop };
}
