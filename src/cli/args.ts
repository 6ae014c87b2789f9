/**
 * A tiny argv parser for kanjian's subcommands: `--name value`, `--name=value`, boolean flags,
 * `-h`, `--` (end of options) and positionals. `-` alone is a positional (stdin).
 */
import { UsageError } from './command';

export interface OptionSpec {
  /** Takes a value (`--from cn`) or is a flag (`--html`). */
  readonly type: 'string' | 'boolean';
  /** One-letter alias, e.g. 'h'. */
  readonly short?: string;
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

export class ArgsError extends UsageError {}

export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const values: Record<string, string | boolean | undefined> = {};
  const positionals: string[] = [];
  const byShort = new Map(Object.entries(spec).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else if (arg.length === 2 && arg[0] === '-' && arg !== '--') {
      name = byShort.get(arg[1]!);
      if (name === undefined) throw new ArgsError(`未知选项 ${arg}`, `unknown option ${arg}`);
    } else {
      positionals.push(arg);
      continue;
    }
    const s = spec[name];
    if (!s) throw new ArgsError(`未知选项 --${name}`, `unknown option --${name}`);
    if (s.type === 'boolean') {
      if (inline !== undefined) throw new ArgsError(`选项 --${name} 不接受值`, `option --${name} takes no value`);
      values[name] = true;
    } else {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new ArgsError(`选项 --${name} 需要一个值`, `option --${name} needs a value`);
      values[name] = v;
    }
  }
  return { values, positionals };
}
