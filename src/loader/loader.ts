import { autoLocale, localeForLanguage, type UiLocale } from '../i18n/locale';
import { revealEarlyHidden } from '../shared/early-reveal';
import { extensionAlive, whenExtensionGone } from '../content/life';
import { changesFirstPaint } from '../settings/early';
import { siteKeyForDocumentUrl } from '../settings/origin';
import { parsePdfPrefs, pdfPrefsKey } from '../pdf/prefs';
import { parseWithDefaults } from '../settings/fields';
import { loaderGlobalFields } from '../settings/schema';
import { GLOBAL_KEY, parseSite, siteStorageKey, type KeyValueArea } from '../settings/store';
import { isUiDocument } from '../shared/ui-document';
import { indexInTop } from '../content/frames';
import { leaveHandoff, PAGE_UI_REQUEST, pageUiPresent, parseHelloAnswer, type LoaderHandoff, type LoaderHelloRequest } from './handoff';
import { showLauncher } from './launcher';

/** What the loader needs of the browser (a narrow slice, so tests can give their own). */
export interface LoaderBrowser {
  storage: {
    local: KeyValueArea;
    onChanged: { addListener(cb: (changes: Record<string, unknown>, area: string) => void): void; removeListener(cb: (changes: Record<string, unknown>, area: string) => void): void };
  };
  runtime: { id?: string; sendMessage(message: unknown): Promise<unknown> };
  i18n: { getUILanguage(): string };
}

/**
 * kanjian's document_start script in every frame: reads this site's stored settings and nothing
 * else. Where the site has stored aids (or the toolbar open) it asks the background for the page
 * bundle (toolbar, aids, 繁简, read-aloud, audit button), which the background injects into this
 * frame's isolated world; the page stays hidden by early.css meanwhile, so nothing flashes. Elsewhere
 * it shows only the launcher, and loads the bundle when the user presses it.
 *
 * A frame below the top is cheaper still: it asks the background once whether anything is on for the
 * tab's top-level site (the background then injects the bundle into it, and into every frame of the
 * tab when the user switches something on later) and shows nothing, unless it is a frameset's main
 * frame, which carries the launcher for the tab.
 */
export function startLoader(browser: LoaderBrowser, doc: Document, win: Window): void {
  // Registered for this site with its stored aids (background/early-styles.ts): it is here already.
  if (pageUiPresent()) return;
  if (win.top === win) {
    runLoader(browser, doc, win, siteKeyForDocumentUrl(doc.URL));
    return;
  }
  const hello: LoaderHelloRequest = { kanjian: 'frame-hello', indexInTop: indexInTop(win) };
  browser.runtime.sendMessage(hello).then(
    (raw) => {
      const answer = parseHelloAnswer(raw);
      // Something is on: the bundle is on its way into this frame and shows the page when applied.
      if (answer?.on) return;
      if (answer?.ui) runLoader(browser, doc, win, answer.siteKey);
      else revealEarlyHidden(doc, win);
    },
    () => revealEarlyHidden(doc, win),
  );
}

