/**
 * Pure helpers for kanjian's page stylesheet (page-style.ts): the CSS an aid asks for, as single
 * rules, and the fewest rule insertions and deletions that turn what the sheet holds into it.
 * Kept apart from the DOM so the cases are unit-tested; the sheet applies the edits through CSSOM.
 */

/**
 * Splits our own generated CSS into its top-level rules (`sel{…}`, `@media …{…}`, `@keyframes …{…}`,
 * or a statement ending in `;`). Braces and semicolons inside strings, `url(…)`, comments and
 * escapes do not count. Whitespace between rules is dropped; text after the last complete rule is dropped too
 * (the browser's parser would drop it as well).
 */
export function splitCssRules(css: string): string[] {
  const rules: string[] = [];
  let depth = 0;
  let start = -1;
  let quote = '';
  let parens = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '\\') {
      // An escaped character (`.a\{b`) is part of a name, never a brace or quote.
      if (start < 0) start = i;
      i++;
      continue;
    }
    if (c === '/' && css[i + 1] === '*' && parens === 0) {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 1;
      continue;
    }
    if (start < 0) {
      if (/\s/.test(c)) continue;
      start = i;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(') parens++;
    else if (c === ')') parens = Math.max(0, parens - 1);
    else if (parens > 0) continue;
    else if (c === '{') depth++;
    else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        rules.push(css.slice(start, i + 1));
        start = -1;
      }
    } else if (c === ';' && depth === 0) {
      rules.push(css.slice(start, i + 1));
      start = -1;
    }
  }
  return rules;
}

export type RuleEdit = { op: 'delete'; at: number } | { op: 'insert'; at: number; rule: string };

/**
 * The edits, applied in order, that turn the rule list `from` into `to`: rules present in both keep
 * their place (a rule deleted and inserted again would restyle every element it matches for
 * nothing), the others are deleted or inserted where `to` has them. Greedy (the next match is
 * kept), which is exact for what aids do: add rules, drop rules, swap a section. Indexes refer to
 * the list as it is when each edit is applied.
 */
export function planRuleEdits(from: readonly string[], to: readonly string[]): RuleEdit[] {
  const edits: RuleEdit[] = [];
  // Each rule text's remaining positions in `from`, to find the next kept one quickly.
  const positions = new Map<string, number[]>();
  from.forEach((rule, i) => {
    const list = positions.get(rule);
    if (list) list.push(i);
    else positions.set(rule, [i]);
  });
  const nextAt = (rule: string, after: number): number => {
    const list = positions.get(rule);
    while (list?.length && list[0]! < after) list.shift();
    return list?.length ? list[0]! : -1;
  };
  let i = 0; // next unconsumed rule of `from`
  let at = 0; // index in the sheet as edited so far
  for (const rule of to) {
    const k = nextAt(rule, i);
    if (k >= 0) {
      for (; i < k; i++) edits.push({ op: 'delete', at });
      positions.get(rule)!.shift();
      i++;
      at++;
    } else {
      edits.push({ op: 'insert', at, rule });
      at++;
    }
  }
  for (; i < from.length; i++) edits.push({ op: 'delete', at });
  return edits;
}
