/**
 * One shape for every capability kanjian has on a page (display aids, 繁简转换, read-aloud, the
 * audit's button, the session group): one life cycle, one ordered list (registry.ts). The controller
 * knows no capability by name: it applies, suspends, resets and disposes them all the same way.
 */
import type { Aid, PageContext } from '../display/aid';
import type { ConvertState } from '../convert/page/state';
import type { UiLocale } from '../i18n/messages';
import { siteFields, type GlobalSettings, type SiteSettings } from '../settings/schema';
import type { Announcement, ControlContext, ControlSpec } from '../toolbar/types';
import type { ScriptConverter } from '../display/script-convert';
import type { FrameMessage, FrameRoute } from '../messaging/protocol';

/** What every feature follows: the site's and the global settings. */
export interface FeatureState {
  readonly site: SiteSettings;
  readonly global: GlobalSettings;
  readonly siteKey: string | null;
}

/** What the controller offers a feature when it is made. */
export interface FeatureHost {
  readonly page: PageContext;
  /** The site this page's settings belong to (its origin), null where none (e.g. about:blank). */
  readonly siteKey: string | null;
  log(...args: unknown[]): void;
  /** The language kanjian speaks on this page now (follows 繁简 and the options). */
  locale(): UiLocale;
  /** 繁简转换's state on this page (the script it is in, the script it shows). */
  convertState(): ConvertState;
  /** The page's one converter (same dictionaries, Traditional variant and user phrases as the page). */
  convertText: ScriptConverter;
  /** Says something through the toolbar's live region (and read-aloud when it is on). */
  announce(a: Announcement): void;
  /** The toolbar's shadow root, for UI that belongs with it (notes, overlays); null while not shown. */
  overlayRoot(): ShadowRoot | null;
  /** Something a feature shows on the toolbar changed by itself (e.g. reading ended). */
  changed(): void;
  /** Starts an audit of this tab. */
  startAudit(): void;
  /** Every feature's settings as 重置 leaves them (for the session group). */
  resetPatch(): Partial<SiteSettings>;
  /** 繁简转换 offers the page's script state and converter to every other feature. */
  provideScript(service: ScriptService): void;
  /** Reads one of the extension's compiled conversion dictionaries. */
  loadDict(fileName: string): Promise<ArrayBuffer>;
  /** The other frames of the tab (through the background); null where the page stands alone. */
  readonly tab: TabFrames | null;
}

/** What a feature may ask of the tab's other frames. Every call goes through the background. */
export interface TabFrames {
  /** This is the tab's top frame (it decides for the tab, e.g. the page's script). */
  readonly isTop: boolean;
  /** Below the top: asks the top frame's features (onFrameMessage there answers). */
  askTop(msg: FrameMessage): Promise<unknown>;
  /** In the top frame: the start of every other frame's text. */
  frameTexts(): Promise<string[]>;
  /** Passes a message to the tab's top frame or to all its frames (onFrameMessage there); resolves to the answer. */
  relay(to: FrameRoute, msg: FrameMessage): Promise<unknown>;
}

/** The page's script: what it is written in, what it shows, and its one converter. */
export interface ScriptService {
  state(): ConvertState;
  convertText: ScriptConverter;
}

export interface Feature {
  readonly id: string;
  /** Toolbar buttons, in toolbar order. */
  readonly controls: readonly ControlSpec[];
  /** This feature's settings as 重置 and 退出 leave them. */
  readonly resetPatch: Partial<SiteSettings>;
  /**
   * Brings the page in line with `now`. `before` is the state last applied (null on start, after an
   * audit, or after another world changed things): a feature may skip work when its settings are equal.
   */
  apply(now: FeatureState, before: FeatureState | null): void | Promise<void>;
  /** Takes everything off the page while an audit runs; the next apply(now, null) puts it back. */
  suspend(): void;
  /** Takes everything off the page for good (extension updated, disabled or removed). */
  dispose(): void;
  /** Adds to what the toolbar's controls may read (e.g. read-aloud's state). */
  controlContext?(): Partial<ControlContext>;
  /** A toolbar control announced something (read-aloud may say it too). */
  announced?(controlId: string, a: Announcement): void;
  /** Another frame of the tab asks or tells something (undefined: not this feature's). */
  onFrameMessage?(from: number, msg: FrameMessage): Promise<unknown> | undefined;
}

/** A capability as listed in the registry: made once per page. */
export interface FeatureDef {
  readonly id: string;
  /** Only in the frame that shows the toolbar (e.g. the reading view: one per tab, of the main document). */
  readonly uiFrameOnly?: boolean;
  create(host: FeatureHost): Feature;
}

/** Display aids and their buttons as one feature (an aid's default value takes it off the page). */
export function displayFeature(id: string, aids: readonly Aid[], controls: readonly ControlSpec[]): FeatureDef {
  return {
    id,
    create: (host) => {
      const resetPatch: Record<string, unknown> = {};
      for (const aid of aids) resetPatch[aid.setting] = siteFields[aid.setting].default;
      const each = (fn: (aid: Aid) => void): void => {
        for (const aid of aids) {
          try {
            fn(aid);
          } catch (err) {
            // An aid must never break the page: log and leave it off.
            host.log(`aid ${aid.id} failed`, err);
          }
        }
      };
      return {
        id,
        controls,
        resetPatch: resetPatch as Partial<SiteSettings>,
        apply(now, before) {
          each((aid) => {
            const value = now.site[aid.setting];
            if (!before || before.site[aid.setting] !== value) aid.apply(host.page, value as never);
          });
        },
        suspend: () => each((aid) => aid.remove(host.page)),
        dispose: () => each((aid) => aid.remove(host.page)),
      };
    },
  };
}

/** A feature that only adds toolbar buttons (its actions go through settings or the host). */
export function controlsFeature(id: string, controls: (host: FeatureHost) => readonly ControlSpec[]): FeatureDef {
  return {
    id,
    create: (host) => ({ id, controls: controls(host), resetPatch: {}, apply() {}, suspend() {}, dispose() {} }),
  };
}
