// Read-aloud in the page: follows the settings (声音/指读 per site; rate, volume, voice, dwell, skip-navigation,
// announce-actions everywhere) like the display aids do, owns the one ReadAloud of the page, and hands the
// toolbar's speech controls their state and commands. Made lazily: nothing is loaded, listened to or
// polled until 声音 is switched on for the site.
import { announcementText, type Announcement } from '../toolbar/types';
import type { ConvertState } from '../convert/page/feature';
import { translator, type Translator, type UiLocale } from '../i18n/messages';
import type { GlobalSettings, SiteSettings } from '../settings/schema';
import type { SpeechControlContext } from './control-context';
import { createWebSpeechEngine, type SpeechEngine } from './engine';
import { createFallbackEngine, pageActivation, type FallbackEngine } from './fallback-engine';
import { SpeechLog } from './log';
import { SpeechNotice } from './notice';
import { createReadAloud, type FrameReading, type FrameSentence, type ReadAloud } from './read-aloud';
import { reportInternal } from './safe';
import type { ChineseVariant, SpeechLocale } from './types';
import type { SpeechDiagnosticsReport } from './diagnostics';

export type { SpeechDiagnosticsReport } from './diagnostics';
import { detectPlatform, variantFromLang, voiceInstallHint, type Platform, type VoiceGroup } from './voices';
import { isUserInput } from '../shared/trusted';
import { Listeners } from '../shared/listeners';
import type { Feature, FeatureDef, FeatureState } from '../content/feature';
import { pathOfFrameElement } from '../content/frames';
import type { FrameMessage } from '../messaging/protocol';
import { speechControls } from './controls';
import { createTtsClientEngine } from './tts-client';

export interface SpeechFeatureEnv {
  doc: Document;
  win: Window;
  /** The toolbar's shadow root, once mounted: the 指读 outline and the no-voice notice go there. */
  overlayRoot(): ShadowRoot | null;
  /** Makes the chrome.tts fallback (content side); absent where there is none. */
  fallback?: (() => SpeechEngine | null) | null;
  /** Speech state changed (speaking/paused/idle, voices loaded): refresh the toolbar. */
  changed(): void;
  /** Say something in the toolbar's live region. */
  notify(a: Announcement): void;
  /** Tests: an engine instead of Web Speech + chrome.tts. */
  engine?: SpeechEngine;
  /** The tab's frames, for 连读 through them (through the background); absent where the page stands alone. */
  frames?: FrameReading | null;
}

export interface SpeechInputs {
  site: SiteSettings;
  global: GlobalSettings;
  convert: ConvertState;
  locale: UiLocale;
}


/** The per-site speech settings at their defaults: 重置 and 退出 add these to their patch. */
export const SPEECH_OFF: Readonly<Pick<SiteSettings, 'speech' | 'pointReading'>> = { speech: false, pointReading: false };

/** Controls whose own effect is the feedback: their announcements are not spoken over the reading. */
const SILENT_CONTROLS = new Set(['speech-continuous', 'speech-pause', 'speech-stop', 'speech-previous', 'speech-next']);

/** Which Chinese the page shows: after 繁体版 conversion the target variant, else the page's own. */
export function variantFor(convert: ConvertState, global: Pick<GlobalSettings, 'traditionalTarget'>, pageLang: string | null): ChineseVariant {
  if (convert.shownAs === 'simplified') return 'cn';
  if (convert.pageScript === 'simplified') return global.traditionalTarget === 'twp' ? 'tw' : global.traditionalTarget;
  const v = variantFromLang(pageLang);
  return v === 'cn' ? 't' : v;
}

/** Asking for the voice list: tries (each waits up to the engine's deadline) and the pause between them. */
const VOICE_TRIES = 2;
const VOICE_RETRY_MS = 1000;

export class SpeechFeature {
  private ra: ReadAloud | null = null;
  private engine: FallbackEngine | null = null;
  private readonly log = new SpeechLog();
  private readonly notice: SpeechNotice;
  private inputs: SpeechInputs | null = null;
  private enabled = false;
  private pendingContinuous = false;
  private groups: VoiceGroup[] | null = null;
  private loading: Promise<void> | null = null;
  private variant: ChineseVariant | null = null;
  private applied = '';
  private keys = false;
  private announcedNoVoice = false;
  private voiceTries = 0;
  private voicesSettled = false;
  private disposed = false;
  private readonly pageListeners = new Listeners();
  private readonly keyListeners = new Listeners();

