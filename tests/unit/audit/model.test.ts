import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  buildReport, filterNew, fingerprint, makeBaseline, meetsFailOn, mergeReports, normalizeUrl, toJson, worstImpact,
  type KanjianReport,
} from '../../../src/audit/index';
import { GENERATED_AT, REPO, fullReport, page, pageInput, recording, reportOf } from './helpers';

const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'src/audit/report.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(report: unknown): void {
  const ok = validate(JSON.parse(JSON.stringify(report)));
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

describe('buildReport on recorded axe results', () => {
  const report = fullReport();

  test('has the report.json shape and validates against the schema', () => {
    expect(report.schemaVersion).toBe('1.0.0');
    expect(report.tool).toEqual({ name: 'kanjian', version: '0.1.0', axeVersion: recording().axeVersion });
    expect(report.generatedAt).toBe(GENERATED_AT);
    expect(report.pages).toHaveLength(recording().pages.length);
    const home = report.pages.find((p) => p.url.endsWith('before/home.html'))!;
    expect(home.status).toBe('audited');
    expect(home.title).toBe(page('before/home.html').title);
    expect(home.passes).toBe(page('before/home.html').results.passes.length);
    const alt = home.violations.find((f) => f.id === 'image-alt')!;
    expect(Object.keys(alt.nodes[0]!).sort()).toEqual(['all', 'any', 'failureSummary', 'fingerprint', 'html', 'impact', 'none', 'target']);
    expectValid(report);
    // The schema is not a rubber stamp.
    const broken = JSON.parse(JSON.stringify(report)) as KanjianReport;
    (broken.pages[0] as unknown as { status: string }).status = 'ok';
    expect(validate(broken)).toBe(false);
  });

  test('pages are ordered by URL; needs-review is kept apart from violations', () => {
    const urls = report.pages.map((p) => p.url);
    expect(urls).toEqual([...urls].sort());
    const home = report.pages.find((p) => p.url.endsWith('before/home.html'))!;
    const raw = page('before/home.html').results;
    expect(home.violations.map((f) => f.id).sort()).toEqual(raw.violations.map((r) => r.id).sort());
    expect(home.incomplete.map((f) => f.id).sort()).toEqual(raw.incomplete.map((r) => r.id).sort());
  });

  test('WCAG criteria from tags, with names, levels and principles; GB/T and 适老化 references', () => {
    const home = report.pages.find((p) => p.url.endsWith('before/home.html'))!;
    const alt = home.violations.find((f) => f.id === 'image-alt')!;
    expect(alt.wcag).toEqual([
      expect.objectContaining({ sc: '1.1.1', level: 'A', principle: 'perceivable', version: '2.0', name: expect.objectContaining({ 'zh-CN': '非文本内容', en: 'Non-text Content' }) }),
    ]);
    expect(alt.gbt37668).toEqual([expect.objectContaining({ clause: '5.1.1', wcag: '1.1.1', verified: false })]);
    expect(alt.elderly.map((e) => e.id)).toEqual(['assistive-tech']);
    expect(alt.help['zh-CN']).not.toBe(alt.help.en);
    const tgt = home.incomplete.find((f) => f.id === 'kanjian-target-size')!;
    expect(tgt.wcag.map((w) => `${w.sc} ${w.level} ${w.version}`)).toEqual(['2.5.5 AAA 2.1']);
    expect(tgt.elderly.map((e) => e.id)).toEqual(['target-size']);
    const cc = home.incomplete.find((f) => f.id === 'color-contrast')!;
    expect(cc.elderly.map((e) => e.id)).toEqual(['contrast']);
  });

  test('frame paths in targets survive, and frame nodes get their own fingerprints', () => {
    const host = report.pages.find((p) => p.url.endsWith('frames/host.html'))!;
    const framed = host.violations.flatMap((f) => f.nodes).filter((n) => n.target.length === 2);
    expect(framed.length).toBeGreaterThan(0);
    expect(framed.every((n) => n.target[0] === 'iframe#tickets')).toBe(true);
    const img = host.violations.find((f) => f.id === 'image-alt')!;
    expect(img.nodes.some((n) => n.target.length === 1)).toBe(true); // the host's own <img>
    const fps = host.violations.flatMap((f) => f.nodes.map((n) => n.fingerprint));
    expect(new Set(fps).size).toBe(fps.length);
  });

  test('summary: counts by impact and principle, verdict for the chosen level', () => {
    const s = report.summary;
    const nodes = report.pages.flatMap((p) => p.violations).reduce((n, f) => n + f.nodes.length, 0);
    expect(s.violations.nodes).toBe(nodes);
    expect(Object.values(s.violations.byImpact).reduce((a, b) => a + b, 0)).toBe(nodes);
    expect(s.violations.byPrinciple.perceivable).toBeGreaterThan(0);
    expect(s.violations.byPrinciple.other).toBeGreaterThan(0); // region, kanjian-line-height
    expect(s.verdict.result).toBe('fail');
    expect(s.verdict.failingRules).toContain('image-alt');
    expect(s.verdict.failingRules).not.toContain('region'); // best practice only
    // The repaired site passes WCAG 2.2 AA (its remaining findings are best practice or 适老化 only).
    const after = reportOf(recording().pages.filter((p) => p.file.startsWith('after/')));
    expect(after.summary.violations.nodes).toBeGreaterThan(0);
    expect(after.summary.verdict).toEqual({ standard: 'wcag22aa', result: 'pass', failingRules: [] });
    // Needs-review never fails, even when it is all there is.
    const reviewOnly = reportOf([page('after/home.html')]);
    expect(reviewOnly.summary.incomplete.nodes).toBeGreaterThan(0);
    expect(reviewOnly.summary.verdict.result).toBe('pass');
  });

  test('worstImpact and meetsFailOn', () => {
    expect(worstImpact(report)).toBe('critical');
    expect(meetsFailOn(report, 'critical')).toBe(true);
    expect(meetsFailOn(report, 'none')).toBe(false);
    const after = reportOf([page('after/home.html')]);
    const w = worstImpact(after);
    expect(w).toBe('moderate');
    expect(meetsFailOn(after, 'serious')).toBe(false);
    expect(meetsFailOn(after, 'moderate')).toBe(true);
    expect(meetsFailOn(after, 'minor')).toBe(true);
    expect(worstImpact([])).toBeNull();
  });

  test('a page that could not be audited', () => {
    const r = buildReport({ pages: [{ url: 'https://x.test/a', error: new Error('net::ERR_NAME_NOT_RESOLVED') }], generatedAt: GENERATED_AT });
    expect(r.pages[0]).toMatchObject({ status: 'failed', error: 'net::ERR_NAME_NOT_RESOLVED', violations: [], passes: 0 });
    expect(r.summary.verdict.result).toBe('error');
    expect(r.summary.pages).toEqual({ total: 1, audited: 0, failed: 1 });
    expectValid(r);
  });
});

