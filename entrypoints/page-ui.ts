import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startContentScript, type LauncherPresses } from '../src/content/start';
import { markPageUiPresent, pageUiPresent, takeHandoff } from '../src/loader/handoff';
import { mountToolbarHost } from '../src/toolbar/mount';
import { TOOLBAR_CSS } from '../src/toolbar/styles';

/**
 * The page bundle: toolbar, aids, 繁简, read-aloud, audit button. Never listed as web-accessible: the
 * background injects it into a tab's isolated world (the loader asked, the user pressed the launcher
 * or a command, the popup or an audit needs it, something is on for the tab's site: then into every
 * frame) or registers it for sites with stored aids (every frame of theirs, at document_start).
 */
export default defineUnlistedScript(() => {
  // Every frame that needs it (see src/background/page-ui.ts); once per frame, however it came.
  if (pageUiPresent()) return;
  markPageUiPresent();
  const handoff = takeHandoff();
  // The user's press of the loader's launcher, before or while this starts, opens the toolbar.
  const launcher: LauncherPresses = { pressed: handoff?.open === true, open: null };
  handoff?.stop(() => (launcher.open ? launcher.open() : (launcher.pressed = true)));
  startContentScript({
    browser,
    launcher,
    mountUi: async () => {
      const { container } = mountToolbarHost(document, TOOLBAR_CSS);
      // The loader's launcher gives way to the toolbar's own, in the same frame.
      handoff?.host?.remove();
      return container;
    },
  });
});
