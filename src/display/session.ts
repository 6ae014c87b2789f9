import { controlsFeature, type FeatureDef } from '../content/feature';
import { siteFields, type SiteSettings } from '../settings/schema';
import { helpDialog } from '../toolbar/help';
import type { ControlSpec, DialogSpec } from '../toolbar/types';

/**
 * The toolbar's last group: 长辈模式 (one-press preset), 重置, 帮助, 退出. Reset and exit ask every
 * feature for its settings' defaults, so a new capability is reset without touching this file.
 */

/** 长辈模式: 150% text, line height 1.8, large cursor, caption band on. */
export const ELDER_PRESET: Partial<SiteSettings> = { textScale: 150, lineHeight: '1.8', bigCursor: 'black', caption: 'simplified' };

export function elderPresetOn(s: SiteSettings): boolean {
  return s.textScale === 150 && s.lineHeight === '1.8' && s.bigCursor !== 'off' && s.caption !== 'off';
}

export function sessionControls(resetPatch: () => Partial<SiteSettings>, help: DialogSpec): ControlSpec[] {
  const presetKeys = Object.keys(ELDER_PRESET) as Array<keyof SiteSettings>;
  const presetOff = (): Partial<SiteSettings> => {
    const out: Record<string, unknown> = {};
    for (const k of presetKeys) out[k] = siteFields[k].default;
    return out as Partial<SiteSettings>;
  };
  return [
    {
      id: 'elder',
      label: 'elderMode',
      icon: '老',
      group: 'session',
      pressed: elderPresetOn,
      run: (s) =>
        elderPresetOn(s) ? { patch: presetOff(), announce: { key: 'elderOff' } } : { patch: { ...ELDER_PRESET }, announce: { key: 'elderOn' } },
    },
    {
      id: 'reset',
      label: 'resetAll',
      icon: '↺',
      group: 'session',
      run: () => ({ patch: resetPatch(), announce: { key: 'resetDone' } }),
    },
    {
      id: 'help',
      label: 'help',
      icon: '?',
      group: 'session',
      dialog: help,
      run: () => null,
    },
    {
      id: 'exit',
      label: 'exit',
      icon: '⇤',
      group: 'session',
      run: () => ({ patch: { ...resetPatch(), toolbarOpen: false }, announce: { key: 'exitDone' } }),
    },
  ];
}

/** The session group: always the last feature, so its buttons come last. */
export const sessionFeature: FeatureDef = controlsFeature('session', (host) => sessionControls(() => host.resetPatch(), helpDialog));
