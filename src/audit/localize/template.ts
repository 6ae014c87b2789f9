// A safe interpreter for the subset of doT templates that axe-core's locale files use, so messages can
// be rendered in MV3 extension pages where CSP forbids eval/new Function (which axe.configure({locale})
// needs). Supported: {{=expr}}, {{!expr}} (HTML-encoded), {{~arr:value:index}}…{{~}},
// {{?expr}}…{{??expr}}…{{??}}…{{?}}. Expressions: literals, names, property access, a whitelist of
// string/array/number methods, ! - + comparisons && || and ?:. Anything else throws TemplateError.
// Whitespace is kept as written (axe sets doT's `strip` to false).

export class TemplateError extends Error {
  override name = 'TemplateError';
}

// ---- expressions ------------------------------------------------------------------------------

type Tok =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'id'; v: string }
  | { t: 'op'; v: string };

const OPS = ['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '<', '>', '+', '-', '!', '.', '[', ']', '(', ')', ',', '?', ':'];
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(src.slice(i))!;
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][\w$]*/.exec(src.slice(i))!;
      out.push({ t: 'id', v: m[0] });
      i += m[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let s = '';
      i++;
      while (i < src.length && src[i] !== c) {
        if (src[i] === '\\') {
          const e = src[i + 1] ?? '';
          if (e === 'u') {
            s += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
            i += 6;
            continue;
          }
          s += ESCAPES[e] ?? e;
          i += 2;
          continue;
        }
        s += src[i];
        i++;
      }
      if (src[i] !== c) throw new TemplateError(`Unterminated string in: ${src}`);
      i++;
      out.push({ t: 'str', v: s });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new TemplateError(`Unsupported character ${JSON.stringify(c)} in: ${src}`);
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

type Scope = Record<string, unknown>;

const STRING_METHODS = new Set([
  'split', 'trim', 'toLowerCase', 'toUpperCase', 'replace', 'slice', 'substring', 'indexOf', 'includes',
  'startsWith', 'endsWith', 'toString', 'charAt', 'concat', 'padStart', 'padEnd', 'repeat',
]);
const ARRAY_METHODS = new Set(['join', 'slice', 'indexOf', 'includes', 'concat', 'toString']);
const NUMBER_METHODS = new Set(['toFixed', 'toString', 'toPrecision']);
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype', '__defineGetter__', '__defineSetter__']);

function getProp(obj: unknown, key: unknown): unknown {
  if (obj === null || obj === undefined) throw new TemplateError(`Cannot read ${String(key)} of ${String(obj)}`);
  const k = String(key);
  if (FORBIDDEN.has(k)) throw new TemplateError(`Forbidden property ${k}`);
  if (k === 'length' && (typeof obj === 'string' || Array.isArray(obj))) return obj.length;
  if (typeof obj === 'object' && Object.prototype.hasOwnProperty.call(obj, k)) {
    return (obj as Record<string, unknown>)[k];
  }
  if (typeof obj === 'string' && /^\d+$/.test(k)) return obj[Number(k)];
  return undefined;
}

function callMethod(obj: unknown, name: string, args: unknown[]): unknown {
  const allowed =
    typeof obj === 'string' ? STRING_METHODS : Array.isArray(obj) ? ARRAY_METHODS : typeof obj === 'number' ? NUMBER_METHODS : null;
  if (!allowed || !allowed.has(name)) throw new TemplateError(`Method ${name} not allowed on ${typeof obj}`);
  if (args.some((a) => typeof a === 'function' || (a !== null && typeof a === 'object' && !Array.isArray(a)))) {
    throw new TemplateError(`Only plain arguments are allowed for ${name}`);
  }
  // The receiver is a primitive or a plain array and the method name is whitelisted above.
  const fn = (obj as Record<string, (...a: unknown[]) => unknown>)[name]!;
  return fn.apply(obj, args);
}

class ExprParser {
  private i = 0;
  constructor(private toks: Tok[], private scope: Scope) {}

  static evaluate(src: string, scope: Scope): unknown {
    const p = new ExprParser(lex(src), scope);
    const v = p.ternary();
    if (p.i < p.toks.length) throw new TemplateError(`Unexpected token in: ${src}`);
    return v;
  }

  private peek(): Tok | undefined { return this.toks[this.i]; }
  private isOp(v: string): boolean { const t = this.peek(); return !!t && t.t === 'op' && t.v === v; }
  private expectOp(v: string): void {
    if (!this.isOp(v)) throw new TemplateError(`Expected ${v}`);
    this.i++;
  }

  // Both branches are evaluated (expressions have no side effects), which keeps the parser simple.
  private ternary(): unknown {
    const cond = this.or();
    if (!this.isOp('?')) return cond;
    this.i++;
    const a = this.ternary();
    this.expectOp(':');
    const b = this.ternary();
    return cond ? a : b;
  }
  private or(): unknown {
    let v = this.and();
    while (this.isOp('||')) { this.i++; const r = this.and(); v = v || r; }
    return v;
  }
  private and(): unknown {
    let v = this.eq();
    while (this.isOp('&&')) { this.i++; const r = this.eq(); v = v && r; }
    return v;
  }
  private eq(): unknown {
    let v = this.rel();
    for (;;) {
      const t = this.peek();
      if (!t || t.t !== 'op' || !['===', '!==', '==', '!='].includes(t.v)) return v;
      this.i++;
      const r = this.rel();
      // Loose equality is evaluated strictly except null/undefined, enough for templates.
      const loose = (a: unknown, b: unknown) => a === b || (a == null && b == null) || String(a) === String(b);
      v = t.v === '===' ? v === r : t.v === '!==' ? v !== r : t.v === '==' ? loose(v, r) : !loose(v, r);
    }
  }
  private rel(): unknown {
    let v = this.add();
    for (;;) {
      const t = this.peek();
      if (!t || t.t !== 'op' || !['<', '>', '<=', '>='].includes(t.v)) return v;
      this.i++;
      const r = this.add() as number;
      const l = v as number;
      v = t.v === '<' ? l < r : t.v === '>' ? l > r : t.v === '<=' ? l <= r : l >= r;
    }
  }
  private add(): unknown {
    let v = this.unary();
    for (;;) {
      if (this.isOp('+')) { this.i++; const r = this.unary(); v = typeof v === 'number' && typeof r === 'number' ? v + r : String(v) + String(r); continue; }
      if (this.isOp('-')) { this.i++; const r = this.unary(); v = Number(v) - Number(r); continue; }
      return v;
    }
  }
  private unary(): unknown {
    if (this.isOp('!')) { this.i++; return !this.unary(); }
    if (this.isOp('-')) { this.i++; return -Number(this.unary()); }
    return this.postfix();
  }
  private postfix(): unknown {
    let v = this.primary();
    for (;;) {
      if (this.isOp('.')) {
        this.i++;
        const t = this.toks[this.i++];
        if (!t || t.t !== 'id') throw new TemplateError('Expected property name');
        if (this.isOp('(')) { v = callMethod(v, t.v, this.args()); continue; }
        v = getProp(v, t.v);
        continue;
      }
      if (this.isOp('[')) {
        this.i++;
        const k = this.ternary();
        this.expectOp(']');
        v = getProp(v, k);
        continue;
      }
      return v;
    }
  }
  private args(): unknown[] {
    this.expectOp('(');
    const out: unknown[] = [];
    if (this.isOp(')')) { this.i++; return out; }
    for (;;) {
      out.push(this.ternary());
      if (this.isOp(',')) { this.i++; continue; }
      this.expectOp(')');
      return out;
    }
  }
  private primary(): unknown {
    const t = this.toks[this.i++];
    if (!t) throw new TemplateError('Unexpected end of expression');
    if (t.t === 'num' || t.t === 'str') return t.v;
    if (t.t === 'id') {
      if (t.v === 'true') return true;
      if (t.v === 'false') return false;
      if (t.v === 'null') return null;
      if (t.v === 'undefined') return undefined;
      if (!Object.prototype.hasOwnProperty.call(this.scope, t.v)) throw new TemplateError(`Unknown name ${t.v}`);
      return this.scope[t.v];
    }
    if (t.v === '(') {
      const v = this.ternary();
      this.expectOp(')');
      return v;
    }
    throw new TemplateError(`Unexpected ${t.v}`);
  }
}

export function evaluateExpression(src: string, scope: Scope): unknown {
  return ExprParser.evaluate(src, scope);
}

// ---- templates --------------------------------------------------------------------------------

type Node =
  | { k: 'text'; v: string }
  | { k: 'out'; expr: string; encode: boolean }
  | { k: 'if'; branches: { cond: string | null; body: Node[] }[] }
  | { k: 'each'; expr: string; value: string; index: string | null; body: Node[] };

type Tag =
  | { k: 'text'; v: string }
  | { k: 'out'; expr: string; encode: boolean }
  | { k: 'if'; cond: string }
  | { k: 'elseif'; cond: string | null }
  | { k: 'endif' }
  | { k: 'each'; expr: string; value: string; index: string | null }
  | { k: 'endeach' };

function tokenize(tpl: string): Tag[] {
  const out: Tag[] = [];
  let i = 0;
  while (i < tpl.length) {
    const open = tpl.indexOf('{{', i);
    if (open < 0) { out.push({ k: 'text', v: tpl.slice(i) }); break; }
    if (open > i) out.push({ k: 'text', v: tpl.slice(i, open) });
    const close = tpl.indexOf('}}', open + 2);
    if (close < 0) throw new TemplateError('Unclosed {{');
    const body = tpl.slice(open + 2, close);
    i = close + 2;
    if (body.startsWith('=')) out.push({ k: 'out', expr: body.slice(1), encode: false });
    else if (body.startsWith('!')) out.push({ k: 'out', expr: body.slice(1), encode: true });
    else if (body.startsWith('??')) {
      const cond = body.slice(2).trim();
      out.push({ k: 'elseif', cond: cond || null });
    } else if (body.startsWith('?')) {
      const cond = body.slice(1).trim();
      out.push(cond ? { k: 'if', cond } : { k: 'endif' });
    } else if (body.startsWith('~')) {
      const spec = body.slice(1).trim();
      if (!spec) { out.push({ k: 'endeach' }); continue; }
      const m = /^([\s\S]+?)\s*:\s*([\w$]+)\s*(?::\s*([\w$]+))?\s*$/.exec(spec);
      if (!m) throw new TemplateError(`Bad iteration: {{${body}}}`);
      out.push({ k: 'each', expr: m[1]!, value: m[2]!, index: m[3] ?? null });
    } else {
      throw new TemplateError(`Unsupported template code: {{${body}}}`);
    }
  }
  return out;
}

function parse(tags: Tag[]): Node[] {
  let pos = 0;
  function block(until: ('endif' | 'elseif' | 'endeach')[]): Node[] {
    const nodes: Node[] = [];
    while (pos < tags.length) {
      const t = tags[pos]!;
      if ((until as string[]).includes(t.k)) return nodes;
      pos++;
      if (t.k === 'text' || t.k === 'out') nodes.push(t);
      else if (t.k === 'if') {
        const branches: { cond: string | null; body: Node[] }[] = [{ cond: t.cond, body: block(['elseif', 'endif']) }];
        for (;;) {
          const end = tags[pos];
          if (!end) throw new TemplateError('Unclosed {{?}}');
          pos++;
          if (end.k === 'endif') break;
          if (end.k === 'elseif') branches.push({ cond: end.cond, body: block(['elseif', 'endif']) });
        }
        nodes.push({ k: 'if', branches });
      } else if (t.k === 'each') {
        const body = block(['endeach']);
        if (tags[pos]?.k !== 'endeach') throw new TemplateError('Unclosed {{~}}');
        pos++;
        nodes.push({ k: 'each', expr: t.expr, value: t.value, index: t.index, body });
      } else {
        throw new TemplateError(`Unexpected ${t.k}`);
      }
    }
    return nodes;
  }
  const nodes = block([]);
  if (pos < tags.length) throw new TemplateError('Unbalanced template');
  return nodes;
}

function encodeHtml(s: string): string {
  return s.replace(/[&<>"'/]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(nodes: Node[], scope: Scope): string {
  let out = '';
  for (const n of nodes) {
    if (n.k === 'text') out += n.v;
    else if (n.k === 'out') {
      const v = evaluateExpression(n.expr, scope);
      const s = v === undefined || v === null ? '' : String(v);
      out += n.encode ? encodeHtml(s) : s;
    } else if (n.k === 'if') {
      const hit = n.branches.find((b) => b.cond === null || evaluateExpression(b.cond, scope));
      if (hit) out += render(hit.body, scope);
    } else {
      const arr = evaluateExpression(n.expr, scope);
      if (!arr) continue;
      if (!Array.isArray(arr)) throw new TemplateError('Iteration over a non-array');
      arr.forEach((item, idx) => {
        const inner: Scope = { ...scope, [n.value]: item };
        if (n.index) inner[n.index] = idx;
        out += render(n.body, inner);
      });
    }
  }
  return out;
}

const compiled = new Map<string, Node[]>();

/** True when a string contains doT template syntax. */
export function isTemplate(s: string): boolean {
  return /\{\{[\s\S]+?\}\}/.test(s);
}

/** Renders a doT template with `it` bound to the given value. Throws TemplateError on unsupported code. */
export function renderTemplate(tpl: string, it: unknown): string {
  let nodes = compiled.get(tpl);
  if (!nodes) {
    nodes = parse(tokenize(tpl));
    compiled.set(tpl, nodes);
  }
  return render(nodes, { it });
}

// ---- axe's ${data} substitution ---------------------------------------------------------------

function toMessageString(v: unknown): string {
  if (v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

/**
 * axe's substitute(): replaces ${data} or ${data.prop}. Slightly more lenient than axe (spaces around
 * the dot are allowed, as zh_TW.json writes "${data .minSize }", and a placeholder missing its closing
 * brace before a space is repaired, as zh_CN.json has one) so those locale typos still render.
 */
export function substitute(str: string, data: unknown): string {
  if (typeof data === 'string') return str.replace(/\$\{\s*data\s*\}/g, data);
  if (data === null || data === undefined || typeof data !== 'object') return str;
  const d = data as Record<string, unknown>;
  const own = (k: string) => Object.prototype.hasOwnProperty.call(d, k);
  return str
    .replace(/\$\{\s*data\s*\.\s*([\w$]+)\s*\}/g, (m, k: string) => (own(k) ? toMessageString(d[k]) : m))
    .replace(/\$\{\s*data\.([\w$]+)(?=\s)/g, (m, k: string) => (own(k) ? toMessageString(d[k]) : m));
}
