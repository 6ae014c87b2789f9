import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startContentScript } from '../src/content/start';
import { markPageUiPresent, pageUiPresent, takeHandoff } from '../src/loader/handoff';
import { mountToolbarHost } from '../src/toolbar/mount';
import { TOOLBAR_CSS } from '../src/toolbar/styles';

/**
 * The page bundle: toolbar, aids, 繁简, read-aloud, audit button. Never listed as web-accessible: the
 * background injects it into a tab's isolated world (the loader asked, the user pressed the launcher
 * or a command, the popup or an audit needs it) or registers it for sites with stored aids.
 */
export default defineUnlistedScript(() => {
  if (window.top !== window || pageUiPresent()) return;
  markPageUiPresent();
  const handoff = takeHandoff();
  handoff?.stop();
  startContentScript({
    browser,
    openOnStart: handoff?.open === true,
    mountUi: async () => {
      const { container } = mountToolbarHost(document, TOOLBAR_CSS);
      // The loader's launcher gives way to the toolbar's own, in the same frame.
      handoff?.host?.remove();
      return container;
    },
  });
});
