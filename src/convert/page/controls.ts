import type { ControlContext, ControlSpec } from '../../toolbar/types';
import type { GlobalSettings, SiteSettings } from '../../settings/schema';

/** Whether the page is shown converted right now (by its own switch or by "every site"). */
export function isShownConverted(ctx: ControlContext): boolean {
  return ctx.shownAs !== ctx.pageScript;
}

/**
 * The 繁/简 toolbar button: a toggle whose pressed state is "this page shows the other script".
 * Switching off on a page converted by "every site" adds the site to the exclusion list.
 */
export function convertToggle(siteKey: () => string | null, prepare?: () => void): ControlSpec {
  return {
    id: 'convert',
    ...(prepare ? { prepare } : {}),
    label: 'convertButton',
    icon: '繁',
    group: 'convert',
    shortcuts: [{ keys: 'Alt+Shift+F', where: 'helpWhereAnywhere', what: 'commandConvert' }],
    pressed: (_s, ctx) => isShownConverted(ctx),
    run(_s: SiteSettings, ctx: ControlContext) {
      const on = !isShownConverted(ctx);
      const patch: Partial<SiteSettings> = { convert: on };
      let globalPatch: Partial<GlobalSettings> | undefined;
      const key = siteKey();
      const excluded = ctx.global.convertExcludedSites;
      if (key && ctx.global.convertEverySite) {
        if (!on && !excluded.includes(key)) globalPatch = { convertExcludedSites: [...excluded, key] };
        if (on && excluded.includes(key)) globalPatch = { convertExcludedSites: excluded.filter((k) => k !== key) };
      }
      const to = ctx.pageScript === 'simplified' ? 'convertedToTraditional' : 'convertedToSimplified';
      return { patch, ...(globalPatch ? { globalPatch } : {}), announce: { key: on ? to : 'convertRestored' } };
    },
  };
}
