/**
 * UI strings. Simplified Chinese is the source of truth; every key must exist in every locale
 * (a unit test checks). Kept in code rather than browser.i18n because the toolbar switches to
 * Traditional at runtime when the page is shown in Traditional, which getMessage cannot do.
 */
export type UiLocale = 'zh-CN' | 'zh-TW' | 'en';
export const UI_LOCALES: readonly UiLocale[] = ['zh-CN', 'zh-TW', 'en'];

const zhCN = {
  toolbarName: '无障碍工具栏',
  launcher: '无障碍浏览',
  launcherHint: '打开无障碍工具栏',
  close: '关闭工具栏',
  closeShort: '关闭',
  textLarger: '文字放大',
  textSmaller: '文字缩小',
  textReset: '文字还原',
  textSizeNow: '文字大小已调整为{0}%',
  textSizeMax: '文字已是最大',
  textSizeMin: '文字已是最小',
  toolbarOpened: '无障碍工具栏已打开',
  toolbarClosed: '无障碍工具栏已关闭',
  popupTitle: '看见 · 无障碍浏览',
  popupSite: '当前网站',
  popupToolbar: '无障碍工具栏',
  popupOpen: '打开工具栏',
  popupCloseToolbar: '关闭工具栏',
  popupTextSize: '文字大小',
  popupUnsupported: '此页面不支持无障碍工具栏（浏览器内部页面或扩展商店）。',
  popupOptions: '设置',
  popupShortcut: '快捷键：{0}',
  stateOpen: '已打开',
  stateClosed: '已关闭',
  optionsTitle: '看见 设置',
  optionsLauncher: '工具栏关闭时，在页面角落显示“无障碍浏览”按钮',
  optionsLanguage: '界面语言',
  optionsLanguageAuto: '跟随浏览器',
  optionsSites: '已保存设置的网站',
  optionsSitesNone: '还没有网站保存过设置。',
  optionsForget: '清除此网站的设置',
  optionsForgetAll: '清除所有网站的设置',
  optionsSaved: '设置已保存',
  optionsShortcuts: '键盘快捷键',
  optionsShortcutsHint: '可在浏览器的扩展快捷键页面中修改。',
  commandToggle: '打开或关闭无障碍工具栏',
  notSet: '未设置',
} as const;

export type MessageKey = keyof typeof zhCN;
type Catalog = Record<MessageKey, string>;

const zhTW: Catalog = {
  toolbarName: '無障礙工具列',
  launcher: '無障礙瀏覽',
  launcherHint: '開啟無障礙工具列',
  close: '關閉工具列',
  closeShort: '關閉',
  textLarger: '文字放大',
  textSmaller: '文字縮小',
  textReset: '文字還原',
  textSizeNow: '文字大小已調整為{0}%',
  textSizeMax: '文字已是最大',
  textSizeMin: '文字已是最小',
  toolbarOpened: '無障礙工具列已開啟',
  toolbarClosed: '無障礙工具列已關閉',
  popupTitle: '看見 · 無障礙瀏覽',
  popupSite: '目前網站',
  popupToolbar: '無障礙工具列',
  popupOpen: '開啟工具列',
  popupCloseToolbar: '關閉工具列',
  popupTextSize: '文字大小',
  popupUnsupported: '此頁面不支援無障礙工具列（瀏覽器內部頁面或擴充功能商店）。',
  popupOptions: '設定',
  popupShortcut: '快捷鍵：{0}',
  stateOpen: '已開啟',
  stateClosed: '已關閉',
  optionsTitle: '看見 設定',
  optionsLauncher: '工具列關閉時，在頁面角落顯示「無障礙瀏覽」按鈕',
  optionsLanguage: '介面語言',
  optionsLanguageAuto: '跟隨瀏覽器',
  optionsSites: '已儲存設定的網站',
  optionsSitesNone: '尚無網站儲存過設定。',
  optionsForget: '清除此網站的設定',
  optionsForgetAll: '清除所有網站的設定',
  optionsSaved: '設定已儲存',
  optionsShortcuts: '鍵盤快捷鍵',
  optionsShortcutsHint: '可在瀏覽器的擴充功能快捷鍵頁面中修改。',
  commandToggle: '開啟或關閉無障礙工具列',
  notSet: '未設定',
};

