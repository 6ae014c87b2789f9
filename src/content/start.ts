import type { WxtBrowser as Browser } from 'wxt/browser';
import { COMMAND_CONTROLS, isCommandName, onMessage, sendMessage } from '../messaging/protocol';
import type { SpeechDiagnosticsReport } from '../speech/diagnostics';
import { PageController, type StorageChange } from './controller';
import { resolveTarget, TargetHighlighter } from './highlight';
import { extensionAlive, whenExtensionGone } from './life';
import { PdfLinks } from '../pdf/links';
import { sendPdfMessage } from '../pdf/messages';

interface StartOptions {
  browser: Browser;
  mountUi(): Promise<HTMLElement>;
  /** A hint that this script may have been replaced (WXT's context); checked, never trusted. */
  onMaybeInvalidated?(cb: () => void): void;
  /** The user pressed the loader's launcher: open the toolbar with the focus in it once started. */
  openOnStart?: boolean;
}

const log = (...args: unknown[]): void => console.debug('[kanjian]', ...args);

/** Wires the page controller to the browser. Everything is caught: we never throw into the page. */
export function startContentScript({ browser, mountUi, onMaybeInvalidated, openOnStart }: StartOptions): void {
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
  const ready = controller
    .start()
    .then(async () => {
      if (openOnStart) await controller.setToolbarOpen(true);
    })
    .catch((err: unknown) => log('start failed', err));
  // PDF reader: 用看见阅读 beside PDF links while the toolbar is open (src/pdf/links.ts).
  const pdfLinks = new PdfLinks({ doc: document, win: window, siteKey: controller.siteKey, storage: browser.storage.local, onStorageChanged: (l) => browser.storage.onChanged.addListener(l), uiLanguage: browser.i18n.getUILanguage(), open: (url, where) => sendPdfMessage('openPdfReader', { url, where }), log });
  void pdfLinks.start().catch((err: unknown) => log('pdf links', err));

  const onChanged = (changes: Record<string, StorageChange>, area: string): void => {
    if (area !== 'local') return;
    try {
      controller.onStorageChanged(changes);
    } catch (err) {
      log('settings change failed', err);
    }
  };
  browser.storage.onChanged.addListener(onChanged);

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
      return controller.pressControl(COMMAND_CONTROLS['toggle-convert']);
    }),
    onMessage('auditSuspend', async () => {
      await ready;
      await controller.suspendForAudit();
      return { url: location.href, title: document.title };
    }),
    onMessage('auditResume', async () => {
      await ready;
      await controller.resumeAfterAudit();
    }),
    onMessage('highlightTarget', async ({ data }) => {
      const target = Array.isArray(data?.target) ? data.target : [];
      const el = target.length ? resolveTarget(document, target) : null;
      if (!el) return { found: false };
      highlighter.show(el);
      return { found: true };
    }),
    // Read-aloud diagnostics: status and the spoken-text log, for browser tests and bug reports.
    onMessage('speechDiagnostics', async ({ data }) => {
      await ready;
      const speech = controller.feature('speech') as { diagnostics?(clear: boolean): SpeechDiagnosticsReport } | undefined;
      if (!speech?.diagnostics) throw new Error('speechDiagnostics: no read-aloud on this page');
      return speech.diagnostics(data?.clearLog === true);
    }),
    onMessage('runCommand', async ({ data }) => {
      await ready;
      if (!isCommandName(data?.command)) throw new TypeError('runCommand: unknown command');
      if (data.command === 'toggle-toolbar') await controller.setToolbarOpen('toggle');
      else if (data.command === 'toggle-convert') await controller.pressControl(COMMAND_CONTROLS['toggle-convert']);
    }),
  ];

  // When the extension is gone (updated, disabled, removed), everything of ours leaves the page.
  const life = whenExtensionGone(
    window,
    () => extensionAlive(() => browser.runtime),
    () => {
      controller.dispose();
      pdfLinks.stop();
      highlighter.clear();
      try {
        browser.storage.onChanged.removeListener(onChanged);
        removers.forEach((r) => r());
      } catch {
        // The runtime is already gone with its listeners.
      }
    },
  );
  onMaybeInvalidated?.(() => life.check());
}
