import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installFrameAudit } from '../src/audit/runner/frame-api';

/**
 * Injected into each frame of a tab (into the extension's isolated world, never the page's) right
 * after vendor/axe.min.js, only while an audit runs. The background then calls the frame API it
 * installs, frame by frame, and gathers the results itself.
 */
export default defineUnlistedScript(() => {
  const runtime = browser.runtime as unknown as { getFrameId?: (target: Window) => number };
  installFrameAudit(typeof runtime.getFrameId === 'function' ? (w) => runtime.getFrameId!(w) : undefined);
});