describe('transforms', () => {
  test('findings caused only by a transform are added with its label', () => {
    const p = page('before/home.html');
    const r = buildReport({ pages: [pageInput(p, true)], options: recording().options, generatedAt: GENERATED_AT });
    const labelled = [...r.pages[0]!.violations, ...r.pages[0]!.incomplete].filter((f) => f.transform);
    expect(labelled.length).toBeGreaterThan(0);
    expect(labelled.every((f) => f.transform === 'tiny-text')).toBe(true);
    expect(labelled.map((f) => f.id)).toContain('kanjian-font-size');
    // image-alt and link-name are found without the transform too, so none of their nodes is re-added.
    expect(labelled.map((f) => f.id)).not.toContain('image-alt');
    const plain = r.pages[0]!.violations.find((f) => f.id === 'kanjian-font-size' && !f.transform);
    const tiny = r.pages[0]!.violations.find((f) => f.id === 'kanjian-font-size' && f.transform)!;
    for (const n of tiny.nodes) expect(plain?.nodes.some((m) => m.fingerprint === n.fingerprint) ?? false).toBe(false);
    expectValid(r);
  });
});

describe('fingerprints', () => {
  test('stable across runs and insensitive to an unrelated DOM change (real axe, re-run)', () => {
    const p = page('before/news.html');
    const fps = (groups: { id: string; targets: string[][] }[]) =>
      new Set(groups.flatMap((g) => g.targets.map((t) => fingerprint(g.id, p.url, t))));
    const before = fps(p.allTargets!.violations);
    const after = fps(p.unrelatedChange!.violations);
    expect(before.size).toBeGreaterThan(20);
    // Every known finding keeps its fingerprint; the only new one is the inserted paragraph itself.
    expect([...before].filter((f) => !after.has(f))).toEqual([]);
    expect([...after].filter((f) => !before.has(f))).toEqual([fingerprint('region', p.url, ['body > p'])]);
    expect(fullReport().pages.find((x) => x.url === p.url)).toEqual(fullReport().pages.find((x) => x.url === p.url));
  });

  test('depends on rule, normalised URL, selector and transform only', () => {
    const t = ['#main > img:nth-child(2)'];
    const a = fingerprint('image-alt', 'https://Example.com:443/a?b=2&a=1&utm_source=x#frag', t);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint('image-alt', 'https://example.com/a?a=1&b=2', ['#main>img:nth-child(2)'])).toBe(a);
    expect(fingerprint('image-alt', 'https://example.com/b?a=1&b=2', t)).not.toBe(a);
    expect(fingerprint('link-name', 'https://example.com/a?a=1&b=2', t)).not.toBe(a);
    expect(fingerprint('image-alt', 'https://example.com/a?a=1&b=2', ['#main > img:nth-child(3)'])).not.toBe(a);
    expect(fingerprint('image-alt', 'https://example.com/a?a=1&b=2', t, 'zoom-200')).not.toBe(a);
    expect(fingerprint('image-alt', 'https://example.com/a', ['iframe', '#x'])).not.toBe(fingerprint('image-alt', 'https://example.com/a', [['iframe', '#x']]));
    expect(normalizeUrl('HTTPS://EXAMPLE.com:443/p?z=1&a=2#top')).toBe('https://example.com/p?a=2&z=1');
  });
});

