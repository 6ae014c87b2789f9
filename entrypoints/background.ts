import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../src/background/start';

// Firefox MV2: a persistent background keeps the early stylesheet registered (contentScripts.register
// lasts only as long as the page that registered it).
export default defineBackground({
  persistent: { firefox: true },
  main() {
    startBackground(browser);
  },
});
