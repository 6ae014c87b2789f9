import launcherCss from '../toolbar/launcher.css?inline';
import { markOwnUi } from '../shared/own-ui';
import { isUserInput } from '../shared/trusted';
import { onPressIntent } from '../shared/press-intent';
import type { UiLocale } from '../i18n/locale';

export interface LauncherWords {
  label: string;
  hint: string;
}

/** The launcher's words, the same as the catalogue's `launcher` and `launcherHint` (a unit test checks). */
export const LAUNCHER_TEXT: Record<UiLocale, LauncherWords> = {
  'zh-CN': { label: '无障碍浏览', hint: '打开无障碍工具栏' },
  'zh-TW': { label: '無障礙瀏覽', hint: '開啟無障礙工具列' },
  en: { label: 'Accessible browsing', hint: 'Open the accessibility toolbar' },
};

/**
 * The launcher on its own, before the toolbar's code is loaded: the same host element, shadow root
 * and look as the toolbar's launcher. Only the user's own click or key press opens the toolbar; a
 * page's `el.click()` or synthetic events are ignored (they are untrusted).
 *
 * `onIntent` is told when the user is about to press it (the pointer rests on it, a button or the
 * Space key goes down), so the toolbar's code can be on its way before the click: a person's press
 * lasts about 100 ms, which is most of what loading it costs. A pointer merely crossing it on the
 * way elsewhere loads nothing.
 */
export function showLauncher(doc: Document, locale: UiLocale, onOpen: () => void, onIntent: () => void = () => undefined): HTMLElement {
  const host = launcherHost(doc, LAUNCHER_TEXT[locale]);
  // The shadow root holds the button alone, so the host hears its events (all composed).
  host.addEventListener('click', (e) => {
    if (isUserInput(e)) onOpen();
  });
  // A press that began here and ends after the toolbar's code replaced this launcher (same place,
  // same look) would never become a click on either: its release completes it instead. A pointer
  // must come up over the launcher that took its place (moving away still cancels the press).
  const win = doc.defaultView;
  const onRelease = (type: 'pointerup' | 'keyup', ends: (e: Event) => boolean, counts: (e: Event) => boolean): void => {
    const ac = new AbortController();
    win?.addEventListener(
      type,
      (e) => {
        if (!isUserInput(e) || !ends(e)) return;
        ac.abort();
        if (!host.isConnected && counts(e)) onOpen();
      },
      { capture: true, signal: ac.signal },
    );
    if (type === 'pointerup') win?.addEventListener('pointercancel', () => ac.abort(), { capture: true, signal: ac.signal });
  };
  onPressIntent(host, (press) => {
    onIntent();
    if (press?.type === 'pointerdown') {
      const id = (press as PointerEvent).pointerId;
      onRelease('pointerup', (up) => (up as PointerEvent).pointerId === id, (up) => (up.target as Element | null)?.localName === 'kanjian-toolbar');
    } else if (press) onRelease('keyup', (up) => (up as KeyboardEvent).key === ' ', () => true); // Space clicks when it comes up
  });
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
  markOwnUi(host);
  (doc.documentElement ?? doc).append(host);
  return host;
}

/**
 * The launcher's host with its shadow root. This runs on every page, and each DOM interface the
 * loader touches (a button's, a style's, a shadow root's) is made anew in its world and held by the
 * page for as long as it is open (~11 KB of the ~300 KB budget). So in Chromium it is parsed from
 * markup as a document of its own with a declarative shadow root, then adopted: no wrapper but the
 * host's is made. The words and styles are our own constants, never the page's.
 *
 * Built element by element instead in Firefox, where a style element made by a parser is judged by
 * the page's CSP (only a content script setting its text makes it the script's: a page with a strict
 * `style-src` left the launcher unstyled), and wherever parsing is missing, refused (a page's Trusted
 * Types, were they ever to reach our world) or gives no shadow root.
 */
function launcherHost(doc: Document, text: LauncherWords): HTMLElement {
  if (!import.meta.env.FIREFOX) {
    try {
      const parsed = parsedHost(doc, text);
      if (parsed) return parsed;
    } catch {
      // Built below.
    }
  }
  const host = doc.createElement('kanjian-toolbar');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial!important}${launcherCss}`;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'kj-launcher';
  button.title = text.hint;
  const icon = doc.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = '♿';
  button.append(icon, text.label);
  shadow.append(style, button);
  return host;
}

function parsedHost(doc: Document, text: LauncherWords): HTMLElement | null {
  const parse = (Document as unknown as { parseHTMLUnsafe?: (html: string) => Document }).parseHTMLUnsafe;
  if (typeof parse !== 'function') return null;
  const markup = `<style>:host{all:initial!important}${launcherCss}</style><button type="button" class="kj-launcher" title="${text.hint}"><span aria-hidden="true">♿</span>${text.label}</button>`;
  const parsed = parse.call(Document, `<kanjian-toolbar><template shadowrootmode="open">${markup}</template></kanjian-toolbar>`);
  // A template still there is one the parser did not take as a shadow root.
  if (parsed.querySelector('template')) return null;
  const host = parsed.querySelector('kanjian-toolbar');
  return host ? doc.adoptNode(host as HTMLElement) : null;
}
