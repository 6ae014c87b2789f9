import { describe, expect, it } from 'vitest';
import { auditTargetTab } from '../../../src/background/start';

const BASE = 'chrome-extension://abc/';

describe('which tab an audit request may name', () => {
  it('a content script audits its own tab, whatever tabId it sends', () => {
    expect(auditTargetTab(BASE, { url: 'https://example.gov.cn/', tab: { id: 7 } }, { tabId: 3 })).toBe(7);
    expect(auditTargetTab(BASE, { url: 'https://example.gov.cn/', tab: { id: 7 } }, {})).toBe(7);
  });
  it('the popup and the report page (extension pages) name the tab', () => {
    expect(auditTargetTab(BASE, { url: `${BASE}popup.html` }, { tabId: 3 })).toBe(3);
    expect(auditTargetTab(BASE, { url: `${BASE}report.html?id=x`, tab: { id: 9 } }, { tabId: 3 })).toBe(3);
  });
  it('malformed tab ids are ignored', () => {
    expect(auditTargetTab(BASE, { url: `${BASE}popup.html` }, { tabId: '3' })).toBeUndefined();
    expect(auditTargetTab(BASE, { url: `${BASE}popup.html`, tab: { id: 4 } }, { tabId: -1 })).toBe(4);
    expect(auditTargetTab(BASE, { url: 'chrome-extension://other/popup.html', tab: { id: 4 } }, { tabId: 3 })).toBe(4);
  });
});
