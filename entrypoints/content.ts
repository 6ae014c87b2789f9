import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import toolbarCss from '../src/toolbar/toolbar.css?inline';
import { startContentScript } from '../src/content/start';
import { markOwnUi } from '../src/shared/own-ui';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  main(ctx) {
    startContentScript({
      ctx,
      browser,
      mountUi: async () => {
        const ui = await createShadowRootUi(ctx, {
          name: 'kanjian-toolbar',
          position: 'inline',
          anchor: 'html',
          append: 'last',
          css: toolbarCss,
          isolateEvents: ['keydown', 'keyup', 'keypress'],
          onMount: (container) => container,
        });
        ui.mount();
        markOwnUi(ui.shadowHost);
        return ui.mounted as HTMLElement;
      },
    });
  },
});
