/**
 * `kanjian` command line: a small dispatcher over a registry of subcommands. Bundled by esbuild into
 * dist/cli/kanjian.mjs (the package's `bin`). To add a subcommand, implement Command (command.ts) in
 * its own module and add it to COMMANDS below.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import packageJson from '../../package.json';
import { auditCommand } from './audit/command';
import { nodeIo, type CliIo, type Command } from './command';
import { convertCommand } from './convert';
import { diffCommand } from './diff/command';
import { mergeReportsCommand } from './merge-reports';

export type { CliIo, Command };
export { nodeIo };

/** The registry of subcommands, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [convertCommand, auditCommand, mergeReportsCommand, diffCommand];

/** The package version (package.json is inlined by the bundler). */
export const VERSION: string = packageJson.version;

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'kanjian — 看见：繁体版与无障碍浏览 / Traditional–Simplified Chinese and accessibility tools',
    '',
    '用法 Usage: kanjian <命令 command> [选项 options]',
    '',
    '命令 Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '  kanjian <命令> --help   查看命令的选项 / options of a command',
    '  kanjian --version       版本 / version',
    '',
  ].join('\n');
}

/** Runs kanjian with argv (without node and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(usage());
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(usage());
    return 0;
  }
  if (first === '--version' || first === '-v' || first === '-V') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    io.stderr(`kanjian: 未知命令 “${first}” / unknown command "${first}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    // Commands report expected failures themselves; this is the last net for bugs.
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`kanjian ${command.name}: 内部错误 / internal error: ${message}\n`);
    return command.internalErrorExit ?? 1;
  }
}

/** Whether this module is the program being run (true in the bundle, false when imported). */
function isEntry(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) {
  main(process.argv.slice(2), nodeIo()).then(
    (code) => {
      process.exitCode = code;
      // Everything is written by now; a browser handle that failed to close must not keep the
      // process (and the CI job) alive. unref: a clean exit does not wait for this timer.
      setTimeout(() => process.exit(code), 5_000).unref();
    },
    (e: unknown) => {
      process.stderr.write(`kanjian: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
