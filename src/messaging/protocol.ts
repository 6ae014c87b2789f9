import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SiteSettings } from '../settings/schema';
import type { ConvertState } from '../convert/page/state';
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
  /**
   * report page → background: wait until the audit with this id is stored (true), or false at once
   * when it is not running. Answered only to extension pages.
   */
  awaitAudit(data: { id: string }): boolean;
  /** background → content (top frame): turn kanjian's aids off for an audit; the page as its author made it. */
  auditSuspend(): { url: string; title: string };
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
}

export const messaging = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messaging;
