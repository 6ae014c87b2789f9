import type { WxtBrowser as Browser } from 'wxt/browser';
import { linkedPdfs } from '../audit/pdf/links';
import { onMessage, sendMessage, type FrameMessage } from '../messaging/protocol';
import { speechDiagnosticsHandler, uiMessageHandlers } from './ui-messages';
import { PageController, type StorageChange } from './controller';
import { locateTarget, TargetHighlighter } from './highlight';
import { extensionAlive, whenExtensionGone } from './life';
import { PdfLinks } from '../pdf/links';
import { listenForTabStops } from './tab-stops';
import { sendPdfMessage } from '../pdf/messages';
import { indexInTop, isFramesetDocument, registerFrameControl, whenParsed } from './frames';

interface StartOptions {
  browser: Browser;
  mountUi(): Promise<HTMLElement>;
  /** A hint that this script may have been replaced (WXT's context); checked, never trusted. */
  onMaybeInvalidated?(cb: () => void): void;
  /** The loader's launcher, pressed before this script started or while it starts (see loader/handoff.ts). */
  launcher?: LauncherPresses;
}

/**
 * Presses of the loader's launcher: `pressed` when one came before the toolbar could open; `open` is
 * set once it can, for a press that comes later (before the toolbar's own launcher replaced it).
 */
export interface LauncherPresses {
  pressed: boolean;
  open: (() => void) | null;
}

const log = (...args: unknown[]): void => console.debug('[kanjian]', ...args);

/** How this frame takes part in its tab (see frames.ts). */
interface FrameRole {
  /** This frame shows the toolbar and answers the popup and commands. */
  ui: boolean;
  /** The site whose settings apply: the top-level page's (undefined: this page's own, in the top frame). */
  siteKey?: string | null;
}

/**
 * Starts kanjian in this frame. The top frame runs at once; any other frame first asks the background
 * for the tab's site (its settings apply in every frame) and whether it carries the toolbar.
 */
export function startContentScript(options: StartOptions): void {
  if (window.top === window) {
    runPage(options, { ui: true });
    return;
  }
  void sendMessage('frameHello', { indexInTop: indexInTop(window) })
    .then((hello) => runPage(options, { ui: hello.ui === true, siteKey: typeof hello.siteKey === 'string' ? hello.siteKey : null }))
    .catch((err: unknown) => log('frame not started', err));
}

/** Wires the page controller to the browser. Everything is caught: we never throw into the page. */
function runPage({ browser, mountUi, onMaybeInvalidated, launcher }: StartOptions, role: FrameRole): void {
  const top = window.top === window;
  const controller = new PageController({
    page: { doc: document, win: window },
    ...(role.siteKey !== undefined ? { siteKey: role.siteKey } : {}),
    ui: role.ui,
    tab: {
      ...(top
        ? { isTop: true, askTop: () => Promise.resolve(null), frameTexts: () => sendMessage('frameTexts', undefined) }
        : { isTop: false, askTop: (msg: FrameMessage) => sendMessage('frameRelay', { to: 'top', msg }), frameTexts: () => Promise.resolve([]) }),
      relay: (to, msg) => sendMessage('frameRelay', { to, msg }),
    },
    storage: browser.storage.local,
    uiLanguage: browser.i18n.getUILanguage(),
    mountUi: async () => {
      // The shadow host goes into <html>; wait for it to exist at document_start.
      await whenParsed(document);
      // A frameset page has no place for a toolbar: its main frame shows it (the background names it).
      if (isFramesetDocument(document)) throw new Error('frameset document: the toolbar is in its main frame');
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
  const locateInFrame = (path: number[], target: Array<string | string[]>) => sendMessage('frameRelay', { to: { path }, msg: { kind: 'locate', target } });
  const stopTabStops = listenForTabStops(browser, document);
  const ready = controller
    .start()
    .then(async () => {
      if (!launcher || !role.ui) return;
      launcher.open = () => void controller.setToolbarOpen(true).catch((err: unknown) => log('open failed', err));
      if (launcher.pressed) await controller.setToolbarOpen(true);
    })
    .catch((err: unknown) => log('start failed', err));
  // PDF reader: 用看见阅读 beside PDF links while the toolbar is open (src/pdf/links.ts).
  const pdfLinks = role.ui ? new PdfLinks({ doc: document, win: window, siteKey: controller.siteKey, storage: browser.storage.local, onStorageChanged: (l) => browser.storage.onChanged.addListener(l), uiLanguage: browser.i18n.getUILanguage(), open: (url, where) => sendPdfMessage('openPdfReader', { url, where }), log }) : null;
  void pdfLinks?.start().catch((err: unknown) => log('pdf links', err));
  // The audit turns the aids off in every frame (the background reaches each frame's controller).
  registerFrameControl({ suspend: () => controller.suspendForAudit(), resume: () => controller.resumeAfterAudit() });

  const onChanged = (changes: Record<string, StorageChange>, area: string): void => {
    if (area !== 'local') return;
    try {
      controller.onStorageChanged(changes);
    } catch (err) {
      log('settings change failed', err);
    }
  };
  browser.storage.onChanged.addListener(onChanged);

  // The popup and the commands talk to the toolbar's frame only; other frames stay silent.
  const uiHandlers = () => uiMessageHandlers(controller, ready);
  // Addressed to one frame by its id (the audit report, diagnostics).
  const frameHandlers = () => [
    onMessage('highlightTarget', async ({ data }) => locateTarget(window, highlighter, Array.isArray(data?.target) ? data.target : [], locateInFrame)),
    speechDiagnosticsHandler(controller, ready),
    // Another frame of this tab asks or tells (relayed by the background: pages cannot send these).
    onMessage('frameMessage', async ({ data }) => {
      await ready;
      const from = typeof data?.from === 'number' ? data.from : -1;
      if (data?.msg?.kind === 'locate') return locateTarget(window, highlighter, data.msg.target, locateInFrame);
      return data?.msg && typeof data.msg.kind === 'string' ? controller.frameMessage(from, data.msg) : null;
    }),
  ];
  // The top frame: the audit's page, and the one that tells its frames the page's script.
  const topHandlers = () => [
    onMessage('auditSuspend', async () => {
      await ready;
      await controller.suspendForAudit();
      return { url: location.href, title: document.title, pdfLinks: linkedPdfs(document) };
    }),
    onMessage('auditResume', async () => {
      await ready;
      await controller.resumeAfterAudit();
    }),
  ];
  const removers = [...(role.ui ? uiHandlers() : []), ...frameHandlers(), ...(top ? topHandlers() : [])];

  // When the extension is gone (updated, disabled, removed), everything of ours leaves the page.
  const life = whenExtensionGone(
    window,
    () => extensionAlive(() => browser.runtime),
    () => {
      controller.dispose();
      registerFrameControl(null);
      pdfLinks?.stop();
      highlighter.clear();
      stopTabStops();
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
