// The CLI's pure parts, without a browser: sharding, sitemaps, settings, progress output, the
// transform checks' thresholds, meta-refresh parsing and the runOnly option.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { axeRunOptions, normalizeOptions } from '../../src/audit/options';
import { refreshParses } from '../../src/audit/runner/in-page';
import { MAX_TIMEOUT_SECONDS, resolveSettings, UsageError } from '../../src/cli/audit/config';
import { releaseOnFailure } from '../../src/cli/audit/driver';
import { Progress, progressBar } from '../../src/cli/audit/progress';
import { clippedBy, isReflowCulprit, langScriptMismatch, scriptOfLang } from '../../src/cli/audit/transform-rules';
import { isHtmlType, shardOf } from '../../src/cli/audit/runner';
import { startStaticServer } from '../../src/cli/audit/server';
import { displayName, parseShard, resolveTargets, selectShard } from '../../src/cli/audit/targets';
import { parseSitemap } from '../../src/cli/audit/sitemap';
import { tmpDir } from './helpers';

test('--shard I/N: parsed strictly; shards are balanced, disjoint, deterministic and cover the list', () => {
  expect(parseShard('2/4')).toEqual({ index: 2, total: 4 });
  for (const bad of ['0/4', '5/4', '1/0', '1-4', 'a/b', '']) expect(parseShard(bad), bad).toBeNull();
  const list = Array.from({ length: 11 }, (_, i) => ({ display: `page-${String.fromCharCode(107 - i)}.html` }));
  const shards = [1, 2, 3, 4].map((index) => selectShard(list, { index, total: 4 }).map((t) => t.display));
  expect(shards.map((s) => s.length)).toEqual([3, 3, 3, 2]);
  expect(shards.flat().sort()).toEqual(list.map((t) => t.display).sort());
  expect(new Set(shards.flat()).size).toBe(11);
  // Input order does not matter; duplicates are audited once.
  expect(selectShard([...list].reverse().concat(list[0]!), { index: 2, total: 4 }).map((t) => t.display)).toEqual(shards[1]);
  // Crawled pages: by hash of the name, stable.
  expect(shardOf('a.html', 4)).toBe(shardOf('a.html', 4));
  expect(new Set(Array.from({ length: 40 }, (_, i) => shardOf(`p${i}.html`, 4))).size).toBe(4);
});

test('sitemaps: <loc> of a urlset (entities, CDATA, namespaces) and of a sitemap index', () => {
  const urlset = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc> https://a.gov.cn/?x=1&amp;y=2 </loc></url><url><loc><![CDATA[https://a.gov.cn/新闻.html]]></loc></url></urlset>`;
  expect(parseSitemap(urlset)).toMatchObject({ urls: ['https://a.gov.cn/?x=1&y=2', 'https://a.gov.cn/新闻.html'], sitemaps: [], isIndex: false });
  const index = `<sm:sitemapindex xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9"><sm:sitemap><sm:loc>https://a.gov.cn/s1.xml</sm:loc></sm:sitemap></sm:sitemapindex>`;
  expect(parseSitemap(index)).toMatchObject({ urls: [], sitemaps: ['https://a.gov.cn/s1.xml'], isIndex: true });
  // fast-xml-parser: comments are not entries, CDATA is taken as written (a bare & included), an image
  // sitemap's <image:loc> is not a page, and a DOCTYPE's entities are never expanded.
  const rich = `<?xml version="1.0"?><!-- <url><loc>https://a.gov.cn/commented.html</loc></url> -->
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url><loc><![CDATA[https://a.gov.cn/?x=1&y=2]]></loc><image:image><image:loc>https://a.gov.cn/logo.png</image:loc></image:image></url>
</urlset>`;
  expect(parseSitemap(rich)).toMatchObject({ urls: ['https://a.gov.cn/?x=1&y=2'], entries: [{ loc: 'https://a.gov.cn/?x=1&y=2', line: 3 }] });
  expect(() => parseSitemap('<!DOCTYPE u [<!ENTITY a "x">]><urlset><url><loc>https://a.gov.cn/&a;</loc></url></urlset>', 'dtd.xml')).toThrow(/dtd\.xml, line 1: malformed entity reference/);
  expect(() => parseSitemap('<urlset>\n<url><loc>https://a.gov.cn/</url></urlset>', 'cut.xml')).toThrow(/cut\.xml, line 2, column \d+: not well-formed XML/);
  // An HTML page is no sitemap: it names nothing (the run then says "nothing to audit").
  expect(parseSitemap('<!doctype html><html><body><p>404</p></body></html>').urls).toEqual([]);
});

