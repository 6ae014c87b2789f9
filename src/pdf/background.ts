/**
 * The reader's background side: opens the reader on a trusted request — the 用看见阅读 control or a
 * PDF link on a site set to open PDFs in kanjian (content script), the link context menu, the popup's
 * button and the keyboard command — for an http(s) URL only. Only the extension opens the reader.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { onPdfMessage } from './messages';
import { isExtensionPage } from '../shared/sender';
import { looksLikePdf, PDF_LINK_PATTERNS, READER_PATH, readablePdfUrl, readerUrl } from './open';

export const PDF_MENU_ID = 'kanjian-open-pdf';
export const PDF_COMMAND = 'open-pdf-reader';

interface TabLike {
  id?: number;
  index?: number;
  url?: string;
  windowId?: number;
}

export async function openReader(browser: Browser, url: string, where: 'new-tab' | 'same-tab', tab: TabLike | undefined): Promise<boolean> {
  const base = (browser.runtime.getURL as (p: string) => string)(READER_PATH);
  const target = readerUrl(base, url);
  if (!target) return false;
  if (where === 'same-tab' && tab?.id !== undefined) await browser.tabs.update(tab.id, { url: target });
  else await browser.tabs.create({ url: target, ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}), ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}) });
  return true;
}

/** The keyboard command and the popup: the tab shows a PDF (the browser's viewer) → the reader in its place. */
export async function openCurrentTab(browser: Browser, tab: TabLike | undefined): Promise<boolean> {
  if (!tab?.url || !looksLikePdf(tab.url)) return false;
  return openReader(browser, tab.url, 'same-tab', tab);
}

/** The link context menu's 用看见阅读此 PDF: the reader opens in a new tab beside the page. */
export async function onPdfMenuClick(browser: Browser, info: { menuItemId: string | number; linkUrl?: string }, tab: TabLike | undefined): Promise<boolean> {
  if (info.menuItemId !== PDF_MENU_ID || !info.linkUrl) return false;
  return openReader(browser, info.linkUrl, 'new-tab', tab).catch((err: unknown) => {
    console.warn('[kanjian] open reader', err);
    return false;
  });
}

export function startPdfBackground(browser: Browser): void {
  // The menu title from _locales (menuOpenPdf): the UI string catalogue stays out of the background.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: PDF_MENU_ID, title: (browser.i18n.getMessage as (key: string) => string)('menuOpenPdf') || 'Open in kanjian', contexts: ['link'], targetUrlPatterns: PDF_LINK_PATTERNS });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onPdfMenuClick(browser, info, tab));
  browser.commands.onCommand.addListener((command) => {
    if (command !== PDF_COMMAND) return;
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => openCurrentTab(browser, tab))
      .catch((err: unknown) => console.warn('[kanjian] open reader', err));
  });
  onPdfMessage('openPdfReader', async ({ data, sender }) => {
    const url = readablePdfUrl(data?.url);
    if (!url) throw new TypeError('openPdfReader: not an http(s) URL');
    const where = data?.where === 'same-tab' ? 'same-tab' : 'new-tab';
    // From a content script: its own tab, never another. From the popup (an extension page): the tab
    // it names — the popup may itself sit in a tab (opened as a page), which is not the PDF's.
    const named = isExtensionPage(browser.runtime.getURL('/'), sender) && typeof data?.tabId === 'number' ? await browser.tabs.get(data.tabId) : undefined;
    const tab: TabLike | undefined = named ?? sender.tab;
    return { opened: await openReader(browser, url, where, tab) };
  });
  // Diagnostic hooks for the end-to-end tests (service worker only, out of any page's reach): the
  // command as the browser's shortcut fires it, the menu item as the browser's menu clicks it.
  Object.assign(globalThis, {
    kanjianOpenPdfCommand: () => browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => openCurrentTab(browser, tab)),
    kanjianPdfMenuClick: (linkUrl: string, tabId: number) => browser.tabs.get(tabId).then((tab) => onPdfMenuClick(browser, { menuItemId: PDF_MENU_ID, linkUrl }, tab)),
  });
}
