import { browser } from 'wxt/browser';
import { renderOptions } from '../../src/options/options';

void renderOptions(document.getElementById('app') as HTMLElement, browser);
