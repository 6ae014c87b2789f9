import type { WxtBrowser as Browser } from 'wxt/browser';
import { localeForLanguage, translator, type Translator } from '../i18n/messages';
import { sendMessage, type PageState } from '../messaging/protocol';
import { sendToPageUi } from '../messaging/page-ui';
import { loadSettings } from '../settings/store';
import { h } from '../shared/dom';
import { auditFailureText } from '../audit/failure';

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
      // Loads the page bundle where only the loader is (opening the popup is the user's own act).
      state = await sendToPageUi(browser, tabId, () => sendMessage('getPageState', undefined, tabId));
    } catch {
      state = null;
    }
  }
  const shortcut = await shortcutFor(browser, 'toggle-toolbar');
  const actions: PopupActions = {
    setOpen: async (open) => (tabId === undefined ? null : sendToPageUi(browser, tabId, () => sendMessage('setToolbarOpen', { open }, tabId))),
    toggleConvert: async () => (tabId === undefined ? null : sendToPageUi(browser, tabId, () => sendMessage('toggleConvert', undefined, tabId))),
    audit: async () => {
      if (tabId !== undefined) await sendMessage('startAudit', { tabId });
    },
    openOptions: () => void browser.runtime.openOptionsPage(),
  };
  draw(root, tr, state, shortcut, actions);
}

interface PopupActions {
  setOpen(open: boolean): Promise<PageState | null>;
  toggleConvert(): Promise<PageState | null>;
  audit(): Promise<void>;
  openOptions(): void;
}

function draw(root: HTMLElement, tr: Translator, state: PageState | null, shortcut: string, actions: PopupActions): void {
  const redraw = (next: PageState | null, focusId: string): void => {
    if (next) draw(root, tr, next, shortcut, actions);
    root.querySelector<HTMLButtonElement>(`#${focusId}`)?.focus();
  };
  root.replaceChildren();
  root.append(h('h1', { text: tr('popupTitle') }));
  if (!state) {
    root.append(h('p', { class: 'note', text: tr('popupUnsupported') }));
  } else {
    const open = state.settings.toolbarOpen;
    root.append(
      h('p', { class: 'site' }, tr('labelled', tr('popupSite'), ''), h('strong', { text: state.siteKey ?? '—' })),
      h('p', { class: 'note', id: 'toolbar-state' }, tr('labelled', tr('popupToolbar'), open ? tr('stateOpen') : tr('stateClosed'))),
      h('p', { class: 'note', id: 'text-size' }, tr('labelled', tr('popupTextSize'), `${state.settings.textScale}%`)),
    );
    const toggle = h('button', { type: 'button', id: 'toggle-toolbar', class: 'primary', 'aria-pressed': String(open), text: tr('popupToolbar') });
    toggle.addEventListener('click', () => void actions.setOpen(!open).then((next) => redraw(next, 'toggle-toolbar')));
    const conv = state.convert;
    const converted = conv.shownAs !== conv.pageScript;
    const script = tr(conv.pageScript === 'simplified' ? 'scriptSimplified' : 'scriptTraditional');
    const convert = h('button', { type: 'button', id: 'toggle-convert', 'aria-pressed': String(converted), text: tr('popupConvert') });
    convert.addEventListener('click', () => void actions.toggleConvert().then((next) => redraw(next, 'toggle-convert')));
    const audit = h('button', { type: 'button', id: 'start-audit', text: tr('auditButton') });
    audit.addEventListener('click', () => {
      audit.setAttribute('aria-disabled', 'true');
      root.querySelector('#popup-status')!.textContent = tr('auditStarted');
      void actions.audit().catch((err: unknown) => {
        root.querySelector('#popup-status')!.textContent = auditFailureText(err, tr);
      });
    });
    root.append(
      h('p', { class: 'note', id: 'page-script' }, tr('popupPageScript', script)),
      h('div', { class: 'row' }, toggle, convert),
      h('div', { class: 'row' }, audit),
      h('p', { class: 'note', id: 'popup-status', role: 'status' }),
    );
    if (conv.error) root.append(h('p', { class: 'note', role: 'alert', text: tr('convertFailed', conv.error) }));
  }
  if (shortcut) root.append(h('p', { class: 'note' }, tr('popupShortcut', ''), h('kbd', { text: shortcut })));
  const options = h('button', { type: 'button', text: tr('popupOptions') });
  options.addEventListener('click', actions.openOptions);
  root.append(h('div', { class: 'row' }, options));
}
