/**
 * 看见阅读: the PDF reader page. Fetches the one document the user chose, shows it as reflowed text
 * (headings, paragraphs, lists, tables in reading order) or as rendered pages with a text layer, and
 * hosts kanjian's own page controller over it, so the toolbar and every aid work as on a web page.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { documentParams, loadPdfjs, type PdfjsLib, type PDFDocumentProxy } from './pdfjs';
import { fetchPdfBytes, openPdf, PdfLoadError, type LoadFailureReason } from './load';
import { documentInfo, documentText, isSimplified, pageText, type DocInfo } from './extract';
import { blocksText, reflowDocument, textLength, type PageText, type ReflowBlock } from './reflow';
import { renderBlocks } from './reflow-view';
import { PageView, nextZoom } from './page-view';
import { clearMatches, searchIn, showMatches, type SearchMatch } from './search';
import { loadPdfPrefs, savePdfPrefs, type ReaderView } from './prefs';
import { pdfUrlFromReader } from './open';
import { checkPdfBasics, type PdfCheckFinding } from './doc-check';
import { startReaderController, preloadLibs } from './controller-env';
import { siteKeyFor } from '../settings/origin';
import { loadSettings } from '../settings/store';
import { elderPresetOn } from '../display/session';
import { autoLocale, translator, type MessageKey, type Translator } from '../i18n/messages';
import type { PageController } from '../content/controller';

export interface ReaderDeps {
  browser: Browser;
  doc: Document;
  win: Window;
}

/** What tests and the benchmark read from the reader page (extension pages are not reachable by web pages). */
export interface ReaderProbe {
  state: 'loading' | 'ready' | 'error';
  error: LoadFailureReason | 'scanned' | 'no-file' | null;
  view: ReaderView;
  numPages: number;
  /** ms from navigation start to the first readable text on screen. */
  firstTextMs: number | null;
  /** ms from navigation start to the whole document's text being shown. */
  allTextMs: number | null;
  info: DocInfo | null;
  check: PdfCheckFinding[] | null;
  controller: PageController | null;
}

interface Ui {
  t: Translator;
  title: HTMLElement;
  viewButtons: Record<ReaderView, HTMLButtonElement>;
  zoomGroup: HTMLElement;
  zoomOut: HTMLButtonElement;
  zoomIn: HTMLButtonElement;
  zoomLevel: HTMLOutputElement;
  search: HTMLInputElement;
  searchPrev: HTMLButtonElement;
  searchNext: HTMLButtonElement;
  searchStatus: HTMLOutputElement;
  original: HTMLAnchorElement;
  siteDefault: HTMLInputElement;
  outline: HTMLElement;
  status: HTMLElement;
  alert: HTMLElement;
  check: HTMLElement;
  article: HTMLElement;
  pages: HTMLElement;
}

