import type { ControlContext, ControlSpec, PageContext } from '../display/aid';
import { AIDS } from '../display/registry';
import { buildControls } from '../toolbar/controls';
import { ConvertFeature, type DictLoader } from '../convert/page/feature';
import type { AxeResults } from 'axe-core';
import { autoLocale, translator, type UiLocale } from '../i18n/messages';
import type { PageState } from '../messaging/protocol';
import { loadSettings, parseGlobal, parseSite, siteStorageKey, GLOBAL_KEY, type KeyValueArea } from '../settings/store';
import { sameSettings, SettingsSync } from '../settings/sync';
import type { GlobalSettings, SiteSettings } from '../settings/schema';
import { siteKeyFor } from '../settings/origin';
import { ToolbarView } from '../toolbar/toolbar';
import { PageStyle } from '../display/page-style';
import { SPEECH_OFF, SpeechFeature } from '../speech/feature';
import { createTtsClientEngine } from '../speech/tts-client';

export interface StorageChange {
  newValue?: unknown;
  oldValue?: unknown;
}

export interface ControllerEnv {
  page: PageContext;
  /** The site whose settings apply; default: the page's own origin. (The PDF reader, an extension page, passes the PDF's.) */
  siteKey?: string | null;
  storage: KeyValueArea;
  /** Browser UI language, for the 'auto' language choice. */
  uiLanguage: string;
  /** Mounts the shadow-root UI and returns the container to render into. */
  mountUi(): Promise<HTMLElement>;
  /** Reads one of the extension's compiled conversion dictionaries. */
  loadDict: DictLoader;
  /** Asks the background to audit this tab. */
  startAudit(): Promise<void>;
  log(...args: unknown[]): void;
}

/** Documents where kanjian shows its UI: real HTML pages, not XML, SVG, plain text or framesets. */
export function isUiDocument(doc: Document): boolean {
  const type = doc.contentType;
  if (type !== 'text/html' && type !== 'application/xhtml+xml') return false;
  return doc.documentElement?.localName === 'html';
}

/**
 * Runs kanjian in one page: applies the stored aids at document_start, owns the toolbar, and
 * follows storage changes so the popup, other tabs of the same site and the toolbar share one path:
 * change a setting → storage → apply.
 */
export class PageController {
  readonly siteKey: string | null;
  private site!: SiteSettings;
  private global!: GlobalSettings;
  private view: ToolbarView | null = null;
  private mounting: Promise<void> | null = null;
  private readonly push: PageStyle;
  private resizeObserver: ResizeObserver | null = null;
  readonly convert: ConvertFeature;
  readonly speech: SpeechFeature;
  private readonly controls: readonly ControlSpec[];
  private readonly sync: SettingsSync;

  constructor(private readonly env: ControllerEnv) {
    this.siteKey = env.siteKey !== undefined ? env.siteKey : siteKeyFor(env.page.win.location.href);
    this.sync = new SettingsSync({ area: env.storage, siteKey: this.siteKey, settled: (site, global) => this.applyStored(site, global), log: env.log });
    this.push = new PageStyle(env.page.doc, 'toolbar-space');
    this.convert = new ConvertFeature(env.page.doc, env.loadDict, env.log);
    this.speech = new SpeechFeature({
      doc: env.page.doc,
      win: env.page.win,
      overlayRoot: () => (this.view ? (this.view.root.getRootNode() as ShadowRoot) : null),
      fallback: createTtsClientEngine,
      changed: () => this.updateView(),
      notify: (a) => this.view?.announce(a),
    });
    this.controls = buildControls({
      siteKey: () => this.siteKey,
      startAudit: () =>
        void env.startAudit().catch((err: unknown) => this.view?.announce({ key: 'auditFailed', params: [err instanceof Error ? err.message : String(err)] })),
    });
  }

  async start(): Promise<void> {
    try {
      await this.startInner();
    } finally {
      this.reveal();
    }
  }

  private async startInner(): Promise<void> {
    const loaded = await loadSettings(this.env.storage, this.siteKey);
    if (loaded.rejected.length) this.env.log('ignored invalid stored settings:', loaded.rejected.join(', '));
    this.site = loaded.site;
    this.global = loaded.global;
    this.applyAids(null);
    const converting = this.applyConvert();
    if (isUiDocument(this.env.page.doc)) await this.ensureUi();
    await converting;
  }

