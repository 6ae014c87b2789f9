/**
 * Sessions for pages behind a login: `--storage-state FILE` (Playwright's format, e.g. from
 * `playwright codegen --save-storage`), `--cookie name=value;domain=…` and `--header 'Name: value'`
 * (both repeatable), and the config's `login` block (steps run once per browser context, then a
 * success check; a failed login is exit 3).
 *
 * Every one of these is a secret and a hostile input at once:
 * - checked before the browser starts: a storage state against its schema (file and line named), a
 *   cookie or header with a control character (CR/LF: header injection) is exit 2, and the message
 *   never repeats the value;
 * - a header goes only to the origins of the pages asked for (and the login page), never to a
 *   third-party script, image or frame those pages load;
 * - their values are scrubbed from every report, log line and message (Secrets).
 */
import type { StorageState } from './driver';
import { UsageError } from '../command';
import { checkSchema, JsonInputError, readJsonFile } from '../json-input';
import type { Step } from './steps';

export interface CookieSpec {
  name: string;
  value: string;
  /** Absent: the cookie is set for the origin of every page asked for. */
  domain?: string;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: 'Strict' | 'Lax' | 'None';
}

export interface LoginPlan {
  url: string;
  steps: Step[];
  success: { selector?: string; url?: string };
}

export interface SessionSettings {
  storageState?: StorageState;
  cookies: CookieSpec[];
  headers: Record<string, string>;
  login?: LoginPlan;
}

export class SessionError extends UsageError {}

/** RFC 9110 token: header and cookie names. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Control characters (a CR/LF would end the header and start another: header injection). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;
/** Headers the browser sets itself, or that would change what a request is. */
const FORBIDDEN_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'keep-alive', 'proxy-connection', 'cookie', 'expect']);

/** `--header 'Name: value'`. Messages name the header (its name), never its value. */
export function parseHeader(text: string, index: number): [string, string] {
  const colon = text.indexOf(':');
  const name = (colon < 0 ? text : text.slice(0, colon)).trim();
  const value = colon < 0 ? '' : text.slice(colon + 1).trim();
  const which = `--header #${index + 1}`;
  if (colon < 0 || !name) throw new SessionError(`${which} 格式应为 “名称: 值”`, `${which} must be "Name: value"`);
  if (!TOKEN.test(name)) throw new SessionError(`${which} 的名称无效（只能是字母、数字和 -）`, `${which}: not a valid header name (letters, digits and - only)`);
  if (FORBIDDEN_HEADERS.has(name.toLowerCase())) {
    throw new SessionError(`${which}：不能设置 ${name}（Cookie 请用 --cookie）`, `${which}: ${name} cannot be set (use --cookie for cookies)`);
  }
  if (CONTROL.test(value)) {
    throw new SessionError(
      `${which}（${name}）的值含有换行或控制字符：不能借此注入另一个请求头`,
      `${which} (${name}): the value holds a line break or control character; it cannot inject another header`,
    );
  }
  if (!value) throw new SessionError(`${which}（${name}）没有值`, `${which} (${name}) has no value`);
  return [name, value];
}

