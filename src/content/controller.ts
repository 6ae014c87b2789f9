import type { PageContext } from '../display/aid';
import { provideScriptConverter } from '../display/script-convert';
import { revealEarlyHidden } from '../shared/early-reveal';
import { detectPageScript, type ConvertState, type DictLoader } from '../convert/page/feature';
import { auditFailure } from '../audit/failure';
import { autoLocale, translator, type UiLocale } from '../i18n/messages';
import type { PageState } from '../messaging/protocol';
import { siteKeyFor } from '../settings/origin';
import type { GlobalSettings, SiteSettings } from '../settings/schema';
import { loadSettings, parseGlobal, parseSite, siteStorageKey, GLOBAL_KEY, type KeyValueArea } from '../settings/store';
import { sameSettings, SettingsSync } from '../settings/sync';
import { ToolbarView } from '../toolbar/toolbar';
import type { Announcement, ControlContext, ControlSpec } from '../toolbar/types';
import type { Feature, FeatureDef, FeatureHost, FeatureState, ScriptService, TabFrames } from './feature';
import type { FrameMessage } from '../messaging/protocol';
import { FEATURES } from './registry';
import { isUiDocument } from '../shared/ui-document';

export { isUiDocument } from '../shared/ui-document';

export interface StorageChange {
  newValue?: unknown;
  oldValue?: unknown;
}

/** The longest an audit may keep the user's aids off (a stopped background never resumes them). */
const AUDIT_SUSPEND_LIMIT_MS = 120_000;
/** How long the audit waits for a frame to be drawn without the aids, where no frame comes. */
const SUSPEND_FRAME_WAIT_MS = 100;

export interface ControllerEnv {
  page: PageContext;
  /** The site whose settings apply; default: the page's own origin. (The PDF reader, an extension page, passes the PDF's.) */
  siteKey?: string | null;
  storage: KeyValueArea;
  /** Browser UI language, for the 'auto' language choice. */
  uiLanguage: string;
  /** Mounts the shadow-root UI and returns the container to render into. */
  mountUi(): Promise<HTMLElement>;
  /** False in a frame that follows the tab without a toolbar or launcher of its own (default true). */
  ui?: boolean;
  /** The tab's other frames (content pages); absent where the page stands alone (PDF reader, tests). */
  tab?: TabFrames;
  /** Reads one of the extension's compiled conversion dictionaries. */
  loadDict: DictLoader;
  /** Asks the background to audit this tab. */
  startAudit(): Promise<void>;
  log(...args: unknown[]): void;
  /** The capabilities, in order (tests give their own; the registry otherwise). */
  features?: readonly FeatureDef[];
}

/**
 * Runs kanjian in one page: applies the stored settings through every feature at document_start,
 * owns the toolbar, and follows storage changes, so the popup, other tabs of the same site and the
 * toolbar share one path: change a setting → storage → every feature applies it → one render.
 */
export class PageController {
  readonly siteKey: string | null;
  private site!: SiteSettings;
  private global!: GlobalSettings;
  /** What the features were last asked to show (null: nothing yet, or after an audit). */
  private applied: FeatureState | null = null;
  private readonly features: Feature[];
  private readonly controls: readonly ControlSpec[];
  private script: ScriptService;
  private view: ToolbarView | null = null;
  private viewLocale: UiLocale | null = null;
  private mounting: Promise<void> | null = null;
  private readonly sync: SettingsSync;
  private auditing = false;
  private auditTimer: ReturnType<typeof setTimeout> | null = null;
  private revealed = false;
  private disposed = false;

  constructor(private readonly env: ControllerEnv) {
    this.siteKey = env.siteKey !== undefined ? env.siteKey : siteKeyFor(env.page.win.location.href);
    this.sync = new SettingsSync({ area: env.storage, siteKey: this.siteKey, settled: (site, global) => this.applyStored(site, global), log: env.log });
    // Until 繁简转换 offers its own, the page's script is read from the page and text is shown as is.
    this.script = {
      state: () => {
        const { script } = detectPageScript(env.page.doc);
        return { pageScript: script, shownAs: script };
      },
      convertText: async (text) => text,
    };
    const host: FeatureHost = {
      page: env.page,
      siteKey: this.siteKey,
      log: env.log,
      locale: () => this.locale,
      convertState: () => this.script.state(),
      convertText: (text, target) => this.script.convertText(text, target),
      announce: (a) => this.announce(a),
      overlayRoot: () => (this.view ? (this.view.root.getRootNode() as ShadowRoot) : null),
      changed: () => this.render(),
      startAudit: () => void env.startAudit().catch((err: unknown) => this.announce(auditFailure(err))),
      resetPatch: () => Object.assign({}, ...this.features.map((f) => f.resetPatch)) as Partial<SiteSettings>,
      provideScript: (service) => {
        this.script = service;
      },
      loadDict: (file) => env.loadDict(file),
      tab: env.tab ?? null,
    };
    this.features = (env.features ?? FEATURES).filter((def) => env.ui !== false || !def.uiFrameOnly).map((def) => def.create(host));
    this.controls = this.features.flatMap((f) => f.controls);
    // The caption band converts with the page's own converter.
    provideScriptConverter((text, target) => this.script.convertText(text, target));
  }

