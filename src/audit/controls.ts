import { controlsFeature, type FeatureDef } from '../content/feature';
import type { ControlSpec } from '../toolbar/types';

/** The toolbar's 无障碍检查 button: asks the background to audit this tab and open the report. */
export function auditControl(start: () => void): ControlSpec {
  return {
    id: 'audit',
    label: 'auditButton',
    icon: '✓',
    group: 'audit',
    shortcuts: [{ keys: 'Alt+Shift+J', where: 'helpWhereAnywhere', what: 'commandAudit' }],
    run() {
      start();
      return { announce: { key: 'auditStarted' } };
    },
  };
}

/** The audit's one button, as a feature of the page. */
export const auditFeature: FeatureDef = controlsFeature('audit', (host) => [auditControl(() => host.startAudit())]);