  constructor(private readonly env: SpeechFeatureEnv) {
    this.notice = new SpeechNotice(() => env.overlayRoot());
  }

  /** Settings → speech. Idempotent; the default settings (声音 off) stop everything. */
  apply(inputs: SpeechInputs): void {
    if (this.disposed) return;
    this.inputs = inputs;
    try {
      if (!inputs.site.speech) {
        this.enabled = false;
        this.pendingContinuous = false;
        if (this.ra?.getStatus().enabled) {
          this.ra.setPointReading(false);
          this.ra.setEnabled(false);
        }
        this.notice.hide();
        this.syncKeys();
        return;
      }
      const ra = this.ensure(inputs);
      const g = inputs.global;
      this.variant = variantFor(inputs.convert, g, this.env.doc.documentElement?.getAttribute('lang') ?? null);
      const wanted = JSON.stringify([inputs.locale, this.variant, g.speechRate, g.speechVolume, g.speechVoice, g.speechDwellMs, g.speechSkipNav]);
      if (wanted !== this.applied) {
        this.applied = wanted;
        ra.setLocale(inputs.locale as SpeechLocale);
        ra.setVariant(this.variant);
        ra.setRate(g.speechRate);
        ra.setVolume(g.speechVolume / 100);
        ra.setVoice(g.speechVoice || null);
        ra.setDwellMs(g.speechDwellMs);
        ra.setSkipNav(g.speechSkipNav);
      }
      // Only on change: applying runs on every settings change (e.g. a zoom step) and must not disturb reading.
      const st = ra.getStatus();
      if (!st.enabled) ra.setEnabled(true);
      if (st.pointReading !== inputs.site.pointReading) ra.setPointReading(inputs.site.pointReading);
      this.enabled = true;
      if (!this.groups) this.loadVoices();
      this.updateNotice();
      if (this.pendingContinuous) {
        this.pendingContinuous = false;
        void this.startContinuous();
      }
    } catch (error) {
      reportInternal('speech apply', error);
    }
  }

  /** For ControlContext.speech. */
  context(): SpeechControlContext {
    const st = this.ra?.getStatus();
    return {
      state: st?.state ?? 'idle',
      session: st?.session ?? null,
      voices: this.groups && (this.groups.length || this.voicesSettled) ? this.groups : null,
      noChineseVoice: this.noChineseVoice,
      voiceName: st?.voice?.name ?? null,
      continuous: () => this.continuous(),
      togglePause: () => this.ra?.togglePause(),
      stop: () => this.ra?.stop(),
      previous: () => this.ra?.previous(),
      next: () => this.ra?.next(),
      loadVoices: () => this.loadVoices(),
    };
  }

  /** Toolbar actions are also announced by voice while 声音 is on (unless switched off, or 连读 is going on). */
  announce(controlId: string, a: Announcement, locale: UiLocale): void {
    const ra = this.ra;
    if (!ra || !this.enabled || !this.inputs?.global.speechAnnounce || SILENT_CONTROLS.has(controlId)) return;
    const st = ra.getStatus();
    if (st.session === 'continuous' && st.state !== 'idle') return;
    const tr: Translator = translator(locale);
    void ra.speakText(announcementText(a, tr), locale);
  }

  /** In a frame: the parent's 连读 asks for this document's sentences (made ready even before 声音 is applied here). */
  async frameSentences(skipNav: boolean): Promise<FrameSentence[]> {
    if (this.disposed || !this.inputs) return [];
    return (this.ra ?? this.ensure(this.inputs)).frameSentences(skipNav);
  }

  showFrameSentence(index: number | null): void {
    this.ra?.showFrameSentence(index);
  }

  diagnostics(clearLog = false): SpeechDiagnosticsReport {
    const d = this.ra?.getDiagnostics();
    const report: SpeechDiagnosticsReport = {
      ...(d ?? {}),
      active: !!this.ra && this.enabled,
      engineUsed: this.engine?.lastUsed ?? null,
      fallbackCount: this.engine?.fallbackCount ?? 0,
      variant: this.variant,
      voiceCount: this.groups ? this.groups.reduce((n, g) => n + g.voices.length, 0) : null,
      noChineseVoice: this.noChineseVoice,
      noticeShown: this.notice.visible,
      activation: pageActivation(this.env.win),
      now: this.log.time(),
      log: this.log.entries(),
    };
    if (clearLog) this.log.clear();
    // Plain data only: it crosses a message boundary.
    return JSON.parse(JSON.stringify(report)) as SpeechDiagnosticsReport;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.keys = false;
    this.keyListeners.off();
    this.pageListeners.off();
    this.notice.hide();
    this.ra?.dispose();
    this.engine?.dispose();
    this.ra = null;
    this.engine = null;
  }

