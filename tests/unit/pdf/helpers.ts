import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageText } from '../../../src/pdf/reflow';

// The repository root: vitest and Playwright both run from it.
const ROOT = process.cwd();

export interface Recorded {
  file: string;
  numPages: number;
  info: { Title: string | null; Language: string | null };
  outline: Array<{ title: string; items: unknown[] }>;
  pages: PageText[];
}

/** pdf.js's text content of a test PDF, recorded by scripts/build-test-pdfs.mjs. */
export function recorded(name: 'policy-zh-hans' | 'policy-zh-hant' | 'scanned'): Recorded {
  return JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'pdf', 'recorded', `${name}.json`), 'utf8')) as Recorded;
}

/** The same pages as an untagged PDF gives them: no structure tree, no marked content. */
export function untagged(pages: PageText[]): PageText[] {
  return pages.map((p) => ({ ...p, structTree: null, items: p.items.filter((i) => 'str' in i) }));
}

/** The demo page's article (the source the test PDFs were printed from). */
export function demoArticle(): { title: string; sections: Array<{ heading: string; paragraphs: string[] }> } {
  const html = readFileSync(join(ROOT, 'tests', 'fixtures', 'pages', 'zhonglou-2006.html'), 'utf8');
  const article = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
  const title = /<h1>([^<]*)<\/h1>/.exec(article)![1]!;
  const sections: Array<{ heading: string; paragraphs: string[] }> = [];
  for (const m of article.matchAll(/<h2>([^<]*)<\/h2>|<p>([^<]*)<\/p>/g)) {
    if (m[1]) sections.push({ heading: m[1], paragraphs: [] });
    else if (m[2] && sections.length) sections.at(-1)!.paragraphs.push(m[2]);
  }
  return { title, sections };
}

/**
 * The 政策文件 as the generator lays it out: per section the heading, the lead paragraph, then each
 * further paragraph split at its first 。 into a （一） sub-heading and the rest.
 */
export function expectedOutline(): Array<{ kind: 'h1' | 'h2' | 'h3' | 'p'; text: string }> {
  const { title, sections } = demoArticle();
  const out: Array<{ kind: 'h1' | 'h2' | 'h3' | 'p'; text: string }> = [{ kind: 'h1', text: title }];
  for (const s of sections) {
    out.push({ kind: 'h2', text: s.heading });
    const [lead, ...rest] = s.paragraphs;
    out.push({ kind: 'p', text: lead! });
    rest.forEach((p, j) => {
      const cut = p.indexOf('。');
      out.push({ kind: 'h3', text: `（${'一二三四五六七八九十'[j]}）${p.slice(0, cut)}` });
      out.push({ kind: 'p', text: p.slice(cut + 1) });
    });
  }
  return out;
}
