import type { WxtBrowser as Browser } from 'wxt/browser';
import { localeForLanguage, translator, type MessageKey, type Translator } from '../i18n/messages';
import type { TraditionalTarget, UiLanguageChoice } from '../settings/schema';
import { validateUserPhrases } from '../convert/engine/user-phrases';
import { siteKeyFor } from '../settings/origin';
import { forgetSite, listSites, loadSettings, updateGlobal, type KeyValueArea } from '../settings/store';
import { h } from '../shared/dom';
import { speechSection } from '../speech/options';

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

  const convert = convertSection(global, tr, area, status, locale);

  root.replaceChildren(
    h('h1', { text: tr('optionsTitle') }),
    convert,
    speechSection({ area, global, tr, locale, saved }),
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
    const forget = h('button', { type: 'button', 'aria-label': tr('labelled', tr('optionsForget'), site), text: tr('optionsForget') });
    forget.addEventListener('click', () => void forgetSite(area, site).then(() => drawSites(list, area, tr)));
    list.append(h('li', {}, h('span', { text: site }), forget));
  }
}

const TARGETS: Array<[TraditionalTarget, MessageKey]> = [
  ['tw', 'targetTw'],
  ['twp', 'targetTwp'],
  ['hk', 'targetHk'],
  ['t', 'targetT'],
];

/** 繁体版: target variant, every-site conversion with exclusions, and user phrase tables (validated). */
function convertSection(
  global: Awaited<ReturnType<typeof loadSettings>>['global'],
  tr: Translator,
  area: KeyValueArea,
  status: HTMLElement,
  locale: string,
): HTMLElement {
  const target = h('select', { id: 'convert-target' });
  for (const [value, key] of TARGETS) {
    const o = h('option', { value, text: tr(key) });
    o.selected = value === global.traditionalTarget;
    target.append(o);
  }
  target.addEventListener('change', () => void updateGlobal(area, { traditionalTarget: target.value as TraditionalTarget }).then(() => (status.textContent = tr('optionsSaved'))));
  const every = h('input', { type: 'checkbox', id: 'convert-every' });
  every.checked = global.convertEverySite;
  every.addEventListener('change', () => void updateGlobal(area, { convertEverySite: every.checked }).then(() => (status.textContent = tr('optionsSaved'))));
  const excluded = h('textarea', { id: 'convert-excluded', rows: 3 });
  excluded.value = global.convertExcludedSites.join('\n');
  const toT = h('textarea', { id: 'phrases-t', rows: 4 });
  toT.value = global.phrasesToTraditional.join('\n');
  const toS = h('textarea', { id: 'phrases-s', rows: 4 });
  toS.value = global.phrasesToSimplified.join('\n');
  const errors = h('div', { id: 'convert-errors', role: 'alert' });
  const save = h('button', { type: 'button', id: 'convert-save', text: tr('optionsSave') });
  const lines = (t: HTMLTextAreaElement): string[] => t.value.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  save.addEventListener('click', () => {
    const problems: string[] = [];
    const sites: string[] = [];
    lines(excluded).forEach((line, i) => {
      const key = siteKeyFor(line);
      if (key) sites.push(key);
      else problems.push(tr('optionsSiteInvalid', i + 1, line));
    });
    for (const [box, label] of [[toT, 'optionsPhrasesT'], [toS, 'optionsPhrasesS']] as const) {
      for (const e of validateUserPhrases(lines(box)).errors) {
        const msg = locale === 'en' ? e.messageEn : locale === 'zh-TW' ? e.messageTw : e.message;
        problems.push(`${tr(label).replace(/[（(].*$/, '')} ${tr('optionsPhraseError', e.line, msg)}`);
      }
    }
    errors.replaceChildren(...problems.map((p) => h('p', { text: p })));
    if (problems.length) {
      errors.querySelector('p')?.setAttribute('tabindex', '-1');
      (errors.firstElementChild as HTMLElement | null)?.focus();
      return;
    }
    void updateGlobal(area, {
      convertExcludedSites: [...new Set(sites)],
      phrasesToTraditional: lines(toT),
      phrasesToSimplified: lines(toS),
    }).then(() => (status.textContent = tr('optionsSaved')));
  });
  return h(
    'section',
    { 'aria-labelledby': 'convert-h' },
    h('h2', { id: 'convert-h', text: tr('optionsConvert') }),
    h('p', {}, h('label', { for: 'convert-target', text: tr('optionsTarget') }), ' ', target),
    h('p', {}, h('label', {}, every, tr('optionsEverySite'))),
    h('p', {}, h('label', { for: 'convert-excluded', text: tr('optionsExcluded') }), h('br'), excluded),
    h('p', {}, h('label', { for: 'phrases-t', text: tr('optionsPhrasesT') }), h('br'), toT),
    h('p', {}, h('label', { for: 'phrases-s', text: tr('optionsPhrasesS') }), h('br'), toS),
    errors,
    save,
  );
}
