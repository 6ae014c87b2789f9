import type { pinyin } from 'pinyin-pro';
import type { Readability } from '@mozilla/readability';

/**
 * Large libraries kept out of the content script (it must stay small on every page). Each is built
 * as its own script (entrypoints/lib-*.ts) and injected into a frame only when an aid needs it.
 */
export interface LazyLibs {
  pinyin: typeof pinyin;
  Readability: typeof Readability;
}
export type LazyLibName = keyof LazyLibs;
export const LAZY_LIB_FILES: Record<LazyLibName, string> = {
  pinyin: '/lib-pinyin.js',
  Readability: '/lib-readability.js',
};

export function isLazyLibName(x: unknown): x is LazyLibName {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(LAZY_LIB_FILES, x);
}

const REGISTRY = '__kanjianLibs';

/** Called by a lib-*.ts script once injected. */
export function provideLib<K extends LazyLibName>(name: K, lib: LazyLibs[K]): void {
  const g = globalThis as unknown as Record<string, Partial<LazyLibs>>;
  g[REGISTRY] = { ...(g[REGISTRY] ?? {}), [name]: lib };
}

/** The library if it was injected into this frame already. */
export function injectedLib<K extends LazyLibName>(name: K): LazyLibs[K] | undefined {
  return (globalThis as unknown as Record<string, Partial<LazyLibs> | undefined>)[REGISTRY]?.[name] as LazyLibs[K] | undefined;
}
