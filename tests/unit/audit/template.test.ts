import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { evaluateExpression, renderTemplate, substitute, TemplateError } from '../../../src/audit/localize/template';

const localeFile = (name: string) =>
  JSON.parse(fs.readFileSync(path.resolve(process.cwd(), `node_modules/axe-core/locales/${name}.json`), 'utf8'));

describe('doT subset interpreter', () => {
  test('renders the failure summary templates of every shipped locale like axe does', () => {
    for (const name of ['_template', 'zh_CN', 'zh_TW']) {
      const loc = localeFile(name);
      for (const key of ['any', 'none']) {
        const tpl: string = loc.failureSummaries[key].failureMessage;
        const out = renderTemplate(tpl, ['first line', 'second\nmultiline']);
        const head = tpl.slice(0, tpl.indexOf('{{'));
        const indent = /join\('\\n( +)'\)/.exec(tpl)![1]!;
        const expected = head + ['first line', 'second\nmultiline'].map((v) => `\n${indent}${v.split('\n').join(`\n${indent}`)}`).join('');
        expect(out).toBe(expected);
      }
    }
    // Exactly axe's English output (compiled in axe.js).
    expect(renderTemplate(localeFile('_template').failureSummaries.any.failureMessage, ['a', 'b\nc'])).toBe(
      'Fix any of the following:\n  a\n  b\n  c',
    );
  });

  test('interpolation, encoding, iteration with index, nested conditionals', () => {
    const it = { name: 'x<y>', items: ['a', 'b', 'c'], n: 2, flag: false };
    expect(renderTemplate('{{=it.name}}|{{!it.name}}', it)).toBe('x<y>|x&#60;y&#62;');
    expect(renderTemplate('{{~it.items:v:i}}[{{=i}}={{=v}}]{{~}}', it)).toBe('[0=a][1=b][2=c]');
    expect(renderTemplate('{{? it.n > 3}}big{{?? it.n === 2}}two{{??}}other{{?}}', it)).toBe('two');
    expect(renderTemplate('{{? !it.flag && it.items.length}}yes{{?}}', it)).toBe('yes');
    expect(renderTemplate('{{~it.items:v}}{{? v === "b"}}B{{??}}{{=v}}{{?}}{{~}}', it)).toBe('aBc');
    expect(renderTemplate('{{=it.n === 1 ? "one" : "many"}} {{=it.items.join("+")}}', it)).toBe('many a+b+c');
    expect(renderTemplate('{{=it.missing}}!', it)).toBe('!');
  });

  test('never evaluates arbitrary code', () => {
    const bad = [
      '{{= it.constructor }}',
      "{{= it.name.constructor('return 1')() }}",
      '{{= globalThis }}',
      '{{= it.items.map(x => x) }}',
      '{{ var a = 1; }}',
      '{{= it.__proto__ }}',
      "{{= ''.constructor.constructor('return process')() }}",
    ];
    for (const t of bad) expect(() => renderTemplate(t, { name: 'n', items: [] }), t).toThrow(TemplateError);
    expect(() => evaluateExpression('process', {})).toThrow(TemplateError);
  });

  test('substitute handles ${data}, ${data.x}, arrays, and the locale typos', () => {
    expect(substitute('v=${data}', 'x')).toBe('v=x');
    expect(substitute('${data.a} ${ data.b }', { a: 1, b: ['p', 'q'] })).toBe('1 p, q');
    expect(substitute('${data.missing}', { a: 1 })).toBe('${data.missing}');
    // zh_TW.json writes "${data .minSize }"; zh_CN.json has "${data.prohibited 属性…" without its brace.
    expect(substitute('至少 ${data .minSize }px', { minSize: 24 })).toBe('至少 24px');
    expect(substitute('${data.prohibited 属性不能', { prohibited: 'aria-label' })).toBe('aria-label 属性不能');
  });
});
