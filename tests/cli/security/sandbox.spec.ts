// Chromium's sandbox keeps a hostile page that breaks its renderer inside that process. kanjian keeps
// it on wherever Chromium can have it (any user but root), and says so when it is off. Seen from
// outside: a sandboxed renderer runs under a seccomp-bpf filter (Seccomp: 2 in /proc/PID/status).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { findChromium } from '../../support/browsers.mjs';
import { startServer } from '../../support/server.mjs';
import { CLI, REPO, tmpDir } from '../helpers';
import { page } from './attack';

const isRoot = process.getuid?.() === 0;

/** Processes under `root` (itself included). */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return out;
}

interface Seen { renderers: Array<{ pid: number; seccomp: string; firstMs: number; lastMs: number }>; noSandboxFlag: boolean }

/** Runs the CLI (optionally as another user) on a page held open for 3 s, watching its processes meanwhile. */
async function watchRun(asUser: string | null, url: string, chromium = findChromium() ?? ''): Promise<{ code: number | null; stderr: string; seen: Seen }> {
  const home = tmpDir('kanjian-home-');
  chmodSync(home, 0o777);
  const env = {
    HOME: home,
    TMPDIR: home,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    KANJIAN_CHROMIUM: chromium,
    // Another user cannot build the page script into this checkout's node_modules: use the built one.
    KANJIAN_PAGE_SCRIPT: process.env.KANJIAN_PAGE_SCRIPT ?? join(REPO, 'dist', 'cli', 'kanjian-page.js'),
  };
  const args = [process.execPath, CLI, 'audit', url, '--out', join(home, 'out'), '--format', 'json', '--fail-on', 'none'];
  const cmd = asUser ? ['runuser', '-u', asUser, '--', 'env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...args] : args;
  const child = spawn(cmd[0]!, cmd.slice(1), { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const seen: Seen = { renderers: [], noSandboxFlag: false };
  const timer = setInterval(() => {
    for (const pid of descendants(child.pid!)) {
      try {
        // (Chromium rewrites its processes' titles: the arguments may be one space-separated string.)
        const cmdline = ` ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')} `;
        if (cmdline.includes(' --no-sandbox ')) seen.noSandboxFlag = true;
        if (cmdline.includes(' --type=renderer ')) {
          // A renderer engages its sandbox moments after it starts: keep the latest reading.
          const seccomp = /^Seccomp:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '?';
          const known = seen.renderers.find((r) => r.pid === pid);
          if (known) {
            known.seccomp = seccomp;
            known.lastMs = Date.now();
          } else seen.renderers.push({ pid, seccomp, firstMs: Date.now(), lastMs: Date.now() });
        }
      } catch {
        // gone meanwhile
      }
    }
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  return { code, stderr, seen };
}

async function slowPage(): Promise<{ url: string; close(): Promise<void> }> {
  const server = await startServer({
    handler: (_req, res, url) => {
      if (url.pathname !== '/slow.html') return false;
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('slow', '<p>slow</p>')), 3000);
      return true;
    },
  });
  return { url: `${server.url}/slow.html`, close: () => server.close() };
}

test('not as root, Chromium keeps its sandbox: every renderer runs under seccomp, no --no-sandbox anywhere', async () => {
  const nobody = isRoot ? 'nobody' : null;
  test.skip(isRoot && spawnSync('runuser', ['--version']).status !== 0, 'running as root without runuser: cannot start kanjian as another user');
  const server = await slowPage();
  try {
    const run = await watchRun(nobody, server.url);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/sandbox is off/);
    // The renderers that lived long enough to be seen at work (the page is held for 3 s).
    const settled = run.seen.renderers.filter((r) => r.lastMs - r.firstMs >= 1000);
    expect(settled.length, JSON.stringify(run.seen.renderers)).toBeGreaterThan(0);
    expect(settled.filter((r) => r.seccomp !== '2'), JSON.stringify(run.seen.renderers)).toEqual([]);
    expect(run.seen.noSandboxFlag).toBe(false);
  } finally {
    await server.close();
  }
});

test('as root, where Chromium cannot have its sandbox, the run says it is off', async () => {
  test.skip(!isRoot, 'not running as root');
  const server = await slowPage();
  try {
    const run = await watchRun(null, server.url);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/注意：Chromium 的沙箱已关闭（以 root 运行） ?\/ note: Chromium's sandbox is off \(running as root\)/);
  } finally {
    await server.close();
  }
});

test('where the sandbox cannot start, the run goes on without it and says so (never quietly)', async () => {
  test.skip(isRoot && spawnSync('runuser', ['--version']).status !== 0, 'running as root without runuser: cannot start kanjian as another user');
  // A Chromium that cannot sandbox, as on a machine without usable user namespaces: it starts only
  // with --no-sandbox.
  const dir = tmpDir('kanjian-fake-');
  chmodSync(dir, 0o755);
  const fake = join(dir, 'chromium');
  const real = findChromium() ?? '/usr/bin/chromium';
  writeFileSync(
    fake,
    `#!/bin/sh\nfor a in "$@"; do [ "$a" = --no-sandbox ] && exec ${real} "$@"; done\n` +
      'echo "[1:1:FATAL:zygote_host_impl_linux.cc(127)] No usable sandbox! See https://crbug.com/638180" >&2\nexit 1\n',
    { mode: 0o755 },
  );
  const server = await slowPage();
  try {
    const run = await watchRun(isRoot ? 'nobody' : null, server.url, fake);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Chromium 的沙箱已关闭（此机器无法启动沙箱[^）]*） ?\/ note: Chromium's sandbox is off \(it cannot start on this machine/);
  } finally {
    await server.close();
  }
});
