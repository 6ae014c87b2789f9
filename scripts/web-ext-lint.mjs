// web-ext lint on the Firefox build; fails on any error, warning or notice so the AMO review stays clean.
// Two third-party files are left out, each injected only when it is used:
// - vendor/axe.min.js, axe-core's own unmodified build (audits). Its Function-constructor paths compile
//   locale templates and string rule functions, which kanjian never passes it (messages are translated
//   at render time, custom rules are real functions).
// - vendor/pdfjs/*.mjs, Mozilla's unmodified PDF.js build (the PDF reader page only). Its one Function
//   constructor is a feature probe (FeatureTest.isEvalSupported); the reader passes isEvalSupported: false,
//   so no PDF function is ever compiled. Its dynamic import() loads its own worker file from the extension.
// - lib-readability.js, Mozilla's @mozilla/readability (纯文本). Its innerHTML reads and writes happen on
//   a detached clone of the page, never on the live page or an extension page.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const r = spawnSync(join(root, 'node_modules', '.bin', 'web-ext'), ['lint', '--source-dir', join(root, '.output', 'firefox-mv2'), '--output', 'json', '--no-config-discovery', '--ignore-files', 'vendor/axe.min.js', 'lib-readability.js', 'vendor/pdfjs/pdf.min.mjs', 'vendor/pdfjs/pdf.worker.min.mjs'], {
  encoding: 'utf8',
});
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
const items = [...report.errors, ...report.warnings, ...report.notices];
for (const i of items) console.log(`${i._type ?? ''} ${i.code}: ${i.message} ${i.file ?? ''}`);
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
process.exit(items.length === 0 ? 0 : 1);