function h<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Partial<Record<string, string>> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function buildUi(doc: Document, t: Translator, pdfUrl: string | null): Ui {
  const body = doc.body;
  const head = h(doc, 'header', { class: 'kjr-head' });
  const title = h(doc, 'p', { class: 'kjr-doc-title' });
  const views = h(doc, 'div', { class: 'kjr-group', role: 'group', 'aria-label': t('pdfViewLabel') });
  const viewButtons = {
    reflow: h(doc, 'button', { type: 'button', 'data-view': 'reflow', 'aria-pressed': 'false' }, t('pdfViewReflow')),
    page: h(doc, 'button', { type: 'button', 'data-view': 'page', 'aria-pressed': 'false' }, t('pdfViewPage')),
  };
  views.append(viewButtons.reflow, viewButtons.page);
  const zoomGroup = h(doc, 'div', { class: 'kjr-group', role: 'group', 'aria-label': t('pdfZoomLevel', '') });
  const zoomOut = h(doc, 'button', { type: 'button', 'aria-label': t('pdfZoomOut') }, '−');
  const zoomLevel = h(doc, 'output', { class: 'kjr-zoom', 'aria-live': 'polite' }, '100%');
  const zoomIn = h(doc, 'button', { type: 'button', 'aria-label': t('pdfZoomIn') }, '+');
  zoomGroup.append(zoomOut, zoomLevel, zoomIn);
  const form = h(doc, 'form', { class: 'kjr-group', role: 'search' });
  const search = h(doc, 'input', { type: 'search', 'aria-label': t('pdfSearch'), placeholder: t('pdfSearch') });
  const searchPrev = h(doc, 'button', { type: 'button' }, t('pdfSearchPrev'));
  const searchNext = h(doc, 'button', { type: 'submit' }, t('pdfSearchNext'));
  const searchStatus = h(doc, 'output', { class: 'kjr-search-status', 'aria-live': 'polite' });
  form.append(search, searchPrev, searchNext, searchStatus);
  const original = h(doc, 'a', { class: 'kjr-original', href: pdfUrl ?? '#' }, t('pdfOriginal'));
  const defaultLabel = h(doc, 'label', { class: 'kjr-site-default' });
  const siteDefault = h(doc, 'input', { type: 'checkbox' });
  defaultLabel.append(siteDefault, doc.createTextNode(t('pdfSiteDefault')));
  head.append(title, views, zoomGroup, form, original, defaultLabel);
  const outline = h(doc, 'nav', { class: 'kjr-outline', 'aria-label': t('pdfOutline'), hidden: '' });
  const status = h(doc, 'p', { class: 'kjr-status', role: 'status' }, t('pdfLoading'));
  const alert = h(doc, 'div', { class: 'kjr-alert', role: 'alert', hidden: '' });
  const check = h(doc, 'section', { class: 'kjr-check', 'aria-label': t('pdfCheckTitle'), hidden: '' });
  const main = h(doc, 'main', { class: 'kjr-main' });
  const article = h(doc, 'article', { class: 'kjr-reflow' });
  const pages = h(doc, 'section', { class: 'kjr-pages', hidden: '', 'aria-label': t('pdfViewPage') });
  main.append(article, pages);
  body.replaceChildren(head, alert, check, outline, status, main);
  return { t, title, viewButtons, zoomGroup, zoomOut, zoomIn, zoomLevel, search, searchPrev, searchNext, searchStatus, original, siteDefault, outline, status, alert, check, article, pages };
}

const ERROR_KEYS: Record<LoadFailureReason | 'scanned' | 'no-file', MessageKey> = {
  password: 'pdfErrorPassword',
  broken: 'pdfErrorBroken',
  'not-pdf': 'pdfErrorNotPdf',
  network: 'pdfErrorNetwork',
  http: 'pdfErrorHttp',
  scanned: 'pdfErrorScanned',
  'no-file': 'pdfErrorNoFile',
};

const log = (...args: unknown[]): void => console.debug('[kanjian reader]', ...args);

function fileName(url: string): string {
  try {
    const path = new URL(url).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
  } catch {
    return url;
  }
}

export class Reader {
  readonly probe: ReaderProbe = { state: 'loading', error: null, view: 'reflow', numPages: 0, firstTextMs: null, allTextMs: null, info: null, check: null, controller: null };
  private ui!: Ui;
  private pdf: PDFDocumentProxy | null = null;
  private lib: PdfjsLib | null = null;
  private pagesText: PageText[] = [];
  private blocks: ReflowBlock[] = [];
  private pageView: PageView | null = null;
  private matches: SearchMatch[] = [];
  private matchIndex = -1;
  private lastQuery = '';
  private readonly pdfUrl: string | null;
  private readonly siteKey: string | null;
  private readonly extUrl: (path: string) => string;
  private bytes: Uint8Array | null = null;

  constructor(private readonly deps: ReaderDeps) {
    this.pdfUrl = pdfUrlFromReader(deps.win.location.href);
    this.siteKey = this.pdfUrl ? siteKeyFor(this.pdfUrl) : null;
    this.extUrl = deps.browser.runtime.getURL as (path: string) => string;
  }

  async start(): Promise<void> {
    const { browser, doc, win } = this.deps;
    const t = translator(autoLocale(browser.i18n.getUILanguage(), doc.documentElement.lang));
    this.ui = buildUi(doc, t, this.pdfUrl);
    (win as unknown as { __kanjianReader: ReaderProbe }).__kanjianReader = this.probe;
    this.wire();
    if (!this.pdfUrl) return this.fail('no-file');
    doc.title = t('pdfReaderTitle', fileName(this.pdfUrl));
    const [prefs, settings] = await Promise.all([loadPdfPrefs(browser.storage.local, this.siteKey), loadSettings(browser.storage.local, this.siteKey)]);
    this.ui.siteDefault.checked = prefs.openInReader;
    // Reflow is the default in 长辈模式; otherwise the pages as printed, until the user picks a view for this site.
    this.setView(prefs.view ?? (elderPresetOn(settings.site) ? 'reflow' : 'page'), false);
    try {
      // The library loads while the file downloads.
      const lib = loadPdfjs(this.extUrl);
      this.bytes = await fetchPdfBytes(this.pdfUrl);
      this.lib = await lib;
      await this.open();
    } catch (err) {
      if (err instanceof PdfLoadError) this.fail(err.reason, err.detail);
      else {
        log('open failed', err);
        this.fail('broken', String(err));
      }
    }
  }