test('settings: flags win over the config file, config paths are relative to the file, mistakes are UsageErrors', () => {
  const dir = tmpDir();
  mkdirSync(join(dir, 'ci'));
  writeFileSync(
    join(dir, 'ci', 'kanjian.config.json'),
    JSON.stringify({ urls: ['../site/', { url: 'https://a.gov.cn/', rules: ['image-alt'] }], level: 'wcag22aa', out: 'reports', format: ['json', 'sarif'], failOn: 'serious', transforms: 'zoom200,contrast:yellow-on-blue', profile: '适老化' }),
  );
  const s = resolveSettings([], { config: 'ci/kanjian.config.json', 'fail-on': 'critical', locale: 'zh_TW' }, dir);
  // Paths from a config file must stay inside the working directory.
  const config = join(dir, 'ci', 'kanjian.config.json');
  expect(s.inputs).toEqual([
    { ref: '../site/', base: join(dir, 'ci'), within: dir, from: config },
    { ref: 'https://a.gov.cn/', base: join(dir, 'ci'), within: dir, from: config, rules: ['image-alt'] },
  ]);
  expect(s.options).toMatchObject({ standard: 'wcag22aa', elderlyProfile: true, locale: 'zh-TW' });
  expect(s.outDir).toBe(join(dir, 'ci', 'reports'));
  expect(s.formats).toEqual(['json', 'sarif']);
  expect(s.failOn).toBe('critical');
  expect(s.transforms).toEqual(['zoom200', 'contrast']);
  expect(s.contrastScheme).toBe('yellow-on-blue');
  // Positionals replace the config's pages; defaults.
  const d = resolveSettings(['x.html'], {}, dir);
  expect(d.inputs).toEqual([{ ref: 'x.html', base: dir }]);
  expect(d.formats).toEqual(['json', 'html']);
  expect(d.failOn).toBe('minor');
  expect(d.concurrency).toBeGreaterThanOrEqual(1);
  expect(d.options.rules).toEqual({ include: [], exclude: [] });
  expect(resolveSettings(['x.html'], { rules: 'image-alt, label' }, dir).options.rules).toEqual({ include: [], exclude: [], only: ['image-alt', 'label'] });
  expect(() => resolveSettings(['x.html'], { level: 'wcag3' }, dir)).toThrow(UsageError);
  expect(() => resolveSettings(['x.html'], { crawl: '-1' }, dir)).toThrow(UsageError);
  expect(() => resolveSettings(['x.html'], { profile: 'young' }, dir)).toThrow(/适老化/);
});

test('--rules becomes axe runOnly by rule id; include and exclude still apply; report options carry it', () => {
  const o = axeRunOptions({ rules: { only: ['label', 'image-alt'], include: ['kanjian-reflow'], exclude: ['label'] } });
  expect(o.runOnly).toEqual({ type: 'rule', values: ['image-alt', 'kanjian-reflow'] });
  expect(axeRunOptions({}).runOnly).toMatchObject({ type: 'tag' });
  expect(normalizeOptions({ rules: { only: ['b', 'a', 'a'] } }).rules).toEqual({ include: [], exclude: [], only: ['a', 'b'] });
  expect(normalizeOptions({}).rules).toEqual({ include: [], exclude: [] });
});

