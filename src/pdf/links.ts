/**
 * The 用看见阅读 control beside PDF links, on pages where the toolbar is on, and the per-site choice
 * to open a site's PDF links in kanjian directly. Runs in the content script: it must stay small and
 * never load pdf.js. Acts on trusted input only: a page can neither press the control by script
 * (event.isTrusted) nor read where it leads (the reader is not web-accessible).
 */
import { looksLikePdf } from './open';
import { loadPdfPrefs, pdfPrefsKey, PDF_PREFS_PREFIX } from './prefs';
import { parseSite, siteStorageKey, type KeyValueArea } from '../settings/store';
import { siteKeyFor } from '../settings/origin';
import { autoLocale, t, type UiLocale } from '../i18n/messages';
import { isOwnUi, markOwnUi } from '../shared/own-ui';
import { Listeners } from '../shared/listeners';

export interface PdfLinksOptions {
  doc: Document;
  win: Window;
  siteKey: string | null;
  storage: KeyValueArea;
  onStorageChanged(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  uiLanguage: string;
  /** Asks the background to open the reader (sendPdfMessage('openPdfReader', …)). */
  open(url: string, where: 'new-tab' | 'same-tab'): Promise<unknown>;
  log(...args: unknown[]): void;
}

export const CONTROL_TAG = 'kanjian-pdf-link';
const MAX_LINKS = 500;

const CSS = `:host{all:initial!important;display:inline-block!important;vertical-align:middle;margin:0 0 0 .4em}
button{all:unset;box-sizing:border-box;cursor:pointer;display:inline-flex;align-items:center;gap:4px;padding:2px 8px;min-height:28px;
border:2px solid #102a43;border-radius:6px;background:#ffd166;color:#102a43;font:700 14px/1.2 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;white-space:nowrap}
button:hover{background:#102a43;color:#ffd166}
button:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}`;

/** The PDF links under `root`, itself included (http(s) links whose address names a .pdf file), up to `max`. */
export function pdfLinks(root: ParentNode, max = MAX_LINKS): HTMLAnchorElement[] {
  const out: HTMLAnchorElement[] = [];
  const consider = (a: HTMLAnchorElement): void => {
    if (!isOwnUi(a) && looksLikePdf(a.href)) out.push(a);
  };
  if (root instanceof Element && root.matches('a[href]')) consider(root as HTMLAnchorElement);
  for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (out.length >= max) break;
    consider(a);
  }
  return out.slice(0, max);
}

/** Is this click one a person made, on the link itself, meant to follow it in this tab? */
export function isPlainTrustedClick(e: MouseEvent): boolean {
  return e.isTrusted && e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey && !e.defaultPrevented;
}

export class PdfLinks {
  private readonly controls = new Map<HTMLAnchorElement, HTMLElement>();
  private observer: MutationObserver | null = null;
  private toolbarOpen = false;
  private openInReader = new Set<string>();
  private pending = false;
  /** Elements the page added since the last look. */
  private readonly added = new Set<Element>();
  private locale: UiLocale = 'zh-CN';
  private readonly listeners = new Listeners();
  private stopped = false;

  constructor(private readonly o: PdfLinksOptions) {}

  async start(): Promise<void> {
    const key = this.o.siteKey;
    if (!key) return;
    // Started at document_start: the links are there once the document is parsed.
    if (this.o.doc.readyState === 'loading') await new Promise<void>((r) => this.o.doc.addEventListener('DOMContentLoaded', () => r(), { once: true }));
    // As the toolbar's 'auto': a Chinese page gets a Chinese label even in an English browser.
    this.locale = autoLocale(this.o.uiLanguage, this.o.doc.documentElement?.lang);
    const got = await this.o.storage.get([siteStorageKey(key)]);
    this.toolbarOpen = parseSite(got[siteStorageKey(key)]).toolbarOpen;
    if ((await loadPdfPrefs(this.o.storage, key)).openInReader) this.openInReader.add(key);
    this.o.onStorageChanged((changes, area) => {
      if (area !== 'local') return;
      const site = changes[siteStorageKey(key)];
      if (site) this.toolbarOpen = parseSite(site.newValue).toolbarOpen;
      for (const [k, c] of Object.entries(changes)) {
        if (!k.startsWith(PDF_PREFS_PREFIX)) continue;
        const s = k.slice(4);
        if ((c.newValue as { openInReader?: unknown } | undefined)?.openInReader === true) this.openInReader.add(s);
        else this.openInReader.delete(s);
      }
      this.sync();
    });
    // Capture phase: the site's own handlers must not decide first where a PDF link goes.
    this.listeners.on(this.o.doc, 'click', (e: MouseEvent) => this.onLinkClick(e), { capture: true });
    this.sync();
  }

