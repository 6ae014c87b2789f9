import { boolField, enumField, numberField, stringListField, type FieldsOf } from './fields';

/** Bump when the stored shape changes, and add a step to MIGRATIONS in store.ts. */
export const SCHEMA_VERSION = 1;

export const TEXT_SCALE_STEPS = [100, 125, 150, 175, 200] as const;

/** Settings remembered per site (keyed by origin). Each aid owns one or more of these fields. */
export interface SiteSettings {
  toolbarOpen: boolean;
  /** Percent of the page's own text size. */
  textScale: number;
  // 繁体版 (issue 3)
  /** Show this site in the other script (繁體 for a Simplified page, 简体 for a Traditional one). */
  convert: boolean;
  // display aids (issue 4)
  /** Page zoom percent: CSS zoom on the page's body (the toolbar is not zoomed). */
  pageZoom: number;
  /** Line height forced on the page's text ('off': the page's own). */
  lineHeight: 'off' | '1.5' | '1.8' | '2';
  /** WCAG 1.4.12 letter, word and paragraph spacing. */
  textSpacing: boolean;
  colorScheme: 'original' | 'white-on-black' | 'black-on-white' | 'yellow-on-black' | 'black-on-yellow' | 'yellow-on-blue';
  bigCursor: 'off' | 'black' | 'white';
  /** Pointer guide: full-screen crosshair lines or a reading ruler band. */
  guide: 'off' | 'crosshair' | 'ruler';
  guideColor: 'red' | 'blue' | 'green' | 'yellow' | 'black';
  /** 显示屏: the caption band and its script. */
  caption: 'off' | 'simplified' | 'traditional' | 'pinyin';
  /** 纯文本: the reading view over the page. */
  textMode: boolean;
  // read-aloud (issue 5)
  /** 声音: speech on for this site (指读, 连读, toolbar actions spoken). */
  speech: boolean;
  /** 指读: read what the pointer rests on or keyboard focus reaches. */
  pointReading: boolean;
}

export const siteFields: FieldsOf<SiteSettings> = {
  toolbarOpen: boolField(false),
  textScale: numberField(100, 100, 200, 25),
  // 繁体版 (issue 3)
  convert: boolField(false),
  // display aids (issue 4)
  pageZoom: numberField(100, 100, 300, 5),
  lineHeight: enumField<SiteSettings['lineHeight']>('off', ['off', '1.5', '1.8', '2']),
  textSpacing: boolField(false),
  colorScheme: enumField<SiteSettings['colorScheme']>('original', [
    'original',
    'white-on-black',
    'black-on-white',
    'yellow-on-black',
    'black-on-yellow',
    'yellow-on-blue',
  ]),
  bigCursor: enumField<SiteSettings['bigCursor']>('off', ['off', 'black', 'white']),
  guide: enumField<SiteSettings['guide']>('off', ['off', 'crosshair', 'ruler']),
  guideColor: enumField<SiteSettings['guideColor']>('red', ['red', 'blue', 'green', 'yellow', 'black']),
  caption: enumField<SiteSettings['caption']>('off', ['off', 'simplified', 'traditional', 'pinyin']),
  textMode: boolField(false),
  // read-aloud (issue 5)
  speech: boolField(false),
  pointReading: boolField(false),
};

export type UiLanguageChoice = 'auto' | 'zh-CN' | 'zh-TW' | 'en';
export const AUDIT_STANDARDS = [
  'wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21a', 'wcag21aa', 'wcag21aaa', 'wcag22a', 'wcag22aa', 'wcag22aaa',
] as const;
export type AuditStandard = (typeof AUDIT_STANDARDS)[number];
/** Which Traditional a Simplified page is shown in: Taiwan, Taiwan with vocabulary, Hong Kong, OpenCC standard. */
export type TraditionalTarget = 'tw' | 'twp' | 'hk' | 't';

/** Settings that apply everywhere. */
export interface GlobalSettings {
  showLauncher: boolean;
  uiLanguage: UiLanguageChoice;
  // 繁体版 (issue 3)
  traditionalTarget: TraditionalTarget;
  /** Convert every Chinese page automatically (except excluded sites). */
  convertEverySite: boolean;
  /** Sites (origins) never converted automatically. */
  convertExcludedSites: string[];
  /** User phrase tables, one "原文 译文" line each, per direction. */
  phrasesToTraditional: string[];
  phrasesToSimplified: string[];
  // audit (issue 6)
  auditStandard: AuditStandard;
  auditBestPractices: boolean;
  /** kanjian's 适老化 rules. */
  auditElderly: boolean;
  auditRulesInclude: string[];
  auditRulesExclude: string[];
  // read-aloud (issue 5)
  /** Speed, 0.5–3 (1 = normal). */
  speechRate: number;
  /** Volume in percent. */
  speechVolume: number;
  /** voiceURI the user picked; '' = chosen automatically from the page's Chinese. */
  speechVoice: string;
  /** While 声音 is on, toolbar actions are also announced by voice. */
  speechAnnounce: boolean;
  /** 连读 skips navigation, page header and footer. */
  speechSkipNav: boolean;
  /** 指读 dwell before reading, ms. */
  speechDwellMs: number;
}

/**
 * The global settings the document_start loader reads (the launcher, its language, 繁简 on every
 * site): apart, so the loader in every page builds this much of the schema and no more.
 */
export const loaderGlobalFields = {
  showLauncher: boolField(true),
  uiLanguage: enumField<UiLanguageChoice>('auto', ['auto', 'zh-CN', 'zh-TW', 'en']),
  // 繁体版 (issue 3)
  convertEverySite: boolField(false),
  convertExcludedSites: stringListField([], 1000, 300),
} satisfies Partial<FieldsOf<GlobalSettings>>;

export const globalFields: FieldsOf<GlobalSettings> = {
  ...loaderGlobalFields,
  traditionalTarget: enumField<TraditionalTarget>('tw', ['tw', 'twp', 'hk', 't']),
  phrasesToTraditional: stringListField([], 10000, 200),
  phrasesToSimplified: stringListField([], 10000, 200),
  // audit (issue 6)
  auditStandard: enumField<AuditStandard>('wcag22aa', AUDIT_STANDARDS),
  auditBestPractices: boolField(true),
  auditElderly: boolField(true),
  auditRulesInclude: stringListField([], 200, 100),
  auditRulesExclude: stringListField([], 200, 100),
  // read-aloud (issue 5)
  speechRate: numberField(1, 0.5, 3, 0.05),
  speechVolume: numberField(100, 0, 100, 5),
  speechVoice: { default: '', parse: (raw) => (typeof raw === 'string' && raw.length <= 500 ? raw : undefined) },
  speechAnnounce: boolField(true),
  speechSkipNav: boolField(true),
  speechDwellMs: numberField(300, 100, 3000, 50),
};