  private async open(password?: string): Promise<void> {
    const lib = this.lib;
    if (!this.bytes || !lib) return;
    // pdf.js takes ownership of the buffer it is given: hand it a copy so a retry (password) can reuse ours.
    const data = this.bytes.slice();
    const { doc } = await openPdf((bytes) => lib.getDocument({ ...documentParams(bytes, this.extUrl), ...(password ? { password } : {}) }), data);
    this.pdf = doc;
    this.probe.numPages = doc.numPages;
    this.ui.alert.hidden = true;
    this.ui.status.textContent = this.ui.t('pdfLoadingPages', 1, doc.numPages);
    // First page first: readable text on screen before the rest of a long document is read.
    const first = await pageText(doc, 1);
    const info = await documentInfo(doc, first.structTree);
    this.probe.info = info;
    if (info.title) this.deps.doc.title = this.ui.t('pdfReaderTitle', info.title);
    this.ui.title.textContent = info.title ?? fileName(this.pdfUrl ?? '');
    const lang = info.language ?? 'zh-CN';
    this.deps.doc.documentElement.lang = lang;
    this.ui.article.lang = lang;
    const simplified = isSimplified(info.language, first.items.map((i) => ('str' in i ? i.str : '')).join(''));
    this.pagesText = [first];
    this.showBlocks(reflowDocument(this.pagesText, { simplified }));
    if (this.probe.view === 'page') await this.ensurePageView();
    this.markFirstText();
    this.startController();
    const rest = await documentText(doc, 2, (n, total) => {
      this.ui.status.textContent = this.ui.t('pdfLoadingPages', n, total);
    });
    this.pagesText.push(...rest);
    this.showBlocks(reflowDocument(this.pagesText, { simplified }));
    this.probe.allTextMs = Math.round(this.deps.win.performance.now());
    const chars = textLength(this.pagesText);
    this.probe.check = checkPdfBasics(info, chars);
    if (chars === 0) {
      this.probe.error = 'scanned';
      this.showAlert('scanned');
      this.setView('page', false);
    }
    await this.buildOutline(doc);
    this.ui.status.textContent = this.ui.t('pdfReady', doc.numPages);
    this.probe.state = 'ready';
    // The libraries 显示屏·拼音 and 纯文本 use: the content script has them injected, the reader loads them.
    void preloadLibs(this.deps.doc, this.extUrl);
  }

  /**
   * The toolbar and aids, started once the document's text is on the page (or the reader failed):
   * 繁简 detects the page's script from its text, and the reader's own labels alone would say 简体.
   */
  private startController(): void {
    if (this.probe.controller) return;
    const { browser, doc, win } = this.deps;
    this.probe.controller = startReaderController({ browser, doc, win, siteKey: this.siteKey, audit: () => this.showCheck(), log });
  }

  private markFirstText(): void {
    if (this.probe.firstTextMs !== null) return;
    // After layout: the text is on screen when the next frame paints.
    this.deps.win.requestAnimationFrame(() => {
      this.probe.firstTextMs = Math.round(this.deps.win.performance.now());
    });
  }

  private showBlocks(blocks: ReflowBlock[]): void {
    this.blocks = blocks;
    renderBlocks(this.ui.article, blocks);
    if (this.lastQuery) this.runSearch(this.lastQuery, 0);
  }

  private async ensurePageView(): Promise<void> {
    if (!this.pdf || !this.lib) return;
    if (!this.pageView) {
      this.pageView = new PageView(this.ui.pages, this.lib, this.pdf, (n) => this.ui.t('pdfPageLabel', n));
      await this.pageView.build(100);
    }
    this.ui.zoomLevel.textContent = `${this.pageView.zoom}%`;
  }