const en: Catalog = {
  toolbarName: 'Accessibility toolbar',
  launcher: 'Accessible browsing',
  launcherHint: 'Open the accessibility toolbar',
  close: 'Close toolbar',
  closeShort: 'Close',
  textLarger: 'Larger text',
  textSmaller: 'Smaller text',
  textReset: 'Reset text size',
  textSizeNow: 'Text size set to {0}%',
  textSizeMax: 'Text is already at its largest',
  textSizeMin: 'Text is already at its smallest',
  toolbarOpened: 'Accessibility toolbar opened',
  toolbarClosed: 'Accessibility toolbar closed',
  popupTitle: 'Kanjian · Accessible browsing',
  popupSite: 'This site',
  popupToolbar: 'Accessibility toolbar',
  popupOpen: 'Open toolbar',
  popupCloseToolbar: 'Close toolbar',
  popupTextSize: 'Text size',
  popupUnsupported: 'The toolbar cannot run on this page (browser pages and extension stores).',
  popupOptions: 'Settings',
  popupShortcut: 'Shortcut: {0}',
  stateOpen: 'open',
  stateClosed: 'closed',
  optionsTitle: 'Kanjian settings',
  optionsLauncher: 'Show the “Accessible browsing” button in a page corner while the toolbar is closed',
  optionsLanguage: 'Interface language',
  optionsLanguageAuto: 'Same as the browser',
  optionsSites: 'Sites with saved settings',
  optionsSitesNone: 'No site has saved settings yet.',
  optionsForget: 'Forget this site',
  optionsForgetAll: 'Forget all sites',
  optionsSaved: 'Settings saved',
  optionsShortcuts: 'Keyboard shortcuts',
  optionsShortcutsHint: 'Change them on the browser’s extension shortcuts page.',
  commandToggle: 'Open or close the accessibility toolbar',
  notSet: 'Not set',
};

export const catalogs: Record<UiLocale, Catalog> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** Picks the UI locale for a browser language tag: zh-TW/zh-HK/zh-Hant → Traditional, other zh → Simplified. */
export function localeForLanguage(tag: string | undefined): UiLocale {
  const t = (tag ?? '').toLowerCase();
  if (t.startsWith('zh')) {
    return /hant|tw|hk|mo/.test(t) ? 'zh-TW' : 'zh-CN';
  }
  return t ? 'en' : 'zh-CN';
}

/**
 * 'auto' UI language: the browser's UI language when it is Chinese; otherwise the page's own
 * language when the page is Chinese (a Chinese page gets a Chinese toolbar even in an English
 * browser); otherwise English.
 */
export function autoLocale(browserLanguage: string | undefined, pageLanguage: string | undefined): UiLocale {
  if ((browserLanguage ?? '').toLowerCase().startsWith('zh')) return localeForLanguage(browserLanguage);
  if ((pageLanguage ?? '').toLowerCase().startsWith('zh')) return localeForLanguage(pageLanguage);
  return browserLanguage ? 'en' : 'zh-CN';
}

export function t(locale: UiLocale, key: MessageKey, ...params: Array<string | number>): string {
  const text = catalogs[locale][key] ?? catalogs['zh-CN'][key];
  return text.replace(/\{(\d)\}/g, (_, i: string) => String(params[Number(i)] ?? ''));
}

export type Translator = (key: MessageKey, ...params: Array<string | number>) => string;
export function translator(locale: UiLocale): Translator {
  return (key, ...params) => t(locale, key, ...params);
}
