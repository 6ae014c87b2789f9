import { browser } from 'wxt/browser';
import { renderPopup } from '../../src/popup/popup';

void renderPopup(document.getElementById('app') as HTMLElement, browser);
