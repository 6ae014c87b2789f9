/**
 * Node-only loading of compiled dictionaries (the CLI, tests, the benchmark). Kept apart from the
 * engine so the extension bundle never pulls in node:fs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConverter, type Converter, type ConverterOptions } from './create-converter';
import { dictFileName, parseDict, type CompiledDict } from './dict-format';
import { isSupportedPair, type Variant } from './variants';

export interface NodeLoadOptions extends ConverterOptions {
  /** Directory holding the .bin files; default: $KANJIAN_DICT_DIR, else public/dict found upwards. */
  dictDir?: string;
}

/**
 * Where the compiled dictionaries are: $KANJIAN_DICT_DIR, else the first public/dict (or dict/)
 * holding the file, looking upwards from this module (src/convert/engine/ in the repo,
 * dist/cli/ in the bundle) and from the working directory.
 */
export function findDictDir(fileName = 'cn-tw.bin'): string | null {
  const env = typeof process !== 'undefined' ? process.env.KANJIAN_DICT_DIR : undefined;
  if (env) return resolve(env);
  const starts = [dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    let dir = start;
    for (let up = 0; up < 8; up++) {
      for (const candidate of [join(dir, 'public', 'dict'), join(dir, 'dict')]) {
        if (existsSync(join(candidate, fileName))) return candidate;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return null;
}

/** Reads and parses one direction's dictionary file. Errors name the file and how to rebuild it. */
export function loadDictNode(from: Variant, to: Variant, dictDir?: string): CompiledDict {
  if (!isSupportedPair(from, to)) {
    throw new RangeError(`kanjian: 不支持的转换方向 ${from}→${to} / unsupported conversion ${from}→${to}`);
  }
  const name = dictFileName(from, to);
  const dir = dictDir ?? findDictDir(name);
  const file = dir === null ? null : join(dir, name);
  if (file === null || !existsSync(file)) {
    throw new Error(
      `kanjian: 找不到词典文件 ${name}，请先运行 node scripts/build-dicts.mjs / ` +
        `dictionary ${name} not found (looked in ${file ?? '$KANJIAN_DICT_DIR and public/dict'}); run node scripts/build-dicts.mjs`,
    );
  }
  return parseDict(readFileSync(file));
}

/** A converter for from→to, reading public/dict/<from>-<to>.bin. */
export function loadConverterNode(from: Variant, to: Variant, options: NodeLoadOptions = {}): Converter {
  return createConverter(loadDictNode(from, to, options.dictDir), options);
}
