import launcherCss from '../toolbar/launcher.css?inline';
import { markOwnUi } from '../shared/own-ui';
import { isUserInput } from '../shared/trusted';
import type { UiLocale } from '../i18n/locale';

/** The launcher's words, the same as the catalogue's `launcher` and `launcherHint` (a unit test checks). */
export const LAUNCHER_TEXT: Record<UiLocale, { label: string; hint: string }> = {
  'zh-CN': { label: '无障碍浏览', hint: '打开无障碍工具栏' },
  'zh-TW': { label: '無障礙瀏覽', hint: '開啟無障礙工具列' },
  en: { label: 'Accessible browsing', hint: 'Open the accessibility toolbar' },
};

/**
 * The launcher on its own, before the toolbar's code is loaded: the same host element, shadow root
 * and look as the toolbar's launcher. Only the user's own click or key press opens the toolbar; a
 * page's `el.click()` or synthetic events are ignored (they are untrusted).
 */
export function showLauncher(doc: Document, locale: UiLocale, onOpen: () => void): HTMLElement {
  const host = doc.createElement('kanjian-toolbar');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial!important}${launcherCss}`;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'kj-launcher';
  const icon = doc.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = '♿';
  button.append(icon, LAUNCHER_TEXT[locale].label);
  button.title = LAUNCHER_TEXT[locale].hint;
  button.addEventListener('click', (e) => {
    if (isUserInput(e)) onOpen();
  });
  shadow.append(style, button);
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
  markOwnUi(host);
  (doc.documentElement ?? doc).append(host);
  return host;
}