  async start(): Promise<void> {
    try {
      const loaded = await loadSettings(this.env.storage, this.siteKey);
      if (loaded.rejected.length) this.env.log('ignored invalid stored settings:', loaded.rejected.join(', '));
      this.site = loaded.site;
      this.global = loaded.global;
      const applying = this.applyAll(true);
      if (this.env.ui !== false && isUiDocument(this.env.page.doc)) await this.ensureUi();
      await applying;
    } finally {
      this.reveal();
    }
  }

  /** Shows a page that public/early.css kept hidden until our aids were applied (only where it is registered). */
  private reveal(): void {
    if (this.revealed) return;
    this.revealed = true;
    revealEarlyHidden(this.env.page.doc, this.env.page.win);
  }

  get settings(): SiteSettings {
    return this.site;
  }

  get locale(): UiLocale {
    if (this.global.uiLanguage !== 'auto') return this.global.uiLanguage;
    const locale = autoLocale(this.env.uiLanguage, this.env.page.doc.documentElement?.lang);
    if (locale === 'en') return locale;
    // On a page shown in Traditional the toolbar speaks Traditional, and the other way round.
    const st = this.script.state();
    return st.shownAs === 'traditional' ? 'zh-TW' : locale === 'zh-TW' && st.shownAs !== st.pageScript ? 'zh-CN' : locale;
  }

  state(): PageState {
    return { siteKey: this.siteKey, settings: { ...this.site }, convert: this.script.state() };
  }

  controlContext(): ControlContext {
    const st: ConvertState = this.script.state();
    const base: ControlContext = { global: this.global, pageScript: st.pageScript, shownAs: st.shownAs };
    return Object.assign(base, ...this.features.map((f) => f.controlContext?.() ?? {})) as ControlContext;
  }

  /** Another frame of the tab asks the top frame something: the first feature that knows answers. */
  async frameMessage(from: number, msg: FrameMessage): Promise<unknown> {
    for (const f of this.features) {
      const answer = f.onFrameMessage?.(from, msg);
      if (answer !== undefined) return answer;
    }
    return null;
  }

  /** A feature by id, for diagnostics (read-aloud's log); the controller itself never needs one. */
  feature(id: string): Feature | undefined {
    return this.features.find((f) => f.id === id);
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
    if (sameSettings(site, this.site) && sameSettings(global, this.global)) return;
    this.site = site;
    this.global = global;
    void this.ensureUi();
    void this.applyAll();
  }

  async setToolbarOpen(open: boolean | 'toggle', focus = true): Promise<PageState> {
    const want = open === 'toggle' ? !this.site.toolbarOpen : open;
    // Shown and focused as soon as it is applied; the write to storage finishes behind it.
    const { applied, saved } = this.changeNow({ toolbarOpen: want });
    await applied;
    await this.ensureUi();
    this.view?.announce({ key: want ? 'toolbarOpened' : 'toolbarClosed' });
    if (focus) {
      if (want) this.view?.focusToolbar();
      else if (!this.view?.focusLauncher()) this.view?.leave();
    }
    await saved;
    return this.state();
  }

  /** Applies a change at once, then stores it (queued: see SettingsSync). */
  private async change(patch: Partial<SiteSettings>, globalPatch?: Partial<GlobalSettings>): Promise<void> {
    const { applied, saved } = this.changeNow(patch, globalPatch);
    await saved;
    await applied;
  }

  /** The settings changed here and now: applying them and storing them, both under way. */
  private changeNow(patch: Partial<SiteSettings>, globalPatch?: Partial<GlobalSettings>): { applied: Promise<void>; saved: Promise<void> } {
    this.site = { ...this.site, ...patch };
    if (globalPatch) this.global = { ...this.global, ...globalPatch };
    const applied = this.applyAll();
    return { applied, saved: this.sync.save(patch, globalPatch) };
  }

  /**
   * Every feature, in order, follows the settings; then the toolbar renders once. Features after an
   * asynchronous one (read-aloud after 繁简转换) see its result.
   */
  private async applyAll(fresh = false): Promise<void> {
    if (this.auditing || this.disposed) return;
    const before = fresh ? null : this.applied;
    const now: FeatureState = { site: this.site, global: this.global, siteKey: this.siteKey };
    this.applied = now;
    for (const f of this.features) {
      try {
        await f.apply(now, before);
      } catch (err) {
        // A feature must never break the page: log and go on with the others.
        this.env.log(`feature ${f.id} failed`, err);
      }
      if (this.auditing || this.disposed) return;
    }
    this.render();
  }

