// What CI relies on beyond the report itself: baselines that survive axe picking a new selector,
// shard reports that refuse to merge when they do not add up, and SARIF that code scanning can place
// (a line, a path URI, a primaryLocationLineHash).
import { describe, expect, test } from 'vitest';
import { buildReport, filterNew, makeBaseline, normalizeUrl, toSarifLog, type AxeNodeLike, type KanjianReport } from '../../../src/audit/index';
import { htmlFingerprint, normalizeHtml } from '../../../src/audit/fingerprint';
import { checkMergeable, MergeError, mergeReports } from '../../../src/audit/merge';
import { artifactUri, startLineOf, startTagOf } from '../../../src/audit/export/sarif';
import { GENERATED_AT } from './helpers';
import { reportSchemaErrors, sarifSchemaErrors } from '../../support/schemas';

// SARIF JSON is walked by property: loosely typed on purpose.
type Loose = any; // eslint-disable-line @typescript-eslint/no-explicit-any


const IMAGE_ALT = { id: 'image-alt', impact: 'critical', tags: ['wcag2a', 'wcag111'], help: 'Images must have alternative text' };

/** A report of pages with image-alt violations on the given nodes. */
function report(pages: Array<{ url: string; nodes: AxeNodeLike[] }>, extra: Partial<Parameters<typeof buildReport>[0]> = {}): KanjianReport {
  return buildReport({
    pages: pages.map((p) => ({ url: p.url, results: { violations: p.nodes.length ? [{ ...IMAGE_ALT, nodes: p.nodes }] : [], incomplete: [], passes: [] } })),
    toolVersion: '0.1.0',
    axeVersion: '4.10.0',
    generatedAt: GENERATED_AT,
    ...extra,
  });
}

describe('baselines: the HTML fingerprint', () => {
  test('normalised HTML: whitespace collapsed, generated attribute parts and names dropped, text kept', () => {
    expect(normalizeHtml('<img  class="banner"\n   src="/upload/20230101/123456.jpg?v=3f2a9c1b7">')).toBe('<img class="banner" src="/upload/#/#.jpg?v=#">');
    expect(normalizeHtml('<div id="ember1234" data-v-7ba5bd90="" class="card css-1q2w3e">\n  <p>通知 2023</p>\n</div>')).toBe('<div id="ember#" class="card css-#"><p>通知 2023</p></div>');
    expect(normalizeHtml("<A HREF='list.html' DISABLED>更多</A>")).toBe('<a href="list.html" disabled>更多</a>');
    expect(normalizeHtml('<input id="a3f1c2e4-9b7d-4c1e-8f2a-1234abcd5678" name="q">')).toBe('<input id="#" name="q">');
    // Ordinary values stay: they tell elements apart.
    expect(normalizeHtml('<img src="logo.png" class="col-md-6 btn-primary">')).toBe('<img src="logo.png" class="col-md-6 btn-primary">');
    expect(htmlFingerprint('image-alt', 'a.html', '')).toBeUndefined();
    expect(htmlFingerprint('image-alt', 'a.html', '<img src="x.png">')).toMatch(/^[0-9a-f]{16}$/);
    expect(htmlFingerprint('image-alt', 'a.html', '<img src="x.png">')).not.toBe(htmlFingerprint('image-alt', 'b.html', '<img src="x.png">'));
    expect(htmlFingerprint('image-alt', 'a.html', '<img src="x.png">')).not.toBe(htmlFingerprint('role-img-alt', 'a.html', '<img src="x.png">'));
    expect(htmlFingerprint('image-alt', 'a.html', '<img src="x.png">', 'zoom-200')).not.toBe(htmlFingerprint('image-alt', 'a.html', '<img src="x.png">'));
  });

  test('a known element whose selector changed (a class became common elsewhere) is still known', () => {
    const before = report([{ url: 'site/index.html', nodes: [
      { target: ['.banner'], html: '<img class="banner" src="banner.png" id="el-123456">' },
      { target: ['#logo'], html: '<img id="logo" src="logo.png">' },
    ] }]);
    const baseline = JSON.parse(JSON.stringify(makeBaseline(before)));
    expect(baseline.entries.every((e: { htmlFingerprint?: string }) => /^[0-9a-f]{16}$/.test(e.htmlFingerprint ?? ''))).toBe(true);
    // Another element gained class="banner": axe now needs a longer selector; the id is regenerated.
    const after = report([{ url: 'site/index.html', nodes: [
      { target: ['main > .banner:nth-child(2)'], html: '<img  class="banner"\n src="banner.png" id="el-987654">' },
      { target: ['#logo'], html: '<img id="logo" src="logo.png">' },
    ] }]);
    const filtered = filterNew(after, baseline);
    expect(filtered.summary.violations.nodes).toBe(0);
    expect(filtered.baseline).toEqual({ entries: 2, suppressedNodes: 2 });

    // A second copy of a known element is new: each baseline entry vouches for one element.
    const copied = report([{ url: 'site/index.html', nodes: [
      { target: ['main > .banner:nth-child(2)'], html: '<img class="banner" src="banner.png" id="el-555555">' },
      { target: ['main > .banner:nth-child(3)'], html: '<img class="banner" src="banner.png" id="el-666666">' },
      { target: ['#logo'], html: '<img id="logo" src="logo.png">' },
    ] }]);
    expect(filterNew(copied, baseline).summary.violations.nodes).toBe(1);

    // Really different elements stay new.
    const other = report([{ url: 'site/index.html', nodes: [{ target: ['main > .banner:nth-child(2)'], html: '<img class="banner" src="new-banner.png">' }] }]);
    expect(filterNew(other, baseline).summary.violations.nodes).toBe(1);
  });

  test('older baselines (selector fingerprints only), reports and plain lists still work', () => {
    const before = report([{ url: 'a.html', nodes: [{ target: ['.x'], html: '<img class="x" src="x.png">' }] }]);
    const old = makeBaseline(before);
    for (const e of old.entries) delete e.htmlFingerprint;
    const same = report([{ url: 'a.html', nodes: [{ target: ['.x'], html: '<img class="x" src="x.png">' }] }]);
    expect(filterNew(same, old).summary.violations.nodes).toBe(0);
    const moved = report([{ url: 'a.html', nodes: [{ target: ['div > .x'], html: '<img class="x" src="x.png">' }] }]);
    expect(filterNew(moved, old).summary.violations.nodes).toBe(1); // nothing else to go by
    expect(filterNew(moved, before).summary.violations.nodes).toBe(0); // a previous report has the HTML
    const fp = before.pages[0]!.violations[0]!.nodes[0]!;
    expect(filterNew(moved, [fp.fingerprint]).summary.violations.nodes).toBe(1);
    expect(filterNew(moved, [htmlFingerprint('image-alt', 'a.html', fp.html)!]).summary.violations.nodes).toBe(0);
  });

  test('the query parameter "from" is content, not tracking; utm_*, gclid, fbclid, spm, _t, timestamp are dropped', () => {
    expect(normalizeUrl('https://a.gov.cn/list?from=2023')).toBe('https://a.gov.cn/list?from=2023');
    expect(normalizeUrl('https://a.gov.cn/list?from=2023')).not.toBe(normalizeUrl('https://a.gov.cn/list?from=2024'));
    expect(normalizeUrl('https://a.gov.cn/list?utm_source=x&gclid=1&fbclid=2&spm=3&_t=4&timestamp=5&page=2')).toBe('https://a.gov.cn/list?page=2');
  });
});

