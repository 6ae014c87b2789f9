/**
 * One browser for a whole `kanjian audit` run, behind a small interface so the runner does not care
 * which: Chromium through playwright-core (launched, launched with the extension in a persistent
 * context, or a remote Playwright Chromium server via --ws-endpoint), or Firefox through puppeteer-core
 * over WebDriver BiDi (Playwright's own Firefox needs its patched build; stock Firefox ESR is driven
 * this way, as in tests/firefox). Both packages are loaded on demand.
 *
 * kanjian's code runs in its own world of each frame (realm-cdp.ts, realm-bidi.ts), never
 * in the page's: the driver gives the runner that world of the top frame.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumFlags as sharedFlags, findChromium, findFirefox } from '../browsers.mjs';
import type { FrameRealm } from './frames';
import { addPreloadScript, bidiRealm, type BidiConnection } from './realm-bidi';
import { CdpPage, type CdpSession } from './realm-cdp';
import { UsageError } from '../command';
import { playwrightScreenshot, playwrightSteps, type Clip, type PlaywrightLikePage } from './page-actions';
import type { StepHost } from './steps';

export type BrowserName = 'chromium' | 'firefox';

export interface NavResult {
  /** HTTP status of the main document, null when there was no response (file:, data:, about:). */
  status: number | null;
  contentType: string | null;
}

export interface DriverPage {
  goto(url: string, timeoutMs: number): Promise<NavResult>;
  /** kanjian's own world in the top frame of the loaded document. */
  top(): Promise<FrameRealm>;
  url(): string;
  /** Called once if the page's renderer crashes. */
  onCrash(cb: () => void): void;
  /**
   * Runs fn while this tab has focus, as a keyboard user's would: `:focus` styles apply only in a
   * focused document. Chromium (Playwright) gives every page focus of its own; Firefox has one
   * focused tab per window, so its walks take turns, each with its tab brought to the front.
   */
  withFocus<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The config's steps on this page (Chromium). */
  readonly steps?: StepHost;
  /** A PNG of part of the document (document coordinates) or of all of it (Chromium). */
  readonly screenshot?: (clip: Clip | undefined, timeoutMs: number) => Promise<Buffer>;
}

/** Playwright's storage state (cookies and each origin's localStorage), checked by session.ts. */
export interface StorageState {
  cookies: Array<{ name: string; value: string; domain: string; path: string; expires?: number; httpOnly?: boolean; secure?: boolean; sameSite?: 'Strict' | 'Lax' | 'None' }>;
  origins?: Array<{ origin: string; localStorage: Array<{ name: string; value: string }> }>;
}

/** A session for the browser context: a storage state, cookies, and headers for some origins only. */
export interface ContextSession {
  storageState?: StorageState;
  /** Each with a domain, or a url (the origin of a page asked for). */
  cookies: Array<{ name: string; value: string; domain?: string; url?: string; path?: string; secure?: boolean; httpOnly?: boolean; sameSite?: 'Strict' | 'Lax' | 'None' }>;
  /** Extra request headers, sent only to these origins (never to a third party the pages load). */
  headers?: { values: Record<string, string>; origins: readonly string[] };
}

export interface Driver {
  readonly browser: BrowserName;
  readonly version: string;
  /**
   * Whether the browser's sandbox is on: false when kanjian had to switch Chromium's off (see
   * chromiumSandbox), null when it is not kanjian's to say (a remote --ws-endpoint server).
   */
  readonly sandbox: Sandbox | null;
  newPage(): Promise<DriverPage>;
  close(): Promise<void>;
}

export interface DriverOptions {
  browser: BrowserName;
  /** The script every frame gets at document start in kanjian's own world (axe + page side). */
  initScript: string;
  /** Connect to a Playwright browser server (`npx playwright run-server`, browserType.launchServer()). */
  wsEndpoint?: string;
  /** Load this unpacked Chromium extension (persistent context). */
  extensionDir?: string;
  executablePath?: string;
  viewport?: { width: number; height: number };
  locale?: string;
  session?: ContextSession;
}

export class DriverError extends UsageError {}

// ---- finding and flagging a browser (shared with the test harness: ../browsers.mjs) ------------

export { findChromium, findFirefox };

const EXTRA_ARGS = (): string[] => (process.env.KANJIAN_BROWSER_ARGS ? process.env.KANJIAN_BROWSER_ARGS.split(/\s+/).filter(Boolean) : []);

