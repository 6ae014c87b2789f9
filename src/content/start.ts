import type { WxtBrowser as Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isCommandName, onMessage, sendMessage } from '../messaging/protocol';
import { PageController, type StorageChange } from './controller';
import { resolveTarget, TargetHighlighter } from './highlight';
import type { AuditOptionsInput } from '../audit/options';
import type { AxeResults } from 'axe-core';
import { PdfLinks } from '../pdf/links';
import { sendPdfMessage } from '../pdf/messages';

interface InjectedAudit {
  run(options: AuditOptionsInput): Promise<AxeResults>;
}

interface StartOptions {
  ctx: ContentScriptContext;
  browser: Browser;
  mountUi(): Promise<HTMLElement>;
}

const log = (...args: unknown[]): void => console.debug('[kanjian]', ...args);

/** Wires the page controller to the browser. Everything is caught: we never throw into the page. */
export function startContentScript({ ctx, browser, mountUi }: StartOptions): void {
  if (window.top !== window) return; // the toolbar and its aids live in the top frame
  const controller = new PageController({
    page: { doc: document, win: window },
    storage: browser.storage.local,
    uiLanguage: browser.i18n.getUILanguage(),
    mountUi: async () => {
      // The shadow host goes into <html>; wait for it to exist at document_start.
      if (!document.body) await new Promise<void>((r) => document.addEventListener('DOMContentLoaded', () => r(), { once: true }));
      // A frameset page has no place for a toolbar; its frames are pages of their own.
      if (document.body?.localName === 'frameset') throw new Error('frameset document: no toolbar');
      return mountUi();
    },
    loadDict: async (fileName) => {
      // Our own packaged file: read through the extension's URL, never from the network.
      // (Typed loosely: the dictionaries are generated files, not in WXT's path types before a build.)
      const getURL = browser.runtime.getURL as (path: string) => string;
      const res = await fetch(getURL(`/dict/${fileName}`));
      if (!res.ok) throw new Error(`dictionary ${fileName}: HTTP ${res.status}`);
      return res.arrayBuffer();
    },
    startAudit: async () => {
      await sendMessage('startAudit', {});
    },
    log,
  });
  const highlighter = new TargetHighlighter(document);
  ctx.onInvalidated(() => highlighter.clear());
  // An extension update or reload must not leave a voice talking on the page.
  ctx.onInvalidated(() => controller.speech.dispose());
  const ready = controller.start().catch((err: unknown) => log('start failed', err));
  // PDF reader: 用看见阅读 beside PDF links while the toolbar is open (src/pdf/links.ts).
  void new PdfLinks({ doc: document, win: window, siteKey: controller.siteKey, storage: browser.storage.local, onStorageChanged: (l) => browser.storage.onChanged.addListener(l), uiLanguage: browser.i18n.getUILanguage(), open: (url, where) => sendPdfMessage('openPdfReader', { url, where }), log }).start().catch((err: unknown) => log('pdf links', err));

  const onChanged = (changes: Record<string, StorageChange>, area: string): void => {
    if (area !== 'local') return;
    try {
      controller.onStorageChanged(changes);
    } catch (err) {
      log('settings change failed', err);
    }
  };
  browser.storage.onChanged.addListener(onChanged);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));

  const removers = [
    onMessage('getPageState', async () => {
      await ready;
      return controller.state();
    }),
    onMessage('setToolbarOpen', async ({ data }) => {
      await ready;
      const open = data?.open;
      if (open !== true && open !== false && open !== 'toggle') throw new TypeError('setToolbarOpen: bad "open"');
      return controller.setToolbarOpen(open);
    }),
    onMessage('toggleConvert', async () => {
      await ready;
      return controller.toggleConvert();
    }),
    onMessage('runAudit', async ({ data }) => {
      await ready;
      const audit = (globalThis as { kanjianAudit?: InjectedAudit }).kanjianAudit;
      if (!audit) throw new Error('axe-core was not injected into this page');
      const options = data && typeof data.options === 'object' && data.options ? data.options : {};
      const results = await controller.runAudit(() => audit.run(options));
      // Structured data only: the results cross a message boundary.
      return { url: location.href, title: document.title, results: JSON.parse(JSON.stringify(results)) as AxeResults };
    }),
    onMessage('highlightTarget', async ({ data }) => {
      const target = Array.isArray(data?.target) ? data.target : [];
      const el = target.length ? resolveTarget(document, target) : null;
      if (!el) return { found: false };
      highlighter.show(el);
      return { found: true };
    }),
    // Read-aloud diagnostics (issue 5): status and the spoken-text log, for browser tests and bug reports.
    onMessage('speechDiagnostics', async ({ data }) => {
      await ready;
      return controller.speech.diagnostics(data?.clearLog === true);
    }),
    onMessage('runCommand', async ({ data }) => {
      await ready;
      if (!isCommandName(data?.command)) throw new TypeError('runCommand: unknown command');
      if (data.command === 'toggle-toolbar') await controller.setToolbarOpen('toggle');
      else if (data.command === 'toggle-convert') await controller.toggleConvert();
    }),
  ];
  ctx.onInvalidated(() => removers.forEach((r) => r()));
}
