// Types of scripts/build-dicts.mjs for the tests and the benchmark (the script is plain JS).
import type { DirectionStages } from '../src/convert/engine/dict-compile';
import type { Variant } from '../src/convert/engine/variants';

export const SCRIPT_CHARS_PATH: string;

/** Version of the installed opencc-js, recorded in every file's header. */
export function openccVersion(): string;
/** The tries opencc-js's Converter({from, to}) builds, as the [key, value] pairs they hold. */
export function directionStages(from: Variant, to: Variant): DirectionStages;
/** The bytes of one direction's .bin file, compiled in memory. */
export function compileDirection(from: Variant, to: Variant): Uint8Array;
/** Writes every direction into outDir (default public/dict); returns the names that changed. */
export function writeAll(outDir?: string): string[];
/** Names of files in outDir (default public/dict) that are missing or differ from a fresh compile. */
export function staleFiles(outDir?: string): string[];
/** The source of src/convert/engine/script-chars.ts as the compiler generates it now. */
export function scriptCharsModule(): string;
