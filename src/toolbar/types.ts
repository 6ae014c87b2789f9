// The toolbar's vocabulary: a button (ControlSpec), what it may read (ControlContext), what it asks
// for (ControlResult), its menus and dialogs, and what is announced. Every capability describes its
// buttons with these; the toolbar renders them (toolbar.ts, menu.ts, dialog.ts).
import type { MessageKey, Translator } from '../i18n/messages';
import type { GlobalSettings, SiteSettings } from '../settings/schema';
import type { SpeechControlContext } from '../speech/control-context';

export interface Announcement {
  key: MessageKey;
  /** Placeholder values; `{ key }` is a message translated in the same language (e.g. a scheme's name). */
  params?: Array<string | number | { key: MessageKey }>;
}

/** An announcement in words (its `{ key }` params translated in the same language). */
export function announcementText(a: Announcement, tr: Translator): string {
  const params = (a.params ?? []).map((p) => (typeof p === 'object' ? tr(p.key) : p));
  return tr(a.key, ...params);
}

/** What a control may read besides the site's settings (supplied by the controller). */
export interface ControlContext {
  readonly global: GlobalSettings;
  /** The script the page is written in, and the script it shows now (繁体版). */
  readonly pageScript: 'simplified' | 'traditional';
  readonly shownAs: 'simplified' | 'traditional';
  /** Read-aloud state and commands (issue 5), for 连读/暂停 pressed states and the speech buttons. */
  readonly speech?: SpeechControlContext;
}

export type ControlResult = {
  patch?: Partial<SiteSettings>;
  globalPatch?: Partial<GlobalSettings>;
  announce?: Announcement;
} | null;

/** What a menu's items are computed from when it opens. */
export interface MenuContext {
  readonly doc: Document;
  readonly settings: SiteSettings;
  readonly control: ControlContext;
  readonly tr: Translator;
}

/** A modal dialog opened by a toolbar button (e.g. 帮助). */
export interface DialogSpec {
  readonly title: MessageKey;
  /** Builds the dialog's body; `controls` is every toolbar control, for lists such as shortcuts. */
  render(doc: Document, tr: Translator, controls: readonly ControlSpec[]): Node;
}

/** One keyboard shortcut, listed in the help dialog. `keys` is shown as is (e.g. "Alt+Shift+A"). */
export interface Shortcut {
  readonly keys: string;
  readonly where: MessageKey;
  readonly what: MessageKey;
}

/**
 * A toolbar button, or an item of a toolbar button's menu. `run` returns the settings change it
 * asks for and what to announce; the controller stores the change and the aids apply it.
 *
 * - Plain button: `run`; with `pressed` it is a toggle (aria-pressed).
 * - Menu button (APG menu button): `menu` returns the items, each a ControlSpec; items with
 *   `pressed` are menuitemradio (aria-checked). `run` of the menu button itself is not called.
 * - Dialog button: `dialog` opens a modal dialog in the toolbar's shadow root.
 *
 * Groups: consecutive controls with the same `group` form one role=group; the group 'session'
 * (preset, reset, help, exit) always comes last, so other capabilities can append their controls
 * to the toolbar's list without knowing the display aids' layout.
 */
export interface ControlSpec {
  readonly id: string;
  readonly label: MessageKey;
  /** Literal text used instead of `label` (menu items that name something on the page). */
  readonly text?: string;
  /** Decorative glyph shown above the label (hidden from assistive technology). */
  readonly icon: string;
  readonly group: string;
  /** Toggle buttons expose aria-pressed; menu items expose it as aria-checked. */
  readonly pressed?: (s: SiteSettings, ctx: ControlContext) => boolean;
  /** Menu buttons: shown as "on" (visual only) when the setting behind the menu is not its default. */
  readonly active?: (s: SiteSettings, ctx: ControlContext) => boolean;
  readonly disabled?: (s: SiteSettings, ctx: ControlContext) => boolean;
  readonly menu?: (ctx: MenuContext) => readonly ControlSpec[];
  readonly dialog?: DialogSpec;
  /** Menu items that move focus themselves (e.g. to a region of the page): focus is not returned to the menu button. */
  readonly movesFocus?: boolean;
  /** Shortcuts this control's capability adds, for the help dialog. */
  readonly shortcuts?: readonly Shortcut[];
  /**
   * The user is about to press this button (shared/press-intent.ts): start slow work its press will
   * need, e.g. fetching 繁简's dictionary. Must change nothing the user can see or hear.
   */
  readonly prepare?: () => void;
  run(s: SiteSettings, ctx: ControlContext): ControlResult;
}
