import type { ControlSpec, PageContext } from '../display/aid';
import { AIDS } from '../display/registry';
import { CONTROLS } from '../toolbar/controls';
import { autoLocale, translator, type UiLocale } from '../i18n/messages';
import type { PageState } from '../messaging/protocol';
import { loadSettings, parseGlobal, parseSite, siteStorageKey, updateSite, GLOBAL_KEY, type KeyValueArea } from '../settings/store';
import type { GlobalSettings, SiteSettings } from '../settings/schema';
import { siteKeyFor } from '../settings/origin';
import { ToolbarView } from '../toolbar/toolbar';
import { PageStyle } from '../display/page-style';

export interface StorageChange {
  newValue?: unknown;
  oldValue?: unknown;
}

export interface ControllerEnv {
  page: PageContext;
  storage: KeyValueArea;
  /** Browser UI language, for the 'auto' language choice. */
  uiLanguage: string;
  /** Mounts the shadow-root UI and returns the container to render into. */
  mountUi(): Promise<HTMLElement>;
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

  constructor(private readonly env: ControllerEnv) {
    this.siteKey = siteKeyFor(env.page.win.location.href);
    this.push = new PageStyle(env.page.doc, 'toolbar-space');
  }

  async start(): Promise<void> {
    const loaded = await loadSettings(this.env.storage, this.siteKey);
    if (loaded.rejected.length) this.env.log('ignored invalid stored settings:', loaded.rejected.join(', '));
    this.site = loaded.site;
    this.global = loaded.global;
    this.applyAids(null);
    if (isUiDocument(this.env.page.doc)) await this.ensureUi();
  }

  get settings(): SiteSettings {
    return this.site;
  }

  get locale(): UiLocale {
    if (this.global.uiLanguage !== 'auto') return this.global.uiLanguage;
    return autoLocale(this.env.uiLanguage, this.env.page.doc.documentElement?.lang);
  }

  state(): PageState {
    return { siteKey: this.siteKey, settings: { ...this.site } };
  }

  /** Called with storage.onChanged for the local area. */
  onStorageChanged(changes: Record<string, StorageChange>): void {
    const siteChange = this.siteKey ? changes[siteStorageKey(this.siteKey)] : undefined;
    const globalChange = changes[GLOBAL_KEY];
    if (!siteChange && !globalChange) return;
    const before = this.site;
    if (siteChange) this.site = parseSite(siteChange.newValue);
    if (globalChange) {
      this.global = parseGlobal(globalChange.newValue);
      this.view?.setLocale(translator(this.locale));
    }
    this.applyAids(before);
    void this.ensureUi();
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

  /** Applies a change at once, then stores it; the storage echo re-applies the same values (idempotent). */
  private async change(patch: Partial<SiteSettings>): Promise<void> {
    const before = this.site;
    this.site = { ...this.site, ...patch };
    this.applyAids(before);
    this.updateView();
    if (!this.siteKey) return;
    try {
      await updateSite(this.env.storage, this.siteKey, patch);
    } catch (err) {
      this.env.log('could not save settings', err);
    }
  }

  private applyAids(before: SiteSettings | null): void {
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
    this.updateView();
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
        this.view = new ToolbarView(container, CONTROLS, translator(this.locale), {
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
    const result = control.run(this.site);
    if (!result) return;
    if (Object.keys(result.patch).length) await this.change(result.patch);
    if (result.announce) this.view?.announce(result.announce);
  }

  private updateView(): void {
    if (!this.view) return;
    this.view.update(this.site, this.global.showLauncher);
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
