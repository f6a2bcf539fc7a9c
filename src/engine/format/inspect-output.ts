// docker/cli's inspect.Inspect: each reference looked up, printed as indented JSON, `json` or a template.

import type { Output } from '../exec/context.ts';
import { executeTemplate, parseTemplate, dockerTemplateError, type ExecuteOptions, type ParsedTemplate, type TemplateResult } from './go-template.ts';
import { goJson, inspectJson } from './json.ts';

/** A view given as a value, or as a function so it is worked out only when that view is needed. */
export type Lazy<T> = T | (() => T);

function force<T>(value: Lazy<T>): T {
  return typeof value === 'function' ? (value as () => T)() : value;
}

/**
 * One looked-up object. `json` is what prints. Templates run on `value` (the typed API struct, or the
 * JSON itself) with `template`'s options; with `rawFallback`, a template that fails there — or any
 * template when there is no `value` — runs again on the raw JSON decoded into maps, where a missing key
 * is an error, as the client retries with the raw response.
 */
export type InspectLookup =
  | { ok: true; json: Lazy<unknown>; value?: Lazy<unknown>; template?: ExecuteOptions; rawFallback?: boolean }
  | { ok: false; message: string };

/** The raw JSON as the client decodes it when a template needs it (maps everywhere, keys sorted when printed). */
export function rawInspectValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rawInspectValue);
  if (value instanceof Map) return new Map([...value.entries()].map(([key, item]) => [key, rawInspectValue(item)]));
  if (typeof value === 'object' && value !== null) return new Map(Object.entries(value).map(([key, item]) => [key, rawInspectValue(item)]));
  return value;
}

function runTemplate(template: ParsedTemplate, found: Extract<InspectLookup, { ok: true }>): TemplateResult {
  const first = found.value === undefined ? undefined : executeTemplate(template, force(found.value), found.template);
  if (first && (first.ok || !found.rawFallback)) return first;
  return executeTemplate(template, rawInspectValue(force(found.json)), { missingKey: 'error' });
}

/**
 * Prints the objects `references` name and returns the exit code, as `inspect.Inspect` does: output
 * first, then every failure (lookup or template) on stderr, exit 1 if any. A template that does not
 * parse fails before any lookup, with exit 64. Without `format`, objects print as `docker inspect`'s
 * indented array; `json` prints a compact array; a template prints one line per object.
 */
export function writeInspect(out: Output, format: string | undefined, references: readonly string[], lookup: (reference: string) => InspectLookup): number {
  const errors: string[] = [];
  if (format === undefined || format === '' || format === 'json') {
    const objects: unknown[] = [];
    for (const reference of references) {
      const found = lookup(reference);
      if (found.ok) objects.push(force(found.json));
      else errors.push(found.message);
    }
    out.stdout(format === 'json' ? `${goJson(objects)}\n` : inspectJson(objects));
  } else {
    const parsed = parseTemplate(format);
    if (!parsed.ok) {
      out.stderr(`${dockerTemplateError(parsed.error)}\n`);
      return 64;
    }
    let text = '';
    for (const reference of references) {
      const found = lookup(reference);
      if (!found.ok) {
        errors.push(found.message);
        continue;
      }
      const result = runTemplate(parsed.template, found);
      if (result.ok) text += `${result.text}\n`;
      else errors.push(dockerTemplateError(result.error));
    }
    out.stdout(text === '' ? '\n' : text);
  }
  if (errors.length === 0) return 0;
  out.stderr(`${errors.join('\n')}\n`);
  return 1;
}