  /**
   * Shows a page that public/early.css kept hidden until our aids were applied. Only our own variable
   * is set, so a page's own rules about <html> visibility keep working.
   */
  private reveal(): void {
    if (this.revealed) return;
    this.revealed = true;
    const root = this.env.page.doc.documentElement;
    // Only where early.css is registered (sites with aids): elsewhere the page is never touched.
    if (!root || this.env.page.win.getComputedStyle(root).animationName !== 'kanjian-reveal') return;
    new PageStyle(this.env.page.doc, 'reveal').set(':root{--kanjian-early:visible}');
  }

  private revealed = false;

  /** Brings the page's script in line with the settings, then refreshes the toolbar (labels follow the script). */
  private async applyConvert(): Promise<void> {
    if (this.auditing) return;
    await this.convert.update(this.site, this.global, this.siteKey);
    this.applySpeech(); // the voice follows the Chinese the page now shows
    this.view?.setLocale(translator(this.locale));
    this.updateView();
  }

  get settings(): SiteSettings {
    return this.site;
  }

  get locale(): UiLocale {
    if (this.global.uiLanguage !== 'auto') return this.global.uiLanguage;
    const locale = autoLocale(this.env.uiLanguage, this.env.page.doc.documentElement?.lang);
    if (locale === 'en') return locale;
    // On a page shown in Traditional the toolbar speaks Traditional, and the other way round.
    return this.convert.state().shownAs === 'traditional' ? 'zh-TW' : locale === 'zh-TW' && this.converted ? 'zh-CN' : locale;
  }

  private get converted(): boolean {
    const st = this.convert.state();
    return st.shownAs !== st.pageScript;
  }

  state(): PageState {
    return { siteKey: this.siteKey, settings: { ...this.site }, convert: this.convert.state() };
  }

  controlContext(): ControlContext {
    const st = this.convert.state();
    return { global: this.global, pageScript: st.pageScript, shownAs: st.shownAs, speech: this.speech.context() };
  }

  /** Called with storage.onChanged for the local area. */
  onStorageChanged(changes: Record<string, StorageChange>): void {
    const siteChange = this.siteKey ? changes[siteStorageKey(this.siteKey)] : undefined;
    const globalChange = changes[GLOBAL_KEY];
    if (!siteChange && !globalChange) return;
    // Echoes of our own queued writes are older than the page; the sync reads back once they are done.
    if (this.sync.busy) return;
    this.applyStored(siteChange ? parseSite(siteChange.newValue) : this.site, globalChange ? parseGlobal(globalChange.newValue) : this.global);
  }

  /** Applies stored settings that differ from what the page shows (a change made elsewhere). */
  private applyStored(site: SiteSettings, global: GlobalSettings): void {
    const siteChanged = !sameSettings(site, this.site);
    const globalChanged = !sameSettings(global, this.global);
    if (!siteChanged && !globalChanged) return;
    const before = this.site;
    this.site = site;
    if (globalChanged) {
      this.global = global;
      this.view?.setLocale(translator(this.locale));
    }
    this.applyAids(before);
    void this.ensureUi();
    void this.applyConvert();
  }

  async setToolbarOpen(open: boolean | 'toggle', focus = true): Promise<PageState> {
    const want = open === 'toggle' ? !this.site.toolbarOpen : open;
    await this.change({ toolbarOpen: want });
    await this.ensureUi();
    this.view?.announce({ key: want ? 'toolbarOpened' : 'toolbarClosed' });
    if (focus) {
      if (want) this.view?.focusToolbar();
      else if (!this.view?.focusLauncher()) this.view?.leave();
    }
    return this.state();
  }

  /** Applies a change at once, then stores it (queued: see SettingsSync). */
  private async change(patch: Partial<SiteSettings>, globalPatch?: Partial<GlobalSettings>): Promise<void> {
    const before = this.site;
    this.site = { ...this.site, ...patch };
    if (globalPatch) this.global = { ...this.global, ...globalPatch };
    this.applyAids(before);
    this.updateView();
    const converting = this.applyConvert();
    await this.sync.save(patch, globalPatch);
    await converting;
  }

