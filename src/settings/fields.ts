/**
 * Field validators. A stored value that fails its validator is dropped (the default wins) without
 * touching any other field: one corrupted value never wipes the user's other settings.
 */
export interface Field<V> {
  readonly default: V;
  /** Returns the value if valid, else undefined. */
  parse(raw: unknown): V | undefined;
}

export function boolField(def: boolean): Field<boolean> {
  return { default: def, parse: (raw) => (typeof raw === 'boolean' ? raw : undefined) };
}

export function numberField(def: number, min: number, max: number, step?: number): Field<number> {
  return {
    default: def,
    parse(raw) {
      if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < min || raw > max) return undefined;
      if (step !== undefined && Math.abs(Math.round((raw - min) / step) * step + min - raw) > 1e-9) return undefined;
      return raw;
    },
  };
}

export function enumField<const T extends string>(def: T, values: readonly T[]): Field<T> {
  return {
    default: def,
    parse: (raw) => (typeof raw === 'string' && (values as readonly string[]).includes(raw) ? (raw as T) : undefined),
  };
}

export function stringListField(def: readonly string[], maxItems: number, maxLength: number): Field<string[]> {
  return {
    default: [...def],
    parse(raw) {
      if (!Array.isArray(raw) || raw.length > maxItems) return undefined;
      if (!raw.every((s) => typeof s === 'string' && s.length <= maxLength)) return undefined;
      return [...(raw as string[])];
    },
  };
}

export type FieldsOf<T> = { readonly [K in keyof T]: Field<T[K]> };

/** Parses a stored record field by field; unknown keys are ignored, bad values fall back to defaults. */
export function parseRecord<T extends object>(fields: FieldsOf<T>, raw: unknown): { values: Partial<T>; rejected: string[] } {
  const values: Partial<T> = {};
  const rejected: string[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { values, rejected: raw === undefined ? [] : ['*'] };
  const rec = raw as Record<string, unknown>;
  for (const key of Object.keys(fields) as Array<keyof T & string>) {
    if (!(key in rec)) continue;
    const parsed = fields[key].parse(rec[key]);
    if (parsed === undefined) rejected.push(key);
    else values[key] = parsed;
  }
  return { values, rejected };
}

export function defaultsOf<T extends object>(fields: FieldsOf<T>): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) out[key] = (fields as Record<string, Field<unknown>>)[key]!.default;
  return out as T;
}

/** A stored record read whole: each field's valid stored value, else its default. */
export function parseWithDefaults<T extends object>(fields: FieldsOf<T>, raw: unknown): T {
  return { ...defaultsOf(fields), ...parseRecord(fields, raw).values };
}
