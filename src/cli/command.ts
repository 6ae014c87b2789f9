/**
 * What a kanjian subcommand is: main.ts dispatches to a registry of them. Its own module, so commands
 * and the dispatcher do not import each other.
 *
 * Every command takes an injectable CliIo, so tests call them directly without spawning.
 */
import { readFile } from 'node:fs/promises';

export interface CliIo {
  /** All of standard input, as bytes. */
  stdin(): Promise<Uint8Array>;
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
}

export interface Command {
  readonly name: string;
  /** One line for `kanjian --help`: Simplified Chinese, then English. */
  readonly summary: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
  /**
   * Exit code for an unexpected error (a bug), default 1. audit and merge-reports use 4, since 1
   * means "violations found" to a CI gate.
   */
  readonly internalErrorExit?: number;
}

/**
 * A mistake in what the user gave kanjian (options, files, config, baseline, sitemap, browser), found
 * before anything is written: exit 2, said in Simplified Chinese and English. The errors of the
 * audit's parts (ArgsError, TargetError, SitemapError, DriverError, JsonInputError…) are UsageErrors.
 */
export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = new.target.name;
  }
}

/** The real process's standard streams and file system. */
export function nodeIo(): CliIo {
  return {
    async stdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: async (path) => new Uint8Array(await readFile(path)),
  };
}