  setView(view: ReaderView, remember = true): void {
    const before = this.probe.view;
    // Keep the reader's place: the page it was on, in the other view.
    const page = before === 'page' ? this.pageView?.currentPage() : this.visibleBlockPage();
    this.probe.view = view;
    for (const [v, b] of Object.entries(this.ui.viewButtons)) b.setAttribute('aria-pressed', String(v === view));
    this.ui.article.hidden = view !== 'reflow';
    this.ui.pages.hidden = view !== 'page';
    this.ui.zoomGroup.hidden = view !== 'page';
    if (view === 'page') void this.ensurePageView().then(() => page && before !== view && this.pageView?.scrollToPage(page));
    else if (page && before !== view) this.scrollReflowToPage(page);
    if (remember) {
      void savePdfPrefs(this.deps.browser.storage.local, this.siteKey, { view });
      this.ui.status.textContent = this.ui.t('pdfViewChanged', this.ui.t(view === 'page' ? 'pdfViewPage' : 'pdfViewReflow'));
    }
  }

  private visibleBlockPage(): number | undefined {
    const top = this.deps.win.innerHeight / 3;
    for (const el of this.ui.article.children) {
      if ((el as HTMLElement).getBoundingClientRect().bottom > top) return Number((el as HTMLElement).dataset.page) || undefined;
    }
    return undefined;
  }

  private scrollReflowToPage(page: number): void {
    const el = [...this.ui.article.children].find((c) => Number((c as HTMLElement).dataset.page) >= page);
    el?.scrollIntoView({ block: 'start' });
  }

  private fail(reason: LoadFailureReason | 'scanned' | 'no-file', detail = ''): void {
    this.startController();
    this.probe.state = 'error';
    this.probe.error = reason;
    this.ui.status.textContent = '';
    this.showAlert(reason, detail);
  }

  private showAlert(reason: LoadFailureReason | 'scanned' | 'no-file', detail = ''): void {
    const { doc } = this.deps;
    const alert = this.ui.alert;
    const msg = h(doc, 'p', {}, this.ui.t(ERROR_KEYS[reason], detail));
    alert.replaceChildren(msg);
    if (reason === 'password') alert.append(this.passwordForm());
    if (this.pdfUrl && reason !== 'no-file') {
      const p = h(doc, 'p');
      p.append(h(doc, 'a', { href: this.pdfUrl }, this.ui.t('pdfOriginal')));
      alert.append(p);
    }
    alert.hidden = false;
  }

