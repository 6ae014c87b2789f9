import type { GlobalSettings } from '../settings/schema';
import type { AuditOptionsInput } from './options';
import type { WcagStandard } from './standards';

/** The audit options the user chose (remembered globally), in the audit library's shape. */
export function auditOptionsFrom(global: GlobalSettings): AuditOptionsInput & { standard: WcagStandard } {
  return {
    standard: global.auditStandard satisfies WcagStandard,
    bestPractices: global.auditBestPractices,
    elderlyProfile: global.auditElderly,
    locale: global.uiLanguage === 'auto' ? 'zh-CN' : global.uiLanguage,
    rules: { include: global.auditRulesInclude, exclude: global.auditRulesExclude },
  };
}
