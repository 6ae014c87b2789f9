import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SiteSettings } from '../settings/schema';

/** What the popup shows for the current tab. */
export interface PageState {
  siteKey: string | null;
  settings: SiteSettings;
  /** Last announcement or error the content script wants the popup to repeat. */
  note?: string;
}

/** Keyboard commands declared in the manifest; the background forwards them to the active tab. */
export const COMMANDS = ['toggle-toolbar'] as const;
export type CommandName = (typeof COMMANDS)[number];

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
  /** background → content: a keyboard command fired. */
  runCommand(data: { command: CommandName }): void;
  /** content / popup → background: open the options page. */
  openOptions(): void;
}

export const messaging = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messaging;
