import type { WxtBrowser as Browser } from 'wxt/browser';
import { localeForLanguage, translator, type Translator } from '../i18n/messages';
import { sendMessage, type PageState } from '../messaging/protocol';
import { loadSettings } from '../settings/store';
import { h } from '../shared/dom';

/** The tab the popup acts on: the active tab, or `?tab=ID` when opened as a page (tests, side panel). */
async function activeTabId(browser: Browser): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function shortcutFor(browser: Browser, name: string): Promise<string> {
  try {
    const cmds = await browser.commands.getAll();
    return cmds.find((c) => c.name === name)?.shortcut ?? '';
  } catch {
    return '';
  }
}

/**
 * The popup: the current site's state and the toolbar switch. It talks to the page's content
 * script, so what it shows is what the page has, not a guess.
 */
export async function renderPopup(root: HTMLElement, browser: Browser): Promise<void> {
  const { global } = await loadSettings(browser.storage.local, null);
  const locale = global.uiLanguage === 'auto' ? localeForLanguage(browser.i18n.getUILanguage()) : global.uiLanguage;
  const tr = translator(locale);
  document.documentElement.lang = locale;
  document.title = tr('popupTitle');
  const tabId = await activeTabId(browser);
  let state: PageState | null = null;
  if (tabId !== undefined) {
    try {
      state = await sendMessage('getPageState', undefined, tabId);
    } catch {
      state = null;
    }
  }
  const shortcut = await shortcutFor(browser, 'toggle-toolbar');
  draw(root, tr, state, shortcut, async (open) => {
    if (tabId === undefined) return null;
    return sendMessage('setToolbarOpen', { open }, tabId);
  }, () => void browser.runtime.openOptionsPage());
}

function draw(
  root: HTMLElement,
  tr: Translator,
  state: PageState | null,
  shortcut: string,
  setOpen: (open: boolean) => Promise<PageState | null>,
  openOptions: () => void,
): void {
  root.replaceChildren();
  root.append(h('h1', { text: tr('popupTitle') }));
  if (!state) {
    root.append(h('p', { class: 'note', text: tr('popupUnsupported') }));
  } else {
    const open = state.settings.toolbarOpen;
    root.append(
      h('p', { class: 'site' }, `${tr('popupSite')}：`, h('strong', { text: state.siteKey ?? '—' })),
      h('p', { class: 'note', id: 'toolbar-state' }, `${tr('popupToolbar')}：${open ? tr('stateOpen') : tr('stateClosed')}`),
      h('p', { class: 'note', id: 'text-size' }, `${tr('popupTextSize')}：${state.settings.textScale}%`),
    );
    const toggle = h('button', { type: 'button', class: 'primary', 'aria-pressed': String(open), text: tr('popupToolbar') });
    toggle.addEventListener('click', () => {
      void setOpen(!open).then((next) => {
        if (next) draw(root, tr, next, shortcut, setOpen, openOptions);
        root.querySelector<HTMLButtonElement>('button.primary')?.focus();
      });
    });
    root.append(h('div', { class: 'row' }, toggle));
  }
  if (shortcut) root.append(h('p', { class: 'note' }, tr('popupShortcut', ''), h('kbd', { text: shortcut })));
  const options = h('button', { type: 'button', text: tr('popupOptions') });
  options.addEventListener('click', openOptions);
  root.append(h('div', { class: 'row' }, options));
}
