/**
 * kanjian's subcommands' argv, parsed by Node's own util.parseArgs (strict): `--name value`,
 * `--name=value`, boolean flags, one-letter aliases, `--` (end of options) and positionals (`-` alone
 * is a positional: stdin). Its errors become ArgsErrors said in Chinese and English.
 */
import { parseArgs as nodeParseArgs } from 'node:util';
import { UsageError } from './command';

export interface OptionSpec {
  /** Takes a value (`--from cn`) or is a flag (`--html`). */
  readonly type: 'string' | 'boolean';
  /** One-letter alias, e.g. 'h'. */
  readonly short?: string;
  /** May be given several times (`--header A --header B`): its value is then a list. */
  readonly multiple?: boolean;
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  /** The values of the options given several times (spec `multiple`), in order. */
  readonly lists: Readonly<Record<string, readonly string[]>>;
  readonly positionals: readonly string[];
}

export class ArgsError extends UsageError {}

/** util.parseArgs's error as a bilingual ArgsError (its messages name the option in quotes). */
function argsError(e: unknown): ArgsError | null {
  const code = e && typeof e === 'object' && 'code' in e ? String(e.code) : '';
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-[^' <]*)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new ArgsError(`未知选项 ${option}`, `unknown option ${option}`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return new ArgsError(`选项 ${option} 不接受值`, `option ${option} takes no value`);
    if (/ambiguous/.test(message)) {
      const long = /--[\w-]+/.exec(message)?.[0] ?? option;
      return new ArgsError(`选项 ${long} 需要一个值（以 - 开头的值请写成 ${long}=值）`, `option ${long} needs a value (write a value starting with - as ${long}=VALUE)`);
    }
    return new ArgsError(`选项 ${option} 需要一个值`, `option ${option} needs a value`);
  }
  if (code.startsWith('ERR_PARSE_ARGS')) return new ArgsError(`参数无效：${message}`, `invalid arguments: ${message}`);
  return null;
}

export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const options = Object.fromEntries(Object.entries(spec).map(([name, s]) => [name, { type: s.type, ...(s.short ? { short: s.short } : {}), ...(s.multiple ? { multiple: true } : {}) }]));
  try {
    const parsed = nodeParseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    const values: Record<string, string | boolean | undefined> = {};
    const lists: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(parsed.values as Record<string, string | boolean | string[] | undefined>)) {
      if (Array.isArray(v)) lists[k] = v;
      else values[k] = v;
    }
    return { values, lists, positionals: parsed.positionals };
  } catch (e) {
    throw argsError(e) ?? e;
  }
}