test('progress: a redrawn bar on a terminal, one plain line per page otherwise', () => {
  expect(progressBar(5, 10, 10)).toBe('[█████░░░░░]');
  expect(progressBar(0, 0, 4)).toBe('[░░░░]');
  const tty: string[] = [];
  const p = new Progress({ write: (t) => tty.push(t), isTTY: true, columns: 200 });
  p.start(2);
  const target = { url: 'http://x/a.html', display: 'a.html' };
  p.page({ input: { url: 'a.html', results: { violations: [], incomplete: [] } }, target, violations: 3, total: 2, done: 1 });
  p.page({ input: { url: 'b.html', error: 'HTTP 404' }, target: { ...target, display: 'b.html' }, violations: 0, total: 2, done: 2 });
  p.finish();
  expect(tty.every((t) => t.startsWith('\r') || t === '\n')).toBe(true);
  expect(tty.at(-2)).toMatch(/\[█+\] 2\/2 页 pages 100% · 违规 violations 3 · 失败 failed 1/);
  const plain: string[] = [];
  const q = new Progress({ write: (t) => plain.push(t), isTTY: false });
  q.start(2);
  q.page({ input: { url: 'b.html', error: 'HTTP 404' }, target: { ...target, display: 'b.html' }, violations: 0, total: 2, done: 1 });
  expect(plain).toEqual(['kanjian audit: 开始检测 2 个页面 / auditing 2 page(s)\n', '[1/2] ✗ 无法检测 failed: HTTP 404  b.html\n']);
  expect(plain.join('')).not.toContain('\r');
});

test('transform checks: reflow culprits, clipped text, lang vs script', () => {
  const box = (left: number, right: number, top = 0, bottom = 20) => ({ left, right, top, bottom });
  expect(isReflowCulprit(box(0, 1400), box(0, 1280), 1280)).toBe(true);
  expect(isReflowCulprit(box(0, 1400), box(0, 1400), 1280)).toBe(false); // the parent is the culprit
  expect(isReflowCulprit(box(0, 1280.5), null, 1280)).toBe(false); // sub-pixel
  expect(isReflowCulprit(box(1300, 1300), null, 1280)).toBe(false); // empty box
  expect(clippedBy(box(0, 100), [box(0, 90), box(0, 160)], { x: true, y: false })).toBe(60);
  expect(clippedBy(box(0, 100, 0, 40), [box(0, 90, 30, 80)], { x: true, y: false })).toBe(0); // y not clipped
  expect(clippedBy(box(0, 100, 0, 40), [box(0, 90, 30, 80)], { x: false, y: true })).toBe(40);
  expect(scriptOfLang('zh-CN')).toBe('simplified');
  expect(scriptOfLang('zh-Hant-HK')).toBe('traditional');
  expect(scriptOfLang('zh_TW')).toBe('traditional');
  expect(scriptOfLang('zh')).toBeNull();
  expect(scriptOfLang('ja')).toBeNull();
  expect(langScriptMismatch('simplified', { simplified: 0, traditional: 5 })).toBe(true);
  expect(langScriptMismatch('simplified', { simplified: 0, traditional: 2 })).toBe(false); // too few to tell
  expect(langScriptMismatch('traditional', { simplified: 10, traditional: 4 })).toBe(false); // mixed
  expect(langScriptMismatch('traditional', { simplified: 12, traditional: 4 })).toBe(true);
});

test('meta refresh content that a browser acts on (only the first one that parses counts)', () => {
  for (const ok of ['0', '5; url=https://w3.org', ' 3,https://x', '.5', '30 https://x', '0; URL=\'https://github.com\'']) expect(refreshParses(ok), ok).toBe(true);
  for (const bad of ['0: https://w3.org', 'soon', '', 'url=x', '-1']) expect(refreshParses(bad), bad).toBe(false);
});

test('content types the audit accepts', () => {
  expect(isHtmlType('text/html; charset=utf-8')).toBe(true);
  expect(isHtmlType('application/xhtml+xml')).toBe(true);
  expect(isHtmlType(null)).toBe(true);
  expect(isHtmlType('text/plain')).toBe(false);
  expect(isHtmlType('image/svg+xml')).toBe(false);
});

