/** Whether a message comes from one of kanjian's own pages (popup, report, reader), not a content script in a web page. */
export function isExtensionPage(extensionBase: string, sender: { url?: string }): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(extensionBase);
}
