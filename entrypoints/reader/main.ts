import { browser } from 'wxt/browser';
import { startReader } from '../../src/pdf/reader';

startReader({ browser, doc: document, win: window });