describe('merging shard reports', () => {
  const shard = (index: number, total: number, url: string, extra: Partial<Parameters<typeof buildReport>[0]> = {}): KanjianReport =>
    report([{ url, nodes: [] }], { shard: { index, total }, interrupted: false, ...extra });

  test('shard and interrupted are recorded and valid against the schema', () => {
    const r = shard(2, 3, 'b.html');
    expect(r.shard).toEqual({ index: 2, total: 3 });
    expect(r.interrupted).toBe(false);
    expect(reportSchemaErrors(JSON.parse(JSON.stringify(r)))).toEqual([]);
    expect(reportSchemaErrors({ ...JSON.parse(JSON.stringify(r)), shard: { index: 0, total: 3 } })).not.toEqual([]);
    // Without them (the library's own reports), nothing is added.
    expect('shard' in report([{ url: 'a.html', nodes: [] }])).toBe(false);
  });

  test('a complete set merges; the merge carries no shard and is interrupted when a shard was', () => {
    const merged = mergeReports([shard(2, 3, 'b.html'), shard(1, 3, 'a.html'), shard(3, 3, 'c.html')]);
    expect(merged.pages.map((p) => p.url)).toEqual(['a.html', 'b.html', 'c.html']);
    expect(merged.shard).toBeUndefined();
    expect(merged.interrupted).toBe(false);
    expect(reportSchemaErrors(JSON.parse(JSON.stringify(merged)))).toEqual([]);
    expect(mergeReports([shard(1, 2, 'a.html'), shard(2, 2, 'b.html', { interrupted: true })]).interrupted).toBe(true);
  });

  test('refuses different totals, a missing shard, a shard twice and a page in two reports', () => {
    const refusal = (reports: KanjianReport[], names?: string[]): MergeError => {
      try {
        checkMergeable(reports, names);
      } catch (e) {
        expect(e).toBeInstanceOf(MergeError);
        return e as MergeError;
      }
      throw new Error('expected a refusal');
    };
    const totals = refusal([shard(1, 2, 'a.html'), shard(2, 3, 'b.html')], ['s1/report.json', 's2/report.json']);
    expect(totals.en).toMatch(/different totals \(2, 3\).*s1\/report\.json \(1\/2\)/);
    expect(totals.zh).toMatch(/总数不一致/);
    expect(refusal([shard(1, 3, 'a.html'), shard(3, 3, 'c.html')]).en).toMatch(/missing shard\(s\) 2\/3/);
    const twice = refusal([shard(1, 2, 'a.html'), shard(2, 2, 'b.html'), shard(2, 2, 'c.html')], ['x', 'y', 'z']);
    expect(twice.en).toMatch(/shard 2\/2 is given 2 times: y, z/);
    const page = refusal([report([{ url: 'a.html', nodes: [] }]), report([{ url: 'a.html', nodes: [] }, { url: 'b.html', nodes: [] }])], ['one', 'two']);
    expect(page.en).toBe('page a.html is in both one and two');
    expect(page.zh).toMatch(/同时出现在 one 和 two 中/);
    expect(() => mergeReports([shard(1, 2, 'a.html')])).toThrow(/missing shard/);
  });
});

