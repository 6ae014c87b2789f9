// SIGTERM (GitLab job cancel, `timeout`, docker stop) and SIGHUP stop a run the way Ctrl-C does:
// what is done is written, the report says it was interrupted, the baseline is not replaced, exit 130.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer } from '../support/server.mjs';
import { kanjian, readReport, tmpDir } from './helpers';

for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
  test(`${signal} writes what is done, marks the report interrupted, keeps the baseline and exits 130`, async () => {
    // A page that never finishes loading, audited second (pages go in name order): the run is
    // surely still going when the signal comes.
    const server = await startServer({
      handler: (_req, res, url) => {
        if (url.pathname !== '/zz-hang.html') return false;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.write('<!doctype html><title>never ends</title><p>');
        return true;
      },
    });
    try {
      const dir = tmpDir();
      const old = JSON.stringify({ schemaVersion: '1.0.0', kind: 'kanjian-baseline', createdFrom: 'earlier', entries: [] });
      writeFileSync(join(dir, 'baseline.json'), old);
      let sent = false;
      const run = await kanjian(
        ['audit', `${server.url}/zhonglou-2006.html`, `${server.url}/zz-hang.html`, '--concurrency', '1', '--update-baseline', '--baseline', join(dir, 'baseline.json'), '--out', join(dir, 'out'), '--format', 'json'],
        {
          onStderr(chunk, child) {
            if (!sent && /\[1\/2\]/.test(chunk)) {
              sent = true;
              child.kill(signal);
            }
          },
        },
      );
      expect(sent).toBe(true);
      expect(run.signal, run.stderr).toBeNull();
      expect(run.code, run.stdout + run.stderr).toBe(130);
      expect(run.stderr).toContain(`收到 ${signal}，正在停止`);
      expect(run.stderr).toMatch(/基线未更新：运行被中断[\s\S]*baseline not updated: the run was interrupted/);
      expect(run.stdout).toMatch(/已中断 Interrupted: 1 个页面未检测/);
      const report = readReport(join(dir, 'out'));
      expect(report.interrupted).toBe(true);
      expect(report.pages.map((p) => [p.url, p.status])).toEqual([[`${server.url}/zhonglou-2006.html`, 'audited']]);
      expect(readFileSync(join(dir, 'baseline.json'), 'utf8')).toBe(old);
    } finally {
      await server.close();
    }
  });
}
