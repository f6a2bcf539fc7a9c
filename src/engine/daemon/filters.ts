// The daemon's `filters.Args`: `--filter key=value` as the client sends it and the checks the daemon applies.

import { parseGoDuration } from '../cli/values.ts';

/** Filter name → the set of values given for it, as `filters.Args` holds them. */
export type FilterArgs = Map<string, Set<string>>;

/**
 * Builds the filters the client sends from `--filter` values. The client lower-cases and trims the
 * name, trims the value, and skips empty flags; `key=value` form was checked while parsing flags.
 */
export function parseFilters(values: readonly string[]): FilterArgs {
  const filters: FilterArgs = new Map();
  for (const value of values) {
    if (value === '') continue;
    const eq = value.indexOf('=');
    const name = (eq < 0 ? value : value.slice(0, eq)).trim().toLowerCase();
    const text = eq < 0 ? '' : value.slice(eq + 1).trim();
    addFilter(filters, name, text);
  }
  return filters;
}

export function addFilter(filters: FilterArgs, name: string, value: string): void {
  let set = filters.get(name);
  if (!set) filters.set(name, (set = new Set()));
  set.add(value);
}

/** `filters.invalidFilter`'s text: `invalid filter 'name'` or `invalid filter 'name=a,b'`. */
export function invalidFilter(name: string, values?: readonly string[]): string {
  return `invalid filter '${name}${values ? `=${values.join(',')}` : ''}'`;
}

/** The first filter name the daemon does not accept, as an error message; null when all are accepted. */
export function validateFilters(filters: FilterArgs, accepted: readonly string[]): string | null {
  for (const name of filters.keys()) if (!accepted.includes(name)) return invalidFilter(name);
  return null;
}

export function filterValues(filters: FilterArgs, name: string): string[] {
  return [...(filters.get(name) ?? [])];
}

export function exactMatch(filters: FilterArgs, name: string, source: string): boolean {
  const values = filters.get(name);
  return !values || values.size === 0 || values.has(source);
}

/** `Args.Match`: an exact value, or any value that, read as a regular expression, matches part of `source`. */
export function matchFilter(filters: FilterArgs, name: string, source: string): boolean {
  const values = filters.get(name);
  if (!values || values.size === 0) return true;
  if (values.has(source)) return true;
  for (const pattern of values) {
    try {
      if (new RegExp(pattern).test(source)) return true;
    } catch {
      // Go skips a value that is not a valid regular expression.
    }
  }
  return false;
}

/** `Args.MatchKVList` for labels: every `key` or `key=value` given must be present (and equal). */
export function matchLabels(filters: FilterArgs, name: string, labels: Record<string, string>): boolean {
  const values = filters.get(name);
  if (!values || values.size === 0) return true;
  if (Object.keys(labels).length === 0) return false;
  for (const value of values) {
    const eq = value.indexOf('=');
    const key = eq < 0 ? value : value.slice(0, eq);
    if (!Object.hasOwn(labels, key)) return false;
    if (eq >= 0 && labels[key] !== value.slice(eq + 1)) return false;
  }
  return true;
}

export type BoolFilter = { ok: true; value: boolean | undefined } | { ok: false; message: string };

/** `Args.GetBoolOrDefault`: `true`/`1` or `false`/`0`; anything else, or both, is an invalid filter. */
export function boolFilter(filters: FilterArgs, name: string): BoolFilter {
  const values = filters.get(name);
  if (!values) return { ok: true, value: undefined };
  const isFalse = values.has('0') || values.has('false');
  const isTrue = values.has('1') || values.has('true');
  if (isFalse === isTrue) return { ok: false, message: invalidFilter(name, [...values]) };
  return { ok: true, value: isTrue };
}

export type UntilFilter = { ok: true; until: number | undefined } | { ok: false; message: string };

/**
 * The prune `until` filter (`getUntilFromPruneFilters`): a Go duration before now (`24h`), a Unix
 * timestamp (`1700000000`) or an RFC 3339 date or time; one value only. Result in epoch ms.
 */
export function untilFilter(filters: FilterArgs, now: number): UntilFilter {
  const values = filters.get('until');
  if (!values) return { ok: true, until: undefined };
  if (values.size > 1) return { ok: false, message: 'more than one until filter specified' };
  const value = [...values][0];
  const duration = parseGoDuration(value);
  if (duration.ok) return { ok: true, until: now - duration.value };
  if (/^\d+(\.\d{1,9})?$/.test(value)) return { ok: true, until: Math.floor(Number(value) * 1000) };
  if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(value)) {
    const parsed = Date.parse(/T.*(Z|[+-]\d{2}:\d{2})$/.test(value) || !value.includes('T') ? value : `${value}Z`);
    if (!Number.isNaN(parsed)) return { ok: true, until: parsed };
  }
  return { ok: false, message: `failed to parse value as time or duration: ${JSON.stringify(value)}` };
}
