import type { WxtBrowser as Browser } from 'wxt/browser';
import { localeForLanguage, translator, type MessageKey, type Translator } from '../i18n/messages';
import type { UiLanguageChoice } from '../settings/schema';
import { forgetSite, listSites, loadSettings, updateGlobal, type KeyValueArea } from '../settings/store';
import { h } from '../shared/dom';

const LANGUAGES: Array<[UiLanguageChoice, MessageKey | null, string]> = [
  ['auto', 'optionsLanguageAuto', ''],
  ['zh-CN', null, '简体中文'],
  ['zh-TW', null, '繁體中文'],
  ['en', null, 'English'],
];

/** The options page: launcher, language, saved sites, shortcuts. */
export async function renderOptions(root: HTMLElement, browser: Browser): Promise<void> {
  const area = browser.storage.local;
  const { global } = await loadSettings(area, null);
  const locale = global.uiLanguage === 'auto' ? localeForLanguage(browser.i18n.getUILanguage()) : global.uiLanguage;
  const tr = translator(locale);
  document.documentElement.lang = locale;
  document.title = tr('optionsTitle');
  const status = h('p', { role: 'status', class: 'note' });
  const saved = (): void => {
    status.textContent = tr('optionsSaved');
  };

  const launcher = h('input', { type: 'checkbox', id: 'show-launcher' });
  launcher.checked = global.showLauncher;
  launcher.addEventListener('change', () => void updateGlobal(area, { showLauncher: launcher.checked }).then(saved));

  const lang = h('select', { id: 'ui-language' });
  for (const [value, key, name] of LANGUAGES) {
    const opt = h('option', { value, text: key ? tr(key) : name });
    opt.selected = value === global.uiLanguage;
    lang.append(opt);
  }
  lang.addEventListener('change', () =>
    void updateGlobal(area, { uiLanguage: lang.value as UiLanguageChoice }).then(() => location.reload()),
  );

  const sites = h('ul', { id: 'sites' });
  await drawSites(sites, area, tr);

  const shortcuts = h('ul', { id: 'shortcuts' });
  for (const cmd of await browser.commands.getAll().catch(() => [])) {
    if (!cmd.name || cmd.name.startsWith('_')) continue;
    shortcuts.append(h('li', {}, h('span', { text: cmd.description ?? cmd.name }), h('kbd', { text: cmd.shortcut || tr('notSet') })));
  }

  root.replaceChildren(
    h('h1', { text: tr('optionsTitle') }),
    h('section', {}, h('label', {}, launcher, tr('optionsLauncher'))),
    h('section', {}, h('label', { for: 'ui-language' }, tr('optionsLanguage')), lang),
    h('section', { 'aria-labelledby': 'sites-h' }, h('h2', { id: 'sites-h', text: tr('optionsSites') }), sites),
    h('section', { 'aria-labelledby': 'keys-h' }, h('h2', { id: 'keys-h', text: tr('optionsShortcuts') }), shortcuts, h('p', { class: 'note', text: tr('optionsShortcutsHint') })),
    status,
  );
}

async function drawSites(list: HTMLElement, area: KeyValueArea, tr: Translator): Promise<void> {
  const sites = await listSites(area);
  list.replaceChildren();
  if (!sites.length) {
    list.append(h('li', { text: tr('optionsSitesNone') }));
    return;
  }
  for (const site of sites) {
    const forget = h('button', { type: 'button', 'aria-label': `${tr('optionsForget')}：${site}`, text: tr('optionsForget') });
    forget.addEventListener('click', () => void forgetSite(area, site).then(() => drawSites(list, area, tr)));
    list.append(h('li', {}, h('span', { text: site }), forget));
  }
}
