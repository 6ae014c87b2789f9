import { browser } from 'wxt/browser';
import { renderPopup } from '../../src/popup/popup';
import { addPdfReaderButton } from '../../src/pdf/popup';

void renderPopup(document.getElementById('app') as HTMLElement, browser);
// While the tab shows a PDF in the browser's viewer: 用看见阅读 (the tab from ?tab=ID when opened as a page).
const pdfTab = Number(new URLSearchParams(location.search).get('tab'));
void addPdfReaderButton(document.body, browser, Number.isInteger(pdfTab) && pdfTab > 0 ? pdfTab : undefined).catch(() => undefined);
