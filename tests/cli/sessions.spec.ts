// Pages behind a login: the config's login block (a form, a session cookie, a success check),
// --cookie, --storage-state (Playwright's format) and --header. The sites are tests/cli/sites.ts.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { kanjian, readReport, tmpDir } from './helpers';
import { LOGIN_USER, loginSite } from './sites';

const PASSWORD = 'correct-horse-battery-42';

/** Every file kanjian wrote under dir, as one string (to look for secrets in). */
function allOutput(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => `${d.name}\n${readFileSync(join(d.parentPath, d.name), 'latin1')}`)
    .join('\n');
}

function loginConfig(dir: string, site: string): string {
  const file = join(dir, 'kanjian.config.json');
  writeFileSync(
    file,
    JSON.stringify(
      {
        urls: [`${site}/account/`],
        login: {
          url: `${site}/login`,
          steps: [{ fill: '#user', value: LOGIN_USER }, { fill: '#password', env: 'KANJIAN_TEST_PASSWORD' }, { click: '#submit' }],
          success: { selector: '#account', url: '**/account/' },
        },
      },
      null,
      2,
    ),
  );
  return file;
}

test('login block: the pages behind the login are audited after it; the password is in no report or log', async () => {
  const site = await loginSite(PASSWORD);
  try {
    const dir = tmpDir();
    loginConfig(dir, site.url);
    const out = join(dir, 'out');
    const run = await kanjian(['audit', '--out', out, '--format', 'json,html,junit,sarif,csv'], { cwd: dir, env: { KANJIAN_TEST_PASSWORD: PASSWORD } });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = readReport(out);
    expect(report.pages).toHaveLength(1);
    // The account page, not the login form it redirects to without a session.
    expect(report.pages[0]!.title).toBe('我的账户');
    expect(report.pages[0]!.violations.map((f) => f.id)).toContain('image-alt');
    // One login, then the page: the form was sent once.
    expect(site.requests.filter((r) => r.path === '/login').length).toBe(2);
    for (const text of [run.stdout, run.stderr, allOutput(out)]) expect(text).not.toContain(PASSWORD);
  } finally {
    await site.close();
  }
});

test('login block: a wrong password is exit 3 with a clear message, and no page is audited', async () => {
  const site = await loginSite(PASSWORD);
  try {
    const dir = tmpDir();
    loginConfig(dir, site.url);
    const run = await kanjian(['audit', '--out', join(dir, 'out')], { cwd: dir, env: { KANJIAN_TEST_PASSWORD: 'wrong-password-99' } });
    expect(run.code, run.stdout + run.stderr).toBe(3);
    expect(run.stderr).toContain('登录失败');
    expect(run.stderr).toMatch(/login failed: the login did not succeed: no selector #account \+ URL \*\*\/account\/ within \d+ s \(the page is at http:\/\/127\.0\.0\.1:\d+\/login\)/);
    expect(run.stderr + run.stdout).not.toContain('wrong-password-99');
    expect(site.requests.some((r) => r.path.startsWith('/account'))).toBe(false);
  } finally {
    await site.close();
  }
});

test('--cookie and --storage-state give the session without a login; the cookie value is in no report', async () => {
  const site = await loginSite(PASSWORD);
  try {
    const dir = tmpDir();
    const a = await kanjian(['audit', `${site.url}/account/`, '--cookie', `session=${site.sessionToken}`, '--out', join(dir, 'a'), '--format', 'json,html']);
    expect(a.code, a.stdout + a.stderr).toBe(1);
    expect(readReport(join(dir, 'a')).pages[0]!.title).toBe('我的账户');
    expect(allOutput(join(dir, 'a')) + a.stdout + a.stderr).not.toContain(site.sessionToken);

    // Playwright's storage state, as `playwright codegen --save-storage` writes it.
    const state = join(dir, 'state.json');
    writeFileSync(state, JSON.stringify({ cookies: [{ name: 'session', value: site.sessionToken, domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }], origins: [] }, null, 2));
    const b = await kanjian(['audit', `${site.url}/account/`, '--storage-state', state, '--out', join(dir, 'b'), '--format', 'json']);
    expect(b.code, b.stdout + b.stderr).toBe(1);
    expect(readReport(join(dir, 'b')).pages[0]!.title).toBe('我的账户');

    // Without a session the account page sends the browser to the login form.
    const c = await kanjian(['audit', `${site.url}/account/`, '--out', join(dir, 'c'), '--format', 'json']);
    expect(readReport(join(dir, 'c')).pages[0]!.title, c.stderr).toBe('登录');
  } finally {
    await site.close();
  }
});
