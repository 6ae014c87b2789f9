import { browser } from 'wxt/browser';
import { finishStoredAudit } from '../../src/audit/runner/finish';
import { renderReportPage } from '../../src/audit/view/report-page';

void renderReportPage(document.getElementById('app') as HTMLElement, browser);
// Diagnostic hook for the conformance tests: finish a run the background returned (extension page only).
Object.assign(globalThis, { kanjianFinishAudit: finishStoredAudit });
