// kanjian's modules import each other without cycles (type-only imports included): each capability,
// each CLI command and each stage can be read, tested and changed on its own. Imports are found with TypeScript's own
// scanner (ts.preProcessFile), relative ones resolved to the .ts files of src/cli.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { expect, test } from 'vitest';
import ts from 'typescript';

const REPO = resolve(__dirname, '..', '..');
const tmpDir = (): string => mkdtempSync(join(tmpdir(), 'kanjian-cycles-'));

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return tsFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The modules under root a module imports (relative specifiers only; others are outside the graph). */
function importsOf(file: string, root: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s))
    .flatMap((base) => [`${base}.ts`, join(base, 'index.ts'), base].filter((p) => p.startsWith(root) && p.endsWith('.ts') && existsSync(p)).slice(0, 1));
}

/** Every cycle among the .ts files under root, each as the list of modules around it. */
function importCycles(root: string): string[][] {
  const files = tsFiles(root);
  const graph = new Map(files.map((f) => [f, importsOf(f, root)]));
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 'open') cycles.push([...stack.slice(stack.indexOf(g)), g].map((p) => relative(root, p)));
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return cycles;
}

test.each([
  ['src', 150],
  ['entrypoints', 5],
] as const)('%s has no import cycles', (dir, atLeast) => {
  const root = join(REPO, dir);
  expect(tsFiles(root).length).toBeGreaterThan(atLeast);
  expect(importCycles(root)).toEqual([]);
});

test('the cycle check finds a cycle, type-only imports included', () => {
  const dir = tmpDir();
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.ts'), "import { b } from './sub/b';\nexport const a = 1;\n");
  writeFileSync(join(dir, 'sub', 'b.ts'), "import type { A } from '../a';\nexport const b = 2;\n");
  writeFileSync(join(dir, 'c.ts'), "import { a } from './a';\n");
  expect(importCycles(dir)).toEqual([['a.ts', 'sub/b.ts', 'a.ts']]);
});