test('--timeout is at most a day (setTimeout fires at once past 2^31-1 ms); --out must be a folder', () => {
  const dir = tmpDir();
  expect(resolveSettings(['x.html'], { timeout: String(MAX_TIMEOUT_SECONDS) }, dir).timeoutMs).toBe(86_400_000);
  expect(() => resolveSettings(['x.html'], { timeout: '86401' }, dir)).toThrow(/--timeout must be at most 86400/);
  expect(() => resolveSettings(['x.html'], { timeout: '3000000' }, dir)).toThrow(UsageError);
  const configDir = tmpDir();
  writeFileSync(join(configDir, 'kanjian.config.json'), JSON.stringify({ urls: ['x.html'], timeout: 100000 }));
  let fromConfig: unknown;
  try {
    resolveSettings([], {}, configDir);
  } catch (e) {
    fromConfig = e;
  }
  expect(fromConfig).toBeInstanceOf(UsageError);
  expect((fromConfig as UsageError).zh).toMatch(/timeout 不能大于 86400/);
  writeFileSync(join(dir, 'a-file'), '');
  expect(() => resolveSettings(['x.html'], { out: 'a-file' }, dir)).toThrow(/--out .*a-file is not a folder/);
  expect(() => resolveSettings(['x.html'], { out: 'a-file/reports' }, dir)).toThrow(/is not a folder \(.*a-file is a file\)/);
  expect(resolveSettings(['x.html'], { out: 'new/reports' }, dir).outDir).toBe(join(dir, 'new', 'reports'));
});

test('a driver set-up that fails releases what was launched and rethrows', async () => {
  const released: string[] = [];
  await expect(
    releaseOnFailure(
      async () => {
        throw new Error('newContext failed');
      },
      async () => void released.push('browser closed'),
    ),
  ).rejects.toThrow('newContext failed');
  expect(released).toEqual(['browser closed']);
  // A release that fails itself does not hide the first error.
  await expect(releaseOnFailure(async () => Promise.reject(new Error('first')), () => Promise.reject(new Error('second')))).rejects.toThrow('first');
  expect(await releaseOnFailure(async () => 42, () => void released.push('no'))).toBe(42);
  expect(released).toEqual(['browser closed']);
});

test('the local server: /sub redirects to /sub/, a folder is its index.html, a web root of "/" works', async () => {
  const dir = tmpDir();
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>root</title>');
  writeFileSync(join(dir, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
  const server = await startStaticServer(dir);
  try {
    const moved = await fetch(`${server.origin}/sub?x=1`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/sub/?x=1');
    expect(await (await fetch(`${server.origin}/sub/`)).text()).toContain('<title>sub</title>');
    expect(await (await fetch(`${server.origin}/sub`)).text()).toContain('<title>sub</title>'); // followed
  } finally {
    await server.close();
  }
  const slash = await startStaticServer('/');
  try {
    const url = slash.urlOf(join(dir, 'sub', 'index.html'));
    expect(url).toBe(`${slash.origin}${join(dir, 'sub', 'index.html')}`);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>sub</title>');
    expect(slash.fileOf(url)).toBe(join(dir, 'sub', 'index.html'));
  } finally {
    await slash.close();
  }
});

test('crawled links to a folder ("/", "sub/", "/sub") name its index.html; names are never empty', async () => {
  const dir = tmpDir();
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>root</title>');
  writeFileSync(join(dir, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
  const resolved = await resolveTargets([{ ref: '.', base: dir }], { cwd: dir });
  try {
    expect(resolved.targets.map((t) => t.display)).toEqual(['index.html', 'sub/index.html']);
    const origin = new URL(resolved.targets[0]!.url).origin;
    const named = (path: string): string | undefined => resolved.toTarget(origin + path, 1)?.display;
    expect(named('/')).toBe('index.html');
    expect(named('/index.html')).toBe('index.html');
    expect(named('/sub/')).toBe('sub/index.html');
    expect(named('/sub')).toBe('sub/index.html');
    expect(named('/sub/index.html#top')).toBe('sub/index.html');
    expect(resolved.toTarget(`${origin}/sub/`, 1)!.url).toBe(`${origin}/sub/index.html`);
  } finally {
    await resolved.close();
  }
  expect(displayName(dir, dir)).not.toBe('');
});
