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