  /**
   * Runs the injected axe on the page as its author made it: every aid off, conversion undone, our
   * toolbar hidden (and excluded), then everything put back exactly as the user had it.
   */
  async runAudit(run: () => Promise<AxeResults>): Promise<AxeResults> {
    const host = this.view ? ((this.view.root.getRootNode() as ShadowRoot).host as HTMLElement | undefined) : undefined;
    this.auditing = true;
    for (const aid of AIDS) {
      try {
        aid.remove(this.env.page);
      } catch (err) {
        this.env.log(`aid ${aid.id} failed to remove`, err);
      }
    }
    this.convert.suspend();
    this.push.remove();
    host?.style.setProperty('display', 'none', 'important');
    try {
      await new Promise((r) => this.env.page.win.requestAnimationFrame(() => r(undefined)));
      return await run();
    } finally {
      this.auditing = false;
      host?.style.removeProperty('display');
      this.applyAids(null);
      await this.applyConvert();
    }
  }

  private auditing = false;

  /** Popup / command: show the page in the other script or back. */
  async toggleConvert(): Promise<PageState> {
    const toggle = this.controls.find((c) => c.id === 'convert');
    if (toggle) await this.runControl(toggle);
    return this.state();
  }

  private applyAids(before: SiteSettings | null): void {
    if (this.auditing) return; // the audit sees the page without our aids; they come back after
    for (const aid of AIDS) {
      const value = this.site[aid.setting];
      if (before && before[aid.setting] === value) continue;
      try {
        aid.apply(this.env.page, value as never);
      } catch (err) {
        // An aid must never break the page: log and leave it off.
        this.env.log(`aid ${aid.id} failed`, err);
      }
    }
    this.applySpeech();
    this.updateView();
  }

  /** Read-aloud follows the settings like the aids (声音 off, e.g. after 重置/退出, stops it). */
  private applySpeech(): void {
    try {
      this.speech.apply({ site: this.site, global: this.global, convert: this.convert.state(), locale: this.locale });
    } catch (err) {
      this.env.log('speech failed', err);
    }
  }

  private async ensureUi(): Promise<void> {
    const needUi = this.site.toolbarOpen || this.global.showLauncher;
    if (!needUi || this.view) {
      this.updateView();
      return;
    }
    if (!this.mounting) {
      this.mounting = (async () => {
        let container: HTMLElement;
        try {
          container = await this.env.mountUi();
        } catch (err) {
          this.env.log('toolbar not shown:', err instanceof Error ? err.message : err);
          return;
        }
        this.view = new ToolbarView(container, this.controls, translator(this.locale), {
          onControl: (c) => void this.runControl(c),
          onClose: () => void this.setToolbarOpen(false),
          onOpen: () => void this.setToolbarOpen(true),
        });
        this.updateView();
      })();
    }
    await this.mounting;
  }

  private async runControl(control: ControlSpec): Promise<void> {
    const result = control.run(this.site, this.controlContext());
    if (!result) return;
    // 重置 and 退出 also switch read-aloud off (its settings are not display aids).
    const patch = { ...(result.patch ?? {}), ...(control.id === 'reset' || control.id === 'exit' ? SPEECH_OFF : {}) };
    if (Object.keys(patch).length || result.globalPatch) await this.change(patch, result.globalPatch);
    const error = this.convert.state().error;
    if (control.id === 'convert' && error) this.view?.announce({ key: 'convertFailed', params: [error] });
    else if (result.announce) this.view?.announce(result.announce);
    if (result.announce) this.speech.announce(control.id, result.announce, this.locale);
  }

  private updateView(): void {
    if (!this.view) return;
    this.view.update(this.site, this.controlContext());
    this.updatePush();
  }

  /** Pushes the page down by the toolbar's height so the toolbar never covers content. */
  private updatePush(): void {
    if (!this.view || !this.site.toolbarOpen) {
      this.resizeObserver?.disconnect();
      this.resizeObserver = null;
      this.push.remove();
      return;
    }
    const setMargin = (): void => {
      const h = Math.ceil(this.view?.height ?? 0);
      this.push.set(`html{margin-top:${h}px!important;scroll-padding-top:${h}px!important}`);
    };
    setMargin();
    if (!this.resizeObserver && typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(setMargin);
      this.resizeObserver.observe(this.view.bar);
    }
  }
}
