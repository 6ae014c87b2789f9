// @vitest-environment node
/**
 * End to end: bundle src/cli/main.ts with esbuild (as the package's bin is built) into a temp dir,
 * then run it with `node` as a user would.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DICT_DIR, ensureDicts, opencc, REPO, SEED_PATH } from './helpers';

let dir = '';
let bin = '';

beforeAll(async () => {
  await ensureDicts();
  dir = mkdtempSync(join(tmpdir(), 'kanjian-cli-'));
  bin = join(dir, 'kanjian.mjs');
  await build({
    entryPoints: [join(REPO, 'src/cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bin,
    logLevel: 'error',
  });
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs the bundle; the dictionaries come from public/dict through KANJIAN_DICT_DIR. */
function kanjian(args: string[], input?: string | Uint8Array) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input,
    env: { ...process.env, KANJIAN_DICT_DIR: DICT_DIR },
    maxBuffer: 64 << 20,
  });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

describe('bundled kanjian binary', () => {
  const seed = readFileSync(SEED_PATH, 'utf8');

  test('convert: stdin to stdout, default cn→tw, identical to opencc-js', () => {
    const r = kanjian(['convert'], seed);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(opencc('cn', 'tw')(seed));
  });

  test('convert: a file, tw→cn, and --html', () => {
    const file = join(dir, 'page.html');
    writeFileSync(file, '<html lang="zh-TW"><body><p title="軟體">裡面的軟體</p><code>軟體</code></body></html>');
    const r = kanjian(['convert', '--from', 'tw', '--to', 'cn', '--html', file]);
    expect(r.code).toBe(0);
    const t2s = opencc('tw', 'cn');
    expect(r.stdout).toBe(`<html lang="zh-CN"><body><p title="${t2s('軟體')}">${t2s('裡面的軟體')}</p><code>軟體</code></body></html>`);
  });

  test('errors: exit 2, bilingual message on stderr, nothing on stdout', () => {
    for (const [args, input] of [
      [['convert', '--to', 'xx'], '软件'],
      [['convert', join(dir, 'missing.txt')], ''],
      [['convert'], new Uint8Array([0xff, 0xfe, 0x00, 0x41])],
      [['convert'], new Uint8Array([0xc3, 0x28])],
    ] as Array<[string[], string | Uint8Array]>) {
      const r = kanjian(args, input);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/错误[\s\S]*error/);
    }
  });

  test('--version and --help', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(kanjian(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = kanjian(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/convert/);
  });

  test('a missing dictionary is reported, not a crash', () => {
    const r = spawnSync(process.execPath, [bin, 'convert'], {
      input: '软件',
      env: { ...process.env, KANJIAN_DICT_DIR: join(dir, 'no-dicts') },
    });
    expect(r.status).toBe(1);
    expect(r.stdout.toString()).toBe('');
    expect(r.stderr.toString()).toMatch(/找不到词典文件[\s\S]*build-dicts/);
  });
});
