// The kanjian CLI's last net for bugs: `kanjian audit` and `kanjian merge-reports` exit 4 on an
// unexpected error, since CI gates read 1 as "violations found". (Here and not in tests/cli: the CLI
// entry imports package.json, which Playwright's test loader cannot.)
import { expect, test } from 'vitest';
import { main, type CliIo } from '../../../src/cli/main';

test('an unexpected error in audit or merge-reports exits 4 with "内部错误 / internal error"', async () => {
  const stderr: string[] = [];
  const io: CliIo = {
    stdin: async () => new Uint8Array(),
    // Printing the help is the first thing either command does with --help: make it a bug.
    stdout: () => {
      throw new Error('stdout is gone');
    },
    stderr: (t) => void stderr.push(t),
    readFile: async () => new Uint8Array(),
  };
  expect(await main(['audit', '--help'], io)).toBe(4);
  expect(await main(['merge-reports', '--help'], io)).toBe(4);
  expect(stderr.join('')).toContain('kanjian audit: 内部错误 / internal error: stdout is gone');
  expect(stderr.join('')).toContain('kanjian merge-reports: 内部错误 / internal error: stdout is gone');
});