  private passwordForm(): HTMLFormElement {
    const { doc } = this.deps;
    const form = h(doc, 'form', { class: 'kjr-password' });
    const label = h(doc, 'label', {}, this.ui.t('pdfPassword'));
    const input = h(doc, 'input', { type: 'password', autocomplete: 'off' });
    label.append(input);
    const submit = h(doc, 'button', { type: 'submit' }, this.ui.t('pdfPasswordOpen'));
    const note = h(doc, 'p', { role: 'status' });
    form.append(label, submit, note);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.probe.state = 'loading';
      this.probe.error = null;
      void this.open(input.value).catch((err: unknown) => {
        this.probe.state = 'error';
        this.probe.error = err instanceof PdfLoadError ? err.reason : 'broken';
        note.textContent = err instanceof PdfLoadError && err.reason === 'password' ? this.ui.t('pdfPasswordWrong') : this.ui.t('pdfErrorBroken');
      });
    });
    return form;
  }

  private async buildOutline(doc: PDFDocumentProxy): Promise<void> {
    const outline = await doc.getOutline().catch(() => null);
    const d = this.deps.doc;
    type Item = { title: string; dest: unknown; items: Item[] };
    const list = (items: Item[], depth: number): HTMLOListElement => {
      const ol = h(d, 'ol');
      for (const item of items) {
        const li = h(d, 'li');
        const btn = h(d, 'button', { type: 'button' }, item.title);
        btn.addEventListener('click', () => void this.goToOutline(item.title, item.dest));
        li.append(btn);
        if (item.items.length && depth < 3) li.append(list(item.items, depth + 1));
        ol.append(li);
      }
      return ol;
    };
    const items: Item[] = outline?.length
      ? (outline as unknown as Item[])
      : this.blocks.filter((b) => b.kind === 'heading' && b.level <= 3).map((b) => ({ title: (b as { text: string }).text, dest: null, items: [] }));
    if (!items.length) return;
    const details = h(d, 'details');
    details.append(h(d, 'summary', {}, this.ui.t('pdfOutline')), list(items, 1));
    this.ui.outline.replaceChildren(details);
    this.ui.outline.hidden = false;
  }

  private async goToOutline(title: string, dest: unknown): Promise<void> {
    if (this.probe.view === 'reflow') {
      const norm = (s: string): string => s.replace(/\s+/g, '');
      const want = norm(title);
      const heading = [...this.ui.article.querySelectorAll<HTMLElement>('h1,h2,h3,h4,h5,h6')].find((el) => norm(el.textContent ?? '') === want);
      if (heading) {
        heading.tabIndex = -1;
        heading.scrollIntoView({ block: 'start' });
        heading.focus({ preventScroll: true });
        return;
      }
    }
    const page = await this.destPage(dest);
    if (!page) return;
    if (this.probe.view === 'page') this.pageView?.scrollToPage(page);
    else this.scrollReflowToPage(page);
  }

  private async destPage(dest: unknown): Promise<number | null> {
    if (!this.pdf || !dest) return null;
    try {
      const explicit = typeof dest === 'string' ? await this.pdf.getDestination(dest) : (dest as unknown[]);
      const ref = explicit?.[0];
      if (typeof ref === 'number') return ref + 1;
      if (ref && typeof ref === 'object') return (await this.pdf.getPageIndex(ref as { num: number; gen: number })) + 1;
    } catch (err) {
      log('outline destination', err);
    }
    return null;
  }

  private runSearch(query: string, dir: 1 | -1 | 0): void {
    const q = query.trim();
    if (q !== this.lastQuery || dir === 0) {
      this.lastQuery = q;
      this.matches = q ? searchIn(this.ui.article, q) : [];
      this.matchIndex = this.matches.length ? 0 : -1;
    } else if (this.matches.length) {
      this.matchIndex = (this.matchIndex + dir + this.matches.length) % this.matches.length;
    }
    if (!q) {
      clearMatches(this.deps.win);
      this.ui.searchStatus.textContent = '';
      return;
    }
    if (!this.matches.length) {
      clearMatches(this.deps.win);
      this.ui.searchStatus.textContent = this.ui.t('pdfSearchNone', q);
      return;
    }
    this.ui.searchStatus.textContent = this.ui.t('pdfSearchCount', this.matchIndex + 1, this.matches.length);
    if (this.probe.view === 'reflow') showMatches(this.deps.win, this.matches, this.matchIndex);
    else this.pageView?.scrollToPage((this.matches[this.matchIndex] as SearchMatch).page);
  }

  private async showCheck(): Promise<void> {
    const findings = this.probe.check;
    if (!findings) return;
    const d = this.deps.doc;
    const t = this.ui.t;
    const ul = h(d, 'ul');
    for (const f of findings) ul.append(h(d, 'li', { 'data-passed': String(f.passed) }, `${f.passed ? '✓' : '需复核'}\u3000${f.reason}`));
    this.ui.check.replaceChildren(h(d, 'h2', {}, t('pdfCheckTitle')), ul);
    this.ui.check.hidden = false;
    this.ui.check.scrollIntoView({ block: 'start' });
  }

  private wire(): void {
    const ui = this.ui;
    ui.viewButtons.reflow.addEventListener('click', () => this.setView('reflow'));
    ui.viewButtons.page.addEventListener('click', () => this.setView('page'));
    const zoom = (dir: 1 | -1): void => {
      if (!this.pageView) return;
      this.pageView.setZoom(nextZoom(this.pageView.zoom, dir));
      ui.zoomLevel.textContent = `${this.pageView.zoom}%`;
    };
    ui.zoomOut.addEventListener('click', () => zoom(-1));
    ui.zoomIn.addEventListener('click', () => zoom(1));
    ui.search.form?.addEventListener('submit', (e) => {
      e.preventDefault();
      this.runSearch(ui.search.value, 1);
    });
    ui.searchPrev.addEventListener('click', () => this.runSearch(ui.search.value, -1));
    ui.search.addEventListener('input', () => this.runSearch(ui.search.value, 0));
    ui.siteDefault.addEventListener('change', () => void savePdfPrefs(this.deps.browser.storage.local, this.siteKey, { openInReader: ui.siteDefault.checked }));
  }

  /** The document's text as the reflow view has it (tests, diagnostics). */
  text(): string {
    return blocksText(this.blocks);
  }
}

export function startReader(deps: ReaderDeps): Reader {
  const reader = new Reader(deps);
  void reader.start().catch((err: unknown) => log('reader failed', err));
  return reader;
}