  // ---- internals ---------------------------------------------------------------------------------------

  private get noChineseVoice(): boolean {
    return this.voicesSettled && !!this.groups && !this.groups.some((g) => g.key === 'mandarin' || g.key === 'cantonese');
  }

  private ensure(inputs: SpeechInputs): ReadAloud {
    if (this.ra) return this.ra;
    const win = this.env.win;
    this.engine = createFallbackEngine({
      primary: this.env.engine ?? createWebSpeechEngine({ win: win as unknown as { speechSynthesis?: unknown; SpeechSynthesisUtterance?: unknown }, voiceTimeoutMs: 5000 }),
      secondary: this.env.engine ? null : (this.env.fallback ?? null),
      hasActivation: () => pageActivation(win),
    });
    const g = inputs.global;
    const ra = createReadAloud({
      document: this.env.doc,
      engine: this.engine,
      overlayRoot: () => this.env.overlayRoot(),
      locale: inputs.locale as SpeechLocale,
      rate: g.speechRate,
      volume: g.speechVolume / 100,
      preferredVoiceURI: g.speechVoice || null,
      dwellMs: g.speechDwellMs,
      skipNav: g.speechSkipNav,
      log: this.log,
      voiceTimeoutMs: 5000,
      frames: this.env.frames ?? null,
    });
    ra.on('state', () => {
      this.syncKeys();
      this.env.changed();
    });
    ra.on('error', (e) => {
      if (e.fatal) this.env.notify({ key: 'speechStoppedNow' });
    });
    this.pageListeners.on(win, 'pagehide', this.onPageHide);
    this.ra = ra;
    return ra;
  }

  private continuous(): void {
    if (!this.enabled) {
      this.pendingContinuous = true; // 连读 also switches 声音 on: start once the setting is applied
      return;
    }
    void this.startContinuous();
  }

  private async startContinuous(): Promise<void> {
    const ra = this.ra;
    if (!ra) return;
    const from = this.selectionStart() ?? ra.lastPointed();
    await ra.readContinuous(from);
    // Speaking → speaking (an announcement replaced by 连读) fires no state event: refresh 连读's pressed state.
    this.env.changed();
  }

  /** Start of a non-empty selection in the page (not in our own UI). */
  private selectionStart(): Node | null {
    try {
      const sel = this.env.doc.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
      const node = sel.getRangeAt(0).startContainer;
      return node.getRootNode() === this.env.doc ? node : null;
    } catch {
      return null;
    }
  }

  /**
   * Voice lists load late on some systems (Chromium with speech-dispatcher: ~5 s, then thousands of voices):
   * an empty list is asked for again a few times before we conclude there are no voices at all.
   */
  private loadVoices(): void {
    const ra = this.ra;
    if (!ra || this.loading) return;
    this.loading = ra
      .listVoices()
      .then((groups) => {
        this.groups = groups;
        // Choose the voice now that the list is known (the picker shows which one "automatic" means).
        if (groups.length) ra.setVoice(this.inputs?.global.speechVoice || null);
        if (groups.length) this.voicesSettled = true;
        else if (++this.voiceTries >= VOICE_TRIES) this.voicesSettled = true;
        else this.env.win.setTimeout(() => this.loadVoices(), VOICE_RETRY_MS);
      })
      .catch((error: unknown) => reportInternal('voices', error))
      .finally(() => {
        this.loading = null;
        this.updateNotice();
        this.env.changed();
      });
  }

  private updateNotice(): void {
    if (!this.enabled || !this.noChineseVoice || !this.inputs) {
      this.notice.hide();
      return;
    }
    const tr = translator(this.inputs.locale);
    this.notice.show({
      title: tr('speechNoChineseVoiceNote'),
      hint: voiceInstallHint(this.inputs.locale as SpeechLocale, this.platform()),
      close: tr('speechNoteClose'),
      lang: this.inputs.locale,
    });
    if (!this.announcedNoVoice) {
      this.announcedNoVoice = true;
      this.env.notify({ key: 'speechNoChineseVoice' });
    }
  }

