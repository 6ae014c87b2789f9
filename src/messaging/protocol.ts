import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SiteSettings } from '../settings/schema';
import type { Variant } from '../convert/engine';
import type { ConvertState } from '../convert/page/state';
import type { LinkedPdf } from '../audit/pdf/links';
import type { SpeechDiagnosticsReport } from '../speech/diagnostics';
import type { TtsEventMessage, TtsRequest, TtsVoiceInfo } from '../speech/tts-bridge';

/** What the popup shows for the current tab. */
export interface PageState {
  siteKey: string | null;
  settings: SiteSettings;
  convert: ConvertState;
  /** Last announcement or error the content script wants the popup to repeat. */
  note?: string;
}

/** Keyboard commands declared in the manifest; the background forwards them to the active tab. */
export const COMMANDS = ['toggle-toolbar', 'toggle-convert', 'run-audit'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Commands that press a toolbar control, by the control's id. */
export const COMMAND_CONTROLS = { 'toggle-convert': 'convert' } as const;

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value);
}

/**
 * Every message between background, content scripts and extension pages. Handlers must treat
 * `data` as untrusted (a message can come from an older build or be malformed) and validate it.
 */
export interface ProtocolMap {
  /** popup → content (top frame): current state for this site. */
  getPageState(): PageState;
  /** popup / background → content: open, close or toggle the toolbar. */
  setToolbarOpen(data: { open: boolean | 'toggle' }): PageState;
  /** popup → content: show the page in the other script, or back. */
  toggleConvert(): PageState;
  /** background → content: a keyboard command fired. */
  runCommand(data: { command: CommandName }): void;
  /** content / popup → background: open the options page. */
  openOptions(): void;
  /**
   * toolbar → background: audit the sender's tab; popup / report page → background: audit `tabId`
   * (honoured only from extension pages: a content script cannot name another tab).
   */
  startAudit(data: { tabId?: number }): { auditId: string; durationMs: number };
  /** background → content (top frame): turn kanjian's aids off for an audit; the page as its author made it. */
  auditSuspend(): { url: string; title: string; pdfLinks: LinkedPdf[] };
  /** background → content (top frame): the audit is done; put the aids back exactly as they were. */
  auditResume(): void;
  /** content → background: inject a large library (src/shared/libs.ts) into the sender's frame. */
  loadLib(data: { name: string }): void;
  /** report page → content: scroll to an audited element and outline it (target as axe gives it). */
  highlightTarget(data: { target: Array<string | string[]> }): { found: boolean };
  // read-aloud (issue 5)
  /** content → background (Chrome): speak, stop or list voices with chrome.tts where the page cannot speak. */
  tts(data: TtsRequest): TtsVoiceInfo[] | boolean;
  /** background → content (the frame that spoke): progress of a chrome.tts utterance. */
  ttsEvent(data: TtsEventMessage): void;
  /** tests / diagnostics → content (top frame): read-aloud status and the spoken-text log. */
  speechDiagnostics(data: { clearLog?: boolean }): SpeechDiagnosticsReport;
  // frames: one state per tab (src/content/frames.ts, src/background/frames.ts)
  /**
   * content (a frame below the top) → background: the tab's site (its settings apply in every frame
   * of the tab) and whether this frame carries the toolbar (a frameset's largest content frame).
   * `indexInTop` is the frame's index in the top window's `frames` when its parent is the top.
   */
  frameHello(data: { indexInTop: number | null }): FrameHello;
  /** content → background: pass a message to the top frame of the sender's own tab, or to all its frames. */
  frameRelay(data: { to: FrameRoute; msg: FrameMessage }): unknown;
  /** background → content: a message relayed from another frame of the same tab (`from` is its frame id, set by the background). */
  frameMessage(data: { from: number; msg: FrameMessage }): unknown;
  /** content (top frame) → background: a sample of every frame's text in the tab (to tell the page's script). */
  frameTexts(): string[];
}

/** What a frame learns from the background when it starts. */
export interface FrameHello {
  /** The top-level page's site: the settings every frame of the tab follows. */
  siteKey: string | null;
  /** This frame shows the toolbar (the top document is a frameset and this is its main frame). */
  ui: boolean;
}

/** Messages between the frames of one tab, always through the background (never the page's postMessage). */
export type FrameMessage =
  /** frame → top: which script is this page (all its frames' text together) written in? */
  | { kind: 'pageScript' }
  /** frame of another origin → top: these texts converted with the top frame's dictionary (one per tab). */
  | { kind: 'convertTexts'; from: Variant; to: Variant; phrases: string[]; texts: string[] }
  /**
   * frame → its parent (the top directly, deeper frames through every frame of the tab): the user's
   * pointer at (x, y) in the frame's viewport of vw × vh CSS px, for 十字线 / 阅读尺. `path` is the
   * frame's place from the top window: its index in each parent's `window.frames`, top first.
   */
  | { kind: 'guidePoint'; path: number[]; x: number; y: number; vw: number; vh: number }
  /** frame → its parent: the pointer left the frame's document (not into one of its own frames). */
  | { kind: 'guideLeave'; path: number[] }
  /** frame → top: the text under the user's pointer or focus in that frame, for the one 显示屏 band. */
  | { kind: 'captionText'; text: string; offset: number }
  /** parent → the frame at `path`: outline the audit finding at `target` (the rest of an axe target, inside that frame). */
  | { kind: 'locate'; target: Array<string | string[]> }
  /** parent → the frame at `path`: its 连读 sentences, its own frames' included (answer: FrameSentence[]). */
  | { kind: 'readingSentences'; skipNav: boolean }
  /** parent → the frame at `path`: highlight sentence `index` of those (null: none), as 连读 reaches it. */
  | { kind: 'readingShow'; index: number | null };

/** Where a frame message goes: the tab's top frame, every frame of the tab, or the one frame at a path (see framePath). */
export type FrameRoute = 'top' | 'all' | { path: number[] };

export const messaging = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messaging;