/** Whether the sandbox is on, and why not: running as root, asked to, or it cannot start here. */
export interface Sandbox {
  on: boolean;
  why?: 'root' | 'asked' | 'unavailable';
}

/**
 * Whether Chromium should run with its sandbox, which keeps a compromised renderer (a hostile page)
 * inside its process. On, except as root (Chromium refuses to start with it; CI containers often run
 * as root) and when asked (KANJIAN_NO_SANDBOX=1, or --no-sandbox in KANJIAN_BROWSER_ARGS). Where it
 * cannot start (no usable user namespaces: see launchSandboxed) it is switched off too. The run says
 * so whenever it is off.
 */
export function chromiumSandbox(): Sandbox {
  if (process.getuid?.() === 0) return { on: false, why: 'root' };
  if (process.env.KANJIAN_NO_SANDBOX === '1' || EXTRA_ARGS().includes('--no-sandbox')) return { on: false, why: 'asked' };
  return { on: true };
}

/** Chromium flags for unattended runs (browsers.mjs), plus KANJIAN_BROWSER_ARGS. */
export function chromiumFlags(extensionDir?: string, sandbox = chromiumSandbox().on): string[] {
  return [...sharedFlags({ extensionDir, sandbox }), ...EXTRA_ARGS()];
}

/** Whether a Chromium launch failed because its sandbox cannot start here (Playwright's own wording, Chromium's). */
function isSandboxFailure(e: unknown): boolean {
  const m = e instanceof Error ? e.message : String(e);
  return /sandboxing failed|No usable sandbox|crbug\.com\/(357670|638180)/i.test(m);
}

/**
 * Launches with the sandbox if it is wanted; where it cannot start (no user namespaces and no setuid
 * helper: many containers, Ubuntu 23.10+ with AppArmor's restriction) launches again without it, and
 * says so (the Sandbox returned), rather than failing every CI job on such machines.
 */
async function launchSandboxed<T>(wanted: Sandbox, launch: (sandbox: boolean) => Promise<T>): Promise<{ result: T; sandbox: Sandbox }> {
  try {
    return { result: await launch(wanted.on), sandbox: wanted };
  } catch (e) {
    if (!wanted.on || !isSandboxFailure(e)) throw e;
    return { result: await launch(false), sandbox: { on: false, why: 'unavailable' } };
  }
}

// Variable specifiers keep these out of the CLI bundle (they are loaded from node_modules at run time).
async function load<T>(name: string, hintZh: string, hintEn: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch {
    throw new DriverError(`需要 ${name}：${hintZh}`, `${name} is needed: ${hintEn}`);
  }
}

type PW = typeof import('playwright-core');

/**
 * kanjian handles Ctrl-C, SIGTERM and SIGHUP itself (it writes what is done, then exits 130); the
 * libraries' own handlers would close the browser under it.
 */
const NO_SIGNAL_HANDLERS = { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } as const;

/** Runs `setup` on something just launched; if it fails, `release` it (best effort) and rethrow. */
export async function releaseOnFailure<T>(setup: () => Promise<T>, release: () => Promise<unknown> | void): Promise<T> {
  try {
    return await setup();
  } catch (e) {
    await Promise.resolve()
      .then(release)
      .catch(() => undefined);
    throw e;
  }
}

function firstLine(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}

/** What playwright-core's and puppeteer-core's pages both offer, as far as the runner needs. */
interface LibraryPage {
  goto(url: string, options: { waitUntil: 'load'; timeout: number }): Promise<{ status(): number; headers(): Record<string, string> } | null>;
  url(): string;
  once(event: string, cb: () => void): unknown;
  close(): Promise<void>;
}

/**
 * A library page as a DriverPage; `crashEvent` is the library's name for a crashed renderer,
 * `world` gives kanjian's world in the top frame and forgets the last document's frames.
 */
function driverPage(
  page: LibraryPage,
  crashEvent: 'crash' | 'error',
  world: { top(): Promise<FrameRealm>; reset(): Promise<void> },
  withFocus: DriverPage['withFocus'] = (fn) => fn(),
): DriverPage {
  return {
    withFocus,
    async goto(url, timeoutMs) {
      await world.reset();
      const res = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
      return { status: res ? res.status() : null, contentType: res ? (res.headers()['content-type'] ?? null) : null };
    },
    top: () => world.top(),
    url: () => page.url(),
    onCrash(cb) {
      page.once(crashEvent, cb);
    },
    close: () => page.close(),
  };
}