  private platform(): Platform {
    try {
      const nav = this.env.win.navigator as Navigator & { userAgentData?: { platform?: string } };
      return detectPlatform(nav.userAgentData?.platform || nav.userAgent);
    } catch {
      return 'other';
    }
  }

  /** Esc stops speech, only while something is being read; listened to, never captured (no preventDefault). */
  private syncKeys(): void {
    const want = !this.disposed && !!this.ra && this.ra.getStatus().state !== 'idle';
    if (want === this.keys) return;
    this.keys = want;
    const o = { capture: true, passive: true };
    if (want) this.keyListeners.on(this.env.win, 'keydown', this.onKey, o);
    else this.keyListeners.off();
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    try {
      if (!isUserInput(e) || e.key !== 'Escape' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.isComposing) return;
      // Esc in our own menu or dialog closes that; it does not stop the reading.
      const ui = this.env.overlayRoot();
      for (const t of e.composedPath()) {
        const el = t as Element;
        if (el.nodeType !== 1 || el.getRootNode() !== ui) continue;
        if (el.getAttribute('role') === 'menu' || el.localName === 'dialog') return;
      }
      this.ra?.stop();
      this.env.notify({ key: 'speechStoppedNow' });
    } catch (error) {
      reportInternal('speech Esc', error);
    }
  };

  /** Leaving the page: the chrome.tts fallback would otherwise keep talking in the background. */
  private readonly onPageHide = (): void => {
    this.ra?.stop();
  };
}

/** Read-aloud as a feature of the page: follows the settings, the page's script and kanjian's language. */
export const speechFeature: FeatureDef = {
  id: 'speech',
  create(host) {
    const tab = host.tab;
    const frames: FrameReading | null = tab
      ? {
          chunks: async (frame, skipNav) => {
            const path = pathOfFrameElement(frame);
            if (!path) return [];
            const timeout = new Promise<null>((r) => host.page.win.setTimeout(() => r(null), FRAME_SENTENCES_TIMEOUT_MS));
            return frameSentencesFrom(await Promise.race([tab.relay({ path }, { kind: 'readingSentences', skipNav }), timeout]));
          },
          show: (frame, index) => {
            const path = pathOfFrameElement(frame);
            if (path) void tab.relay({ path }, { kind: 'readingShow', index }).catch(() => undefined);
          },
        }
      : null;
    const speech = new SpeechFeature({
      frames,
      doc: host.page.doc,
      win: host.page.win,
      overlayRoot: () => host.overlayRoot(),
      fallback: createTtsClientEngine,
      changed: () => host.changed(),
      notify: (a) => host.announce(a),
    });
    return Object.assign(
      {
        id: 'speech',
        controls: speechControls,
        resetPatch: { ...SPEECH_OFF },
        apply: (now: FeatureState) => speech.apply({ site: now.site, global: now.global, convert: host.convertState(), locale: host.locale() }),
        // An audit looks at the page, not at what is being read: reading stops, its outline goes.
        suspend: () => speech.context().stop(),
        dispose: () => speech.dispose(),
        controlContext: () => ({ speech: speech.context() }),
        announced: (controlId: string, a: Announcement) => speech.announce(controlId, a, host.locale()),
        onFrameMessage: (_from: number, msg: FrameMessage) => {
          if (msg.kind === 'readingSentences') return speech.frameSentences(msg.skipNav);
          if (msg.kind === 'readingShow') return Promise.resolve(speech.showFrameSentence(msg.index));
          return undefined;
        },
      } satisfies Feature,
      { diagnostics: (clearLog: boolean) => speech.diagnostics(clearLog) },
    );
  },
};

/** How long 连读 waits for a frame's sentences (a frame without kanjian never answers). */
const FRAME_SENTENCES_TIMEOUT_MS = 4000;
const MAX_FRAME_SENTENCES = 5000;

/** A frame's answer, checked: it crossed a message boundary. Positions are kept (they name the sentence to highlight). */
export function frameSentencesFrom(raw: unknown): FrameSentence[] {
  if (!Array.isArray(raw)) return [];
  return raw.slice(0, MAX_FRAME_SENTENCES).map((c: unknown) => {
    const o = c as { text?: unknown; lang?: unknown } | null;
    return { text: typeof o?.text === 'string' ? o.text.slice(0, 2000) : '', lang: typeof o?.lang === 'string' ? o.lang.slice(0, 35) : '' };
  });
}
