/**
 * The popup's 用看见阅读 button, shown while the tab displays a PDF in the browser's own viewer (where
 * no content script runs, so the toolbar cannot be there): it opens the same document in the reader.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { localeForLanguage, t } from '../i18n/messages';
import { sendPdfMessage } from './messages';
import { looksLikePdf } from './open';

export async function addPdfReaderButton(container: HTMLElement, browser: Browser, tabId?: number): Promise<void> {
  const tab = tabId !== undefined ? await browser.tabs.get(tabId) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab?.url || tab.id === undefined || !looksLikePdf(tab.url)) return;
  const doc = container.ownerDocument;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'kj-pdf-open';
  button.textContent = t(localeForLanguage(browser.i18n.getUILanguage()), 'pdfOpenInReader');
  const id = tab.id;
  const url = tab.url;
  button.addEventListener('click', () => {
    void sendPdfMessage('openPdfReader', { url, where: 'same-tab', tabId: id }).then(() => window.close());
  });
  container.prepend(button);
}
