/**
 * The browser side of a session (session.ts): the context's cookies and headers for the run's
 * origins, and the config's `login` block, run once in the browser context before any page: load its
 * URL, run its steps, then check that it worked (an element and/or an address). A login that does not
 * succeed stops the run (exit 3) with a message that names the step or the check, never a value.
 */
import type { ContextSession, Driver } from './driver';
import { runSteps, StepFailure } from './steps';
import { LoginFailure, type Secrets, type SessionSettings } from './session';

/** The origins of the pages asked for (and of the login page): where cookies without a domain and headers go. */
export function sessionOrigins(session: SessionSettings, urls: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const u of [...urls, ...(session.login ? [session.login.url] : [])]) {
    try {
      const o = new URL(u);
      if (o.protocol === 'http:' || o.protocol === 'https:') origins.add(o.origin);
    } catch {
      // not a URL: nothing to send
    }
  }
  return [...origins].sort();
}

/** What the driver sets up in its context; undefined when there is no session. */
export function contextSession(session: SessionSettings, origins: readonly string[]): ContextSession | undefined {
  const headers = Object.keys(session.headers).length ? { values: session.headers, origins } : undefined;
  if (!session.storageState && !session.cookies.length && !headers) return undefined;
  return {
    ...(session.storageState ? { storageState: session.storageState } : {}),
    cookies: session.cookies.flatMap(({ domain, path, ...c }): ContextSession['cookies'] =>
      // Playwright takes a domain + path, or a url (whose path is the cookie's).
      domain ? [{ ...c, domain, path: path ?? '/' }] : origins.map((o) => ({ ...c, url: `${o}${path ?? '/'}` })),
    ),
    ...(headers ? { headers } : {}),
  };
}

/** Runs the login block in a tab of its own; throws LoginFailure when it does not succeed. */
export async function runLogin(driver: Driver, session: SessionSettings, secrets: Secrets, timeoutMs: number): Promise<void> {
  const login = session.login;
  if (!login) return;
  const page = await driver.newPage();
  try {
    const host = page.steps;
    if (!host) throw new LoginFailure('登录需要 --browser chromium', 'login needs --browser chromium');
    let nav;
    try {
      nav = await page.goto(login.url, timeoutMs);
    } catch (e) {
      throw new LoginFailure(`无法打开登录页 ${login.url}：${firstLine(e)}`, `cannot open the login page ${login.url}: ${firstLine(e)}`);
    }
    if (nav.status !== null && nav.status >= 400) throw new LoginFailure(`登录页 ${login.url} 返回 HTTP ${nav.status}`, `the login page ${login.url} answered HTTP ${nav.status}`);
    try {
      await runSteps(host, login.steps, { timeoutMs, redact: (t) => secrets.redact(t) });
    } catch (e) {
      if (e instanceof StepFailure) throw new LoginFailure(`登录步骤失败：${e.message}`, `a login step failed: ${e.message}`);
      throw e;
    }
    const { selector, url } = login.success;
    // A short wait: a login that worked shows its page by the time the steps' navigation loaded.
    const checkMs = Math.min(timeoutMs, 10_000);
    try {
      if (url !== undefined) await host.waitForUrl(url, checkMs);
      if (selector !== undefined) await host.waitForSelector(selector, checkMs);
    } catch {
      const what = [selector !== undefined ? `selector ${selector}` : '', url !== undefined ? `URL ${url}` : ''].filter(Boolean).join(' + ');
      throw new LoginFailure(
        `登录没有成功：在 ${Math.round(checkMs / 1000)} 秒内没有出现 ${what}（当前页面 ${secrets.redact(page.url())}）。请检查用户名、密码（环境变量）和登录步骤`,
        `the login did not succeed: no ${what} within ${Math.round(checkMs / 1000)} s (the page is at ${secrets.redact(page.url())}). Check the user name, the password (environment variable) and the login steps`,
      );
    }
  } finally {
    await page.close().catch(() => undefined);
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}

