// Session inputs are secrets and hostile at once (docs/security.md, "kanjian audit (CLI)"): a header
// or cookie with CR/LF cannot inject a header, a storage-state file is checked against its schema
// before the browser starts, a step cannot reach file: or javascript: URLs, a bearer token goes only
// to the origins asked for (never to a third party the page loads), and a secret the page echoes
// never reaches a report, a log line or a file name.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { kanjian, readReport, tmpDir } from '../helpers';
import { bearerSite, thirdPartySite } from '../sites';

const TOKEN = 'tok_5b1e2c9d8a7f6e40';

function everything(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => `${join(d.parentPath, d.name)}\n${readFileSync(join(d.parentPath, d.name), 'latin1')}`)
    .join('\n');
}

test('a bearer token goes to the audited site only, never to a third party its page loads, and is scrubbed from every report and log', async () => {
  const third = await thirdPartySite();
  // "localhost" is another origin than 127.0.0.1 for the browser (and the same server).
  const thirdUrl = third.url.replace('127.0.0.1', 'localhost');
  const site = await bearerSite(TOKEN, thirdUrl);
  try {
    const out = join(tmpDir(), 'out');
    const run = await kanjian(['audit', `${site.url}/`, '--header', `Authorization: Bearer ${TOKEN}`, '--out', out, '--format', 'json,html,junit,sarif,csv', '--screenshots', 'violations']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = readReport(out);
    expect(report.pages[0]!.title).toBe('内部页面');
    // The page shows the token in an image's data attribute: the finding's HTML is scrubbed.
    const html = report.pages[0]!.violations.find((f) => f.id === 'image-alt')!.nodes[0]!.html;
    expect(html).toContain('data-debug="token ***"');
    expect(everything(out) + run.stdout + run.stderr).not.toContain(TOKEN);
    // The third party was asked for its image, without the token.
    expect(third.requests.length).toBeGreaterThan(0);
    for (const r of third.requests) expect(r.headers.authorization, r.path).toBeUndefined();
    expect(site.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  } finally {
    await site.close();
    await third.close();
  }
});

test('a header or cookie with CR/LF (header injection) is exit 2 before the browser starts, without repeating the value', async () => {
  const dir = tmpDir();
  const cases: Array<[string[], RegExp]> = [
    [['--header', 'Authorization: Bearer abc\r\nX-Injected: 1'], /--header #1 \(Authorization\): the value holds a line break or control character/],
    [['--header', 'X-Ok: fine', '--header', 'X-Evil: a\nb'], /--header #2 \(X-Evil\): the value holds a line break/],
    [['--header', 'Bad Name: x'], /--header #1: not a valid header name/],
    [['--header', 'Cookie: session=abc'], /--header #1: Cookie cannot be set \(use --cookie/],
    [['--cookie', 'session=abc\r\nSet-Cookie: admin=1'], /--cookie #1 holds a line break or control character/],
    [['--cookie', 'session=abc; evil=1'], /--cookie #1 has an unknown attribute evil/],
  ];
  for (const [args, message] of cases) {
    const out = join(dir, 'out');
    const run = await kanjian(['audit', 'https://example.invalid/', ...args, '--out', out]);
    expect(run.code, args.join(' ') + run.stderr).toBe(2);
    expect(run.stderr, args.join(' ')).toMatch(message);
    expect(run.stderr).not.toMatch(/X-Injected|admin=1/);
    expect(run.stderr).not.toMatch(/开始检测|auditing/);
    expect(existsSync(out)).toBe(false);
  }
});

test('a storage-state file with junk is exit 2 naming the file and line', async () => {
  const dir = tmpDir();
  const cookie = { name: 'session', value: 'abc', domain: '127.0.0.1', path: '/', expires: -1, httpOnly: false, secure: false, sameSite: 'Lax' };
  const cases: Array<[string, string, RegExp]> = [
    ['not-json.json', '{ "cookies": [ nope ] }', /not-json\.json is not valid JSON/],
    ['crlf.json', JSON.stringify({ cookies: [{ ...cookie, value: 'abc\r\nSet-Cookie: admin=1' }], origins: [] }, null, 2), /crlf\.json, line 5: \/cookies\/0\/value must match pattern/],
    ['no-name.json', JSON.stringify({ cookies: [{ ...cookie, name: undefined }], origins: [] }, null, 2), /no-name\.json, line 3: \/cookies\/0 must have required property 'name'/],
    ['extra.json', JSON.stringify({ cookies: [], origins: [], script: 'alert(1)' }, null, 2), /extra\.json, line 4: \/script must NOT have additional properties/],
    ['origin.json', JSON.stringify({ cookies: [], origins: [{ origin: 'file:///etc', localStorage: [] }] }, null, 2), /origin\.json, line 5: \/origins\/0\/origin must match pattern/],
  ];
  for (const [name, text, message] of cases) {
    writeFileSync(join(dir, name), text);
    const run = await kanjian(['audit', 'https://example.invalid/', '--storage-state', join(dir, name), '--out', join(dir, 'out')]);
    expect(run.code, name + run.stderr).toBe(2);
    expect(run.stderr, name).toMatch(message);
    expect(run.stderr).toContain('not a Playwright storage state file');
  }
});

test('a step or login URL outside http(s) (file:, javascript:, data:) is exit 2 naming the step', async () => {
  const dir = tmpDir();
  const cases: Array<[unknown, RegExp]> = [
    [{ urls: [{ url: 'https://example.invalid/', steps: [{ goto: 'file:///etc/passwd' }] }] }, /line 6: urls\[0\]\.steps\[0\]: goto takes an http\(s\) URL or a relative address only \(got a file: URL\)/],
    [{ urls: [{ url: 'https://example.invalid/', steps: [{ click: 'a' }, { goto: 'javascript:alert(1)' }] }] }, /urls\[0\]\.steps\[1\]: goto takes an http\(s\) URL/],
    [{ urls: ['https://example.invalid/'], login: { url: 'file:///etc/passwd', steps: [], success: { selector: 'a' } } }, /line 6: login\.url must be an http\(s\) URL/],
    [{ urls: ['https://example.invalid/'], login: { url: 'https://example.invalid/login', steps: [{ goto: 'data:text/html,x' }], success: { selector: 'a' } } }, /login\.steps\[0\]: goto takes an http\(s\) URL/],
  ];
  for (const [config, message] of cases) {
    writeFileSync(join(dir, 'kanjian.config.json'), JSON.stringify(config, null, 2));
    const run = await kanjian(['audit', '--out', join(dir, 'out')], { cwd: dir });
    expect(run.code, JSON.stringify(config) + run.stderr).toBe(2);
    expect(run.stderr, JSON.stringify(config)).toMatch(message);
  }
});
