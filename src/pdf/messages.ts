import { defineExtensionMessaging } from '@webext-core/messaging';

/**
 * The reader's own messages, apart from the page protocol (src/messaging/protocol.ts) so the two can
 * change independently. Handlers treat `data` as untrusted.
 */
export interface PdfProtocolMap {
  /**
   * content script (a trusted click on 用看见阅读 or on a PDF link of a site set to open PDFs in
   * kanjian) / popup → background: open the reader for `url`, in the sender's tab or a new one.
   */
  openPdfReader(data: { url: string; where: 'new-tab' | 'same-tab'; tabId?: number }): { opened: boolean };
}

export const { sendMessage: sendPdfMessage, onMessage: onPdfMessage } = defineExtensionMessaging<PdfProtocolMap>();
