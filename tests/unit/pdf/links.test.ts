import { describe, expect, it } from 'vitest';
import { CONTROL_TAG, PdfLinks, pdfLinks } from '../../../src/pdf/links';
import type { KeyValueArea } from '../../../src/settings/store';
import { isOwnUi } from '../../../src/shared/own-ui';

const SITE = 'https://www.example.gov.cn';

function setup(stored: Record<string, unknown>) {
  document.body.innerHTML = `
    <a id="a" href="${SITE}/files/通知.pdf">通知（PDF，120KB）</a>
    <a id="b" href="${SITE}/download.do?file=report.PDF">年报</a>
    <a id="c" href="${SITE}/page.html">网页</a>
    <a id="d" href="javascript:void('x.pdf')">假链接</a>`;
  const data: Record<string, unknown> = { ...stored };
  const listeners: Array<(c: Record<string, { newValue?: unknown }>, a: string) => void> = [];
  const storage: KeyValueArea = {
    get: async (keys) => Object.fromEntries((keys ?? []).filter((k) => k in data).map((k) => [k, data[k]])),
    set: async (items) => {
      Object.assign(data, items);
      const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }]));
      for (const l of listeners) l(changes, 'local');
    },
    remove: async () => undefined,
  };
  const opened: Array<[string, string]> = [];
  const links = new PdfLinks({
    doc: document,
    win: window,
    siteKey: SITE,
    storage,
    onStorageChanged: (l) => listeners.push(l),
    uiLanguage: 'zh-CN',
    open: async (url, where) => void opened.push([url, where]),
    log: () => undefined,
  });
  return { links, storage, opened };
}

const controls = (): Element[] => [...document.querySelectorAll(CONTROL_TAG)];

describe('用看见阅读 beside PDF links', () => {
  it('finds PDF links by address, never javascript: or web pages', () => {
    setup({});
    expect(pdfLinks(document).map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('adds the control only while the toolbar is open, and removes every one when it closes', async () => {
    const { links, storage } = setup({ [`site:${SITE}`]: { toolbarOpen: false } });
    await links.start();
    expect(controls()).toHaveLength(0);
    await storage.set({ [`site:${SITE}`]: { toolbarOpen: true } });
    expect(controls().map((c) => c.previousElementSibling?.id)).toEqual(['a', 'b']);
    const button = controls()[0]!.shadowRoot!.querySelector('button')!;
    expect(button.textContent).toBe('用看见阅读');
    expect(button.getAttribute('aria-label')).toBe('用看见阅读 PDF：通知（PDF，120KB）');
    // kanjian's own by reference (never by an attribute a page could also write).
    expect(isOwnUi(controls()[0]!)).toBe(true);
    expect(controls()[0]!.hasAttribute('data-kanjian-ui')).toBe(false);
    await storage.set({ [`site:${SITE}`]: { toolbarOpen: false } });
    expect(controls()).toHaveLength(0);
  });

  it('links the page adds later get a control, and only what was added is looked at (not every link again)', async () => {
    const { links } = setup({ [`site:${SITE}`]: { toolbarOpen: true } });
    document.body.insertAdjacentHTML('beforeend', `<ul>${'<li><a href="/news.html">新闻</a></li>'.repeat(1000)}</ul>`);
    await links.start();
    expect(controls()).toHaveLength(2);
    const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));
    const href = Object.getOwnPropertyDescriptor(HTMLAnchorElement.prototype, 'href')!;
    let reads = 0;
    Object.defineProperty(HTMLAnchorElement.prototype, 'href', { ...href, get(this: HTMLAnchorElement) { reads++; return href.get!.call(this); } });
    try {
      const li = document.createElement('li');
      li.innerHTML = `<a id="late" href="${SITE}/files/后来.pdf">后来的文件</a> <a href="/x.html">网页</a>`;
      document.querySelector('ul')!.append(li);
      await frame();
      await frame();
      expect(controls().map((c) => c.previousElementSibling?.id)).toContain('late');
      // The two links added (and the control's label), not the thousand already there.
      expect(reads).toBeLessThan(10);
    } finally {
      Object.defineProperty(HTMLAnchorElement.prototype, 'href', href);
      links.stop();
    }
  });

  it('ignores a click a page script makes on the control (not trusted)', async () => {
    const { links, opened } = setup({ [`site:${SITE}`]: { toolbarOpen: true } });
    await links.start();
    const button = controls()[0]!.shadowRoot!.querySelector('button')!;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(opened).toEqual([]);
  });

  it('with "open this site’s PDFs in kanjian" on, still ignores untrusted clicks on the links', async () => {
    const { links, opened } = setup({ [`pdf:${SITE}`]: { openInReader: true } });
    await links.start();
    const a = document.getElementById('a')!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    a.dispatchEvent(click);
    expect(opened).toEqual([]);
    expect(click.defaultPrevented).toBe(false);
  });
});
