// Benchmarks that keep hand-written method notes in their docs/benchmarks-*.md rewrite only the part
// between these markers with the numbers of the run, so docs/benchmarks.md (bench/run.mjs quotes the
// docs) always shows the latest measurement.
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Replaces the results section of a doc; throws if the markers are missing (a renamed doc, a typo).
 * A doc with two measured sections names the second (`<!-- bench:results:NAME -->`).
 */
export function writeResults(docPath, markdown, name = '') {
  const START = `<!-- bench:results${name ? `:${name}` : ''} -->`;
  const END = `<!-- /bench:results${name ? `:${name}` : ''} -->`;
  const doc = readFileSync(docPath, 'utf8');
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${docPath}: no ${START} … ${END} section to write the results into`);
  writeFileSync(docPath, `${doc.slice(0, a + START.length)}\n${markdown.trim()}\n${doc.slice(b)}`);
}
