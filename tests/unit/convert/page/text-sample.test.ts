import { describe, expect, test } from 'vitest';
import { textSample } from '../../../../src/convert/page/text-sample';

describe('textSample', () => {
  test('is the start of textContent, in the same order, across elements, scripts and nested markup', () => {
    document.body.innerHTML = '<p>这是<b>简体</b>中文</p><script>var s = "码";</script><!-- 注释 --><ul><li>一</li><li>二<i>三</i></li></ul>';
    const full = document.body.textContent ?? '';
    expect(textSample(document.body)).toBe(full);
    for (const n of [0, 1, 2, 5, 9, full.length - 1]) expect(textSample(document.body, n)).toBe(full.slice(0, n));
  });

  test('stops at the limit without reading the rest of a long page', () => {
    document.body.innerHTML = '';
    for (let i = 0; i < 2000; i++) document.body.append(Object.assign(document.createElement('p'), { textContent: '這個軟體很好。' }));
    const sample = textSample(document.body, 100);
    expect(sample).toHaveLength(100);
    expect(sample).toBe((document.body.textContent ?? '').slice(0, 100));
  });

  test('no body, no text', () => {
    expect(textSample(null)).toBe('');
    expect(textSample(undefined)).toBe('');
  });
});
