/**
 * The one adapter between the reader page and kanjian's page controller. Content scripts do not run
 * in extension pages, so the reader hosts the same PageController the content script runs on web
 * pages — same aids, same toolbar, same settings — over its own document, with the PDF's site as the
 * site key (per-site settings follow the site the PDF came from).
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { TOOLBAR_CSS as toolbarCss } from '../toolbar/styles';
import { mountToolbarHost } from '../toolbar/mount';
import { PageController, type StorageChange } from '../content/controller';
import { speechDiagnosticsHandler, uiMessageHandlers } from '../content/ui-messages';
import { injectedLib, LAZY_LIB_FILES, type LazyLibName } from '../shared/libs';

export interface ReaderControllerOptions {
  browser: Browser;
  doc: Document;
  win: Window;
  siteKey: string | null;
  /** The reader's replacement for the page audit: checks the PDF itself. */
  audit(): Promise<void>;
  log(...args: unknown[]): void;
}

/**
 * The content script asks the background to inject large libraries (拼音, 纯文本) into its frame; an
 * extension page cannot be injected into, so the reader loads the same files itself, as scripts.
 */
export function preloadLibs(doc: Document, extUrl: (path: string) => string, names: LazyLibName[] = ['pinyin', 'Readability']): Promise<void[]> {
  return Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) => {
          if (injectedLib(name)) return resolve();
          const s = doc.createElement('script');
          s.src = extUrl(LAZY_LIB_FILES[name]);
          s.onload = s.onerror = () => resolve();
          doc.head.append(s);
        }),
    ),
  );
}

export function startReaderController(o: ReaderControllerOptions): PageController {
  const { browser } = o;
  const extUrl = browser.runtime.getURL as (path: string) => string;
  const controller = new PageController({
    page: { doc: o.doc, win: o.win },
    siteKey: o.siteKey,
    storage: browser.storage.local,
    uiLanguage: browser.i18n.getUILanguage(),
    mountUi: async () => mountToolbarHost(o.doc, toolbarCss).container,
    loadDict: async (fileName) => {
      const res = await fetch(extUrl(`/dict/${fileName}`));
      if (!res.ok) throw new Error(`dictionary ${fileName}: HTTP ${res.status}`);
      return res.arrayBuffer();
    },
    startAudit: () => o.audit(),
    log: o.log,
  });
  const ready = controller.start().catch((err: unknown) => o.log('start failed', err));
  browser.storage.onChanged.addListener((changes: Record<string, StorageChange>, area: string) => {
    if (area !== 'local') return;
    try {
      controller.onStorageChanged(changes);
    } catch (err) {
      o.log('settings change failed', err);
    }
  });
  // The popup and the keyboard commands reach the tab's page the same way as on a web page.
  uiMessageHandlers(controller, ready);
  speechDiagnosticsHandler(controller, ready);
  o.win.addEventListener('pagehide', () => controller.dispose());
  return controller;
}
