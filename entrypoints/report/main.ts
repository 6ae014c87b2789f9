import { browser } from 'wxt/browser';
import { renderReportPage } from '../../src/audit/view/report-page';

void renderReportPage(document.getElementById('app') as HTMLElement, browser);