  /** Controls present exactly while the toolbar is open; links added later get theirs too. */
  private sync(): void {
    if (!this.toolbarOpen || this.stopped) {
      this.observer?.disconnect();
      this.observer = null;
      this.added.clear();
      for (const host of this.controls.values()) host.remove();
      this.controls.clear();
      return;
    }
    // Once placed, the observer keeps the controls in step: a settings change (every toolbar press
    // writes one) must not look at every link again, 300 ms on a page of 17,000 links.
    if (this.observer) return;
    this.addControls([this.o.doc]);
    if (this.o.doc.body) {
      // Only what the page adds is looked at (every link looked at again took 300 ms per change on a
      // page of 17,000 links, the toolbar open); our own controls going in are not.
      this.observer = new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1 && !isOwnUi(n)) this.added.add(n as Element);
        if (this.pending || !this.added.size) return;
        this.pending = true;
        this.o.win.requestAnimationFrame(() => {
          this.pending = false;
          const roots = [...this.added].filter((el) => el.isConnected);
          this.added.clear();
          this.addControls(roots);
        });
      });
      this.observer.observe(this.o.doc.body, { childList: true, subtree: true });
    }
  }

  private addControls(roots: readonly ParentNode[]): void {
    try {
      for (const [a, host] of this.controls) {
        if (a.isConnected) continue;
        host.remove();
        this.controls.delete(a);
      }
      for (const root of roots) {
        const room = MAX_LINKS - this.controls.size;
        if (room <= 0) break;
        for (const a of pdfLinks(root, room)) if (!this.controls.has(a)) this.controls.set(a, this.control(a));
      }
    } catch (err) {
      this.o.log('pdf links', err instanceof Error ? err.message : err);
    }
  }

  private control(a: HTMLAnchorElement): HTMLElement {
    const doc = this.o.doc;
    const host = doc.createElement(CONTROL_TAG);
    markOwnUi(host); // kanjian's own UI (by reference): the audit, 繁简 and the aids leave it alone
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = t(this.locale, 'pdfOpenInReader');
    const name = (a.textContent ?? '').trim().slice(0, 80) || a.href;
    button.setAttribute('aria-label', t(this.locale, 'pdfOpenInReaderLabel', name));
    button.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      if (!e.isTrusted) return; // a page script pressing it: ignored
      // The link's address now (a page that changes it afterwards changes what its own link opens too).
      void this.o.open(a.href, 'new-tab').catch((err: unknown) => this.o.log('open reader', err));
    });
    shadow.append(style, button);
    a.after(host);
    return host;
  }

  private onLinkClick(e: MouseEvent): void {
    if (!this.openInReader.size || !isPlainTrustedClick(e)) return;
    const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!a || !looksLikePdf(a.href)) return;
    const pdfSite = siteKeyFor(a.href);
    const pageSite = this.o.siteKey;
    if (!(pageSite && this.openInReader.has(pageSite)) && !(pdfSite && this.openInReader.has(pdfSite))) return;
    e.preventDefault();
    void this.o.open(a.href, a.target === '_blank' ? 'new-tab' : 'same-tab').catch((err: unknown) => this.o.log('open reader', err));
  }

  /** kanjian is gone from the page: the controls and the click listener go too. */
  stop(): void {
    this.stopped = true;
    this.toolbarOpen = false;
    this.listeners.off();
    this.sync();
  }

  /** For tests: links that have a control. */
  get count(): number {
    return this.controls.size;
  }
}

export { pdfPrefsKey };