describe('mergeReports', () => {
  test('merging shard reports equals the unsharded report, modulo generatedAt', () => {
    const pages = recording().pages;
    const whole = reportOf(pages);
    // Interleaved shards, in the "wrong" order, made at different times.
    const shardA = reportOf(pages.filter((_, i) => i % 3 === 0), { generatedAt: '2025-01-02T03:10:00.000Z' });
    const shardB = reportOf(pages.filter((_, i) => i % 3 === 1), { generatedAt: '2025-01-02T03:05:00.000Z' });
    const shardC = reportOf(pages.filter((_, i) => i % 3 === 2), { generatedAt: '2025-01-02T03:07:00.000Z' });
    const merged = mergeReports([shardC, shardA, shardB]);
    expect(merged.generatedAt).toBe('2025-01-02T03:10:00.000Z');
    expect({ ...merged, generatedAt: whole.generatedAt }).toEqual(whole);
    expect(toJson({ ...merged, generatedAt: whole.generatedAt })).toBe(toJson(whole));
  });

  test('refuses to merge reports made with different options or versions', () => {
    const a = reportOf([page('before/home.html')]);
    const b = reportOf([page('after/home.html')], { options: { ...recording().options, standard: 'wcag21aa' } });
    expect(() => mergeReports([a, b])).toThrow(/options/);
    const c = reportOf([page('after/home.html')], { toolVersion: '9.9.9' });
    expect(() => mergeReports([a, c])).toThrow(/versions/);
    expect(() => mergeReports([])).toThrow();
  });
});

describe('baselines', () => {
  test('makeBaseline + filterNew: a known report has nothing new; a new page shows only its own nodes', () => {
    const base = reportOf([page('before/home.html'), page('before/news.html')]);
    const baseline = makeBaseline(base);
    expect(baseline.kind).toBe('kanjian-baseline');
    expect(baseline.entries.length).toBe(
      base.pages.flatMap((p) => [...p.violations, ...p.incomplete]).reduce((n, f) => n + f.nodes.length, 0),
    );
    const same = filterNew(base, baseline);
    expect(same.summary.violations.nodes).toBe(0);
    expect(same.summary.incomplete.nodes).toBe(0);
    expect(same.summary.verdict.result).toBe('pass');
    expect(same.baseline).toEqual({ entries: baseline.entries.length, suppressedNodes: baseline.entries.length });
    const grown = reportOf([page('before/home.html'), page('before/news.html'), page('before/survey.html')]);
    const fresh = filterNew(grown, JSON.parse(JSON.stringify(baseline)));
    expect(fresh.pages.filter((p) => p.violations.length).map((p) => p.url)).toEqual([page('before/survey.html').url]);
    expect(fresh.summary.verdict.result).toBe('fail');
    expectValid(fresh);
    // A baseline can also be the previous report itself, or a list of fingerprints.
    expect(filterNew(grown, base).summary).toEqual(fresh.summary);
    expect(filterNew(grown, baseline.entries.map((e) => e.fingerprint)).summary).toEqual(fresh.summary);
  });
});