async function openPlaywright(o: DriverOptions): Promise<Driver> {
  const pw = await load<PW>('playwright-core', '运行 npm install playwright-core', 'run npm install playwright-core');
  const wanted = chromiumSandbox();
  // Downloads are refused: a page's download would otherwise run (and be saved) until the browser closes.
  const contextOptions = { viewport: o.viewport ?? { width: 1280, height: 800 }, locale: o.locale ?? 'zh-CN', acceptDownloads: false };
  if (o.extensionDir) {
    if (!existsSync(join(o.extensionDir, 'manifest.json'))) {
      throw new DriverError(
        `找不到扩展 ${o.extensionDir}（先运行 npm run build）`,
        `no extension at ${o.extensionDir} (run npm run build first)`,
      );
    }
    let userDataDir = '';
    const removeProfile = (): void => rmSync(userDataDir, { recursive: true, force: true });
    const executablePath = o.executablePath ?? findChromium() ?? undefined;
    let context: import('playwright-core').BrowserContext;
    let sandbox: Sandbox;
    try {
      ({ result: context, sandbox } = await launchSandboxed(wanted, async (on) => {
        userDataDir = mkdtempSync(join(tmpdir(), 'kanjian-audit-'));
        try {
          return await pw.chromium.launchPersistentContext(userDataDir, {
            ...contextOptions,
            ...KEEP_POPUP_BLOCKER,
            chromiumSandbox: on,
            headless: true,
            ...NO_SIGNAL_HANDLERS,
            ...(executablePath ? { executablePath } : {}),
            args: chromiumFlags(o.extensionDir, on),
          });
        } catch (e) {
          removeProfile();
          throw e;
        }
      }));
    } catch (e) {
      const m = firstLine(e);
      throw new DriverError(
        `无法启动加载扩展的 Chromium：${m}。请安装 Chromium（Debian/Ubuntu：apt-get install chromium）或设置 KANJIAN_CHROMIUM=路径`,
        `cannot start Chromium with the extension: ${m}. Install Chromium (Debian/Ubuntu: apt-get install chromium) or set KANJIAN_CHROMIUM=/path`,
      );
    }
    await releaseOnFailure(
      async () => {
        // The extension's first (blank) tab is not ours to audit.
        for (const p of context.pages()) await p.close().catch(() => undefined);
        if (o.session?.storageState) await context.addCookies(fullStorageState(o.session.storageState).cookies);
        await applySession(context, o.session);
      },
      async () => {
        await context.close().catch(() => undefined);
        removeProfile();
      },
    );
    const pages = new OwnPages<import('playwright-core').Page>(context, (p) => p.close());
    return {
      browser: 'chromium',
      version: context.browser()?.version() ?? 'unknown',
      sandbox,
      newPage: () => pages.create(() => chromiumPage(context, o.initScript)),
      async close() {
        await context.close().catch(() => undefined);
        removeProfile();
      },
    };
  }
  let browser: import('playwright-core').Browser;
  let sandbox: Sandbox | null = null;
  if (o.wsEndpoint) {
    try {
      browser = await pw.chromium.connect(o.wsEndpoint, { timeout: 30_000 });
    } catch (e) {
      const m = firstLine(e);
      throw new DriverError(`无法连接浏览器服务 ${o.wsEndpoint}：${m}`, `cannot connect to the browser server ${o.wsEndpoint}: ${m}`);
    }
  } else {
    const executablePath = o.executablePath ?? findChromium() ?? undefined;
    try {
      ({ result: browser, sandbox } = await launchSandboxed(wanted, (on) =>
        pw.chromium.launch({
          headless: true,
          ...NO_SIGNAL_HANDLERS,
          ...KEEP_POPUP_BLOCKER,
          chromiumSandbox: on,
          ...(executablePath ? { executablePath } : {}),
          args: chromiumFlags(undefined, on),
        }),
      ));
    } catch (e) {
      const m = firstLine(e);
      throw new DriverError(
        `无法启动 Chromium：${m}。请安装 Chromium（Debian/Ubuntu：apt-get install chromium）或设置 KANJIAN_CHROMIUM=路径`,
        `cannot start Chromium: ${m}. Install Chromium (Debian/Ubuntu: apt-get install chromium) or set KANJIAN_CHROMIUM=/path`,
      );
    }
  }
  // A browser that started must not outlive a failure here (it would keep the process alive).
  const context = await releaseOnFailure(
    async () => {
      const c = await browser.newContext({ ...contextOptions, ...(o.session?.storageState ? { storageState: fullStorageState(o.session.storageState) } : {}) });
      await applySession(c, o.session);
      return c;
    },
    () => browser.close(),
  );
  const pages = new OwnPages<import('playwright-core').Page>(context, (p) => p.close());
  return {
    browser: 'chromium',
    version: browser.version(),
    // (A remote --ws-endpoint server's sandbox is its own: null.)
    sandbox,
    newPage: () => pages.create(() => chromiumPage(context, o.initScript)),
    async close() {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
    },
  };
}