/** The launcher's frame (the top, or a frameset's main frame) following the settings of `siteKey`. */
function runLoader(browser: LoaderBrowser, doc: Document, win: Window, siteKey: string | null): void {
  let requested = false;
  let stopped = false;
  // Once the bundle has taken over: its own way to open the toolbar.
  let pressedAfterStop: (() => void) | null = null;
  // For the page bundle, however it comes (our request, a command, the popup, an audit): the
  // launcher it takes over and what the user asked for.
  const handoff: LoaderHandoff = {
    open: false,
    host: null,
    stop: (pressed) => {
      stopped = true;
      pressedAfterStop = pressed;
      browser.storage.onChanged.removeListener(onChanged);
      life.stop();
    },
  };
  leaveHandoff(handoff);
  const request = (): void => {
    if (requested || stopped) return;
    requested = true;
    browser.runtime.sendMessage(PAGE_UI_REQUEST).catch(() => {
      // The extension is gone or cannot inject here: show the page as it is.
      requested = false;
      revealEarlyHidden(doc, win);
    });
  };
  // The user's press of the launcher: the toolbar opens, whether its code is here, coming or not yet asked for.
  const press = (): void => {
    if (pressedAfterStop) return pressedAfterStop();
    handoff.open = true;
    request();
  };

  const decide = async (): Promise<void> => {
    // One read of storage for the page's start-up: the settings and the site's PDF choice together.
    const keys = siteKey ? [GLOBAL_KEY, siteStorageKey(siteKey), pdfPrefsKey(siteKey)] : [GLOBAL_KEY];
    const raw: Record<string, unknown> = await browser.storage.local.get(keys).catch(() => ({}));
    // Only the settings the loader acts on: the rest of the schema is the page bundle's.
    const global = parseWithDefaults(loaderGlobalFields, raw[GLOBAL_KEY]);
    if (stopped || requested || pageUiPresent()) return;
    if (siteKey !== null) {
      const site = parseSite(raw[siteStorageKey(siteKey)]);
      // 本站的 PDF 都用看见阅读: the bundle's link handler opens this site's PDFs in the reader.
      if (site.toolbarOpen || changesFirstPaint(site, global, siteKey) || parsePdfPrefs(raw[pdfPrefsKey(siteKey)]).openInReader) return request();
    }
    revealEarlyHidden(doc, win);
    if (!global.showLauncher) {
      handoff.host?.remove();
      handoff.host = null;
      return;
    }
    if (handoff.host || !isUiDocument(doc)) return;
    // The host goes into <html> once there is a body to sit beside (a frameset page has no place for
    // it): as soon as there is, so the page's first layout has it, not a second one.
    const body = await whenBody(doc);
    if (stopped || requested || handoff.host || !body) return;
    handoff.host = showLauncher(doc, launcherLocale(global.uiLanguage, browser.i18n.getUILanguage(), doc.documentElement?.lang), press, request);
  };
  const run = (): void => void decide().catch(() => revealEarlyHidden(doc, win));

  // Settings changed elsewhere (the popup, another tab of this site, the options page).
  const siteStorage = siteKey ? siteStorageKey(siteKey) : null;
  function onChanged(changes: Record<string, unknown>, area: string): void {
    if (area === 'local' && (GLOBAL_KEY in changes || (siteStorage !== null && (siteStorage in changes || pdfPrefsKey(siteKey!) in changes)))) run();
  }
  browser.storage.onChanged.addListener(onChanged);
  const life = whenExtensionGone(
    win,
    () => extensionAlive(() => browser.runtime),
    () => {
      stopped = true;
      handoff.host?.remove();
      try {
        browser.storage.onChanged.removeListener(onChanged);
      } catch {
        // The runtime is already gone with its listeners.
      }
    },
  );
  run();
}

/**
 * Resolves true once the parser has made the document's `<body>` (false for a frameset page, or one
 * that ends without a body). Asked of `<html>` by selector, so no wrapper of the body is made in this
 * world for it (each new DOM interface touched is held by every page's loader).
 */
function whenBody(doc: Document): Promise<boolean> {
  const root = doc.documentElement;
  if (!root || rootHas(doc, 'body') || doc.readyState !== 'loading') return Promise.resolve(rootHas(doc, 'body'));
  return new Promise((resolve) => {
    const done = (): void => {
      observer.disconnect();
      doc.removeEventListener('DOMContentLoaded', done);
      resolve(rootHas(doc, 'body'));
    };
    // Only <html>'s own children: the body arrives early in parsing, long before the first layout.
    const observer = new MutationObserver(() => {
      if (rootHas(doc, 'body') || rootHas(doc, 'frameset')) done();
    });
    observer.observe(root, { childList: true });
    doc.addEventListener('DOMContentLoaded', done);
  });
}

/** Whether the document's root (now: a page may replace it) has a child `<body>` or `<frameset>`. */
function rootHas(doc: Document, child: 'body' | 'frameset'): boolean {
  try {
    return !!doc.documentElement?.matches(`:has(> ${child})`);
  } catch {
    // A browser without :has() (Chrome before 105): ask the document, making the body's wrapper.
    return doc.body?.localName === child;
  }
}

/**
 * The launcher's language, as the toolbar's would be (controller.ts `locale`): the chosen one, or the
 * browser's or page's Chinese, in Traditional on a page written in Traditional. Before the toolbar's
 * code is here the page's lang tells its script (the toolbar reads its text).
 */
export function launcherLocale(chosen: UiLocale | 'auto', browserLanguage: string, pageLang: string | undefined): UiLocale {
  if (chosen !== 'auto') return chosen;
  const auto = autoLocale(browserLanguage, pageLang);
  return auto !== 'en' && /^zh\b/i.test(pageLang ?? '') && localeForLanguage(pageLang) === 'zh-TW' ? 'zh-TW' : auto;
}