// The official SARIF 2.1.0 schema ships with @microsoft/jest-sarif.

describe('SARIF locations for code scanning', () => {
  const SOURCE = [
    '<!doctype html>',
    "<html lang='zh-CN'><head><title>t</title></head>",
    '<body>',
    '  <IMG SRC="logo.png"',
    '       width=40>',
    '  <p><img src="x.png"></p>',
    '  <p><img src="x.png"></p>',
    '</body></html>',
  ].join('\n');

  test('the start tag of a snippet, found in the source: exact, as the source spells it, or line 1', () => {
    expect(startTagOf('<img src="x.png" alt="a > b"><span>')).toBe('<img src="x.png" alt="a > b">');
    expect(startTagOf('text')).toBe('');
    expect(startLineOf(SOURCE, '<img src="x.png">')).toBe(6);
    expect(startLineOf(SOURCE, '<img src="x.png">', 1)).toBe(7);
    expect(startLineOf(SOURCE, '<img src="logo.png" width="40">')).toBe(4);
    expect(startLineOf(SOURCE, '<html lang="zh-CN"><head>…')).toBe(2);
    expect(startLineOf(SOURCE, '<img src="made-by-script.png">')).toBe(1);
    expect(startLineOf(SOURCE, '')).toBe(1);
  });

  test('artifact URIs: URLs as they are, local paths percent-encoded segment by segment, never empty', () => {
    expect(artifactUri('https://a.gov.cn/x?y=1#z')).toBe('https://a.gov.cn/x?y=1#z');
    // The report names "site/新闻 #1.html" with encodeURI, which leaves "#" alone.
    expect(artifactUri(encodeURI('site/新闻 #1.html'))).toBe('site/%E6%96%B0%E9%97%BB%20%231.html');
    expect(artifactUri('../shared/a?b;c.html')).toBe('../shared/a%3Fb%3Bc.html');
    expect(artifactUri('a:b.html')).toBe('a%3Ab.html');
    expect(artifactUri('')).toBeUndefined();
    expect(artifactUri('  ')).toBeUndefined();
  });

  test('results carry startLine, a relative path URI and primaryLocationLineHash; valid SARIF', () => {
    const localName = encodeURI('site/新闻 #1.html');
    const r = report([
      { url: localName, nodes: [{ target: ['p:nth-child(2) > img'], html: '<img src="x.png">' }, { target: ['p:nth-child(3) > img'], html: '<img src="x.png">' }, { target: ['img[src="logo.png"]'], html: '<img src="logo.png" width="40">' }, { target: ['iframe', 'img'], html: '<img src="x.png">' }] },
      { url: 'https://a.gov.cn/', nodes: [{ target: ['img'], html: '<img src="x.png">' }] },
      { url: '', nodes: [{ target: ['img'], html: '<img src="y.png">' }] },
    ]);
    const read: string[] = [];
    const log: Loose = toSarifLog(r, {
      readSource: (name) => {
        read.push(name);
        return name === localName ? SOURCE : undefined;
      },
    });
    expect(read).toEqual([localName]); // never asked for a URL's source
    const results: Loose[] = log.runs[0].results;
    const where = results.map((res) => [res.locations[0].physicalLocation?.artifactLocation.uri, res.locations[0].physicalLocation?.region.startLine]);
    expect(where).toEqual([
      [undefined, undefined], // no page name: no physical location rather than an empty uri
      ['https://a.gov.cn/', 1],
      ['site/%E6%96%B0%E9%97%BB%20%231.html', 6],
      ['site/%E6%96%B0%E9%97%BB%20%231.html', 7],
      ['site/%E6%96%B0%E9%97%BB%20%231.html', 4],
      ['site/%E6%96%B0%E9%97%BB%20%231.html', 1], // in a frame: not in this file
    ]);
    const nodes = r.pages.flatMap((p) => p.violations.flatMap((f) => f.nodes));
    results.forEach((res, i) => expect(res.partialFingerprints.primaryLocationLineHash).toBe(`${nodes[i]!.fingerprint}:1`));
    expect(log.runs[0].artifacts.map((a: Loose) => a.location.uri)).toEqual(['https://a.gov.cn/', 'site/%E6%96%B0%E9%97%BB%20%231.html']);
    expect(JSON.stringify(log)).not.toContain('"uri":""');
    // Without a source reader: line 1 everywhere.
    expect((toSarifLog(r) as Loose).runs[0].results.every((res: Loose) => !res.locations[0].physicalLocation || res.locations[0].physicalLocation.region.startLine === 1)).toBe(true);

    expect(sarifSchemaErrors(JSON.parse(JSON.stringify(log)))).toEqual([]);
  });
});