/**
 * Playwright starts Chromium with its popup blocker off; with it on, a page cannot open windows
 * without a user's click (an audit never clicks). OwnPages closes any that get through anyway
 * (a remote --ws-endpoint server has Playwright's defaults).
 */
const KEEP_POPUP_BLOCKER = { ignoreDefaultArgs: ['--disable-popup-blocking'] };

/**
 * The tabs the driver opened itself; any other page that appears in the browser (a popup, from
 * window.open, a target=_blank link, a popup's popup) is closed at once. A new page is ours only if it
 * appears while the driver is opening one and turns out to be what that call returned.
 */
class OwnPages<P> {
  private readonly own = new Set<P>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(source: { on(event: 'page', cb: (p: P) => void): unknown }, close: (p: P) => Promise<unknown>) {
    source.on('page', (p) => {
      void (async () => {
        // Wait for the driver's own newPage calls in flight: one of them may be this page.
        while (this.pending.size) await Promise.allSettled([...this.pending]);
        if (!this.own.has(p)) await close(p).catch(() => undefined);
      })();
    });
  }

  /** Opens a page with `open`; the page it returns (`page`, from the driver page) is kept. */
  async create(open: () => Promise<DriverPage & { readonly raw?: P }>): Promise<DriverPage> {
    const opening = open();
    this.pending.add(opening);
    try {
      const page = await opening;
      if (page.raw) this.own.add(page.raw);
      return page;
    } finally {
      this.pending.delete(opening);
    }
  }
}

/**
 * Dialogs never wait for a person: alert/confirm/prompt are dismissed, beforeunload is accepted (the
 * next navigation goes ahead). Playwright and puppeteer both name the types so.
 */
function answerDialogs(page: { on(event: 'dialog', cb: (d: { type(): string; accept(): Promise<void>; dismiss(): Promise<void> }) => void): unknown }): void {
  page.on('dialog', (d) => void (d.type() === 'beforeunload' ? d.accept() : d.dismiss()).catch(() => undefined));
}

/** A Chromium tab with kanjian's script in its own world of every frame (CDP). */
async function chromiumPage(context: import('playwright-core').BrowserContext, initScript: string): Promise<DriverPage & { raw: import('playwright-core').Page }> {
  const page = await context.newPage();
  answerDialogs(page);
  const cdp = await releaseOnFailure(
    () =>
      CdpPage.attach(
        { frames: () => page.frames(), newSession: (t) => context.newCDPSession(t === 'page' ? page : t) as Promise<CdpSession> },
        async () => initScript,
        { atDocumentStart: true },
      ),
    () => page.close(),
  );
  const actionable = page as unknown as PlaywrightLikePage;
  return { ...driverPage(page, 'crash', cdp), raw: page, steps: playwrightSteps(actionable, cdp), screenshot: playwrightScreenshot(actionable) };
}

/** A storage state with Playwright's defaults filled in (the file may leave them out). */
function fullStorageState(s: StorageState): { cookies: Array<Required<StorageState['cookies'][number]>>; origins: NonNullable<StorageState['origins']> } {
  return {
    cookies: s.cookies.map((c) => ({ expires: -1, httpOnly: false, secure: false, sameSite: 'Lax' as const, ...c })),
    origins: s.origins ?? [],
  };
}

/**
 * Cookies and headers for a context. Headers are added by a route on the given origins only: a
 * bearer token must not travel to the CDN, analytics or frame of another site a page loads (which
 * the context-wide setExtraHTTPHeaders would do).
 */
async function applySession(context: import('playwright-core').BrowserContext, session: ContextSession | undefined): Promise<void> {
  if (!session) return;
  if (session.cookies.length) await context.addCookies(session.cookies);
  const headers = session.headers;
  if (headers && Object.keys(headers.values).length) {
    const origins = new Set(headers.origins);
    await context.route(
      (url) => origins.has(url.origin),
      async (route) => {
        const sent = await route.request().allHeaders();
        await route.continue({ headers: { ...sent, ...headers.values } });
      },
    );
  }
}

type PP = typeof import('puppeteer-core');

