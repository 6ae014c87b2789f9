// The CLI's session inputs and secret scrubbing (src/cli/audit/session.ts), and the small PNG codec
// the element screenshots use (src/cli/audit/png.ts).
import { describe, expect, it } from 'vitest';
import { collectSecrets, parseCookie, parseHeader, Secrets } from '../../../src/cli/audit/session';
import { crop, decodePng, encodePng, strokeRect } from '../../../src/cli/audit/png';

describe('session inputs', () => {
  it('parses headers and refuses CR/LF without repeating the value', () => {
    expect(parseHeader('Authorization:  Bearer abc ', 0)).toEqual(['Authorization', 'Bearer abc']);
    expect(() => parseHeader('X-A: one\r\nX-B: two', 0)).toThrow(/--header #1 \(X-A\): the value holds a line break/);
    try {
      parseHeader('X-A: s3cr3t\nX', 0);
    } catch (e) {
      expect(String((e as Error).message)).not.toContain('s3cr3t');
    }
    expect(() => parseHeader('Host: evil', 1)).toThrow(/--header #2: Host cannot be set/);
  });

  it('parses cookies with attributes', () => {
    expect(parseCookie('sid=abc=def; Domain=.example.cn; Path=/a; Secure; HttpOnly; SameSite=strict', 0)).toEqual({
      name: 'sid', value: 'abc=def', domain: '.example.cn', path: '/a', secure: true, httpOnly: true, sameSite: 'Strict',
    });
    expect(() => parseCookie('novalue', 0)).toThrow(/must be "name=value/);
    expect(() => parseCookie('a=b; path=x', 0)).toThrow(/path must start with \//);
  });

  it('scrubs secrets, their encoded forms and a long token word, but not short values or a scheme word', () => {
    const s = collectSecrets(
      { headers: { Authorization: 'Bearer tok_5b1e2c9d8a7f6e40' }, cookies: [{ name: 'lang', value: 'zh-CN' }, { name: 'sid', value: 'a b/c?d&e=1' }] },
      [[{ kind: 'fill', selector: '#pw', value: 'p<a>ss', secret: true }, { kind: 'fill', selector: '#u', value: 'visible-user', secret: false }]],
    );
    const text = 'Bearer tok_5b1e2c9d8a7f6e40 | tok_5b1e2c9d8a7f6e40 | a%20b%2Fc%3Fd%26e%3D1 | p&lt;a&gt;ss | lang="zh-CN" | visible-user';
    expect(s.redact(text)).toBe('*** | *** | *** | *** | lang="zh-CN" | visible-user');
    expect(new Secrets().redact('x')).toBe('x');
    expect(s.redactDeep({ a: ['tok_5b1e2c9d8a7f6e40'], n: 3 })).toEqual({ a: ['***'], n: 3 });
  });
});

describe('png', () => {
  it('round-trips, crops and outlines', () => {
    const img = { width: 4, height: 3, data: new Uint8Array(4 * 3 * 4).map((_v, i) => (i % 4 === 3 ? 255 : i * 5)) };
    const back = decodePng(encodePng(img));
    expect(back).toEqual(img);
    const c = crop(img, 1, 1, 2, 2);
    expect([...c.data.subarray(0, 4)]).toEqual([...img.data.subarray(20, 24)]);
    const blank = { width: 5, height: 5, data: new Uint8Array(100).fill(255) };
    strokeRect(blank, 0, 0, 5, 5, [255, 0, 255], 1);
    expect([...blank.data.subarray(0, 4)]).toEqual([255, 0, 255, 255]);
    expect([...blank.data.subarray(48, 52)]).toEqual([255, 255, 255, 255]);
  });
});
