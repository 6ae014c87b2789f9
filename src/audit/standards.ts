// WCAG conformance targets and the axe-core level tags within them. No data tables here, so the
// in-page runner can import axeRunOptions without pulling the mapping JSON into a content script.

export type WcagLevel = 'A' | 'AA' | 'AAA';
export type WcagVersion = '2.0' | '2.1' | '2.2';
export type WcagStandard =
  | 'wcag2a' | 'wcag2aa' | 'wcag2aaa'
  | 'wcag21a' | 'wcag21aa' | 'wcag21aaa'
  | 'wcag22a' | 'wcag22aa' | 'wcag22aaa';

export const WCAG_STANDARDS: readonly WcagStandard[] = [
  'wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21a', 'wcag21aa', 'wcag21aaa', 'wcag22a', 'wcag22aa', 'wcag22aaa',
];

export function parseStandard(std: WcagStandard): { version: WcagVersion; level: WcagLevel } {
  const m = /^wcag(2|21|22)(a{1,3})$/.exec(std);
  if (!m) throw new Error(`Unknown WCAG standard: ${std}`);
  const version = (m[1] === '2' ? '2.0' : m[1] === '21' ? '2.1' : '2.2') as WcagVersion;
  return { version, level: m[2]!.toUpperCase() as WcagLevel };
}

const VERSION_TAG: Record<WcagVersion, string> = { '2.0': 'wcag2', '2.1': 'wcag21', '2.2': 'wcag22' };
const VERSIONS: WcagVersion[] = ['2.0', '2.1', '2.2'];
const LEVELS: WcagLevel[] = ['A', 'AA', 'AAA'];

/** The axe level tags that fall within a standard, e.g. wcag21aa → wcag2a, wcag2aa, wcag21a, wcag21aa. */
export function levelTagsFor(std: WcagStandard): string[] {
  const { version, level } = parseStandard(std);
  const tags: string[] = [];
  for (const v of VERSIONS.slice(0, VERSIONS.indexOf(version) + 1)) {
    for (const l of LEVELS.slice(0, LEVELS.indexOf(level) + 1)) tags.push(VERSION_TAG[v] + l.toLowerCase());
  }
  return tags;
}