/**
 * puppeteer-core drives Firefox over WebDriver BiDi but offers no sandboxes of its own: kanjian talks
 * to the same BiDi session directly (`browser.connection`, a frame's browsing context id `_id`).
 */
function bidiOf(browser: unknown): BidiConnection {
  const connection = (browser as { connection?: Partial<BidiConnection> }).connection;
  if (!connection || typeof connection.send !== 'function') {
    throw new DriverError('此版本的 puppeteer-core 不提供 WebDriver BiDi 连接', 'this puppeteer-core version does not expose its WebDriver BiDi connection');
  }
  return connection as BidiConnection;
}

function contextIdOf(frame: unknown): string {
  const id = (frame as { _id?: unknown })._id;
  if (typeof id !== 'string') throw new Error('puppeteer-core: no browsing context id for this frame');
  return id;
}

async function openFirefox(o: DriverOptions): Promise<Driver> {
  const mod = await load<PP & { default?: PP }>('puppeteer-core', '运行 npm install puppeteer-core', 'run npm install puppeteer-core');
  const puppeteer = mod.default ?? mod;
  const executablePath = o.executablePath ?? findFirefox();
  if (!executablePath) {
    throw new DriverError(
      '找不到 Firefox：请安装（Debian：apt-get install firefox-esr）或设置 KANJIAN_FIREFOX=路径',
      'no Firefox found: install it (Debian: apt-get install firefox-esr) or set KANJIAN_FIREFOX=/path',
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'kanjian-audit-ff-'));
  let browser: import('puppeteer-core').Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      ...NO_SIGNAL_HANDLERS,
      userDataDir: profile,
      extraPrefsFirefox: {
        'intl.accept_languages': 'zh-CN, zh',
        // Firefox's popup blocker, which puppeteer switches off: no windows without a user's click.
        'dom.disable_open_during_load': true,
      },
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    const m = firstLine(e);
    throw new DriverError(`无法启动 Firefox：${m}`, `cannot start Firefox: ${m}`);
  }
  const viewport = o.viewport ?? { width: 1280, height: 800 };
  const { version, connection, context } = await releaseOnFailure(
    async () => {
      const connection = bidiOf(browser);
      await addPreloadScript(connection, o.initScript);
      // Our own browser context, where downloads are refused (WebDriver BiDi browser.setDownloadBehavior).
      const context = await browser.createBrowserContext({ downloadBehavior: { policy: 'deny' } });
      return { version: await browser.version(), connection, context };
    },
    async () => {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  );
  const script = async (): Promise<string> => o.initScript;
  type FirefoxPage = import('puppeteer-core').Page;
  // One focused tab at a time (see DriverPage.withFocus).
  let focusTurn: Promise<unknown> = Promise.resolve();
  const pages = new OwnPages<FirefoxPage>(
    { on: (_event, cb) => context.on('targetcreated', (t) => void t.page().then((p) => p && cb(p), () => undefined)) },
    (p) => p.close(),
  );
  return {
    browser: 'firefox',
    version,
    // Firefox keeps its own sandbox (puppeteer does not switch it off), as root too.
    sandbox: { on: true },
    newPage: () =>
      pages.create(async () => {
        const page = await context.newPage();
        answerDialogs(page);
        await page.setViewport(viewport);
        const withFocus = <T>(fn: () => Promise<T>): Promise<T> => {
          const turn = focusTurn.then(async () => {
            await page.bringToFront();
            return fn();
          });
          focusTurn = turn.catch(() => undefined);
          return turn;
        };
        return {
          ...driverPage(
            page,
            'error',
            {
              top: async () => bidiRealm(connection, contextIdOf(page.mainFrame()), script),
              reset: async () => undefined,
            },
            withFocus,
          ),
          raw: page,
        };
      }),
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function openDriver(o: DriverOptions): Promise<Driver> {
  if (o.browser === 'firefox') {
    if (o.session) throw new DriverError('--storage-state、--cookie、--header 和 login 目前只支持 Chromium', '--storage-state, --cookie, --header and login work with Chromium only for now');
    if (o.extensionDir) {
      throw new DriverError('--with-extension 目前只支持 Chromium', '--with-extension works with Chromium only for now');
    }
    // kanjian's own world in each frame needs CDP: a remote Playwright server gives it for Chromium only.
    if (o.wsEndpoint) throw new DriverError('--ws-endpoint 只支持 Chromium 浏览器服务', '--ws-endpoint works with Chromium browser servers only');
    return openFirefox(o);
  }
  return openPlaywright(o);
}
