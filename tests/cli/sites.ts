// Small local web sites for the session, steps and SPA tests of `kanjian audit`: a login form with a
// session cookie, a site behind a bearer token (with a third-party origin that records what it is
// sent), a page with a menu and a form (two states), and a single-page app with client-side routes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Site {
  url: string;
  /** Requests seen, by path, with their headers. */
  requests: Array<{ path: string; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

async function serve(handler: Handler): Promise<Site> {
  const requests: Site['requests'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      requests.push({ path: req.url ?? '/', headers: req.headers });
      handler(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

function html(res: ServerResponse, status: number, title: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`);
}

function cookies(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries((req.headers.cookie ?? '').split(';').map((c) => c.trim().split('=')).filter((p) => p.length === 2) as Array<[string, string]>);
}

export const LOGIN_USER = 'tester';
/** The account page has one violation (an image without alt) and names the user. */
export async function loginSite(password: string): Promise<Site & { sessionToken: string }> {
  const sessionToken = 'sess-7f3a9c0b2d4e6f81';
  const site = await serve((req, res, body) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const loggedIn = cookies(req).session === sessionToken;
    if (path === '/login' && req.method === 'POST') {
      const form = new URLSearchParams(body);
      if (form.get('user') === LOGIN_USER && form.get('password') === password) {
        res.writeHead(303, { location: '/account/', 'set-cookie': `session=${sessionToken}; Path=/; HttpOnly; SameSite=Lax` });
        res.end();
        return;
      }
      return html(res, 200, '登录', '<h1>登录</h1><p role="alert" id="error">用户名或密码错误</p>' + loginForm());
    }
    if (path === '/login') return html(res, 200, '登录', '<h1>登录</h1>' + loginForm());
    if (path.startsWith('/account')) {
      if (!loggedIn) {
        res.writeHead(302, { location: '/login' });
        res.end();
        return;
      }
      return html(res, 200, '我的账户', `<h1 id="account">我的账户</h1><p>欢迎，${LOGIN_USER}</p><img src="/avatar.png" width="40" height="40">`);
    }
    res.writeHead(404);
    res.end();
  });
  return { ...site, sessionToken };
}

function loginForm(): string {
  return (
    '<form method="post" action="/login"><label for="user">用户名</label><input id="user" name="user">' +
    '<label for="password">密码</label><input id="password" name="password" type="password">' +
    '<button type="submit" id="submit">登录</button></form>'
  );
}

/**
 * A site that answers only with `Authorization: Bearer <token>`; its page shows the token (as some
 * debug pages do) on an image without alt, and loads an image from `thirdParty`.
 */
export async function bearerSite(token: string, thirdParty: string): Promise<Site> {
  return serve((req, res) => {
    if (req.headers.authorization !== `Bearer ${token}`) return html(res, 401, '未授权', '<h1>401 未授权</h1>');
    if ((req.url ?? '/') === '/') {
      return html(res, 200, '内部页面', `<h1>内部页面</h1><img src="${thirdParty}/pixel.png" data-debug="token ${token}" width="10" height="10">`);
    }
    res.writeHead(404);
    res.end();
  });
}

/** Records requests; answers every one with a 1×1 PNG. */
export async function thirdPartySite(): Promise<Site> {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  return serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(png);
  });
}

/**
 * A page with a menu (collapsed: no violation; open: a link without text) and a form (sent: an
 * error message shown as an image without alt).
 */
export async function statesSite(): Promise<Site> {
  return serve((req, res) => {
    if ((req.url ?? '/') !== '/') {
      res.writeHead(404);
      res.end();
      return;
    }
    html(
      res,
      200,
      '菜单与表单',
      `<h1>菜单与表单</h1>
<button id="menu-button" aria-expanded="false" aria-controls="menu">菜单</button>
<ul id="menu" hidden><li><a href="/a" id="icon-link"><span class="icon"></span></a></li><li><a href="/b">服务</a></li></ul>
<form id="f"><label for="q">姓名</label><input id="q" name="q"><button type="submit">提交</button></form>
<div id="result"></div>
<script>
document.getElementById('menu-button').addEventListener('click', (e) => {
  const m = document.getElementById('menu'); m.hidden = !m.hidden; e.target.setAttribute('aria-expanded', String(!m.hidden));
});
document.getElementById('f').addEventListener('submit', (e) => {
  e.preventDefault();
  document.getElementById('result').innerHTML = '<img src="/err.png" id="error-icon" width="16" height="16"><span>已提交：' + document.getElementById('q').value.length + ' 个字</span>';
});
</script>`,
    );
  });
}

/**
 * A single-page app: "/" loads the app, which renders the route from location (history API routes
 * /about, hash routes #/contact) without reloading. /about has an image without alt, #/contact a
 * text field without a label. The server counts how often the app was loaded.
 */
export async function spaSite(): Promise<Site & { appLoads(): number }> {
  let loads = 0;
  const site = await serve((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/' || path === '/about') {
      loads++;
      return html(
        res,
        200,
        'SPA',
        `<nav><a href="/" data-route>首页</a> <a href="/about" data-route>关于</a> <a href="#/contact">联系</a></nav><div id="view"></div>
<script>
function render() {
  const v = document.getElementById('view');
  if (location.hash === '#/contact') v.innerHTML = '<h1>联系我们</h1><input id="contact-email" type="text">';
  else if (location.pathname === '/about') v.innerHTML = '<h1>关于</h1><img id="about-photo" src="/p.png" width="20" height="20">';
  else v.innerHTML = '<h1>首页</h1><p>欢迎</p>';
}
window.addEventListener('popstate', render);
window.addEventListener('hashchange', render);
document.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-route]');
  if (a) { e.preventDefault(); history.pushState(null, '', a.getAttribute('href')); render(); }
});
render();
</script>`,
      );
    }
    res.writeHead(404);
    res.end();
  });
  return { ...site, appLoads: () => loads };
}