  /**
   * The audit sees the page as its author made it: every feature off the page, our toolbar hidden
   * (and excluded by reference). resumeAfterAudit puts everything back exactly as the user had it; if
   * the background never says so (it was stopped mid-audit), the page comes back by itself.
   */
  async suspendForAudit(): Promise<void> {
    if (this.auditing || this.disposed) return;
    this.auditing = true;
    for (const f of this.features) {
      try {
        f.suspend();
      } catch (err) {
        this.env.log(`feature ${f.id} failed to suspend`, err);
      }
    }
    this.view?.setSuspended(true);
    this.auditTimer = setTimeout(() => void this.resumeAfterAudit(), AUDIT_SUSPEND_LIMIT_MS);
    // One frame so the page is restyled without the aids before axe looks. A frame the browser does
    // not render (a cross-origin frame far below the fold, a hidden tab) gets no animation frame at
    // all: then a short wait instead, or the audit would wait for it for ever.
    await new Promise<void>((r) => {
      const done = (): void => {
        clearTimeout(timer);
        r();
      };
      const timer = setTimeout(done, SUSPEND_FRAME_WAIT_MS);
      this.env.page.win.requestAnimationFrame(done);
    });
  }

  async resumeAfterAudit(): Promise<void> {
    if (!this.auditing) return;
    if (this.auditTimer) clearTimeout(this.auditTimer);
    this.auditTimer = null;
    this.auditing = false;
    this.view?.setSuspended(false);
    await this.applyAll(true);
  }

  /**
   * kanjian is going away from this page (extension updated, disabled or removed): every feature
   * takes itself off the page, the toolbar goes, and nothing of ours is left running.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.auditTimer) clearTimeout(this.auditTimer);
    for (const f of [...this.features].reverse()) {
      try {
        f.dispose();
      } catch (err) {
        this.env.log(`feature ${f.id} failed to dispose`, err);
      }
    }
    provideScriptConverter(null);
    if (this.view) {
      const host = (this.view.root.getRootNode() as ShadowRoot).host as Element | undefined;
      this.view.destroy();
      host?.remove();
    }
    this.view = null;
  }

  /** Presses a toolbar control by id, as a command does (e.g. Alt+Shift+F → 'convert'). */
  async pressControl(id: string): Promise<PageState> {
    const control = this.controls.find((c) => c.id === id);
    if (control) await this.runControl(control);
    return this.state();
  }

  private async ensureUi(): Promise<void> {
    if (this.disposed || this.env.ui === false) return;
    const needUi = this.site.toolbarOpen || this.global.showLauncher;
    if (!needUi || this.view) {
      this.render();
      return;
    }
    this.mounting ??= (async () => {
      let container: HTMLElement;
      try {
        container = await this.env.mountUi();
      } catch (err) {
        this.env.log('toolbar not shown:', err instanceof Error ? err.message : err);
        return;
      }
      if (this.disposed) return;
      this.viewLocale = this.locale;
      this.view = new ToolbarView(container, this.controls, translator(this.viewLocale), {
        onControl: (c) => void this.runControl(c),
        onClose: () => void this.setToolbarOpen(false),
        onOpen: () => void this.setToolbarOpen(true),
      });
      this.render();
    })();
    await this.mounting;
  }

  /** The last press's turn to announce: presses announce in the order they were made. */
  private announcing: Promise<void> = Promise.resolve();

  private async runControl(control: ControlSpec): Promise<void> {
    if (this.disposed) return;
    const result = control.run(this.site, this.controlContext());
    if (!result) return;
    const patch = result.patch ?? {};
    const changed = Object.keys(patch).length || result.globalPatch ? this.change(patch, result.globalPatch) : Promise.resolve();
    // A quick second press (say 页面已是最大, with nothing to store) must not be announced before the
    // first (页面已放大到300%, announced once stored), which would then be the last word heard.
    const previous = this.announcing;
    const turn = changed.then(() => previous);
    this.announcing = turn.catch(() => undefined);
    await turn;
    if (result.announce) {
      this.view?.announce(result.announce);
      for (const f of this.features) f.announced?.(control.id, result.announce);
    }
  }

  private announce(a: Announcement): void {
    this.view?.announce(a);
  }

  /** The toolbar shows the settings (labels change only when kanjian's language does). */
  private render(): void {
    if (!this.view || this.disposed) return;
    const locale = this.locale;
    if (locale !== this.viewLocale) {
      this.viewLocale = locale;
      this.view.setLocale(translator(locale));
    }
    this.view.update(this.site, this.controlContext());
  }
}