/** `--cookie 'name=value; domain=example.com; path=/; secure; httpOnly; sameSite=Lax'`. */
export function parseCookie(text: string, index: number): CookieSpec {
  const which = `--cookie #${index + 1}`;
  if (CONTROL.test(text)) throw new SessionError(`${which} 含有换行或控制字符`, `${which} holds a line break or control character`);
  const [pair, ...attrs] = text.split(';');
  const eq = pair!.indexOf('=');
  const name = eq < 0 ? '' : pair!.slice(0, eq).trim();
  if (!name || !TOKEN.test(name)) throw new SessionError(`${which} 格式应为 “名称=值; domain=…”（名称只能是字母、数字和 -_.）`, `${which} must be "name=value; domain=…" (a name of letters, digits and -_.)`);
  const cookie: CookieSpec = { name, value: pair!.slice(eq + 1).trim() };
  for (const a of attrs) {
    const [k, ...rest] = a.split('=');
    const key = k!.trim().toLowerCase();
    const v = rest.join('=').trim();
    if (!key) continue;
    if (key === 'domain') {
      if (!/^\.?[A-Za-z0-9.-]+$/.test(v)) throw new SessionError(`${which} 的 domain 无效`, `${which}: not a valid domain`);
      cookie.domain = v;
    } else if (key === 'path') {
      if (!v.startsWith('/')) throw new SessionError(`${which} 的 path 必须以 / 开头`, `${which}: path must start with /`);
      cookie.path = v;
    } else if (key === 'secure') cookie.secure = true;
    else if (key === 'httponly') cookie.httpOnly = true;
    else if (key === 'samesite') {
      const s = ['Strict', 'Lax', 'None'].find((x) => x.toLowerCase() === v.toLowerCase());
      if (!s) throw new SessionError(`${which} 的 sameSite 只能是 Strict、Lax 或 None`, `${which}: sameSite must be Strict, Lax or None`);
      cookie.sameSite = s as CookieSpec['sameSite'];
    } else throw new SessionError(`${which} 有未知的属性 ${key}（可用：domain、path、secure、httpOnly、sameSite）`, `${which} has an unknown attribute ${key} (known: domain, path, secure, httpOnly, sameSite)`);
  }
  return cookie;
}

/** Reads a storage state file, checked against its schema (exit 2 naming the file and line). */
export function readStorageState(file: string): StorageState {
  try {
    const source = readJsonFile(file);
    checkSchema(source, 'storageState', file);
    return source.value as StorageState;
  } catch (e) {
    if (e instanceof JsonInputError) throw new SessionError(`--storage-state ${e.zh}（不是 Playwright 的 storage state 文件）`, `--storage-state ${e.en} (not a Playwright storage state file)`);
    throw e;
  }
}

/**
 * Secret values known to the run (header values, cookie values, storage-state cookies, fill values
 * marked secret), scrubbed from everything kanjian writes. Values shorter than MIN_SECRET are left
 * alone: replacing "1" or "on" everywhere would wreck a report and protect nothing. Cookies need
 * MIN_COOKIE: a session id is long, while a short cookie is a setting (`lang=zh-CN`) whose value is
 * all over the page.
 */
export const MIN_SECRET = 4;
export const MIN_COOKIE = 8;
/** A word of a secret this long is scrubbed on its own too (the token of "Bearer <token>"). */
const MIN_PART = 12;
export const REDACTED = '***';

export class Secrets {
  private readonly values = new Set<string>();

  add(value: string | undefined, min = MIN_SECRET): void {
    if (value === undefined || value.length < min) return;
    for (const v of [value, ...value.split(/\s+/).filter((p) => p.length >= MIN_PART)]) {
      this.values.add(v);
      // As a page or a URL could show it.
      for (const form of [encodeURIComponent(v), escapeForHtml(v)]) if (form !== v) this.values.add(form);
    }
  }

  get size(): number {
    return this.values.size;
  }

  redact(text: string): string {
    if (!this.values.size) return text;
    let out = text;
    // Longest first: a token inside "Bearer token" goes with the whole value.
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) out = out.split(v).join(REDACTED);
    return out;
  }

  /** Every string in a JSON-like value, scrubbed (a new value; the input is left as it is). */
  redactDeep<T>(value: T): T {
    if (!this.values.size) return value;
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.redact(v);
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [this.redact(k), walk(x)]));
      return v;
    };
    return walk(value) as T;
  }
}

function escapeForHtml(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The run's secrets: every value a session setting or a secret step holds. */
export function collectSecrets(session: SessionSettings, pageSteps: ReadonlyArray<readonly Step[]>): Secrets {
  const s = new Secrets();
  for (const v of Object.values(session.headers)) s.add(v);
  for (const c of session.cookies) s.add(c.value, MIN_COOKIE);
  for (const c of session.storageState?.cookies ?? []) s.add(c.value, MIN_COOKIE);
  for (const steps of [session.login?.steps ?? [], ...pageSteps]) for (const st of steps) if (st.kind === 'fill' && st.secret) s.add(st.value);
  return s;
}

/** A login that did not succeed: the run stops with exit 3 and this message. */
export class LoginFailure extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}
