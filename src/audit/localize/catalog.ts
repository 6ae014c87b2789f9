// Message catalogs: axe-core's own locale files (English from locales/_template.json, which matches the
// messages built into axe.js) merged the way axe.configure({locale}) merges them, plus kanjian's rules.
import { PDF_CHECK_TEXT, PDF_RULE_TEXT } from '../pdf/messages';
import enAxe from 'axe-core/locales/_template.json' with { type: 'json' };
import zhCNAxe from 'axe-core/locales/zh_CN.json' with { type: 'json' };
import zhTWAxe from 'axe-core/locales/zh_TW.json' with { type: 'json' };
import { toUiLocale, type AnyLocale, type UiLocale } from '../locale';
import {
  KANJIAN_CHECK_TEXT, KANJIAN_RULE_TEXT, kanjianCheckMessages, KEYBOARD_CHECK_TEXT, KEYBOARD_RULE_TEXT, TRANSFORM_CHECK_TEXT, TRANSFORM_RULE_TEXT,
} from '../rules/messages';

export type MessageValue = string | Record<string, string>;
export interface CatalogCheck { pass?: MessageValue; fail?: MessageValue; incomplete?: MessageValue }
export interface Catalog {
  lang: string;
  rules: Record<string, { description?: string; help?: string }>;
  checks: Record<string, CatalogCheck>;
  failureSummaries: Record<string, { failureMessage?: string }>;
  incompleteFallbackMessage: string;
}

/** Rules whose failing checks axe reports as "needs review" with their fail message (axe 4.14). */
export const REVIEW_ON_FAIL_RULES: readonly string[] = [
  'aria-braille-equivalent', 'bypass', 'duplicate-id-aria', 'frame-title-unique', 'no-autoplay-audio',
];

interface RawLocale {
  lang?: string;
  rules?: Record<string, { description?: string; help?: string }>;
  checks?: Record<string, CatalogCheck>;
  failureSummaries?: Record<string, { failureMessage?: string }>;
  incompleteFallbackMessage?: string;
}

/**
 * Messages that axe-core 4.14's zh_CN/zh_TW files lack (English would show through otherwise),
 * written by kanjian. Same keys and placeholders as axe's English.
 */
export const LOCALE_SUPPLEMENT: Record<'zh-CN' | 'zh-TW', { rules: RawLocale['rules']; checks: RawLocale['checks'] }> = {
  'zh-CN': {
    rules: {
      'summary-name': { description: '确保 summary 元素有可辨识的文本', help: 'summary 元素必须有可辨识的文本' },
      'aria-tab-name': { description: '确保每个 ARIA tab 节点都有可访问名称', help: 'ARIA tab 节点必须有可访问名称' },
    },
    checks: {
      'aria-allowed-attr-elm': {
        pass: '此元素允许使用这些 ARIA 属性',
        fail: { singular: '${data.nodeName} 元素上不允许使用 ARIA 属性：${data.values}', plural: '${data.nodeName} 元素上不允许使用 ARIA 属性：${data.values}' },
      },
      'error-occurred': { pass: '', incomplete: 'axe 运行出错，请人工检测此类问题' },
      'aria-no-deprecated-attr': {
        pass: '未使用已废弃的 ARIA 属性',
        incomplete: { singular: '该属性已废弃，不应使用：${data.values}', plural: '这些属性已废弃，不应使用：${data.values}' },
      },
    },
  },
  'zh-TW': {
    rules: {
      'summary-name': { description: '確保 summary 元素有可辨識的文字', help: 'summary 元素必須有可辨識的文字' },
      'aria-tab-name': { description: '確保每個 ARIA tab 節點都有無障礙名稱', help: 'ARIA tab 節點必須有無障礙名稱' },
    },
    checks: {
      'aria-allowed-attr-elm': {
        pass: '此元素允許使用這些 ARIA 屬性',
        fail: { singular: '${data.nodeName} 元素上不允許使用 ARIA 屬性：${data.values}', plural: '${data.nodeName} 元素上不允許使用 ARIA 屬性：${data.values}' },
      },
      'error-occurred': { pass: '', incomplete: 'axe 執行出錯，請以人工檢測此類問題' },
      'aria-no-deprecated-attr': {
        pass: '未使用已棄用的 ARIA 屬性',
        incomplete: { singular: '該屬性已棄用，不應使用：${data.values}', plural: '這些屬性已棄用，不應使用：${data.values}' },
      },
    },
  },
};

function withKanjian(base: RawLocale, locale: UiLocale): RawLocale {
  if (locale !== 'en') {
    const sup = LOCALE_SUPPLEMENT[locale];
    base = {
      ...base,
      rules: { ...sup.rules, ...base.rules },
      checks: { ...sup.checks, ...base.checks },
    };
  }
  const rules = { ...base.rules };
  for (const [id, t] of Object.entries({ ...KANJIAN_RULE_TEXT, ...TRANSFORM_RULE_TEXT, ...KEYBOARD_RULE_TEXT, ...PDF_RULE_TEXT })) rules[id] = { description: t.description[locale], help: t.help[locale] };
  const checks = { ...base.checks };
  for (const id of [...Object.keys(KANJIAN_CHECK_TEXT), ...Object.keys(TRANSFORM_CHECK_TEXT), ...Object.keys(KEYBOARD_CHECK_TEXT), ...Object.keys(PDF_CHECK_TEXT)]) checks[id] = kanjianCheckMessages(id, locale);
  return { ...base, rules, checks };
}

// Same precedence as axe's mergeCheckLocale/mergeRuleLocale: the locale wins, English fills the gaps,
// and keyed incomplete messages are merged key by key.
function merge(en: RawLocale, loc: RawLocale): Catalog {
  const rules: Catalog['rules'] = {};
  for (const [id, r] of Object.entries(en.rules ?? {})) {
    const l = loc.rules?.[id];
    rules[id] = { description: l?.description || r.description, help: l?.help || r.help };
  }
  const checks: Catalog['checks'] = {};
  for (const [id, c] of Object.entries(en.checks ?? {})) {
    const l = loc.checks?.[id] ?? {};
    const incomplete =
      c.incomplete && typeof c.incomplete === 'object'
        ? { ...c.incomplete, ...(typeof l.incomplete === 'object' ? l.incomplete : {}) }
        : (l.incomplete ?? c.incomplete);
    const check: CatalogCheck = { pass: l.pass || c.pass, fail: l.fail || c.fail };
    if (incomplete !== undefined) check.incomplete = incomplete;
    checks[id] = check;
  }
  const failureSummaries: Catalog['failureSummaries'] = {};
  for (const [k, v] of Object.entries(en.failureSummaries ?? {})) {
    failureSummaries[k] = { failureMessage: loc.failureSummaries?.[k]?.failureMessage || v.failureMessage };
  }
  return {
    lang: loc.lang ?? en.lang ?? 'en',
    rules,
    checks,
    failureSummaries,
    incompleteFallbackMessage: loc.incompleteFallbackMessage || en.incompleteFallbackMessage || '',
  };
}

const cache = new Map<UiLocale, Catalog>();

export function getCatalog(locale: AnyLocale): Catalog {
  const ui = toUiLocale(locale);
  let c = cache.get(ui);
  if (!c) {
    const en = withKanjian({ ...(enAxe as RawLocale), lang: 'en' }, 'en');
    const src = ui === 'zh-CN' ? (zhCNAxe as RawLocale) : ui === 'zh-TW' ? (zhTWAxe as RawLocale) : en;
    c = merge(en, ui === 'en' ? en : withKanjian(src, ui));
    cache.set(ui, c);
  }
  return c;
}
