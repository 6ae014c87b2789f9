// Steps per page in the config: one page audited in named states (菜单展开, 表单提交后), an SPA's
// routes within one loaded app, steps checked before the run, and a step that fails at run time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { KanjianReport } from '../../src/audit/model';
import { kanjian, readReport, reportSchemaErrors, tmpDir } from './helpers';
import { spaSite, statesSite } from './sites';

function config(dir: string, data: unknown): void {
  writeFileSync(join(dir, 'kanjian.config.json'), JSON.stringify(data, null, 2));
}

const rulesOf = (r: KanjianReport, state: string): string[] => r.pages.find((p) => p.state === state)!.violations.map((f) => f.id);

test('a page audited in three states reached by steps: each state its own entry and findings', async () => {
  const site = await statesSite();
  try {
    const dir = tmpDir();
    config(dir, {
      urls: [
        {
          url: `${site.url}/`,
          steps: [
            { audit: '初始' },
            { click: '#menu-button' },
            { wait: { selector: '#menu' } },
            { audit: '菜单展开' },
            { fill: '#q', value: '张三' },
            { press: 'Enter', selector: '#q' },
            { wait: { selector: '#error-icon' } },
            { audit: '表单提交后' },
          ],
        },
      ],
    });
    const run = await kanjian(['audit', '--out', join(dir, 'out'), '--format', 'json,html,junit,sarif'], { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = readReport(join(dir, 'out'));
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.pages.map((p) => p.state)).toEqual(['初始', '菜单展开', '表单提交后']);
    expect(rulesOf(report, '初始')).not.toContain('link-name');
    expect(rulesOf(report, '菜单展开')).toContain('link-name');
    expect(rulesOf(report, '菜单展开')).not.toContain('image-alt');
    expect(rulesOf(report, '表单提交后')).toContain('image-alt');
    // The same element in two states: two findings, two fingerprints.
    const fp = (state: string) => report.pages.find((p) => p.state === state)!.violations.find((f) => f.id === 'link-name')!.nodes[0]!.fingerprint;
    expect(fp('菜单展开')).not.toBe(fp('表单提交后'));
  } finally {
    await site.close();
  }
});

test("an SPA's routes by goto within one loaded app: history and hash routes, no reload", async () => {
  const site = await spaSite();
  try {
    const dir = tmpDir();
    config(dir, {
      urls: [{ url: `${site.url}/`, steps: [{ audit: '首页' }, { goto: '/about', spa: true }, { audit: '关于' }, { goto: '#/contact' }, { audit: '联系' }] }],
    });
    const run = await kanjian(['audit', '--out', join(dir, 'out'), '--format', 'json'], { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = readReport(join(dir, 'out'));
    expect(rulesOf(report, '首页')).toEqual([]);
    expect(rulesOf(report, '关于')).toContain('image-alt');
    expect(rulesOf(report, '联系')).toContain('label');
    expect(rulesOf(report, '联系')).not.toContain('image-alt');
    // One document: the routes were the app's own.
    expect(site.appLoads()).toBe(1);
  } finally {
    await site.close();
  }
});

test('steps are checked before the run: exit 2 naming the step and its line', async () => {
  const dir = tmpDir();
  const cases: Array<[unknown[], RegExp]> = [
    [[{ click: '#a' }, { click: '#b', fill: '#c' }], /line 9: urls\[0\]\.steps\[1\]: a step has exactly one action .* this one has click, fill/],
    [[{ audit: 'x' }, { audit: 'x' }], /line 9: urls\[0\]\.steps\[1\]: the audit name "x" is used twice/],
    [[{ fill: '#pw', env: 'KANJIAN_NO_SUCH_VARIABLE' }], /line 6: urls\[0\]\.steps\[0\]: the environment variable KANJIAN_NO_SUCH_VARIABLE is not set/],
    [[{ hover: '#a' }], /line 7: urls\[0\]\.steps\[0\]: a step is an object with one action/],
    [[{ wait: { ms: 'soon' } }], /line 8: urls\[0\]\.steps\[0\]: a step is an object with one action/],
  ];
  for (const [steps, message] of cases) {
    config(dir, { urls: [{ url: 'https://example.invalid/', steps }] });
    const run = await kanjian(['audit', '--out', join(dir, 'out')], { cwd: dir });
    expect(run.code, JSON.stringify(steps) + run.stderr).toBe(2);
    expect(run.stderr, JSON.stringify(steps)).toMatch(message);
  }
});

test('a step that fails at run time fails its page, naming the step; states before it are kept', async () => {
  const site = await statesSite();
  try {
    const dir = tmpDir();
    config(dir, { urls: [{ url: `${site.url}/`, steps: [{ audit: '初始' }, { click: '#no-such-button' }, { audit: '之后' }] }] });
    const run = await kanjian(['audit', '--out', join(dir, 'out'), '--format', 'json', '--timeout', '3'], { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(3);
    const report = readReport(join(dir, 'out'));
    expect(report.pages.map((p) => [p.state, p.status])).toEqual([['之后', 'failed'], ['初始', 'audited']].sort());
    expect(report.pages.find((p) => p.state === '之后')!.error).toMatch(/^step 2 \(click #no-such-button\) failed/);
  } finally {
    await site.close();
  }
});
