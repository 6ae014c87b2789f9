import { boolField, enumField, numberField, type FieldsOf } from './fields';

/** Bump when the stored shape changes, and add a step to MIGRATIONS in store.ts. */
export const SCHEMA_VERSION = 1;

export const TEXT_SCALE_STEPS = [100, 125, 150, 175, 200] as const;

/** Settings remembered per site (keyed by origin). Each aid owns one or more of these fields. */
export interface SiteSettings {
  toolbarOpen: boolean;
  /** Percent of the page's own text size. */
  textScale: number;
}

export const siteFields: FieldsOf<SiteSettings> = {
  toolbarOpen: boolField(false),
  textScale: numberField(100, 100, 200, 25),
};

export type UiLanguageChoice = 'auto' | 'zh-CN' | 'zh-TW' | 'en';

/** Settings that apply everywhere. */
export interface GlobalSettings {
  showLauncher: boolean;
  uiLanguage: UiLanguageChoice;
}

export const globalFields: FieldsOf<GlobalSettings> = {
  showLauncher: boolField(true),
  uiLanguage: enumField<UiLanguageChoice>('auto', ['auto', 'zh-CN', 'zh-TW', 'en']),
};
