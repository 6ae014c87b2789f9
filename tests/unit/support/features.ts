import type { FeatureHost } from '../../../src/content/feature';
import { FEATURES } from '../../../src/content/registry';
import type { SiteSettings } from '../../../src/settings/schema';
import type { ControlSpec } from '../../../src/toolbar/types';

/** A host for making features outside a real page controller (their controls, their reset patches). */
export function stubHost(over: Partial<FeatureHost> = {}): FeatureHost {
  const host: FeatureHost = {
    page: { doc: document, win: window },
    siteKey: null,
    log: () => undefined,
    locale: () => 'zh-CN',
    convertState: () => ({ pageScript: 'simplified', shownAs: 'simplified' }),
    convertText: async (t) => t,
    announce: () => undefined,
    overlayRoot: () => null,
    changed: () => undefined,
    startAudit: () => undefined,
    resetPatch: () => registryResetPatch(),
    provideScript: () => undefined,
    loadDict: () => Promise.reject(new Error('no dictionaries in unit tests')),
    tab: null,
    ...over,
  };
  return host;
}

/** Every toolbar control of the registry, in toolbar order. */
export function registryControls(host: FeatureHost = stubHost()): ControlSpec[] {
  return FEATURES.flatMap((def) => def.create(host).controls);
}

/** Every feature's settings as 重置 leaves them. */
export function registryResetPatch(): Partial<SiteSettings> {
  return Object.assign({}, ...FEATURES.map((def) => def.create(stubHost({ resetPatch: () => ({}) })).resetPatch)) as Partial<SiteSettings>;
}
